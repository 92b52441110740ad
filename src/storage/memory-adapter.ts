import * as z from 'zod';
import { GovpubError, parseOrThrow } from '../errors/index';
import type { AuditEvent, GovDocument } from '../document/index';
import type { ArtifactStore, ChangePage, CommitRequest, ListPage, ListQuery, StorageAdapter } from './adapter';
import { decodeCursor, encodeCursor } from './cursor';
import { createKeyedMutex } from './keyed-mutex';
import { createMemoryLedger } from './memory-ledger';
import { storableJson } from './storable';
import { matchesQuery, normalizeListQuery } from './list-query';
import { createSortedKeys } from './sorted-keys';
import { memoryPublicationFacts } from './memory-publication-facts';

/** Options of {@link memoryAdapter}. */
export interface MemoryAdapterOptions {
  /**
   * For tests only (the conformance kit's halfway-failure check): when it returns true for a
   * commit, that commit writes the document and then fails before writing the events; the
   * adapter puts the document back as it was.
   */
  failBetweenWrites?: (request: CommitRequest) => boolean;
}

const optionsSchema = z.strictObject({
  failBetweenWrites: z.custom<(request: CommitRequest) => boolean>((v) => typeof v === 'function', 'must be a function').optional(),
});

/**
 * The embedded adapter: everything in memory, nothing persisted. It behaves like a database
 * would: values are copied in and out, and `commit` checks the version and writes the
 * document and its events in one step, so concurrent commits conflict exactly as they would
 * on PostgreSQL. Use it for tests, demos, browsers and single-process tools.
 *
 * @example
 * ```ts
 * const publisher = createPublisher({ storage: memoryAdapter() });
 * ```
 */
export function memoryAdapter(options: MemoryAdapterOptions = {}): StorageAdapter {
  const { failBetweenWrites } = parseOrThrow(optionsSchema, options, 'memoryAdapter options');
  const documents = new Map<string, GovDocument>();
  const events = new Map<string, AuditEvent[]>();
  const artifacts = new Map<string, Map<string, unknown>>();
  // The change feed: each document's position in commit order, renumbered on every commit.
  const committedAt = new Map<string, number>();
  let commitCount = 0;
  const locks = createKeyedMutex();
  const ledger = createMemoryLedger();
  // The keyset order (createdAt, id) of every document, so a page starts at its cursor.
  const order = createSortedKeys();

  const artifactStore: ArtifactStore = {
    async put(kind, documentId, data) {
      storableJson(data, ['data']);
      let byId = artifacts.get(kind);
      if (!byId) artifacts.set(kind, (byId = new Map()));
      byId.set(documentId, structuredClone(data));
    },
    async get(kind, documentId) {
      const value = artifacts.get(kind)?.get(documentId);
      return value === undefined ? undefined : structuredClone(value);
    },
    async delete(kind, documentId) {
      artifacts.get(kind)?.delete(documentId);
    },
    async list(kind) {
      return [...(artifacts.get(kind) ?? new Map<string, unknown>())].map(([documentId, data]) => ({
        documentId,
        data: structuredClone(data),
      }));
    },
  };

  return {
    async getDocument(id) {
      const doc = documents.get(id);
      return doc ? structuredClone(doc) : null;
    },

    async listDocuments(query: ListQuery): Promise<ListPage> {
      const q = normalizeListQuery(query);
      const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
      // Walk the keyset order from the cursor and stop one match past the page: the extra
      // match says whether a next page exists.
      const matched: GovDocument[] = [];
      for (const id of order.after(after)) {
        const d = documents.get(id)!;
        if (!matchesQuery(d, q)) continue;
        matched.push(d);
        if (matched.length > q.limit) break;
      }
      const items = matched.slice(0, q.limit).map((d) => structuredClone(d));
      const last = items[items.length - 1];
      return matched.length > q.limit && last ? { items, nextCursor: encodeCursor(last) } : { items };
    },

    async getEvents(documentId) {
      return structuredClone(events.get(documentId) ?? []);
    },

    async commit({ document, expectedVersion, events: newEvents, deliveries }: CommitRequest) {
      storableJson(document, ['document']);
      storableJson(newEvents, ['events']);
      if (deliveries !== undefined) storableJson(deliveries, ['deliveries']);
      // Everything below runs without an await, so it is atomic with respect to other
      // commits in this process: the version check and the write cannot interleave.
      const current = documents.get(document.id);
      if (expectedVersion === null ? current !== undefined : current?.version !== expectedVersion) {
        throw new GovpubError(
          'CONFLICT',
          expectedVersion === null
            ? `Document ${document.id} already exists`
            : `Document ${document.id} was changed by someone else (expected version ${expectedVersion}, found ${current?.version ?? 'none'})`,
          { details: { id: document.id, expectedVersion, actualVersion: current?.version ?? null } },
        );
      }
      // The ledger part is checked before anything is written: all or nothing.
      if (deliveries) ledger.check(deliveries);
      const copy = structuredClone(document);
      const copies = structuredClone(newEvents);
      documents.set(copy.id, copy);
      if (failBetweenWrites?.({ document, expectedVersion, events: newEvents })) {
        // Undo the document write, as a database's rollback would.
        if (current === undefined) documents.delete(copy.id);
        else documents.set(copy.id, current);
        throw new Error('govpub: failure injected between the document write and the event write');
      }
      order.set(copy);
      events.set(copy.id, [...(events.get(copy.id) ?? []), ...copies]);
      committedAt.set(copy.id, ++commitCount);
      if (deliveries) ledger.apply(structuredClone(deliveries));
    },

    async changes(cursor: string | null, limit: number): Promise<ChangePage> {
      const after = parseFeedCursor(cursor);
      const items = [...committedAt]
        .filter(([, n]) => n > after)
        .sort((a, b) => a[1] - b[1])
        .slice(0, Math.max(1, limit));
      const last = items[items.length - 1];
      return {
        items: items.map(([id]) => structuredClone(documents.get(id)!)),
        cursor: String(last ? last[1] : after),
      };
    },

    exclusive: (key, work) => locks.run(key, work),

    artifacts: artifactStore,

    deliveries: ledger.ledger,
    ...memoryPublicationFacts(documents, events, order),
  };
}

/** A feed cursor is the commit count it stopped at; `null` is the beginning. */
function parseFeedCursor(cursor: string | null): number {
  if (cursor === null) return 0;
  if (!/^\d{1,15}$/.test(cursor)) {
    throw new GovpubError('VALIDATION', 'Invalid change-feed cursor', { details: { issues: [{ path: ['cursor'], message: 'expected a cursor returned by changes()' }] } });
  }
  return Number(cursor);
}
