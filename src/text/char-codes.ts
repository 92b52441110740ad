/**
 * Numbers, and sorted lists of character codes written as ASCII deltas, for data tables that
 * ship in the package. Why: a bundler writes every Chinese character of a string literal as a six-byte
 * `\uXXXX` escape, so a table of 9,000 characters weighed 62 KB minified and 27 KB gzipped;
 * as deltas between sorted codes it is a third of that, and parsing it is one pass.
 *
 * Each delta is written in base 32, most significant digit first: every digit but the last
 * from {@link MORE}, the last from {@link LAST}. Neither alphabet needs escaping in a string
 * literal, and neither holds `|` or `:`, which tables may use as separators.
 */

const LAST = '0123456789abcdefghijklmnopqrstuv';
const MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*';

/** Encodes ascending `codes` as deltas (the first from 0). */
export function encodeCodes(codes: readonly number[]): string {
  let out = '';
  let previous = 0;
  for (const code of codes) {
    const delta = code - previous;
    if (delta < 0) throw new RangeError('encodeCodes: codes must ascend');
    previous = code;
    out += encodeNumber(delta);
  }
  return out;
}

// Digit value of each character code of both alphabets; -1 elsewhere.
let values: Int8Array | undefined;
function digitValues(): Int8Array {
  if (values) return values;
  values = new Int8Array(128).fill(-1);
  for (let i = 0; i < 32; i++) {
    values[LAST.charCodeAt(i)] = i;
    values[MORE.charCodeAt(i)] = i;
  }
  return values;
}

/** One number in the digits of {@link encodeCodes} (the table of words writes ranks so). */
export function encodeNumber(value: number): string {
  let digits = LAST[value % 32]!;
  value = Math.floor(value / 32);
  while (value > 0) {
    digits = MORE[value % 32]! + digits;
    value = Math.floor(value / 32);
  }
  return digits;
}

/** Decodes `text.slice(start, end)` written by {@link encodeCodes}, calling `each` with every code. */
export function decodeCodes(text: string, start: number, end: number, each: (code: number) => void): void {
  let code = 0;
  readNumbers(text, start, end, (delta) => each((code += delta)));
}

/**
 * Reads the numbers written by {@link encodeNumber} in `text.slice(start, end)`; a character of
 * neither alphabet is passed to `other` (a separator of the caller's format), or is an error
 * without it.
 */
export function readNumbers(text: string, start: number, end: number, each: (value: number) => void, other?: (code: number) => void): void {
  const value = digitValues();
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? value[c]! : -1;
    if (v < 0) {
      if (!other) throw new RangeError(`readNumbers: unexpected character at ${i}`);
      other(c);
      continue;
    }
    n = n * 32 + v;
    // Lower-case letters and digits end a number.
    if ((c >= 48 && c <= 57) || c >= 97) {
      each(n);
      n = 0;
    }
  }
}
