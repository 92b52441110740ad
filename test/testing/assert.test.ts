import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assert, ContractViolation, firstDifference } from '../../src/testing/assert';
import { GovpubError } from '../../src/errors/govpub-error';

describe('firstDifference', () => {
  it('is null exactly for JSON-equal values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const same = JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
        expect(firstDifference(a, b) === null).toBe(same);
        expect(firstDifference(a, structuredClone(a))).toBeNull();
      }),
    );
  });

  it('treats undefined members as absent, like JSON', () => {
    expect(firstDifference({ a: 1, b: undefined }, { a: 1 })).toBeNull();
    expect(firstDifference({ a: 1 }, { a: 1, b: null })).toBe('$.b: expected null, got undefined');
  });

  it('names the path, comparing ids before other fields', () => {
    expect(firstDifference([{ id: 'x', a: 1 }], [{ id: 'y', a: 2 }])).toBe('$[0].id: expected "y", got "x"');
    expect(firstDifference({ list: [1, 2] }, { list: [1, 2, 3] })).toBe('$.list: expected 3 items, got 2');
    expect(firstDifference({ a: [] }, { a: {} })).toBe('$.a: expected an object, got []');
  });
});

describe('assert.rejects', () => {
  it('returns the GovpubError of the expected code and fails on anything else', async () => {
    const conflict = new GovpubError('CONFLICT', 'stale');
    await expect(assert.rejects(Promise.reject(conflict), 'CONFLICT', 'x')).resolves.toBe(conflict);
    await expect(assert.rejects(Promise.resolve(), 'CONFLICT', 'commit')).rejects.toThrow('commit: expected GovpubError CONFLICT, but it succeeded');
    await expect(assert.rejects(Promise.reject(new Error('boom')), 'CONFLICT', 'commit')).rejects.toBeInstanceOf(ContractViolation);
    await expect(assert.rejects(Promise.reject(new GovpubError('VALIDATION', 'bad')), 'CONFLICT', 'commit')).rejects.toThrow('got VALIDATION: bad');
  });
});

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}
