import * as z from 'zod';
import { createDuplicateIndex, type DuplicateIndex, type DuplicateIndexOptions } from '../duplicates/index';
import { parseOrThrow } from '../errors/index';
import { publishedRevisionSchema } from './schemas';
import type { PublishedRevision } from './types';

/**
 * Builds what {@link trace} needs from a list of published revisions (withdrawn and
 * superseded ones included): a duplicate index holding each revision's title and body under
 * its id, and the map from id to revision. For hosts that load revisions in one go; a host
 * with its own index passes that and a lookup function instead.
 *
 * @example
 * ```ts
 * const { index, revisions } = indexRevisions(await loadPublishedRevisions());
 * const result = await trace(pastedText, { index, revisions });
 * ```
 */
export function indexRevisions(
  list: readonly PublishedRevision[],
  options?: DuplicateIndexOptions,
): { index: DuplicateIndex<unknown>; revisions: Map<string, PublishedRevision> } {
  const checked = parseOrThrow(
    z.array(publishedRevisionSchema).superRefine((rs, ctx) => {
      const seen = new Set<string>();
      rs.forEach((r, i) => {
        if (seen.has(r.id)) ctx.addIssue({ code: 'custom', message: `duplicate revision id "${r.id}"`, path: [i, 'id'] });
        seen.add(r.id);
      });
    }),
    list,
    'published revisions',
  ) as PublishedRevision[];
  const index = createDuplicateIndex<unknown>(options);
  const revisions = new Map<string, PublishedRevision>();
  for (const r of checked) {
    index.add(r.id, `${r.title}\n\n${r.body}`);
    revisions.set(r.id, r);
  }
  return { index, revisions };
}
