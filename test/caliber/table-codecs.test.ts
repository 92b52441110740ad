import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCodes, encodeCodes, encodeNumber, readNumbers } from '../../src/text/char-codes';
import { decodeWordList } from '../../src/caliber/word-list';
import { encodeWordList } from '../../scripts/caliber/word-list-encoding';
import { readingsOf } from '../../src/caliber/roster/homophones';
import { HOMOPHONE_TABLE } from '../../src/caliber/lexicon/word-table';
import { wordTable } from '../../src/caliber/lexicon/lexicon';

describe('char-codes', () => {
  it('round-trips ascending code lists and numbers', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 60 }), (xs) => {
        const codes = [...xs].sort((a, b) => a - b);
        const back: number[] = [];
        const text = encodeCodes(codes);
        decodeCodes(text, 0, text.length, (c) => back.push(c));
        expect(back).toEqual(codes);
        const numbers: number[] = [];
        const joined = codes.map(encodeNumber).join('');
        readNumbers(joined, 0, joined.length, (n) => numbers.push(n));
        expect(numbers).toEqual(codes);
      }),
    );
  });
});

describe('word-list', () => {
  it('round-trips a word table', () => {
    const words = fc.uniqueArray(fc.string({ unit: fc.constantFrom(...'一二国家中华人民共和'), minLength: 1, maxLength: 4 }), { maxLength: 80 });
    fc.assert(
      fc.property(words, fc.array(fc.integer({ min: 4, max: 25 }), { minLength: 80, maxLength: 80 }), (ws, buckets) => {
        const plain = [...ws].sort().map((w, i) => w + String.fromCharCode(97 + buckets[i]!)).join('');
        const { chars, list } = encodeWordList(plain);
        expect(decodeWordList(chars, list)).toBe(plain);
      }),
    );
  });

  it('decodes the shipped table to words with buckets, and the roster reads the homophone groups', () => {
    const table = wordTable();
    expect(table.startsWith('一s一一l')).toBe(true);
    expect(table).toMatch(/^(?:[\u3400-\u9fff\uf900-\ufaff]{1,4}[a-z])+$/u);
    // Every toneless reading of the lexicon's groups, and no other, for a sample of characters.
    for (const ch of '王建健华乐行长重') {
      const expected = new Set<string>();
      for (const group of HOMOPHONE_TABLE.split('|')) if (group.slice(group.indexOf(':') + 1).includes(ch)) expected.add(group.slice(0, group.indexOf(':')).replace(/\d$/, ''));
      expect(new Set(readingsOf(ch))).toEqual(expected);
    }
  });
});
