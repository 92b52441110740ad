import { requireNumber, requireString } from '../text/index';

/**
 * Answers "which line and column is offset N" in O(log lines) after one O(n) scan.
 * Build one per checked text when a check reports many findings.
 *
 * Lines end at `\n`, `\r\n` or a lone `\r`; both numbers are 1-based and the column
 * counts UTF-16 code units, like the offsets.
 */
export class LineIndex {
  readonly #lineStarts: number[];

  constructor(readonly text: string) {
    if (typeof text !== 'string') requireString(text, 'LineIndex text');
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) starts.push(i + 1);
      else if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.#lineStarts = starts;
  }

  /** Line and column (both 1-based) of `offset`; offsets past the end clamp to the end. */
  locate(offset: number): { line: number; column: number } {
    if (typeof offset !== 'number' || Number.isNaN(offset)) requireNumber(offset, 'locate', 'offset');
    const at = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.#lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - starts[lo]! + 1 };
  }
}

/** Line and column (1-based) of one offset; for many offsets build a {@link LineIndex}. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  return new LineIndex(text).locate(offset);
}
