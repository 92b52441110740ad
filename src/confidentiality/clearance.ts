// zod/mini: see markings.ts (the page that checks wording stays small).
import * as z from 'zod/mini';
import { GovpubError } from '../errors/index';
import { parseOrThrow } from '../errors/index';
import { LEVELS, LEVEL_NAMES, compareLevels, type Level } from './levels';

/** A publishing target as the clearance check sees it. */
export interface ClearanceChannel {
  id: string;
  /** The highest level this channel may carry: `public` for every public channel. */
  clearance: Level;
}

const argsSchema = z.object({
  level: z.enum(LEVELS),
  channels: z.array(z.object({ id: z.string().check(z.minLength(1)), clearance: z.enum(LEVELS) })),
});

/**
 * Throws `GovpubError('CLEARANCE')` when any channel's clearance is below `level`, naming
 * every such channel; `details` is `{ level, channels: [ids of the channels below] }`.
 * Returns nothing when all channels may carry the content. The publisher calls it on
 * `submit` and, before anything is written, on `publish`.
 *
 * @example
 * ```ts
 * checkClearance('internal', [{ id: 'intranet', clearance: 'internal' }]); // ok
 * checkClearance('internal', [{ id: 'wechat', clearance: 'public' }]);
 * // throws CLEARANCE: "Content classified 内部 (internal) cannot go to wechat (cleared for 公开 public)"
 * ```
 */
export function checkClearance(level: Level, channels: readonly ClearanceChannel[]): void {
  parseOrThrow(argsSchema, { level, channels }, 'checkClearance arguments');
  const below = channels.filter((c) => compareLevels(c.clearance, level) < 0);
  if (below.length === 0) return;
  const names = below.map((c) => `${c.id} (cleared for ${LEVEL_NAMES[c.clearance]} ${c.clearance})`).join(', ');
  throw new GovpubError('CLEARANCE', `Content classified ${LEVEL_NAMES[level]} (${level}) cannot go to ${names}`, {
    details: { level, channels: below.map((c) => c.id) },
  });
}
