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

/**
 * Work counter for tests: every scanner below adds the characters it visits, so a test can
 * show the total stays proportional to the text's length (adversarial inputs such as a long run
 * of `](` once made it quadratic). Not exported from the area.
 */
export interface ScanStats {
  steps: number;
}

/** Computes the ranges of `text` that checks must ignore. */
export function markdownSkipRanges(text: string, stats?: ScanStats): SkipRanges {
  const blocks = codeBlocks(text);
  const raw = blocks.slice();
  const counter = stats ?? { steps: 0 };
  // Inline constructs are looked for only between code blocks.
  let from = 0;
  for (const [start, end] of [...blocks, [text.length, text.length] as [number, number]]) {
    if (start > from) inlineRanges(text, from, start, raw, counter);
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
// The same pattern tried at one position: a match starts 3 to 5 characters before `://` (ftp,
// http, https) or at `www.`, and searching a long Chinese text for \b with a case-insensitive
// Unicode pattern visits every position.
const BARE_URL_AT = new RegExp(BARE_URL.source, 'iuy');
const WWW = /www\./gi;
const AUTOLINK = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>/g;
const HTML = /<!--[\s\S]*?-->|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;
const TRAILING_URL_PUNCTUATION = '.,:;!?\'"*_~';

/**
 * Inline code, URLs, link targets and HTML within `[from, to)` (no code blocks in it).
 *
 * Every scanner here is linear in the segment: each one either moves forward only or looks
 * answers up in a table built in one pass, because a text within the documented limits may be
 * built to make a rescanning loop quadratic (160,000 characters of `](` once took 21 s).
 */
function inlineRanges(text: string, from: number, to: number, out: [number, number][], stats: ScanStats): void {
  const segment = text.slice(from, to);

  inlineCode(segment, from, out, stats);

  // Each pattern runs only when its anchor character occurs: most paragraphs have none, and
  // scanning Chinese text with a Unicode, case-insensitive pattern is not free.
  if (segment.includes('<')) {
    collect(AUTOLINK);
    collect(HTML);
  }
  if (segment.includes('@')) emails(segment, from, out, stats);
  if (segment.includes('://') || /www\./i.test(segment)) urls();
  if (segment.includes('](')) linkTargets(segment, from, out, stats);

  function collect(re: RegExp): void {
    re.lastIndex = 0;
    for (let m = re.exec(segment); m; m = re.exec(segment)) out.push([from + m.index, from + m.index + m[0].length]);
    stats.steps += segment.length;
  }

  function urls(): void {
    // Where a match can start, in order; tried from where the previous match ended, this finds
    // exactly the matches of a global search.
    const starts: number[] = [];
    for (let p = segment.indexOf('://'); p >= 0; p = segment.indexOf('://', p + 1)) {
      for (let back = 5; back >= 3; back--) if (p - back >= 0) starts.push(p - back);
    }
    WWW.lastIndex = 0;
    for (let m = WWW.exec(segment); m; m = WWW.exec(segment)) starts.push(m.index);
    starts.sort((a, b) => a - b);
    let cursor = 0;
    for (const q of starts) {
      if (q < cursor) continue;
      BARE_URL_AT.lastIndex = q;
      const m = BARE_URL_AT.exec(segment);
      if (!m) continue;
      cursor = q + m[0].length;
      const url = m[0];
      stats.steps += url.length;
      // Counted once, then kept up to date while trimming: recounting per character would be
      // quadratic on a URL ending in a long run of `)`.
      let open = 0;
      let close = 0;
      for (let k = 0; k < url.length; k++) {
        const c = url.charCodeAt(k);
        if (c === 40) open++;
        else if (c === 41) close++;
      }
      let end = url.length;
      for (;;) {
        while (end > 0 && TRAILING_URL_PUNCTUATION.includes(url[end - 1]!)) end--;
        // A closing parenthesis belongs to the URL only if the URL opened one (GFM autolinks).
        if (end > 0 && url.charCodeAt(end - 1) === 41 && open < close) {
          end--;
          close--;
          continue;
        }
        break;
      }
      out.push([from + m.index, from + m.index + end]);
    }
  }
}

/** Inline code: a run of N backticks up to the next run of exactly N, within one paragraph. */
function inlineCode(segment: string, from: number, out: [number, number][], stats: ScanStats): void {
  if (!segment.includes('`')) return;
  // One pass collects every backtick run and the paragraph it belongs to; the closing run of an
  // opener is then the next run of the same length in the same paragraph, found by a pointer
  // per length that only moves forward.
  const runs: { at: number; length: number; paragraph: number }[] = [];
  let paragraph = 0;
  for (let i = 0; i < segment.length; ) {
    stats.steps++;
    const c = segment.charCodeAt(i);
    if (c === 10 && PARAGRAPH_BREAK.test(segment.slice(i, i + 64))) {
      paragraph++;
      i++;
      continue;
    }
    if (c !== 96) {
      i++;
      continue;
    }
    let end = i;
    while (segment.charCodeAt(end) === 96) end++;
    runs.push({ at: i, length: end - i, paragraph });
    stats.steps += end - i;
    i = end;
  }
  const byLength = new Map<number, number[]>();
  runs.forEach((run, k) => {
    const list = byLength.get(run.length);
    if (list) list.push(k);
    else byLength.set(run.length, [k]);
  });
  const pointer = new Map<number, number>();
  let consumedUpTo = -1; // runs at or before this index are inside a code span already taken
  for (let k = 0; k < runs.length; k++) {
    if (k <= consumedUpTo) continue;
    const run = runs[k]!;
    const list = byLength.get(run.length)!;
    let p = pointer.get(run.length) ?? 0;
    while (p < list.length && list[p]! <= k) {
      p++;
      stats.steps++;
    }
    pointer.set(run.length, p);
    const closeIndex = list[p];
    if (closeIndex === undefined || runs[closeIndex]!.paragraph !== run.paragraph) continue;
    const close = runs[closeIndex]!;
    out.push([from + run.at, from + close.at + close.length]);
    consumedUpTo = closeIndex;
  }
}

const PARAGRAPH_BREAK = /^\n[ \t]*(?:\n|$)/;

/** E-mail addresses, grown outwards from each `@` (a regex anchored nowhere rescans long runs). */
function emails(segment: string, from: number, out: [number, number][], stats: ScanStats): void {
  let lastEnd = 0;
  for (let at = segment.indexOf('@'); at >= 0; at = segment.indexOf('@', at + 1)) {
    let start = at;
    while (start > lastEnd && isLocalPartChar(segment.charCodeAt(start - 1))) start--;
    stats.steps += at - start + 1;
    if (start === at) continue;
    // Domain: labels of [A-Za-z0-9-] joined by single dots, at least two labels.
    let end = at + 1;
    let labels = 0;
    let lastLabelEnd = -1;
    for (;;) {
      let k = end;
      while (k < segment.length && isLabelChar(segment.charCodeAt(k))) k++;
      stats.steps += k - end + 1;
      if (k === end) break;
      labels++;
      lastLabelEnd = k;
      if (segment.charCodeAt(k) !== 46 /* . */) break;
      end = k + 1;
    }
    if (labels < 2) continue;
    out.push([from + start, from + lastLabelEnd]);
    lastEnd = lastLabelEnd;
    at = lastLabelEnd - 1;
  }
}

function isLocalPartChar(c: number): boolean {
  return isLabelChar(c) || c === 46 || c === 95 || c === 37 || c === 43; // . _ % +
}

function isLabelChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
}

/**
 * Link and image targets: `](` up to its matching `)`. The matching parenthesis of every `(`
 * is found in one pass with a stack (a backslash escapes the next character; a blank line ends
 * the paragraph and with it every open parenthesis), which answers exactly what scanning
 * forward from each `](` answered, without rescanning.
 */
function linkTargets(segment: string, from: number, out: [number, number][], stats: ScanStats): void {
  const closeOf = new Map<number, number>();
  const stack: number[] = [];
  for (let j = 0; j < segment.length; j++) {
    stats.steps++;
    const c = segment.charCodeAt(j);
    if (c === 92 /* \ */) j++;
    else if (c === 40) stack.push(j);
    else if (c === 41) {
      const open = stack.pop();
      if (open !== undefined) closeOf.set(open, j);
    } else if (c === 10 && segment.charCodeAt(j + 1) === 10) stack.length = 0;
  }
  for (let i = segment.indexOf('](', 0); i >= 0; i = segment.indexOf('](', i + 2)) {
    stats.steps++;
    const close = closeOf.get(i + 1);
    if (close !== undefined) out.push([from + i + 1, from + close + 1]);
  }
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
