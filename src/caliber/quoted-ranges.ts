import type { SkipRanges } from './skip-ranges';

const OPEN_TO_CLOSE: Record<string, string> = { '《': '》', '〈': '〉', '“': '”', '‘': '’', '「': '」', '『': '』' };
const CLOSERS = new Set(Object.values(OPEN_TO_CLOSE));

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
  const stack: { at: number; close: string }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n' && text[i + 1] === '\n') {
      stack.length = 0;
      continue;
    }
    const close = OPEN_TO_CLOSE[ch];
    if (close) {
      // ‘ and ’ are also apostrophes in Latin text; only pair them around non-Latin content.
      stack.push({ at: i, close });
      continue;
    }
    if (!CLOSERS.has(ch)) continue;
    let k = stack.length - 1;
    while (k >= 0 && stack[k]!.close !== ch) k--;
    if (k < 0) continue;
    const open = stack[k]!.at;
    stack.length = k;
    if (stack.length) continue; // inside an outer pair, which will cover it
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
