/**
 * Reading and writing figures the way Chinese official texts state them: Arabic numerals
 * (`12,000`, `1.2`), Chinese numerals (`一万二千`, `两千三百`, `一点五`, financial
 * `壹万贰仟`), the large units 万 and 亿 after either (`1.2万`, `3千万`), and percentages
 * (`3.5%`, `百分之三点五`).
 */

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

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** Chinese numeral characters, for building patterns. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟万亿点';

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
    const value = units ? applyUnits(base, units) : base;
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

/** An Arabic number followed by Chinese units, as in `3千万`: the number is the first digit group. */
function applyUnits(base: number, units: string): number | undefined {
  return evaluate([{ kind: 'number', value: base }, ...[...units].map((u) => unitToken(u))]);
}

/**
 * The value of a Chinese numeral (`一万二千` 12000, `十五` 15, `三千五` 3500, `一点二万` 12000),
 * or `undefined` when it has no digit at all.
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (!/[零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾]/u.test(text)) return undefined;
  const tokens: Token[] = [];
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const last = tokens[tokens.length - 1];
    if (ch === '点') {
      // Digits after 点 are read one by one: 一点二五 = 1.25.
      let fraction = '';
      while (i + 1 < chars.length && DIGITS[chars[i + 1]!] !== undefined) fraction += String(DIGITS[chars[++i]!]);
      if (!fraction || !last || last.kind !== 'number') return undefined;
      last.value = Number(`${last.value}.${fraction}`);
      continue;
    }
    const digit = DIGITS[ch];
    if (digit !== undefined) {
      // Digit after digit, as in years (二〇二四) or 三千零五: concatenate, remembering a
      // leading 零 because it changes how a final digit is read.
      if (last && last.kind === 'number') last.value = last.value * 10 + digit;
      else tokens.push({ kind: 'number', value: digit, leadingZero: digit === 0 });
      continue;
    }
    tokens.push(unitToken(ch));
  }
  return evaluate(tokens);
}

type Token = { kind: 'number'; value: number; leadingZero?: boolean } | { kind: 'unit'; value: number };

function unitToken(ch: string): Token {
  if (ch === '万') return { kind: 'unit', value: 1e4 };
  if (ch === '亿') return { kind: 'unit', value: 1e8 };
  return { kind: 'unit', value: SMALL_UNITS[ch] ?? NaN };
}

// Sections: small units (十百千) build a section below 万; 万 scales the section; 亿 closes
// everything so far. A digit left over after a unit is read colloquially (三千五 = 3500).
function evaluate(tokens: Token[]): number | undefined {
  let total = 0;
  let section = 0;
  let pending = 0;
  let hasPending = false;
  let lastUnit = 0;
  for (const t of tokens) {
    if (Number.isNaN(t.value)) return undefined;
    if (t.kind === 'number') {
      pending = t.value;
      hasPending = true;
      continue;
    }
    const u = t.value;
    if (u < 1e4) {
      section += (hasPending ? pending : 1) * u;
    } else if (u === 1e4) {
      section = (section + (hasPending ? pending : 0)) * u;
      if (section === 0) section = u;
    } else {
      total = (total + section + (hasPending ? pending : 0)) * u;
      if (total === 0) total = u;
      section = 0;
    }
    pending = 0;
    hasPending = false;
    lastUnit = u;
  }
  if (hasPending) {
    // 三千五: a bare digit after a unit is one step below it; 三千零五 (with 零) is not.
    const final = tokens[tokens.length - 1]!;
    const colloquial = lastUnit >= 10 && final.kind === 'number' && !final.leadingZero && pending < 10;
    section += colloquial ? pending * (lastUnit / 10) : pending;
  }
  return total + section;
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
