import { diffChars } from 'diff';
import { toOriginalSpan } from '../text/index';
import type { SentenceKey } from './sentence-key';
import type { Span } from './types';

/**
 * The characters that differ inside an aligned pair, marked on both sides. The diff runs on
 * the folded sentences (so punctuation, width and traditional characters never show as
 * edits) and is mapped back to offsets in each full text via the sentences' offsets.
 */
export function inlineEdits(
  original: SentenceKey,
  originalOffset: number,
  copy: SentenceKey,
  copyOffset: number,
): { removed: Span[]; inserted: Span[] } {
  const removed: Span[] = [];
  const inserted: Span[] = [];
  let oi = 0;
  let ci = 0;
  for (const part of diffChars(original.folded.text, copy.folded.text)) {
    const len = part.value.length;
    if (part.removed) {
      const s = toOriginalSpan(original.folded, oi, oi + len);
      removed.push({ start: s.start + originalOffset, end: s.end + originalOffset });
      oi += len;
    } else if (part.added) {
      const s = toOriginalSpan(copy.folded, ci, ci + len);
      inserted.push({ start: s.start + copyOffset, end: s.end + copyOffset });
      ci += len;
    } else {
      oi += len;
      ci += len;
    }
  }
  return { removed, inserted };
}
