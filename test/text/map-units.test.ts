import { describe, expect, it } from 'vitest';
import { mapUnits, unitsToString } from '../../src/text/index';

describe('mapUnits', () => {
  it('returns null when no unit changes, and the mapped units otherwise', () => {
    expect(mapUnits('abc', (c) => c)).toBeNull();
    expect(mapUnits('', () => 0x41)).toBeNull();
    expect([...mapUnits('aBc', (c) => (c === 0x42 ? 0x62 : c))!]).toEqual([0x61, 0x62, 0x63]);
  });
  it('keeps the length and sees each half of a surrogate pair as a unit', () => {
    const seen: number[] = [];
    const out = mapUnits('😀x', (c) => (seen.push(c), c === 0x78 ? 0x79 : c));
    expect(seen).toEqual([0xd83d, 0xde00, 0x78]);
    expect(unitsToString(out!)).toBe('😀y');
  });
  it('unitsToString keeps lone surrogates and handles more than one chunk', () => {
    expect(unitsToString(new Uint16Array([0xd800, 0x41]))).toBe('\uD800A');
    const long = new Uint16Array(20000).fill(0x4e00);
    expect(unitsToString(long)).toBe('一'.repeat(20000));
  });
});
