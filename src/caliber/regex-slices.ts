/**
 * The slices a `regex` rule is run on: each line, and a line longer than {@link MAX_SLICE}
 * cut after sentence-ending punctuation (or, failing that, hard at the limit).
 *
 * Why: a backtracking engine cannot be interrupted, and a pattern that passed the static screen
 * of `regex-safety.ts` may still be polynomial (`\d*\d*x`). Bounding the text each run sees
 * bounds the cost of every run, so the total stays linear in the length of the text. Rules
 * still see a little context before each slice, for look-behind.
 */

/** The longest slice one regex run sees, in UTF-16 code units. */
export const MAX_SLICE = 1024;
/**
 * Time one regex rule may spend on one text before it stops with a warning. A backstop for
 * patterns the static screen lets through; well-formed rules take well under a millisecond
 * per thousand characters.
 */
export const REGEX_BUDGET_MS = 250;
/** Characters before a slice that look-behind assertions may read. */
export const LOOKBEHIND_CONTEXT = 32;

const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';']);

/** Half-open `[start, end)` slices covering `text`, newlines excluded. */
export function regexSlices(text: string): [number, number][] {
  const out: [number, number][] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    for (let s = lineStart; s < lineEnd; ) {
      let e = lineEnd;
      if (e - s > MAX_SLICE) {
        e = s + MAX_SLICE;
        // Prefer to cut after the last sentence end in the second half of the window, looking
        // only inside the window (a search running on to the end of the text made this
        // quadratic on a long line without one).
        for (let k = e - 1; k >= s + MAX_SLICE / 2; k--) {
          if (SENTENCE_END.has(text[k]!)) {
            e = k + 1;
            break;
          }
        }
      }
      out.push([s, e]);
      s = e;
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  return out;
}
