import { countGraphemes, countOne, graphemes, type Measure } from './graphemes';

/** Options for {@link truncate}. */
export interface TruncateOptions {
  /** Appended when the text was cut; counts towards `max`. Default `…`. */
  ellipsis?: string;
  /** Weight of each grapheme; default 1. */
  measure?: Measure;
  /**
   * `grapheme` cuts as late as possible; `sentence` backs up to the last sentence end
   * (。！？；!?; or a line break) when one lies in the second half of the kept text.
   */
  boundary?: 'grapheme' | 'sentence';
}

const SENTENCE_END = /[。！？；!?;\n]/;

/**
 * Shortens `text` so that it counts at most `max` (ellipsis included), never splitting a
 * grapheme (emoji, combining sequences, surrogate pairs). Returns `text` itself if it fits.
 *
 * @example
 * ```ts
 * truncate('关于做好2025年元旦春节期间有关工作的通知', 10) // '关于做好2025年元…'
 * ```
 */
export function truncate(text: string, max: number, options: TruncateOptions = {}): string {
  const measure = options.measure ?? countOne;
  const ellipsis = options.ellipsis ?? '…';
  if (countGraphemes(text, measure) <= max) return text;
  const budget = max - countGraphemes(ellipsis, measure);
  if (budget <= 0) return truncate(ellipsis, Math.max(0, max), { measure, ellipsis: '' });
  const parts = graphemes(text);
  let used = 0;
  let keep = 0;
  while (keep < parts.length && used + measure(parts[keep]!) <= budget) {
    used += measure(parts[keep]!);
    keep++;
  }
  if (options.boundary === 'sentence') {
    for (let k = keep; k > keep / 2; k--) {
      if (SENTENCE_END.test(parts[k - 1]!)) {
        keep = k;
        break;
      }
    }
  }
  return parts.slice(0, keep).join('').trimEnd() + ellipsis;
}
