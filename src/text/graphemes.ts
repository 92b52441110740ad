let segmenter: Intl.Segmenter | undefined;

const SIMPLE_TEXT = /^[\n\u0020-\u007e\u00b7\u2014\u2018\u2019\u201c\u201d\u2026\u3000-\u3029\u3030-\u303f\u4e00-\u9fff\uff01-\uff5e]*$/;

/**
 * The user-perceived characters of `text` (extended grapheme clusters, UAX #29):
 * an emoji with skin tone, a flag or a letter with combining marks is one.
 */
export function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'grapheme' });
  const out: string[] = [];
  for (const s of segmenter.segment(text)) out.push(s.segment);
  return out;
}

/** How much one grapheme counts towards a limit; channels with weighted counting pass their own. */
export type Measure = (grapheme: string) => number;

/** Every grapheme counts 1: the way WeChat and SMS gateways count "characters". */
export const countOne: Measure = () => 1;

/**
 * How many characters `text` has as a reader counts them: graphemes, each weighted by
 * `measure` (1 by default).
 *
 * @example
 * ```ts
 * countGraphemes('👍🏽政务') // 3
 * ```
 */
export function countGraphemes(text: string, measure: Measure = countOne): number {
  // Text made only of printable ASCII, line feeds, CJK ideographs and CJK/full-width
  // punctuation has one grapheme per UTF-16 unit (none of these combine), so Intl can be
  // skipped for the common case. `\r` is left out: `\r\n` is one grapheme.
  if (measure === countOne && SIMPLE_TEXT.test(text)) {
    return text.length;
  }
  let total = 0;
  for (const g of graphemes(text)) total += measure(g);
  return total;
}
