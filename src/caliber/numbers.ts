/**
 * Reading and writing figures the way Chinese official texts state them: Arabic numerals
 * (`12,000`, `1.2`), Chinese numerals (`一万二千`, `两千三百`, `一点五`, financial
 * `壹万贰仟`), the large units 万 and 亿 after either (`1.2万`, `3千万`), and percentages
 * (`3.5%`, `百分之三点五`).
 */

import { applyChineseUnits, CHINESE_NUMERAL_CHARS, parseChineseNumeral } from '../text/index';

// Chinese numerals are read by the one reader in `text/`; re-exported here for the caliber area's callers.
export { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from '../text/index';

/** A figure read from text: its value and how it was written. */
export interface Figure {
  /** The value, with 万/亿 applied and without the percent (`3.5%` → 3.5). */
  value: number;
  percent: boolean;
  /** Written with Chinese numerals (`一万二千`) rather than Arabic (`12000`, `1.2万`). */
  chinese: boolean;
  /**
   * The large unit the figure is scaled by as written: 1e4 for `1.2万`, 1e8 for `3亿`, 1e12 for
   * `2万亿`; 1 when the digits carry the magnitude (`12000`, `一万二千`).
   */
  unit: number;
}

/**
 * Source of a regular expression matching one figure: optional 百分之, then Arabic digits
 * (thousands commas, decimals) with optional 十百千万亿 units, or a run of Chinese numerals;
 * then an optional `%`. Groups: 1 百分之, 2 Arabic digits, 3 their units, 4 Chinese, 5 `%`.
 */
export const FIGURE_SOURCE =
  '(百分之)?(?:((?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?)([十百千万亿]*)|([' + CHINESE_NUMERAL_CHARS + ']+))(%?)';

/**
 * Parses a figure (Arabic or Chinese numerals, 万/亿, percent), or returns `undefined` when `text`
 * is not one (e.g. `千万` without a digit, as in `千万不要`).
 *
 * @example
 * ```ts
 * parseFigure('1.2万')?.value     // 12000
 * parseFigure('一万二千')?.value  // 12000
 * parseFigure('百分之三点五')      // { value: 3.5, percent: true, chinese: true, unit: 1 }
 * ```
 */
export function parseFigure(text: string): Figure | undefined {
  const m = new RegExp(`^${FIGURE_SOURCE}$`, 'u').exec(text.trim());
  if (!m) return undefined;
  const percent = m[1] !== undefined || m[5] === '%';
  if (m[2] !== undefined) {
    const digits = m[2].replace(/,/g, '');
    const base = Number(digits);
    if (!Number.isFinite(base)) return undefined;
    const units = m[3] ?? '';
    const value = units ? applyChineseUnits(base, units) : base;
    if (value === undefined) return undefined;
    return { value: tidy(value), percent, chinese: false, unit: trailingUnit(units) };
  }
  const chinese = m[4]!;
  const value = parseChineseNumeral(chinese);
  if (value === undefined) return undefined;
  // Chinese numerals carry their magnitude themselves (一亿二千万); only a decimal before the
  // unit (一点二万) makes the unit part of how the figure is written.
  return { value: tidy(value), percent, chinese: true, unit: chinese.includes('点') ? trailingUnit(chinese) : 1 };
}

function trailingUnit(units: string): number {
  if (units.endsWith('万亿')) return 1e12;
  if (units.endsWith('亿')) return 1e8;
  if (units.endsWith('万')) return 1e4;
  return 1;
}

/** Removes binary floating-point noise (1.1 × 10000 = 11000.000000000002). */
export function tidy(n: number): number {
  return Number(n.toPrecision(12));
}

/** Whether two figures state the same quantity. */
export function sameFigure(a: Figure, b: Figure): boolean {
  if (a.percent !== b.percent) return false;
  return Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value), Math.abs(b.value));
}

const CHINESE_DIGITS = '零一二三四五六七八九';

/**
 * Writes a non-negative number in Chinese numerals (`12000` → `一万二千`, `3.5` → `三点五`).
 * Integers up to 10^16; digits after the point are read one by one.
 */
export function toChineseNumeral(n: number): string {
  const [intPart, fraction] = String(tidy(n)).split('.') as [string, string | undefined];
  const whole = Number(intPart);
  let s = whole === 0 ? '零' : groups(whole);
  if (fraction) s += '点' + [...fraction].map((d) => CHINESE_DIGITS[Number(d)]).join('');
  return s;
}

function groups(n: number): string {
  const yi = Math.floor(n / 1e8);
  const rest = n % 1e8;
  const wan = Math.floor(rest / 1e4);
  const low = rest % 1e4;
  let s = '';
  if (yi) s += groups(yi) + '亿';
  if (wan) s += (yi && wan < 1000 ? '零' : '') + below10000(wan) + '万';
  if (low) s += ((yi || wan) && low < 1000 ? '零' : '') + below10000(low);
  // 一十五 is written 十五 when it stands alone.
  return s.startsWith('一十') ? s.slice(1) : s;
}

function below10000(n: number): string {
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0');
  let s = '';
  let zero = false;
  for (let i = 0; i < 4; i++) {
    const d = Number(digits[i]);
    if (d === 0) {
      if (s) zero = true;
      continue;
    }
    if (zero) s += '零';
    zero = false;
    s += CHINESE_DIGITS[d] + units[i]!;
  }
  return s;
}

/** Writes `value` the way `like` was written (Arabic or Chinese, same 万/亿 unit, percent form). */
export function formatLike(value: number, like: Figure): string {
  const unitChar = like.unit === 1e12 ? '万亿' : like.unit === 1e8 ? '亿' : like.unit === 1e4 ? '万' : '';
  const scaled = tidy(value / like.unit);
  if (like.chinese) {
    const body = toChineseNumeral(scaled) + unitChar;
    return like.percent ? `百分之${body}` : body;
  }
  const body = `${scaled}${unitChar}`;
  return like.percent ? `${body}%` : body;
}
