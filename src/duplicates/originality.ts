import * as z from 'zod';
import { parseOrThrow } from '../errors/index';
import { normalizeForIndex } from './analyse';
import type { DuplicateMatch } from './types';

const passageSchema = z.object({
  start: z.int().min(0),
  end: z.int().min(0),
  otherStart: z.int().min(0),
  otherEnd: z.int().min(0),
});
const matchesSchema = z.array(z.object({ passages: z.array(passageSchema), template: z.literal(true).optional() }));

/**
 * The share of `text` that no passage of `matches` covers, 0..1 (1 = nothing copied).
 * Counted in normalised characters, so punctuation and spacing between copied passages
 * neither dilute nor inflate the share. A text with nothing left after normalising
 * (empty, or only punctuation) is fully original. The passages of a template match
 * (`match.template`: the same notice template filled in again) are not copying: a 停水通知
 * written in the office's usual words for another street is original.
 *
 * @example
 * ```ts
 * const matches = index.query(draft);
 * const share = originality(draft, matches); // e.g. 0.35: 65 % of the draft is copied
 * ```
 */
export function originality(text: string, matches: readonly Pick<DuplicateMatch, 'passages' | 'template'>[]): number {
  parseOrThrow(z.string(), text, 'originality text');
  const valid = parseOrThrow(matchesSchema, matches, 'originality matches');
  const { norm } = normalizeForIndex(text);
  const n = norm.units.length;
  if (n === 0) return 1;
  // Mark covered original offsets, then count the normalised units whose source lies inside.
  const covered = new Uint8Array(text.length + 1);
  for (const m of valid) if (!m.template) for (const p of m.passages) covered.fill(1, Math.min(p.start, text.length), Math.min(p.end, text.length));
  let copied = 0;
  for (let i = 0; i < n; i++) if (covered[norm.starts[i]!]) copied++;
  return 1 - copied / n;
}
