import * as z from 'zod';
import type { DuplicateIndex } from '../duplicates/index';
import type { PublishedRevision } from './types';
import { localeSchema } from '../text/index';

/** A published revision as {@link TraceOptions.revisions} must resolve it. */
export const publishedRevisionSchema = z.object({
  id: z.string().min(1),
  documentId: z.string().min(1),
  revision: z.number().int().nonnegative(),
  title: z.string(),
  body: z.string(),
  publishedAt: z.iso.datetime({ offset: true }),
  withdrawn: z.boolean().optional(),
  superseded: z.boolean().optional(),
});

/** Resolves an indexed id to its published revision (sync or async). */
export type RevisionLookup =
  | ReadonlyMap<string, PublishedRevision>
  | ((id: string) => PublishedRevision | undefined | null | Promise<PublishedRevision | undefined | null>);

export const traceOptionsSchema = z.strictObject({
  index: z.custom<DuplicateIndex<unknown>>(
    (v) => typeof v === 'object' && v !== null && typeof (v as DuplicateIndex).query === 'function',
    'expected a duplicate index (createDuplicateIndex)',
  ),
  revisions: z.custom<RevisionLookup>((v) => v instanceof Map || typeof v === 'function', 'expected a Map or a function from id to revision'),
  candidates: z.number().int().min(1).max(50).optional(),
  locale: localeSchema.optional(),
});

export const traceTextSchema = z.string().min(1, 'the text to trace is empty').max(2_000_000);
