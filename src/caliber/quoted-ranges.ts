import type { SkipRanges } from './skip-ranges';

const OPEN_TO_CLOSE: Record<string, string> = { '《': '》', '〈': '〉', '“': '”', '‘': '’', '「': '」', '『': '』' };
// By UTF-16 code: the closer's code for an opener, -1 for a closer, 0 for anything else. Read
// with charCodeAt: indexing a string (`text[i]`) makes a new one-character string for every
// Chinese character, which cost more than the rest of a check's scanning together.
// Built on first use, not at import, so that importing the module does nothing.
let marks: Int32Array | undefined;
function markTable(): Int32Array {
  if (marks) return marks;
  marks = new Int32Array(0x10000);
  for (const [open, close] of Object.entries(OPEN_TO_CLOSE)) {
    marks[open.charCodeAt(0)] = close.charCodeAt(0);
    marks[close.charCodeAt(0)] = -1;
  }
  return marks;
}

/**
 * The parts of `text` inside book-title marks (《》〈〉) and quotation marks (“”‘’「」『』),
 * marks included: the title of a cited document and a quotation are reproduced as they were
 * issued or said, so renaming rules leave them alone and no fix inside them is safe without
 * a human.
 *
 * One pass with a stack per paragraph; a closer pops back to its opener (so an unclosed mark
 * inside does not hide the pair), an unclosed opener quotes nothing. Nested pairs merge into
 * the outermost.
 */
export function quotedRanges(text: string): SkipRanges {
  const starts: number[] = [];
  const ends: number[] = [];
  const stackAt: number[] = [];
  const stackClose: number[] = [];
  const table = markTable();
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 && text.charCodeAt(i + 1) === 10) {
      stackAt.length = stackClose.length = 0;
      continue;
    }
    const mark = table[code]!;
    if (mark === 0) continue;
    if (mark > 0) {
      // ‘ and ’ are also apostrophes in Latin text; only pair them around non-Latin content.
      stackAt.push(i);
      stackClose.push(mark);
      continue;
    }
    let k = stackClose.length - 1;
    while (k >= 0 && stackClose[k] !== code) k--;
    if (k < 0) continue;
    const open = stackAt[k]!;
    stackAt.length = stackClose.length = k;
    if (k) continue; // inside an outer pair, which will cover it
    // Pairs closed earlier inside this one are covered by it.
    while (starts.length && starts[starts.length - 1]! >= open) {
      starts.pop();
      ends.pop();
    }
    starts.push(open);
    ends.push(i + 1);
  }
  return { starts, ends };
}

/** True when `[start, end)` lies within the content of one of `ranges`, not on its marks. */
export function isInside(ranges: SkipRanges, start: number, end: number): boolean {
  const { starts, ends } = ranges;
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && ends[found]! > end && starts[found]! < start;
}
