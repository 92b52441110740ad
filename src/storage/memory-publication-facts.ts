import type { AuditEvent, GovDocument } from '../document/index';
import { decodeCursor, encodeCursor } from './cursor';
import { factsFromDocumentAlone, factsOfDocument } from './facts-of-document';
import type { PublicationFacts, PublicationFactsPage, PublicationFactsQuery } from './publication-facts';
import type { SortedKeys } from './sorted-keys';
import * as z from 'zod';
import { parseOrThrow } from '../errors/index';

/** Documents per page when the caller does not say: few awaits, a bounded page in memory. */
const DEFAULT_PAGE = 5_000;

/**
 * `publicationFacts` and `documentChannels` for the memory adapter: the facts are built from
 * the stored objects directly (they are new objects, sharing nothing with storage), so a
 * pass over a year of documents does not deep-copy every document as `listDocuments` must.
 */
export function memoryPublicationFacts(
  documents: ReadonlyMap<string, GovDocument>,
  events: ReadonlyMap<string, readonly AuditEvent[]>,
  order: SortedKeys,
): { publicationFacts(query: PublicationFactsQuery): Promise<PublicationFactsPage>; documentChannels(): Promise<string[]> } {
  return {
    async publicationFacts(query: PublicationFactsQuery = {}) {
      const limit = publicationFactsPageSize(query);
      const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      const items: PublicationFacts[] = [];
      for (const id of order.after(after)) {
        const doc = documents.get(id)!;
        if (doc.published === null) continue;
        if (items.length === limit) {
          const last = items[limit - 1]!;
          return { items, nextCursor: encodeCursor({ createdAt: last.createdAt, id: last.id }) };
        }
        const facts = factsFromDocumentAlone(doc) ?? factsOfDocument(doc, events.get(id) ?? []);
        // New objects throughout (see factsOfDocument): nothing to copy.
        if (facts) items.push(facts);
      }
      return { items };
    },
    async documentChannels() {
      const channels = new Set<string>();
      for (const d of documents.values()) for (const c of d.channels) channels.add(c);
      return [...channels].sort();
    },
  };
}

const querySchema = z.strictObject({
  limit: z.number().int().min(1).max(10_000).optional(),
  cursor: z.string().min(1).optional(),
});

/** Validates a {@link PublicationFactsQuery} (`VALIDATION` with paths) and returns the page size, for every adapter. */
export function publicationFactsPageSize(query: PublicationFactsQuery): number {
  return parseOrThrow(querySchema, query, 'publicationFacts query').limit ?? DEFAULT_PAGE;
}
