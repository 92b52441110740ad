import { countGraphemes, countOne, graphemes, type Measure } from '../text/index';
import { requireNumber, requireString } from '../text/index';
import { PLAIN_URL } from './url';

/**
 * Weibo's per-character weight: an ASCII character counts ½, anything else 1 (Sina's
 * publisher counts bytes with non-ASCII as two, then halves and rounds up).
 */
export const weiboMeasure: Measure = (g) => (g.length === 1 && g.charCodeAt(0) < 0x80 ? 0.5 : 1);

/**
 * The length Weibo shows for `text`: {@link weiboMeasure} for every character outside links,
 * `urlWeight` for every `http(s)` link (Weibo replaces it with a t.cn short link), rounded up.
 *
 * @example
 * ```ts
 * weiboLength('政务公开 ok https://www.gov.cn/zhengce/') // 4 + 0.5 + 1 + 0.5 + 10 → 16
 * ```
 */
export function weiboLength(text: string, urlWeight = 10): number {
  if (typeof text !== 'string') requireString(text, 'weiboLength', 'text');
  if (typeof urlWeight !== 'number' || !Number.isFinite(urlWeight) || urlWeight < 0) requireNumber(urlWeight, 'weiboLength', 'urlWeight', { min: 0 });
  let total = 0;
  let from = 0;
  for (const m of text.matchAll(PLAIN_URL)) {
    total += countGraphemes(text.slice(from, m.index), weiboMeasure) + urlWeight;
    from = m.index + m[0].length;
  }
  total += countGraphemes(text.slice(from), weiboMeasure);
  return Math.ceil(total);
}

// East Asian Wide and Fullwidth ranges (UAX #11), plus emoji presentation, the characters
// push vendors count as two English characters.
const WIDE =
  /^(?:[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}])/u;

/** Display width: a wide (CJK, full-width, emoji) character counts 2, anything else 1. */
export const displayWidth: Measure = (g) => (WIDE.test(g) ? 2 : 1);

/** UTF-8 length of `text` in bytes. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The UTF-16 offset in `text` where the running measure first exceeds `limit`: the start of
 * the part a reader would have to cut. Returns `text.length` when it fits.
 */
export function overflowOffset(text: string, limit: number, measure: Measure): number {
  // One unit per grapheme (the common case): the offset is the limit itself, no segmenting.
  if (measure === countOne && countGraphemes(text) === text.length) return Math.min(text.length, Math.max(0, Math.floor(limit)));
  let used = 0;
  let offset = 0;
  for (const g of graphemes(text)) {
    used += measure(g);
    if (used > limit) return offset;
    offset += g.length;
  }
  return text.length;
}
