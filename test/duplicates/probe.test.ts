import { describe, expect, it } from 'vitest';
import { createDuplicateIndex, duplicateProbe, fingerprintHashes, fingerprintScheme } from '../../src/duplicates/index';
import { CLINICS, JOB_FAIR, ROADWORKS, prng, randomText } from './fixtures';

describe('duplicateProbe (the query side of an index kept in a database)', () => {
  const texts = [ROADWORKS, CLINICS, JOB_FAIR, ...Array.from({ length: 6 }, (_, i) => randomText(prng(40 + i), 700))];
  const draft = `${ROADWORKS.slice(0, 120)}另据了解，${CLINICS.slice(40, 200)}${randomText(prng(99), 80)}`;

  it('reports exactly what the in-memory index reports for the same candidates', () => {
    const index = createDuplicateIndex();
    texts.forEach((t, i) => index.add(`t${i}`, t, { n: i }));
    const expected = index.query(draft, { limit: 5 });
    expect(expected.length).toBeGreaterThan(1);
    const probe = duplicateProbe(draft);
    expect(probe.matches(texts.map((t, i) => ({ id: `t${i}`, text: t, meta: { n: i } })), { limit: 5 })).toEqual(expected);
  });

  it('hashes are the index fingerprints, distinct unsigned 32-bit integers, under the index scheme', () => {
    const probe = duplicateProbe(ROADWORKS);
    expect(probe.hashes).toEqual(fingerprintHashes(ROADWORKS));
    expect(new Set(probe.hashes).size).toBe(probe.hashes.length);
    expect(probe.hashes.every((h) => Number.isInteger(h) && h >= 0 && h <= 0xffffffff)).toBe(true);
    expect(probe.scheme).toBe('5/16');
    expect(fingerprintScheme({ window: 8 })).toBe('5/8');
    expect(fingerprintHashes(ROADWORKS, { window: 8 }).length).toBeGreaterThan(probe.hashes.length);
  });

  it('validates its inputs', () => {
    expect(() => duplicateProbe(42 as unknown as string)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => duplicateProbe('x').matches([{ id: '', text: 'y' }])).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});
