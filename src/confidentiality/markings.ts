// zod/mini rather than the classic API: this loads with detectSensitive on a browser page that
// only checks wording (see scripts/size.ts); the messages are the same.
import * as z from 'zod/mini';
import { parseOrThrow, validationError } from '../errors/index';
import { MAX_TEXT_LENGTH, parseChineseNumeral } from '../text/index';
import { foldForScan } from './fold';
import { assertLevel, type Level } from './levels';

/**
 * A protection period (保密期限) as written after the `★` of a marking:
 *
 * - `{ years: n }` for `★n年` (`机密★1年` → `{ years: 1 }`);
 * - `{ months: n }` for `★n个月` (`秘密★6个月` → `{ months: 6 }`), kept in months as written
 *   rather than converted, so the marking round-trips;
 * - `'long-term'` for `★长期`;
 * - `{ until: text }` for a declassification date or condition (`★2030年12月31日前`,
 *   `★启用前`), with the text as written.
 *
 * A marking without a period has `period: null`; by law the maximum for its level applies.
 */
export type ProtectionPeriod = { years: number } | { months: number } | 'long-term' | { until: string };

/** A classification or internal marking found by {@link parseMarking}. Offsets are UTF-16, `end` exclusive. */
export interface Marking {
  level: Level;
  period: ProtectionPeriod | null;
  start: number;
  end: number;
}

/**
 * Where a marking sits: `head` (at the start of one of the first three non-empty lines,
 * where GB/T 9704-2012 puts 份号, 密级和保密期限 and 紧急程度), `section` (at the start of a
 * later line, before a paragraph) or `inline` (a `★` form or a bracketed mark elsewhere in a line).
 */
export type MarkingPlacement = 'head' | 'section' | 'inline';

/** A marking with its text, kind and placement, as {@link findMarkings} returns it. */
export interface MarkingMatch extends Marking {
  kind: 'classification-marking' | 'internal-marking';
  /** `text.slice(start, end)`: the marking as written, e.g. `机密★1年` or `【内部】`. */
  text: string;
  placement: MarkingPlacement;
}

/** The state-secret levels, which have a statutory maximum protection period. */
export type StateSecretLevel = 'secret' | 'confidential' | 'top-secret';

/**
 * The longest protection period the law allows by default, in years: 绝密 30, 机密 20,
 * 秘密 10 (保守国家秘密法, article on 保密期限: "除另有规定外，绝密级不超过三十年，机密级
 * 不超过二十年，秘密级不超过十年").
 */
export const MAX_PROTECTION_YEARS: Readonly<Record<StateSecretLevel, number>> = {
  'top-secret': 30,
  confidential: 20,
  secret: 10,
};

/**
 * True when `period` is longer than {@link MAX_PROTECTION_YEARS} allows for `level`.
 * `'long-term'`, conditions and dates are not judged (they need the classification
 * decision, not the text), and `internal` has no statutory maximum.
 */
export function periodExceedsMaximum(level: Level, period: ProtectionPeriod | null): boolean {
  assertLevel(level, ['level']);
  if (period !== null && period !== 'long-term' && (typeof period !== 'object' || !('years' in period || 'months' in period || 'until' in period))) {
    throw validationError('periodExceedsMaximum', [{ path: ['period'], message: "expected { years }, { months }, { until }, 'long-term' or null" }]);
  }
  if (period === null || typeof period === 'string' || 'until' in period) return false;
  if (level !== 'secret' && level !== 'confidential' && level !== 'top-secret') return false;
  const max = MAX_PROTECTION_YEARS[level];
  return 'years' in period ? period.years > max : period.months > max * 12;
}

const LEVEL_OF: Readonly<Record<string, Level>> = {
  绝密: 'top-secret',
  机密: 'confidential',
  秘密: 'secret',
};

const NUMERAL = '[\\d一二两三四五六七八九十]+';
const PERIOD = `长期|启用前|公布前|发布前|使用前|\\d{4}年\\d{1,2}月(?:\\d{1,2}日)?(?:前|止)?|${NUMERAL}[ \\t]*(?:年|个月)`;
// `★`/`☆` may stand alone (`机密★` = no period stated); a plain `*` only counts with a
// period after it, so Markdown emphasis (`**机密**`) is never read as a star.
// The two characters of a level word may be spaced out, as Word documents align the head
// (`机　密★1年`, `内  部`); the fold has made the ideographic space a space.
const SPACED = '[ \\t]{0,3}';
const STATE_SECRET_WORD = `绝${SPACED}密|机${SPACED}密|(?<!工作)秘${SPACED}密`;
// A period in brackets without a star (`秘密（6个月）`) counts only at a line's start.
const STAR = new RegExp(
  `(工作秘密|${STATE_SECRET_WORD})[ \\t]*(?:[★☆][ \\t]*(${PERIOD})?|\\*[ \\t]*(${PERIOD})|[(（][ \\t]*(${PERIOD})[ \\t]*[)）])`,
  'g',
);
const INTERNAL_PHRASE =
  /内部(?:资料|事项|文件|材料|参考)[ \t]*[，,、·•・]?[ \t]*(?:注意保管|注意保存|注意保密|妥善保管|请勿外传|严禁外传|不得外传)/g;
// Restrictions on circulation that are markings wherever they stand (unless quoted): nobody
// writes 仅供内部参考 about a text other than the one in front of them.
const RESTRICTION = /仅(?:供|限)内部(?:参考|使用|传阅|掌握)/g;
// Phrases that are markings only where a marking stands (alone on a line, or bracketed at a
// line's start or end): as running text, 不得外传 and 不予公开 are usually about other
// material (`依法不予公开的信息`, `涉密材料不得外传`).
const STANDALONE_RESTRICTION = /(?:此件|本件)(?:不公开|不予公开)|(?:不得|严禁|请勿|禁止)外传/g;
// A form's 密级 field (会议记录, 台账, 审批表): `密级：秘密  保密期限：10年`. The field stands at
// a line's start or after other fields; running text (`文件的密级：秘密级以上的…`) is not one.
const LEVEL_FIELD = /密级[ \t]*[:：][ \t]*(工作秘密|绝密|机密|秘密|内部)(?=[ \t\r\n,，;；]|$)/g;
const KEYWORD = new RegExp(`工作秘密|${STATE_SECRET_WORD}|内部资料|内部文件|内部事项|内部材料|内部参考|内${SPACED}部`, 'g');
const OPENING_QUOTES = '“‘「『"\'《〈';
const BRACKETS: Readonly<Record<string, string>> = { '【': '】', '[': ']', '(': ')', '（': '）', '〔': '〕', '〖': '〗' };
const HEAD_FOLLOWERS = /^[ \t]+(?:特急|加急|特提|平急|急件|注意保管|注意保存|注意保密)/;

/**
 * Every classification (绝密, 机密, 秘密) and internal (内部, 内部资料, 内部事项 注意保管,
 * 工作秘密) marking in `text`, in order.
 *
 * A marking is recognised by its form, not by the words alone, so running text such as
 * `开展秘密调查` or `机密文件管理办法` is not a marking:
 * - a `★` form anywhere (`机密★1年`, `绝密★启用前`), unless it is quoted (`“机密★1年”`);
 * - a level word alone on its line (Markdown decoration allowed), or followed by an urgency
 *   mark (`机密  特急`);
 * - a bracketed level word at the start or end of a line (`【秘密】……`, `……通报（内部）`);
 * - the internal phrases `内部资料，注意保存`, `内部事项 注意保管`, `内部文件 请勿外传`,
 *   `内部参考 注意保存`, and `仅供内部参考` / `仅限内部使用` (and 传阅, 掌握) anywhere;
 * - `此件不公开`, `此件不予公开`, `不得外传`, `严禁外传` and the like where a marking stands
 *   (alone on a line, or bracketed at a line's start or end), not in running text such as
 *   `依法不予公开的信息`.
 *
 * Full-width characters and traditional script (`機密`) are folded first; offsets refer to
 * `text` as given.
 *
 * @example
 * ```ts
 * findMarkings('机密★1年\n关于……的通知\n开展秘密调查');
 * // [{ level: 'confidential', period: { years: 1 }, start: 0, end: 5, text: '机密★1年',
 * //    kind: 'classification-marking', placement: 'head' }]
 * ```
 */
export function findMarkings(text: string): MarkingMatch[] {
  parseOrThrow(z.string().check(z.maxLength(MAX_TEXT_LENGTH, `at most ${MAX_TEXT_LENGTH} characters`)), text, 'findMarkings text');
  return scanMarkings(text, foldForScan(text));
}

/**
 * The first marking in `text` (normally the head marking of a document, or `text` itself
 * when it is just a marking), or `null` when there is none. See {@link findMarkings} for
 * what counts as a marking and {@link ProtectionPeriod} for the period's shape.
 *
 * @example
 * ```ts
 * parseMarking('机密★1年'); // { level: 'confidential', period: { years: 1 }, start: 0, end: 5 }
 * parseMarking('秘密★6个月'); // { level: 'secret', period: { months: 6 }, start: 0, end: 6 }
 * parseMarking('绝密★长期'); // { level: 'top-secret', period: 'long-term', start: 0, end: 5 }
 * parseMarking('内部资料'); // { level: 'internal', period: null, start: 0, end: 4 }
 * parseMarking('开展秘密调查'); // null
 * ```
 */
export function parseMarking(text: string): Marking | null {
  const first = findMarkings(text)[0];
  if (!first) return null;
  return { level: first.level, period: first.period, start: first.start, end: first.end };
}

/** @internal Scans `folded` (a length-preserving fold of `original`) for markings. */
export function scanMarkings(original: string, folded: string): MarkingMatch[] {
  const found: MarkingMatch[] = [];
  const headEnd = headRegionEnd(folded);
  const covered = (start: number, end: number) => found.some((m) => start < m.end && m.start < end);
  const add = (start: number, end: number, keyword: string, period: ProtectionPeriod | null) => {
    const level = LEVEL_OF[keyword.replace(/[ \t]/g, '')] ?? 'internal';
    const atLineStart = decorationOnlyBefore(folded, start);
    found.push({
      level,
      period,
      start,
      end,
      text: original.slice(start, end),
      kind: level === 'internal' ? 'internal-marking' : 'classification-marking',
      placement: atLineStart ? (start < headEnd ? 'head' : 'section') : 'inline',
    });
  };

  for (const m of folded.matchAll(STAR)) {
    if (isQuoted(folded, m.index)) continue;
    if (m[4] !== undefined && !decorationOnlyBefore(folded, m.index)) continue;
    let start = m.index;
    let end = start + m[0].length;
    // `【秘密★1年】` before a paragraph: the brackets are part of the mark.
    const close = BRACKETS[folded[start - 1]!];
    if (close !== undefined && folded[end] === close) {
      start--;
      end++;
    }
    add(start, end, m[1]!, parsePeriod(m[2] ?? m[3] ?? m[4]));
  }
  for (const m of folded.matchAll(INTERNAL_PHRASE)) {
    if (isQuoted(folded, m.index) || covered(m.index, m.index + m[0].length)) continue;
    add(m.index, m.index + m[0].length, '内部', null);
  }
  for (const m of folded.matchAll(RESTRICTION)) {
    if (isQuoted(folded, m.index) || covered(m.index, m.index + m[0].length)) continue;
    add(m.index, m.index + m[0].length, '内部', null);
  }
  for (const m of folded.matchAll(STANDALONE_RESTRICTION)) {
    if (covered(m.index, m.index + m[0].length)) continue;
    const span = standaloneSpan(folded, m.index, m.index + m[0].length);
    if (span) add(span.start, span.end, '内部', null);
  }
  for (const m of folded.matchAll(LEVEL_FIELD)) {
    const start = m.index + m[0].length - m[1]!.length;
    const end = start + m[1]!.length;
    if (covered(start, end) || isQuoted(folded, m.index)) continue;
    if (!decorationOnlyBefore(folded, m.index) && !/[ \t]$/.test(folded.slice(Math.max(0, m.index - 1), m.index))) continue;
    add(start, end, m[1]!, null);
  }
  for (const m of folded.matchAll(KEYWORD)) {
    const start = m.index;
    const end = start + m[0].length;
    if (covered(start, end)) continue;
    const span = standaloneSpan(folded, start, end);
    if (span) add(span.start, span.end, m[0], null);
  }
  return found.sort((a, b) => a.start - b.start);
}

// A level word counts only where a marking stands: alone on its line, before an urgency
// mark, or in brackets at the start or end of a line. Returns the span to report. Scans
// outwards character by character, so a long line costs nothing per keyword hit.
function standaloneSpan(s: string, start: number, end: number): { start: number; end: number } | null {
  if (decorationOnlyBefore(s, start)) {
    if (!decorationOnlyAfter(s, end, ' \t*_') && !HEAD_FOLLOWERS.test(s.slice(end, end + 8))) return null;
    // `机密*` typed for `机密★`: one plain star right after the word, with no star before it
    // (`**机密**` is Markdown emphasis, whose stars are not part of the marking).
    if (s[end] === '*' && s[end + 1] !== '*' && s[start - 1] !== '*') return { start, end: end + 1 };
    return { start, end };
  }
  const close = BRACKETS[s[start - 1]!];
  if (close === undefined || s[end] !== close) return null;
  return decorationOnlyBefore(s, start - 1) || decorationOnlyAfter(s, end + 1, ' \t*_。.') ? { start: start - 1, end: end + 1 } : null;
}

const DECORATION = ' \t#>*_-';

// Only decoration between the line's start and `at`: Markdown heading, quote and emphasis
// marks, indentation. A list item (`- 机密`, `* 内部`) is not where a marking stands: lists
// of levels are what articles about secrecy rules are made of.
function decorationOnlyBefore(s: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && DECORATION.includes(s[i]!)) i--;
  if (i >= 0 && s[i] !== '\n' && s[i] !== '\r') return false;
  return !/(?:^|[ \t>])[-*][ \t]/.test(s.slice(i + 1, at));
}

function decorationOnlyAfter(s: string, at: number, allowed: string): boolean {
  let i = at;
  while (i < s.length && allowed.includes(s[i]!)) i++;
  return i === s.length || s[i] === '\n' || s[i] === '\r';
}

function isQuoted(s: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (s[i] === ' ' || s[i] === '\t')) i--;
  return i >= 0 && OPENING_QUOTES.includes(s[i]!);
}

function lineEndOf(s: string, at: number): number {
  let i = at;
  while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
  return i;
}

// The offset where the third non-empty line ends: GB/T 9704-2012 §7.2 puts 份号, 密级和保密
// 期限 and 紧急程度 on the first lines of the 版头, so a marking there is the head marking.
function headRegionEnd(s: string): number {
  let nonEmpty = 0;
  let i = 0;
  while (i < s.length) {
    const end = lineEndOf(s, i);
    if (s.slice(i, end).trim() !== '') nonEmpty++;
    if (nonEmpty === 3) return end;
    i = end + 1;
  }
  return s.length;
}

function parsePeriod(raw: string | undefined): ProtectionPeriod | null {
  if (raw === undefined) return null;
  const t = raw.replace(/[ \t]/g, '');
  if (t === '长期') return 'long-term';
  const m = /^([\d一二两三四五六七八九十]+)(年|个月)$/.exec(t);
  if (m) {
    const n = parseNumeral(m[1]!);
    if (n !== null) return m[2] === '年' ? { years: n } : { months: n };
  }
  return { until: t };
}

// The forms a period accepts: Arabic numerals, or Chinese numerals below a hundred written
// with at most one 十 (十, 十五, 二十, 两十); the value is read by the shared reader in `text/`.
const PERIOD_NUMERAL = /^(?:[一二两三四五六七八九]?十?[一二三四五六七八九]?)$/;

function parseNumeral(t: string): number | null {
  if (/^\d+$/.test(t)) return Number(t);
  if (t === '' || !PERIOD_NUMERAL.test(t)) return null;
  // A pair of digits without 十 (二五) is not a period anyone writes.
  if (!t.includes('十') && t.length > 1) return null;
  return parseChineseNumeral(t) ?? null;
}
