import { escapeHtml } from './escape';
import type { Range } from './preview-place';

/** A finding's highlight in one rendered value: its spans, and what the reader sees beside it. */
export interface Mark {
  ranges: Range[];
  severity: 'error' | 'warning' | 'info';
  /** The finding's number on the page (shown beside the span, and in the lists). */
  n: number;
  /** The message and code, shown on hover. */
  label: string;
}

// Overlapping spans keep the earlier mark: nesting two <mark>s across each other's edges is
// not valid HTML, and the later finding is still listed with its number.
function flatten(marks: readonly Mark[]): { range: Range; mark: Mark; last: boolean }[] {
  const all = marks.flatMap((mark) => mark.ranges.map((range, i) => ({ range, mark, last: i === mark.ranges.length - 1 })));
  all.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  const kept: typeof all = [];
  const dropped = new Set<Mark>();
  let at = 0;
  for (const item of all) {
    if (dropped.has(item.mark)) continue;
    if (item.range.start < at) {
      dropped.add(item.mark);
      continue;
    }
    kept.push(item);
    at = item.range.end;
  }
  return kept.filter((item) => !dropped.has(item.mark));
}

function open(mark: Mark): string {
  return `<mark class="${mark.severity}" data-n="${mark.n}" title="${escapeHtml(mark.label)}">`;
}
function badge(mark: Mark): string {
  return `<sup class="fn ${mark.severity}">${mark.n}</sup>`;
}

/** Which of `marks` {@link markText} and {@link markHtml} actually draw (the rest overlapped an earlier one). */
export function drawnMarks(marks: readonly Mark[]): Set<Mark> {
  return new Set(flatten(marks).map((item) => item.mark));
}

/** Plain text, escaped, with each mark's spans wrapped and its number beside the last one. */
export function markText(value: string, marks: readonly Mark[]): string {
  let out = '';
  let at = 0;
  for (const { range, mark, last } of flatten(marks)) {
    out += escapeHtml(value.slice(at, range.start)) + open(mark) + escapeHtml(value.slice(range.start, range.end)) + '</mark>';
    if (last) out += badge(mark);
    at = range.end;
  }
  return out + escapeHtml(value.slice(at));
}

/**
 * Sanitised HTML with each mark's spans wrapped. The ranges come from the visible text of this
 * very HTML and each lies inside one text run, so the tags inserted never cross an element.
 */
export function markHtml(html: string, marks: readonly Mark[]): string {
  let out = '';
  let at = 0;
  for (const { range, mark, last } of flatten(marks)) {
    out += html.slice(at, range.start) + open(mark) + html.slice(range.start, range.end) + '</mark>';
    if (last) out += badge(mark);
    at = range.end;
  }
  return out + html.slice(at);
}
