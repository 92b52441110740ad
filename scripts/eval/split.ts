/**
 * The dev / held-out split of the labelled corpus. Error lines are assigned by a hash of their
 * text, so the split is stable, independent of line order and of file, and needs no list:
 * whoever tunes a check looks only at the misses of the dev half (`npm run eval -- --verbose`
 * lists those alone), and the held-out half says whether the tuning generalises. Clean lines
 * are never split: a false alarm anywhere counts.
 */
import { createHash } from 'node:crypto';

/** Which half an error line belongs to. */
export type Half = 'dev' | 'held-out';

/** The half of a line, from the first byte of the SHA-256 of its text (even: dev, odd: held-out). */
export function halfOf(text: string): Half {
  const first = createHash('sha256').update(text, 'utf8').digest()[0]!;
  return first % 2 === 0 ? 'dev' : 'held-out';
}
