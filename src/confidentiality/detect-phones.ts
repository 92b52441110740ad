import { contextOf, type Candidate, type ScanInput } from './candidate';
import { looksLikeQuantity, nearestContext } from './context';
import { isAllocatedMobile, isPlausibleLandline } from './phone-numbers';

// 138 1234 5678 / 138-1234-5678 / 13812345678, optionally after +86, 0086 or (+86). The
// back-reference keeps the two separators the same.
const MOBILE = /(?<![0-9A-Za-z])((?:\+|00)86[ -]?|[(（]\+?86[)）][ -]?)?(1\d\d)([ \-–—]?)(\d{4})\3(\d{4})(?![0-9A-Za-z])/g;
// 186.5712.9876: dots between the groups, only after a phone word (a dotted run is usually a
// figure or a version).
const MOBILE_DOTTED = /(?<![0-9A-Za-z.])(1\d\d)\.(\d{4})\.(\d{4})(?![0-9A-Za-z]|\.\d)/g;
// (010)6512 3456 / 010-65123456 / 0571 8765432 / 0571—87654321: the area code set off by
// brackets or a separator (people type an en or em dash for the hyphen).
const LANDLINE = /(?<![0-9A-Za-z])(?:[(（](0\d{2,3})[)）][ -]?|(0\d{2,3})[ \-–—])([2-9]\d{2,3})[ \-–—]?(\d{4})(?![0-9A-Za-z])/g;
// 020.8765.4321: dots as separators, only with a phone word (a dotted run is usually a figure).
const LANDLINE_DOTTED = /(?<![0-9A-Za-z.])(0\d{2,3})\.([2-9]\d{2,3})\.?(\d{4})(?![0-9A-Za-z]|\.\d)/g;
// +86-10-87654321 / 0086 571 8765 4321: the international form drops the trunk 0 of the area code.
const LANDLINE_INTERNATIONAL = /(?<![0-9A-Za-z+])(?:\+|00)86[ -]?(\d{2,3})[ -]?([2-9]\d{2,3})[ -]?(\d{4})(?![0-9A-Za-z])/g;
// 87654321 / 8765432 / 8765-4321: a local number without its area code, as an office writes
// its own number for local readers; only right after a phone word.
const LANDLINE_LOCAL = /(?<![0-9A-Za-z.\-–—])([2-9]\d{2,3})-?(\d{4})(?![0-9A-Za-z]|[-.]\d)/g;
// Words of the phone category that do not say "fixed line": after 号码, 手机 or 微信号 a bare
// seven- or eight-digit number is something else (a mobile cut short, an account, a code).
const NOT_LANDLINE_WORDS: ReadonlySet<string> = new Set(['号码', '联系人', '微信号', '短信', '手机', '手机号', '手机号码', 'Mobile', 'mobile']);
// What separates the items of a list of numbers: `0571-87654321、87654322`.
const LIST_SEPARATOR = /[、,，\/ 和或及]/;
const PHONE_CHAR = /[0-9\-–—()（）+ ]/;
// 01065123456: only with a phone word nearby, since a bare run of digits may be anything.
const LANDLINE_PLAIN = /(?<![0-9A-Za-z])0\d{9,11}(?![0-9A-Za-z])/g;

/** @internal Mobile numbers with an allocated prefix, unless the context makes them figures or other codes. */
export function detectMobiles(input: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  for (const m of input.folded.matchAll(MOBILE)) {
    const number = m[2]! + m[4]! + m[5]!;
    if (!isAllocatedMobile(number)) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (looksLikeQuantity(input.folded, start, end)) continue;
    const cats = contextOf(input, start, end);
    let confidence: number;
    if (cats.includes('phone')) confidence = 0.97;
    else if (cats.length > 0) continue; // 订单号, 金额, 身份证号…: something else that happens to look like a phone number
    else confidence = m[1] ? 0.95 : 0.85;
    out.push({ kind: 'mobile', start, end, confidence, reason: `号段 ${number.slice(0, 3)} 已分配`, details: { prefix: number.slice(0, 3) } });
  }
  for (const m of input.folded.matchAll(MOBILE_DOTTED)) {
    const number = m[1]! + m[2]! + m[3]!;
    if (!isAllocatedMobile(number)) continue;
    const start = m.index;
    const end = start + m[0].length;
    const cats = contextOf(input, start, end);
    if (!cats.includes('phone') || cats.includes('ordinary')) continue;
    out.push({ kind: 'mobile', start, end, confidence: 0.9, reason: `号段 ${number.slice(0, 3)} 已分配（点号分隔，有电话语境）`, details: { prefix: number.slice(0, 3) } });
  }
  return out;
}

/** @internal Fixed-line numbers with a plausible area code and local number. */
export function detectLandlines(input: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  const push = (start: number, end: number, area: string, formatted: boolean) => {
    if (looksLikeQuantity(input.folded, start, end)) return;
    const cats = contextOf(input, start, end);
    const phone = cats.includes('phone');
    if (!phone && (cats.length > 0 || !formatted)) return;
    out.push({
      kind: 'landline',
      start,
      end,
      confidence: phone ? (formatted ? 0.95 : 0.8) : 0.85,
      reason: `区号 ${area}`,
      details: { areaCode: area },
    });
  };
  for (const m of input.folded.matchAll(LANDLINE)) {
    const area = (m[1] ?? m[2])!;
    if (!isPlausibleLandline(area, m[3]! + m[4]!)) continue;
    push(m.index, m.index + m[0].length, area, true);
  }
  for (const m of input.folded.matchAll(LANDLINE_PLAIN)) {
    const digits = m[0];
    const area = [3, 4].map((n) => digits.slice(0, n)).find((a) => isPlausibleLandline(a, digits.slice(a.length)));
    if (area) push(m.index, m.index + digits.length, area, false);
  }
  for (const m of input.folded.matchAll(LANDLINE_DOTTED)) {
    if (!isPlausibleLandline(m[1]!, m[2]! + m[3]!)) continue;
    push(m.index, m.index + m[0].length, m[1]!, false);
  }
  for (const m of input.folded.matchAll(LANDLINE_INTERNATIONAL)) {
    const area = `0${m[1]}`;
    if (!isPlausibleLandline(area, m[2]! + m[3]!)) continue;
    push(m.index, m.index + m[0].length, area, true);
  }
  out.push(...detectLocalLandlines(input));
  return out;
}

// Seven or eight digits after a phone word that says "telephone" (电话, 传真, 热线, Tel…), or
// continuing a list of numbers that such a word introduced. Dates (20240518) and quantities are not numbers to dial.
function detectLocalLandlines(input: ScanInput): Candidate[] {
  const out: Candidate[] = [];
  const text = input.folded;
  for (const m of text.matchAll(LANDLINE_LOCAL)) {
    const start = m.index;
    const end = start + m[0].length;
    const digits = m[1]! + m[2]!;
    if (digits.length === 8 && /^(?:19|20)\d{6}$/.test(digits) && isDate(digits)) continue;
    if (looksLikeQuantity(text, start, end)) continue;
    if (!saysTelephone(input, listStart(text, start), end)) continue;
    out.push({ kind: 'landline', start, end, confidence: 0.7, reason: '本地号码（无区号），有电话语境', details: { areaCode: null } });
  }
  return out;
}

function saysTelephone(input: ScanInput, start: number, end: number): boolean {
  const cats = contextOf(input, start, end);
  if (!cats.includes('phone') || cats.includes('ordinary')) return false;
  const hit = nearestContext(input.folded, start, end, input.window);
  // No word nearby means the categories came from a table's column header, which named a phone.
  if (hit === null) return true;
  if (NOT_LANDLINE_WORDS.has(hit.word)) return false;
  // The word must label the number (`电话：`, `传真 `, `电话为`), not open a sentence of figures
  // about the line (`热线全年接听量达3562148`).
  return LABEL_GAP.test(input.folded.slice(start - hit.distance, start));
}

const LABEL_GAP = /^[ \t:：()（）]*(?:为|是)?[ \t:：]*$/;

// Where the list holding the number at `start` begins: `电话：0571-87654321、87654322` reads
// the second number from the first one's position, so the label before the list applies.
function listStart(text: string, start: number): number {
  let at = start;
  // A list is short; the bound keeps a text of endless numbers linear.
  const floor = Math.max(0, start - 120);
  for (;;) {
    if (at <= floor) return at;
    let i = at;
    while (i > 0 && LIST_SEPARATOR.test(text[i - 1]!)) i--;
    if (i === at || i === 0 || !/\d/.test(text[i - 1]!)) return at;
    while (i > 0 && PHONE_CHAR.test(text[i - 1]!)) i--;
    at = i;
  }
}

function isDate(yyyymmdd: string): boolean {
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}
