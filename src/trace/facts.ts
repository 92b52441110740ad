import { normalizeText, toOriginalSpan } from '../text/index';
import type { FactKind, Span } from './types';

/** A fact stated in a sentence: its kind, a comparable value, and where it stands. */
export interface Fact {
  kind: FactKind;
  /** Comparable form: width, traditional characters and thousands separators folded. */
  value: string;
  /** The fact as written, and its span, in the text the sentence came from. */
  text: string;
  span: Span;
}

// Dates and clock times first: their digits must not be read again as figures.
// GB/T 15835-2011 writes dates as 2024年5月1日 or 2024-05-01; times as 8:30 or 8时30分.
const DATE = /\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?|\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*[时点](?:\s*\d{1,2}\s*分)?(?![钟])|[上下]午|凌晨|傍晚|[今明昨]天|星期[一二三四五六日天]|周[一二三四五六日]/gu;

// Figures: a number with an optional magnitude and unit, a percentage, or a money amount.
// The unit list follows what notices state (GB 3100-1993 units plus the Chinese measure words).
const UNIT =
  '(?:%|‰|个百分点|元|美元|平方公里|平方千米|平方米|立方米|公里|千米|厘米|毫米|米|公顷|亩|吨|公斤|千克|克|千瓦时|千瓦|度|升|毫升|小时|分钟|秒|天|日|周|个月|月|年|岁|个|人次|人|名|位|户|家|所|座|条|项|件|套|台|辆|架|艘|次|场|批|例|份|张|本|处|栋|间|床|元/吨|元/立方米)';
const FIGURE = new RegExp(String.raw`(?:约|近|超过|逾)?\d+(?:[,，]\d{3})*(?:\.\d+)?\s*(?:多|余)?\s*(?:万亿|千万|百万|十万|万|亿|千|百)?\s*${UNIT}?`, 'gu');

// Office titles as they appear before a name (市长王明, 区委书记李华, 副局长张强). Longest first.
const TITLE =
  '(?:(?:[省市区县镇乡]委|[省市区县镇乡]政府|[省市区县]人大常委会|[省市区县]政协)?副?(?:党委书记|书记|省长|市长|区长|县长|镇长|乡长|主席|秘书长|局长|厅长|部长|主任|处长|科长|院长|校长|所长|站长|队长|委员|巡视员|调研员|发言人))';
// A personal name of two or three ideographs, ended by a word that commonly follows it.
const NAME_END = '(?=同志|表示|指出|强调|说|在|出席|主持|参加|讲话|带队|一行|等|介绍|要求|答|接受|调研|检查|前往|[，。、；：,\\s（(])';
const TITLED_NAME = new RegExp(`(${TITLE})([\\p{Script=Han}]{2,3}?)${NAME_END}`, 'gu');

/**
 * The figures, dates, and titled names stated in `sentence` (a slice of a larger text
 * starting at `offset`), in reading order. Matching runs on a width- and traditional-folded
 * copy, so `２０２４年` and `2024年`, `萬元` and `万元` read the same; spans point into the
 * original text.
 */
export function extractFacts(sentence: string, offset: number): Fact[] {
  const n = normalizeText(sentence, { caseFold: false });
  const folded = n.text;
  const taken = new Uint8Array(folded.length);
  const facts: Fact[] = [];
  const add = (kind: FactKind, start: number, end: number, value: string) => {
    const span = toOriginalSpan(n, start, end);
    facts.push({ kind, value, text: sentence.slice(span.start, span.end), span: { start: span.start + offset, end: span.end + offset } });
    taken.fill(1, start, end);
  };
  const free = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (taken[i]) return false;
    return true;
  };

  for (const m of folded.matchAll(TITLED_NAME)) {
    const title = m[1]!;
    const name = m[2]!;
    add('title', m.index, m.index + title.length, title);
    add('name', m.index + title.length, m.index + title.length + name.length, name);
  }
  for (const m of folded.matchAll(DATE)) {
    if (free(m.index, m.index + m[0].length)) add('date', m.index, m.index + m[0].length, compact(m[0]));
  }
  for (const m of folded.matchAll(FIGURE)) {
    const end = m.index + m[0].length;
    if (!free(m.index, end)) continue;
    // A digit inside a word or code (G20, 5G) is not a stated figure.
    const before = m.index > 0 ? folded[m.index - 1]! : '';
    const after = folded[end] ?? '';
    if (/[a-z]/iu.test(before) || /[a-z]/iu.test(after)) continue;
    add('figure', m.index, end, compact(m[0]).replace(/[,，](?=\d{3})/gu, ''));
  }
  return facts.sort((a, b) => a.span.start - b.span.start);
}

function compact(s: string): string {
  return s.replace(/\s+/gu, '').replace(/：/gu, ':');
}
