import { validationError } from '../errors/index';
import { requireObject, requireString } from '../text/index';
import { isProvinceCode } from './regions';

// ---------------------------------------------------------------------------------------
// GB 11643-1999 公民身份号码: 6-digit address code, 8-digit birth date, 3-digit sequence,
// and a check character computed with ISO 7064:1983 MOD 11-2.
// ---------------------------------------------------------------------------------------

// Weight of position i is 2^(17-i) mod 11 (ISO 7064 MOD 11-2), precomputed.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/**
 * The check character (`0`–`9` or `X`) of an 18-character resident ID whose first 17
 * characters are `body` (ISO 7064 MOD 11-2, GB 11643-1999 §7). Returns `null` unless `body`
 * is exactly 17 digits.
 *
 * @example
 * ```ts
 * residentIdCheckCharacter('11010519491231002') // 'X'
 * ```
 */
export function residentIdCheckCharacter(body: string): string | null {
  if (typeof body !== 'string') requireString(body, 'residentIdCheckCharacter', 'body');
  if (!/^\d{17}$/.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** Options of {@link isValidResidentId}. */
export interface ResidentIdOptions {
  /** Birth dates after this instant are impossible. Default: the current time. */
  now?: Date;
}

/**
 * True when `id` is a valid 18-character resident ID number (GB 11643-1999): a real
 * province-level address code, a real calendar date from 1900 up to `now` (China Standard
 * Time), and the right MOD 11-2 check character. A lower-case `x` is accepted as `X`,
 * since people type it that way.
 *
 * @example
 * ```ts
 * isValidResidentId('11010519491231002X') // true
 * isValidResidentId('110105194912310021') // false: wrong check character
 * isValidResidentId('110105194902300028') // false: 30 February
 * ```
 */
export function isValidResidentId(id: string, options: ResidentIdOptions = {}): boolean {
  if (typeof id !== 'string') requireString(id, 'isValidResidentId', 'id');
  if (typeof options !== 'object' || options === null) requireObject(options, 'isValidResidentId', 'options');
  if (typeof id !== 'string' || !/^\d{17}[\dXx]$/.test(id)) return false;
  if (!isProvinceCode(id)) return false;
  if (!isRealBirthDate(id.slice(6, 14), options.now ?? new Date())) return false;
  return residentIdCheckCharacter(id.slice(0, 17)) === id[17]!.toUpperCase();
}

const CST_OFFSET_MS = 8 * 3600 * 1000;

/** True for a YYYYMMDD string that is a real date between 1900-01-01 and `now` (UTC+8). */
export function isRealBirthDate(yyyymmdd: string, now: Date): boolean {
  if (typeof yyyymmdd !== 'string') requireString(yyyymmdd, 'isRealBirthDate', 'yyyymmdd');
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw validationError('isRealBirthDate', [{ path: ['now'], message: 'expected a valid Date' }]);
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  // Day 0 of the next month is the last day of this month, leap years included.
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return false;
  const today = new Date(now.getTime() + CST_OFFSET_MS);
  const todayKey = today.getUTCFullYear() * 10000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate();
  return y * 10000 + m * 100 + d <= todayKey;
}

// ---------------------------------------------------------------------------------------
// GB 11714-1997 全国组织机构代码: 8 body characters and a MOD 11 check character.
// ---------------------------------------------------------------------------------------

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

function alnumValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55; // A = 10 … Z = 35
  return -1;
}

/**
 * The check character of an organisation code whose 8 body characters are `body`
 * (GB 11714-1997: weights 3 7 9 10 5 8 4 2, C9 = 11 − Σ mod 11, 10 → `X`, 11 → `0`).
 * Returns `null` unless `body` is 8 digits or upper-case letters.
 */
export function organizationCodeCheckCharacter(body: string): string | null {
  if (typeof body !== 'string') requireString(body, 'organizationCodeCheckCharacter', 'body');
  if (!/^[0-9A-Z]{8}$/.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += alnumValue(body[i]!) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * True when `code` is a valid 9-character organisation code (GB 11714-1997), with or
 * without the customary hyphen before the check character (`12345678-9`).
 */
export function isValidOrganizationCode(code: string): boolean {
  if (typeof code !== 'string') requireString(code, 'isValidOrganizationCode', 'code');
  if (typeof code !== 'string') return false;
  const plain = code.length === 10 && code[8] === '-' ? code.slice(0, 8) + code[9] : code;
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(plain)) return false;
  return organizationCodeCheckCharacter(plain.slice(0, 8)) === plain[8];
}

// ---------------------------------------------------------------------------------------
// GB 32100-2015 法人和其他组织统一社会信用代码: registration authority (1), organisation type
// (1), administrative division (6), organisation code (9, GB 11714), check character (1),
// over a 31-character alphabet without I, O, Z, S, V; check character MOD 31.
// ---------------------------------------------------------------------------------------

/** The 31 characters of GB 32100-2015, in value order (0 … 30). */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// Weight of position i is 3^i mod 31.
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/**
 * Registration-authority codes (first character): 1 机构编制, 5 民政, 9 工商/市场监管 and
 * Y 其他 from GB 32100-2015, and the codes added later for 外交 2, 司法行政 3, 文化 4, 旅游 6,
 * 宗教 7, 工会 8, 中央军委改革和编制办公室 A and 农业 N.
 */
const CREDIT_AUTHORITIES = '123456789ANY';

/**
 * The MOD 31 check character of a credit code whose first 17 characters are `body`
 * (GB 32100-2015 §5: C18 = 31 − Σ(Ci × Wi) mod 31, where a result of 31 is written `0`).
 * Returns `null` if `body` is not 17 characters of the GB 32100 alphabet.
 */
export function creditCodeCheckCharacter(body: string): string | null {
  if (typeof body !== 'string') requireString(body, 'creditCodeCheckCharacter', 'body');
  if (body.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(body[i]!);
    if (v < 0) return null;
    sum += v * CREDIT_WEIGHTS[i]!;
  }
  // 31 − 0 = 31 has no character; the standard writes it as 0. `% 31` does exactly that.
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/**
 * True when `code` is a valid unified social credit code (GB 32100-2015): 18 characters
 * of the GB 32100 alphabet, a known registration authority, a province-level division code
 * (or `10`, used by central bodies), an embedded organisation code that passes its own
 * GB 11714 check, and the right MOD 31 check character.
 *
 * @example
 * ```ts
 * isValidCreditCode('91110000100000000X') // false: check characters do not match
 * ```
 */
export function isValidCreditCode(code: string): boolean {
  if (typeof code !== 'string') requireString(code, 'isValidCreditCode', 'code');
  if (typeof code !== 'string' || code.length !== 18) return false;
  if (!CREDIT_AUTHORITIES.includes(code[0]!)) return false;
  if (!/^[1-9]$/.test(code[1]!)) return false;
  const region = code.slice(2, 8);
  if (!/^\d{6}$/.test(region) || !(isProvinceCode(region) || region.startsWith('10'))) return false;
  if (!isValidOrganizationCode(code.slice(8, 17))) return false;
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17];
}

// ---------------------------------------------------------------------------------------
// Luhn (ISO/IEC 7812-1 Annex B), used by payment cards.
// ---------------------------------------------------------------------------------------

/**
 * True when the digit string passes the Luhn check (ISO/IEC 7812-1). Non-digits make it
 * false; separators must be removed first.
 *
 * @example
 * ```ts
 * luhn('4111111111111111') // true
 * luhn('4111111111111112') // false
 * ```
 */
export function luhn(digits: string): boolean {
  if (typeof digits !== 'string') requireString(digits, 'luhn', 'digits');
  if (typeof digits !== 'string' || !/^\d{2,}$/.test(digits)) return false;
  return luhnSum(digits, false) % 10 === 0;
}

/** The Luhn check digit to append to `payload` (digits only), or `null` for non-digits. */
export function luhnCheckDigit(payload: string): string | null {
  if (typeof payload !== 'string') requireString(payload, 'luhnCheckDigit', 'payload');
  if (!/^\d+$/.test(payload)) return null;
  return String((10 - (luhnSum(payload, true) % 10)) % 10);
}

// Doubles every second digit from the right; `shift` when the check digit is not yet there.
function luhnSum(digits: string, shift: boolean): number {
  let sum = 0;
  for (let i = digits.length - 1, k = shift ? 1 : 0; i >= 0; i--, k++) {
    let d = digits.charCodeAt(i) - 48;
    if (k % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}
