import { validationError } from '../errors/index';
import { countOne, describe, graphemeIterator, type Measure } from './graphemes';

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
 * Reads `text` only as far as the cut (plus one grapheme), so a short cut of a long text is
 * cheap; at worst linear.
 *
 * Throws `VALIDATION` for a non-string `text`, a `max` that is not a number ≥ 0 (`NaN`
 * included; `Infinity` means no limit) or bad options.
 *
 * @example
 * ```ts
 * truncate('关于做好2025年元旦春节期间有关工作的通知', 10) // '关于做好2025年元…'
 * ```
 */
export function truncate(text: string, max: number, options: TruncateOptions = {}): string {
  checkArguments(text, max, options);
  const measure = options.measure ?? countOne;
  const ellipsis = options.ellipsis ?? '…';
  // Never more graphemes than UTF-16 units: a text no longer than `max` units fits.
  if (measure === countOne && text.length <= max) return text;

  let ellipsisWidth = 0;
  for (const g of graphemeIterator(ellipsis)) ellipsisWidth += measure(g);
  const budget = max - ellipsisWidth;

  // One pass, no copies: remember where the graphemes that fit in `budget` end (and where
  // the last sentence end among them is), stop as soon as the whole exceeds `max` (then it
  // must be cut), or reach the end (then it fits).
  let keptCount = 0;
  let keptEnd = 0;
  let keptWidth = 0;
  let sentenceCount = 0;
  let sentenceEnd = 0;
  let total = 0;
  let offset = 0;
  let keeping = true;
  for (const g of graphemeIterator(text)) {
    const w = measure(g);
    total += w;
    offset += g.length;
    if (keeping && keptWidth + w <= budget) {
      keptCount++;
      keptEnd = offset;
      keptWidth += w;
      if (SENTENCE_END.test(g)) {
        sentenceCount = keptCount;
        sentenceEnd = offset;
      }
    } else keeping = false;
    if (total > max) break;
  }
  if (total <= max) return text;
  if (budget <= 0) return truncate(ellipsis, Math.max(0, max), { measure, ellipsis: '' });

  // `sentence`: back up to the last sentence end when it lies in the second half of the kept text.
  const end = options.boundary === 'sentence' && sentenceCount > keptCount / 2 ? sentenceEnd : keptEnd;
  return text.slice(0, end).trimEnd() + ellipsis;
}

function checkArguments(text: unknown, max: unknown, options: unknown): void {
  const issues: { path: (string | number)[]; message: string }[] = [];
  if (typeof text !== 'string') issues.push({ path: ['text'], message: `expected a string, received ${describe(text)}` });
  if (typeof max !== 'number' || Number.isNaN(max) || max < 0) issues.push({ path: ['max'], message: 'expected a number ≥ 0 (Infinity for no limit)' });
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    issues.push({ path: ['options'], message: `expected an object, received ${describe(options)}` });
  } else {
    const o = options as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      if (key !== 'ellipsis' && key !== 'measure' && key !== 'boundary') issues.push({ path: ['options', key], message: 'unknown option' });
    }
    if (o.ellipsis !== undefined && typeof o.ellipsis !== 'string') issues.push({ path: ['options', 'ellipsis'], message: 'expected a string' });
    if (o.measure !== undefined && typeof o.measure !== 'function') issues.push({ path: ['options', 'measure'], message: 'expected a function' });
    if (o.boundary !== undefined && o.boundary !== 'grapheme' && o.boundary !== 'sentence') issues.push({ path: ['options', 'boundary'], message: "expected 'grapheme' or 'sentence'" });
  }
  if (issues.length) throw validationError('truncate arguments', issues);
}
