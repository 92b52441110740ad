import * as z from 'zod';
import { parseOrThrow } from '../errors/index';
import { LEVELS } from '../document/index';
import { DOCUMENT_STATES, type GovDocument } from '../document/index';
import type { ListQuery } from './adapter';

const listQuerySchema = z.strictObject({
  state: z.union([z.enum(DOCUMENT_STATES), z.array(z.enum(DOCUMENT_STATES))]).optional(),
  department: z.string().optional(),
  channel: z.string().optional(),
  authorId: z.string().optional(),
  level: z.enum(LEVELS).optional(),
  needsRetrospectiveReview: z.boolean().optional(),
  limit: z.number().int().min(1).max(500).optional(),
  cursor: z.string().optional(),
});

/** A validated list query with its defaults applied. */
export type NormalizedListQuery = Omit<ListQuery, 'limit' | 'state'> & { limit: number; state?: readonly GovDocument['state'][] };

/**
 * Validates a {@link ListQuery} (throws `VALIDATION`) and applies defaults, so every adapter
 * reads the same filters the same way.
 */
export function normalizeListQuery(query: ListQuery = {}): NormalizedListQuery {
  const q = parseOrThrow(listQuerySchema, query, 'list query');
  const { state, limit, ...rest } = q;
  const out: NormalizedListQuery = { ...rest, limit: limit ?? 50 };
  if (state !== undefined) out.state = typeof state === 'string' ? [state] : state;
  return out;
}

/** True when `doc` passes every filter of `q` (the cursor is not a filter). For in-memory adapters. */
export function matchesQuery(doc: GovDocument, q: NormalizedListQuery): boolean {
  if (q.state && !q.state.includes(doc.state)) return false;
  if (q.department !== undefined && doc.department !== q.department) return false;
  if (q.channel !== undefined && !doc.channels.includes(q.channel)) return false;
  if (q.authorId !== undefined && doc.authorId !== q.authorId) return false;
  if (q.level !== undefined && doc.level !== q.level) return false;
  if (q.needsRetrospectiveReview !== undefined && ((doc.retrospectiveReview ?? null) !== null) !== q.needsRetrospectiveReview) return false;
  return true;
}
