import { describe, expect, it } from 'vitest';
import { BUILTIN_PACKS, defaultRuleSets } from '../../src/caliber/index';

describe('BUILTIN_PACKS', () => {
  // The keys are written out (so that bundlers can drop unused packs); they must stay the ids.
  it('keys every pack by its own id', () => {
    for (const [key, set] of Object.entries(BUILTIN_PACKS)) expect(set.id).toBe(key);
  });

  it('holds every default rule set', () => {
    for (const set of defaultRuleSets) expect(BUILTIN_PACKS[set.id]).toBe(set);
  });
});
