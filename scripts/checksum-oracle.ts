/**
 * The numbering algorithms of Chinese identifiers, written from the standards, for the scripts
 * that label evaluation corpora (scripts/generate-sensitive-corpus.ts,
 * test/fixtures/confidentiality-eval/build.ts). Deliberately not src/confidentiality/checksums.ts:
 * a label computed by the code it measures would prove nothing.
 */

/** The GB 32100-2015 character set (no I, O, Z, S, V), in value order. */
export const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** ISO 7064 MOD 11-2 check character over 17 digits (GB 11643-1999 resident ID). */
export function idCheck(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (2 ** (17 - i) % 11);
  return '10X98765432'[sum % 11]!;
}

/** GB 32100-2015 check character: 31 − (Σ value × 3^i mod 31) mod 31, with 31 written 0. */
export function creditCheck(body17: string): string {
  let sum = 0;
  let w = 1;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CHARS.indexOf(body17[i]!);
    if (v < 0) throw new Error(`${body17}: ${body17[i]} is not in the GB 32100 character set`);
    sum += v * w;
    w = (w * 3) % 31;
  }
  const c = 31 - (sum % 31);
  return CREDIT_CHARS[c === 31 ? 0 : c]!;
}

/** GB 11714-1997 organisation code check character over its 8 body characters. */
export function orgCheck(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i]!, 36) * weights[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Luhn check digit (ISO/IEC 7812-1) for a payload; separators in it are skipped. */
export function luhnDigit(payload: string): string {
  const digits = payload.replace(/\D/g, '');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}
