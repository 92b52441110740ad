/**
 * Reading Chinese numerals, the one copy every area uses: digits (一…九, 〇/零, 两, financial
 * 壹…玖), the small units 十百千 (拾佰仟), the large units 万 and 亿, and a decimal point 点.
 * Callers that accept only some of these forms (a protection period `★十年` accepts numbers
 * below a hundred) check their own pattern first and then call {@link parseChineseNumeral}.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** Every character {@link parseChineseNumeral} reads, for building patterns (`[${CHINESE_NUMERAL_CHARS}]+`). */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟万亿点';

/**
 * The value of a Chinese numeral (`一万二千` 12000, `十五` 15, `三千五` 3500, `二〇二四` 2024,
 * `一点二万` 12000), or `undefined` when it has no digit at all (`千万`) or is not a numeral.
 *
 * @example
 * ```ts
 * parseChineseNumeral('两千三百'); // 2300
 * parseChineseNumeral('千万');     // undefined
 * ```
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (typeof text !== 'string' || !/[零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾]/u.test(text)) return undefined;
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

/**
 * An Arabic number scaled by the Chinese units written after it (`3` and `千万` → 30000000,
 * `1.2` and `万` → 12000), or `undefined` when `units` holds a character that is not a unit.
 *
 * @example
 * ```ts
 * applyChineseUnits(3, '千万'); // 30000000
 * ```
 */
export function applyChineseUnits(base: number, units: string): number | undefined {
  return evaluate([{ kind: 'number', value: base }, ...[...units].map((u) => unitToken(u))]);
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
