import { validationError } from '../errors/index';
import { describeValue, requireString as require } from './arguments';

let segmenter: Intl.Segmenter | undefined;

const SIMPLE_TEXT = /^[\n\u0020-\u007e\u00b7\u2014\u2018\u2019\u201c\u201d\u2026\u3000-\u3029\u3030-\u303f\u4e00-\u9fff\uff01-\uff5e]*$/;

// V8's Intl.Segmenter spends time proportional to the whole input on every segment it
// yields (160,000 characters took 88 s to iterate), so text is fed to it in windows.
const WINDOW = 1024;

/**
 * The grapheme clusters of `text`, lazily, in windows of about {@link WINDOW} units.
 *
 * Every grapheme boundary rule (UAX #29) looks only at the characters before a boundary and
 * the one after it, so segmenting from a true boundary gives the true boundaries up to the
 * last one inside the window; the window's last cluster may continue past it and is
 * segmented again with the next window. A cluster longer than a window (a long run of
 * combining marks) doubles the window until it fits.
 */
function* segments(text: string): Generator<string> {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'grapheme' });
  let at = 0;
  let size = WINDOW;
  while (at < text.length) {
    const end = Math.min(text.length, at + size);
    const window = text.slice(at, end);
    const parts: string[] = [];
    // Simple characters never combine with each other: one grapheme per unit, no Intl
    // (which costs about 2 µs per segment). The last one may still take a combining mark
    // from the next window, so it is held back like any window's last cluster.
    if (SIMPLE_TEXT.test(window)) for (let i = 0; i < window.length; i++) parts.push(window[i]!);
    else for (const s of segmenter.segment(window)) parts.push(s.segment);
    if (end < text.length) {
      if (parts.length < 2) {
        size *= 2;
        continue;
      }
      parts.pop();
    }
    for (const p of parts) {
      yield p;
      at += p.length;
    }
    size = WINDOW;
  }
}

/**
 * The user-perceived characters of `text` (extended grapheme clusters, UAX #29):
 * an emoji with skin tone, a flag or a letter with combining marks is one. Linear in the
 * length of `text`.
 */
export function graphemes(text: string): string[] {
  requireString(text, 'graphemes');
  return [...segments(text)];
}

/** @internal Lazy {@link graphemes}, for callers that may stop early. Assumes a string. */
export function graphemeIterator(text: string): Iterable<string> {
  return segments(text);
}

/** How much one grapheme counts towards a limit; channels with weighted counting pass their own. */
export type Measure = (grapheme: string) => number;

/** Every grapheme counts 1: the way WeChat and SMS gateways count "characters". */
export const countOne: Measure = () => 1;

/**
 * How many characters `text` has as a reader counts them: graphemes, each weighted by
 * `measure` (1 by default). Linear in the length of `text`.
 *
 * @example
 * ```ts
 * countGraphemes('👍🏽政务') // 3
 * ```
 */
export function countGraphemes(text: string, measure: Measure = countOne): number {
  requireString(text, 'countGraphemes');
  if (typeof measure !== 'function') throw validationError('countGraphemes measure', [{ path: ['measure'], message: 'must be a function' }]);
  // Text made only of printable ASCII, line feeds, CJK ideographs and CJK/full-width
  // punctuation has one grapheme per UTF-16 unit (none of these combine), so Intl can be
  // skipped for the common case. `\r` is left out: `\r\n` is one grapheme.
  if (measure === countOne && SIMPLE_TEXT.test(text)) {
    return text.length;
  }
  let total = 0;
  for (const g of segments(text)) total += measure(g);
  return total;
}

function requireString(text: unknown, what: string): asserts text is string {
  require(text, `${what} text`);
}

/** @internal A type name for messages about a bad value (never the value itself). */
export const describe = describeValue;
