import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LiteralAutomaton } from '../../src/caliber/automaton';

function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p, id) => {
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) out.push(`${i + p.length}:${id}`);
  });
  return out.sort();
}

function scan(patterns: string[], text: string): string[] {
  const m = new LiteralAutomaton(patterns).scan(text);
  const out: string[] = [];
  for (let k = 0; k < m.count; k++) out.push(`${m.ends[k]}:${m.patterns[k]}`);
  return out.sort();
}

describe('LiteralAutomaton', () => {
  it('finds every occurrence, overlapping and nested ones included', () => {
    expect(scan(['he', 'she', 'his', 'hers'], 'ushers')).toEqual(naive(['he', 'she', 'his', 'hers'], 'ushers'));
    expect(scan(['aa'], 'aaaa')).toEqual(['2:0', '3:0', '4:0']);
  });

  it('agrees with a naive search on random small alphabets (where failure links matter most)', () => {
    const word = fc.string({ unit: fc.constantFrom('甲', '乙', '丙', 'a'), minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 30 }), fc.string({ unit: fc.constantFrom('甲', '乙', '丙', 'a', 'b'), maxLength: 200 }), (patterns, text) => {
        expect(scan(patterns, text)).toEqual(naive(patterns, text));
      }),
      { numRuns: 300 },
    );
  });

  it('handles surrogate pairs as two code units and rejects empty patterns', () => {
    expect(scan(['𠮷野'], '𠮷野家')).toEqual(['3:0']);
    expect(() => new LiteralAutomaton([''])).toThrow(RangeError);
  });
});
