/**
 * The parts of a Markdown text that are not prose and so are not checked: fenced and
 * indented code blocks, inline code, URLs, link targets, reference definitions, HTML tags and
 * comments. Headings, lists, tables and quotes stay in.
 *
 * A line-oriented scan rather than a Markdown parser: a parser's tree does not keep the exact
 * source offsets of every piece, and offsets are what findings are made of. The rules follow
 * CommonMark where it matters for skipping (fence length and character, backtick run length,
 * nested parentheses in link targets).
 */

/** Sorted, non-overlapping half-open ranges `[starts[i], ends[i])` of original offsets. */
export interface SkipRanges {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

/** No ranges: everything is checked. */
export const NO_SKIP: SkipRanges = { starts: [], ends: [] };

/** Computes the ranges of `text` that checks must ignore. */
export function markdownSkipRanges(text: string): SkipRanges {
  const blocks = codeBlocks(text);
  const raw = blocks.slice();
  // Inline constructs are looked for only between code blocks.
  let from = 0;
  for (const [start, end] of [...blocks, [text.length, text.length] as [number, number]]) {
    if (start > from) inlineRanges(text, from, start, raw);
    from = Math.max(from, end);
  }
  return merge(raw);
}

/** True when `[start, end)` overlaps a skipped range (an empty span: when it lies inside one). */
export function isSkipped(ranges: SkipRanges, start: number, end: number): boolean {
  const { starts, ends } = ranges;
  // The last range starting before `end` (or at `start` for an empty span) is the only candidate.
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  const limit = end > start ? end : start + 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < limit) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return false;
  return end > start ? ends[found]! > start : ends[found]! > start && starts[found]! <= start;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const BLANK = /^[ \t]*$/;
const INDENTED = /^(?: {4}|\t| {0,3}\t)/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]*\S/;

/** Fenced and indented code blocks and reference definitions, whole lines each. */
function codeBlocks(text: string): [number, number][] {
  const out: [number, number][] = [];
  let fence: { char: string; length: number; start: number } | null = null;
  let indentedStart = -1;
  let indentedEnd = -1;
  let previousBlank = true;
  let inList = false;

  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const line = text.slice(lineStart, contentEnd);
    const next = lineEnd + 1;

    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.length && BLANK.test(m[2]!)) {
        out.push([fence.start, contentEnd]);
        fence = null;
      }
    } else {
      const m = FENCE.exec(line);
      // A backtick fence's info string may not contain backticks (CommonMark 4.5).
      if (m && !(m[1]![0] === '`' && m[2]!.includes('`'))) {
        closeIndented();
        fence = { char: m[1]![0]!, length: m[1]!.length, start: lineStart };
        previousBlank = false;
      } else if (BLANK.test(line)) {
        previousBlank = true;
      } else if (INDENTED.test(line) && (indentedStart >= 0 || (previousBlank && !inList))) {
        // An indented line after a blank line is code, unless it continues a list item.
        if (indentedStart < 0) indentedStart = lineStart;
        indentedEnd = contentEnd;
        previousBlank = false;
      } else {
        closeIndented();
        if (LIST_ITEM.test(line)) inList = true;
        else if (previousBlank && !INDENTED.test(line)) inList = false;
        if (REFERENCE_DEFINITION.test(line)) out.push([lineStart, contentEnd]);
        previousBlank = false;
      }
    }
    if (lineEnd >= text.length) break;
    lineStart = next;
  }
  closeIndented();
  // An unclosed fence runs to the end of the document (CommonMark 4.5).
  if (fence) out.push([fence.start, text.length]);
  return out;

  function closeIndented(): void {
    if (indentedStart >= 0) out.push([indentedStart, indentedEnd]);
    indentedStart = -1;
  }
}

// Bare URLs end at white space, at CJK characters and full-width punctuation, and at
// characters URLs do not contain unescaped.
const BARE_URL = /(?:\b(?:https?|ftp):\/\/|\bwww\.)[^\s<>"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/giu;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const AUTOLINK = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>/g;
const HTML = /<!--[\s\S]*?-->|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;
const TRAILING_URL_PUNCTUATION = /[.,:;!?'"*_~]+$/;

/** Inline code, URLs, link targets and HTML within `[from, to)` (no code blocks in it). */
function inlineRanges(text: string, from: number, to: number, out: [number, number][]): void {
  const segment = text.slice(from, to);

  // Inline code: a run of N backticks up to the next run of exactly N, within one paragraph.
  for (let i = segment.indexOf('`'); i >= 0 && i < segment.length; i = segment.indexOf('`', i)) {
    let runEnd = i;
    while (segment.charCodeAt(runEnd) === 96) runEnd++;
    const n = runEnd - i;
    const close = closingRun(segment, runEnd, n);
    if (close < 0) {
      i = runEnd;
      continue;
    }
    out.push([from + i, from + close + n]);
    i = close + n;
  }

  // Each pattern runs only when its anchor character occurs: most paragraphs have none, and
  // scanning Chinese text with a Unicode, case-insensitive pattern is not free.
  if (segment.includes('<')) {
    collect(AUTOLINK);
    collect(HTML);
  }
  if (segment.includes('@')) collect(EMAIL);
  if (segment.includes('://') || /www\./i.test(segment)) urls();

  function collect(re: RegExp): void {
    re.lastIndex = 0;
    for (let m = re.exec(segment); m; m = re.exec(segment)) out.push([from + m.index, from + m.index + m[0].length]);
  }

  function urls(): void {
    BARE_URL.lastIndex = 0;
    for (let m = BARE_URL.exec(segment); m; m = BARE_URL.exec(segment)) {
      let url = m[0].replace(TRAILING_URL_PUNCTUATION, '');
      // A closing parenthesis belongs to the URL only if the URL opened one (GFM autolinks).
      while (url.endsWith(')') && count(url, '(') < count(url, ')')) url = url.slice(0, -1).replace(TRAILING_URL_PUNCTUATION, '');
      out.push([from + m.index, from + m.index + url.length]);
    }
  }

  // Link and image targets: `](` up to its matching `)`.
  for (let i = segment.indexOf('](', 0); i >= 0; i = segment.indexOf('](', i + 2)) {
    const open = i + 1;
    let depth = 0;
    let j = open;
    for (; j < segment.length; j++) {
      const c = segment.charCodeAt(j);
      if (c === 92 /* \ */) j++;
      else if (c === 40) depth++;
      else if (c === 41 && --depth === 0) break;
      else if (c === 10 && segment.charCodeAt(j + 1) === 10) break;
    }
    if (j < segment.length && segment.charCodeAt(j) === 41) out.push([from + open, from + j + 1]);
  }
}

function closingRun(s: string, from: number, n: number): number {
  for (let i = from; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c === 10 && /^\n[ \t]*(?:\n|$)/.test(s.slice(i, i + 64))) return -1; // paragraph ends
    if (c !== 96) {
      i++;
      continue;
    }
    let end = i;
    while (s.charCodeAt(end) === 96) end++;
    if (end - i === n) return i;
    i = end;
  }
  return -1;
}

function count(s: string, ch: string): number {
  let k = 0;
  for (const c of s) if (c === ch) k++;
  return k;
}

function merge(ranges: [number, number][]): SkipRanges {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [s, e] of ranges) {
    if (e <= s) continue;
    const last = ends.length - 1;
    if (last >= 0 && s <= ends[last]!) ends[last] = Math.max(ends[last]!, e);
    else {
      starts.push(s);
      ends.push(e);
    }
  }
  return { starts, ends };
}
