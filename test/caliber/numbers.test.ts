import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, parseFigure, sameFigure, toChineseNumeral } from '../../src/caliber/numbers';

describe('parseFigure', () => {
  it.each([
    ['12000', 12000],
    ['12,000', 12000],
    ['1.2万', 12000],
    ['3千万', 30000000],
    ['2万亿', 2e12],
    ['一万二千', 12000],
    ['两千三百万', 23000000],
    ['一亿二千万', 120000000],
    ['十五', 15],
    ['三千五', 3500],
    ['三千零五', 3005],
    ['一万二', 12000],
    ['一点二万', 12000],
    ['壹万贰仟', 12000],
    ['二〇二四', 2024],
  ])('%s = %d', (text, value) => {
    expect(parseFigure(text)?.value).toBe(value);
  });

  it('reads percentages and refuses numeral-looking words', () => {
    expect(parseFigure('百分之三点五')).toEqual({ value: 3.5, percent: true, chinese: true, unit: 1 });
    expect(parseFigure('3.5%')).toMatchObject({ value: 3.5, percent: true, chinese: false });
    expect(parseFigure('千万')).toBeUndefined();
    expect(parseFigure('万')).toBeUndefined();
    expect(sameFigure(parseFigure('1.1万')!, parseFigure('11000')!)).toBe(true);
  });
});

describe('toChineseNumeral', () => {
  it.each([
    [0, '零'],
    [15, '十五'],
    [115, '一百一十五'],
    [1005, '一千零五'],
    [10005, '一万零五'],
    [12000, '一万二千'],
    [100000, '十万'],
    [120000000, '一亿二千万'],
    [100000005, '一亿零五'],
    [3.5, '三点五'],
  ])('%d → %s', (n, text) => {
    expect(toChineseNumeral(n)).toBe(text);
  });

  it('round-trips through parseChineseNumeral for integers up to 10^12', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
      }),
      { numRuns: 500 },
    );
  });
});
