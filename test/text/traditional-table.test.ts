import { describe, expect, it } from 'vitest';
import { foldTraditional, foldTraditionalCode } from '../../src/text/index';
import { TRADITIONAL_TABLE } from '../../src/text/traditional-table';
import { decodeCodes, readNumbers } from '../../src/text/char-codes';

describe('the compact traditional table', () => {
  it('folds as OpenCC TSCharacters says', () => {
    expect(foldTraditional('國務院辦公廳關於進一步優化營商環境')).toBe('国务院办公厅关于进一步优化营商环境');
    expect(foldTraditional('臺灣')).toBe('台湾');
    expect(foldTraditionalCode('国'.charCodeAt(0))).toBe('国'.charCodeAt(0));
  });

  it('holds 2,966 pairs, each changing the character', () => {
    const bar = TRADITIONAL_TABLE.indexOf('|');
    const traditional: number[] = [];
    decodeCodes(TRADITIONAL_TABLE, 0, bar, (c) => traditional.push(c));
    let distances = 0;
    readNumbers(TRADITIONAL_TABLE, bar + 1, TRADITIONAL_TABLE.length, () => distances++);
    expect(traditional).toHaveLength(2966);
    expect(distances).toBe(2966);
    for (const c of traditional) expect(foldTraditionalCode(c)).not.toBe(c);
  });
});
