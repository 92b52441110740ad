import { describe, expect, expectTypeOf, it } from 'vitest';
import * as deferred from '../../src/caliber/lexicon/dictionaries/deferred';
import * as eager from '../../src/caliber/lexicon/dictionaries/eager';
import { isGovpubError } from '../../src/errors/index';

// The two modules package.json's `#dictionaries` maps to (see src/caliber/lexicon/dictionaries/
// eager.ts): code is written against the eager one, so the deferred one must be its twin.
describe('the two #dictionaries modules', () => {
  it('export the same names with the same types', () => {
    expect(Object.keys(deferred).sort()).toEqual(Object.keys(eager).filter((k) => k !== 'default').sort());
    expectTypeOf(deferred.dictionaryTables).toEqualTypeOf(eager.dictionaryTables);
    expectTypeOf(deferred.loadDictionaries).toEqualTypeOf(eager.loadDictionaries);
    expectTypeOf(deferred.dictionariesLoaded).toEqualTypeOf(eager.dictionariesLoaded);
  });

  it('eager: loaded from the start', async () => {
    expect(eager.dictionariesLoaded()).toBe(true);
    await expect(eager.loadDictionaries()).resolves.toBeUndefined();
    expect(eager.dictionaryTables().WORD_LIST.length).toBeGreaterThan(100_000);
  });

  it('deferred: refuses until loaded, then gives the very same tables', async () => {
    expect(deferred.dictionariesLoaded()).toBe(false);
    let error: unknown;
    try {
      deferred.dictionaryTables();
    } catch (e) {
      error = e;
    }
    expect(isGovpubError(error) && error.code === 'VALIDATION' && error.details.issues[0]?.path).toEqual(['dictionaries']);
    // Two callers at once share one fetch.
    expect(deferred.loadDictionaries()).toBe(deferred.loadDictionaries());
    await deferred.loadDictionaries();
    expect(deferred.dictionariesLoaded()).toBe(true);
    const [a, b] = [deferred.dictionaryTables(), eager.dictionaryTables()];
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    for (const key of Object.keys(b) as (keyof typeof b)[]) expect(a[key]).toBe(b[key]);
  });
});
