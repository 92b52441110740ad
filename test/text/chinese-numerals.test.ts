import { describe, expect, it } from 'vitest';
import { applyChineseUnits, parseChineseNumeral } from '../../src/text/index';

describe('parseChineseNumeral (the shared reader)', () => {
  it('reads the forms both the caliber and the confidentiality areas need', () => {
    expect(parseChineseNumeral('十')).toBe(10);
    expect(parseChineseNumeral('十五')).toBe(15);
    expect(parseChineseNumeral('两十')).toBe(20);
    expect(parseChineseNumeral('一万二千')).toBe(12000);
    expect(parseChineseNumeral('三千五')).toBe(3500);
    expect(parseChineseNumeral('三千零五')).toBe(3005);
    expect(parseChineseNumeral('二〇二四')).toBe(2024);
    expect(parseChineseNumeral('壹万贰仟')).toBe(12000);
    expect(parseChineseNumeral('一点二五')).toBe(1.25);
  });
  it('refuses what is not a numeral', () => {
    expect(parseChineseNumeral('千万')).toBeUndefined();
    expect(parseChineseNumeral('')).toBeUndefined();
    expect(parseChineseNumeral('十x')).toBeUndefined();
    expect(parseChineseNumeral('点五')).toBeUndefined();
  });
  it('scales an Arabic number by Chinese units', () => {
    expect(applyChineseUnits(3, '千万')).toBe(30000000);
    expect(applyChineseUnits(1.2, '万')).toBe(12000);
    expect(applyChineseUnits(1, 'x')).toBeUndefined();
  });
});
