/**
 * Context vocabulary: the Chinese (and a few English) words that, written shortly before a
 * number, say what the number is. Detectors look for the nearest such word within a
 * character window, because Chinese has no spaces for `\b` to find and a label usually
 * sits right before its value (`身份证号：…`, `卡号 …`, `订单号…`).
 */
export type ContextCategory = 'id' | 'card' | 'phone' | 'passport' | 'credit' | 'ordinary';

/** The words of each {@link ContextCategory}. A word may belong to more than one. */
export const CONTEXT_WORDS: Readonly<Record<ContextCategory, readonly string[]>> = {
  id: ['身份证号码', '身份证号', '身份证', '公民身份号码', '身份号码', '证件号码', '证件号', '居民身份证', '身份证件', '身份信息'],
  card: [
    '银行卡号', '银行卡', '卡号', '银行账号', '银行帐号', '银行账户', '账号', '帐号', '账户', '帐户',
    '信用卡', '借记卡', '储蓄卡', '开户行', '收款卡', '工资卡', '转账至', '汇款至',
  ],
  phone: [
    '手机号码', '手机号', '手机', '电话号码', '联系电话', '电话', '联系方式', '致电', '拨打', '热线', '来电',
    '座机', '传真', '咨询电话', '号码', '联系人', '微信号', '短信', 'Tel', 'TEL', 'tel', 'Mobile', 'mobile', 'Phone', 'phone',
  ],
  passport: [
    '护照号码', '护照号', '护照', '通行证号码', '通行证号', '通行证', '港澳通行证', '往来港澳通行证', '往来台湾通行证',
    '回乡证', '台胞证', '出入境证件', '旅行证件', '证件号码', '证件号', 'Passport', 'passport', 'PASSPORT',
  ],
  credit: ['统一社会信用代码', '社会信用代码', '信用代码', '纳税人识别号', '税号', '营业执照'],
  ordinary: [
    '订单号', '订单编号', '订单', '单号', '流水号', '交易号', '交易编号', '交易单号', '编号', '批次号', '批号', '运单号',
    '快递单号', '发票号码', '发票号', '发票', '序列号', '序号', '工单号', '受理号', '申请号', '专利号', '条形码',
    '条码', '商品编码', '编码', '文号', '合同号', '合同编号', '案号', '金额', '合计', '总计', '总额', '余额',
    '时间戳', '产值', '总量', '收入', '营收', '人口', '统计', '票号', '车次', '航班', '邮编', '邮政编码',
    '代码', '型号', '版本号', '货号', '工号', '学号', '准考证号', '考号', '项目号',
  ],
};

/** The nearest context word found for a span. */
export interface ContextHit {
  /** Every category the word belongs to. */
  categories: readonly ContextCategory[];
  word: string;
  /** Characters between the word and the span (0 = adjacent). */
  distance: number;
}

// Longest words first, so that at equal distance `身份证号码` beats `号码`.
const ALL_WORDS: readonly { word: string; categories: ContextCategory[] }[] = (() => {
  const byWord = new Map<string, ContextCategory[]>();
  for (const [category, words] of Object.entries(CONTEXT_WORDS) as [ContextCategory, readonly string[]][]) {
    for (const w of words) byWord.set(w, [...(byWord.get(w) ?? []), category]);
  }
  return [...byWord].map(([word, categories]) => ({ word, categories })).sort((a, b) => b.word.length - a.word.length);
})();

// A label does not reach across a sentence: `身份证已领取。订单号…` says nothing about the order number.
const SENTENCE_END = /[。！？；;!?\n\r]/;
// After a value only an adjacent label counts (`13812345678（手机）`); further on, the
// words belong to the next clause.
const AFTER_GAP = 2;

/**
 * The context word nearest to `text.slice(start, end)`: first looking back up to `window`
 * characters (not past the end of the previous sentence), then, if none, a label right
 * after the span (`13812345678（手机）`). Ties go to the longer word. `text` should be folded.
 */
export function nearestContext(text: string, start: number, end: number, window: number): ContextHit | null {
  let from = Math.max(0, start - window);
  for (let i = start - 1; i >= from; i--) {
    if (SENTENCE_END.test(text[i]!)) {
      from = i + 1;
      break;
    }
  }
  const before = text.slice(from, start);
  let best: ContextHit | null = null;
  let bestAt = -1;
  for (const { word, categories } of ALL_WORDS) {
    const at = before.lastIndexOf(word);
    if (at < 0) continue;
    const distance = before.length - at - word.length;
    if (best === null || distance < best.distance) {
      best = { word, categories, distance };
      bestAt = at;
    }
  }
  if (best) return best.word === GENERIC_NUMBER_WORD ? qualifiedGeneric(before.slice(0, bestAt), best) : best;
  let to = Math.min(text.length, end + AFTER_GAP + 8);
  for (let i = end; i < to; i++) {
    if (SENTENCE_END.test(text[i]!)) {
      to = i;
      break;
    }
  }
  const after = text.slice(end, to);
  for (const { word, categories } of ALL_WORDS) {
    const at = after.indexOf(word);
    if (at >= 0 && at <= AFTER_GAP && (best === null || at < best.distance)) best = { word, categories, distance: at };
  }
  return best;
}

// `号码` names no kind by itself: `护照（号码E1234…）` and `通行证，号码：…` are the document's
// number. When the nearest word is 号码 and another context word stands just before it (a
// bracket, a colon, a comma or 的 between), that word says what the number is, as one label.
const GENERIC_NUMBER_WORD = '号码';
const QUALIFIER_GAP = /^[（(：:，,、 \t的]{0,2}$/;

function qualifiedGeneric(prefix: string, generic: ContextHit): ContextHit {
  for (const { word, categories } of ALL_WORDS) {
    const at = prefix.lastIndexOf(word);
    if (at < 0 || !QUALIFIER_GAP.test(prefix.slice(at + word.length))) continue;
    return { word, categories: [...new Set([...categories, ...generic.categories])], distance: generic.distance };
  }
  return generic;
}

/** The categories of the table column header above a cell, and whether its row is a row of figures. */
export interface TableCellContext {
  /** Categories named by the column header (empty when the header names none). */
  headerCategories: readonly ContextCategory[];
  /** True when other cells of the row are numbers too, as in a table of statistics. */
  figuresRow: boolean;
}

const NUMERIC_CELL = /^\s*[-+]?[\d,.，]+\s*(?:%|‰|万|亿)?\s*$/;

/**
 * When `start…end` is a cell of a Markdown (`| a | b |`) or tab-separated table row, what
 * the column header and the row say about it; `null` outside tables. Statistics tables are
 * full of 11-digit figures that look like phone numbers; the header tells them apart.
 */
export function tableCellContext(text: string, start: number, end: number): TableCellContext | null {
  // A table row is short; a longer line is prose. Bounding the search for the row's ends keeps
  // each call constant-time on a text of one endless line with thousands of candidates (it
  // scanned back to the text's start for each one: quadratic).
  const lineStart = newlineBefore(text, start);
  if (lineStart < 0) return null;
  const lineEnd = newlineAfter(text, end);
  if (lineEnd < 0) return null;
  const line = text.slice(lineStart, lineEnd);
  const sep = line.includes('|') ? '|' : line.includes('\t') ? '\t' : null;
  if (sep === null) return null;
  const cells = line.split(sep);
  if (cells.length < 3 && sep === '|') return null;
  // Which cell holds the span, and is the span all of it?
  let offset = lineStart;
  let column = -1;
  for (let i = 0; i < cells.length; i++) {
    const cellEnd = offset + cells[i]!.length;
    if (start >= offset && end <= cellEnd) {
      column = i;
      break;
    }
    offset = cellEnd + 1;
  }
  if (column < 0 || cells[column]!.trim() !== text.slice(start, end).trim()) return null;
  const figuresRow = cells.some((c, i) => i !== column && NUMERIC_CELL.test(c));
  const header = headerCell(text, lineStart, sep, column);
  const headerCategories = header === null ? [] : categoriesIn(header);
  return { headerCategories, figuresRow };
}

/** The longest line read as a table row. */
const MAX_ROW = 4096;

// Start of the line holding `at`, or -1 when that line is longer than a table row can be.
function newlineBefore(text: string, at: number): number {
  const floor = Math.max(0, at - MAX_ROW);
  for (let i = at - 1; i >= floor; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return floor === 0 ? 0 : -1;
}

// End of the line holding `at` (its newline or the text's end), or -1 past a row's length.
function newlineAfter(text: string, at: number): number {
  const ceiling = Math.min(text.length, at + MAX_ROW);
  for (let i = at; i < ceiling; i++) if (text.charCodeAt(i) === 10) return i;
  return ceiling === text.length ? text.length : -1;
}

// The first row of the table each row belongs to, for the text last asked about: a table of
// n rows with a candidate in every row walked up n rows for each (quadratic); now each row is
// walked once per text.
let tableOf: { text: string; sep: string; firstRow: Map<number, number> } | undefined;

// Walks up the table to its first row; with a Markdown delimiter row under it, that is the header.
function headerCell(text: string, lineStart: number, sep: string, column: number): string | null {
  if (tableOf?.text !== text || tableOf.sep !== sep) tableOf = { text, sep, firstRow: new Map() };
  const known = tableOf.firstRow;
  const walked: number[] = [];
  let first = lineStart;
  while (first > 0) {
    const cached = known.get(first);
    if (cached !== undefined) {
      first = cached;
      break;
    }
    walked.push(first);
    const prevStart = text.lastIndexOf('\n', first - 2) + 1;
    const prev = text.slice(prevStart, first - 1);
    if (!prev.includes(sep)) break;
    first = prevStart;
  }
  for (const row of walked) known.set(row, first);
  if (first === lineStart) return null;
  let headerEnd = text.indexOf('\n', first);
  if (headerEnd < 0) headerEnd = text.length;
  return text.slice(first, headerEnd).split(sep)[column] ?? null;
}

function categoriesIn(s: string): ContextCategory[] {
  const out = new Set<ContextCategory>();
  for (const { word, categories } of ALL_WORDS) if (s.includes(word)) for (const c of categories) out.add(c);
  return [...out];
}

const UNIT_AFTER = /^[ \t]*(?:元|万|亿|千|百|角|美元|港元|欧元|人次|人|次|户|吨|公斤|千克|公里|千米|米|平方|亩|%|‰|个|件|台|辆|kWh|kg|km|t\b)/;
const CURRENCY_BEFORE = /(?:[¥￥$€£]|人民币|RMB|USD|CNY)[ \t]*$/;

/**
 * True when the number at `start…end` reads as a quantity: a currency sign before it, a
 * unit after it (元, 万, 人次, 吨, %…), or a decimal point or digit grouping touching it.
 */
export function looksLikeQuantity(text: string, start: number, end: number): boolean {
  if (UNIT_AFTER.test(text.slice(end, end + 4))) return true;
  if (CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 4), start))) return true;
  // A decimal point, or a thousands separator followed by exactly three digits, glues the
  // number to its neighbour. (`，24小时` is a clause break, not digit grouping.)
  if (/\d[.,]$/.test(text.slice(Math.max(0, start - 2), start))) return true;
  if (/^(?:\.\d|,\d{3}(?!\d))/.test(text.slice(end, end + 5))) return true;
  return false;
}
