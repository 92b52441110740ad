import { decodeCursor, encodeCursor, publicationFactsPageSize, type PublicationFacts, type PublicationFactsPage, type PublicationFactsQuery } from '../storage/index';
import type { PostgresClient } from './client';

/**
 * The PostgreSQL adapter's `publicationFacts` and `documentChannels`: read from the generated
 * columns of migration 5 (see inspection-migration.ts) through a partial index on published
 * documents, each page one statement, without opening a document's or an event's JSON.
 */
export function inspectionFacts(db: PostgresClient, s: string): {
  publicationFacts(query: PublicationFactsQuery): Promise<PublicationFactsPage>;
  documentChannels(): Promise<string[]>;
} {
  return {
    async publicationFacts(query: PublicationFactsQuery = {}): Promise<PublicationFactsPage> {
      const limit = publicationFactsPageSize(query);
      const q = query;
      const params: unknown[] = [limit + 1];
      let after = '';
      if (q.cursor !== undefined) {
        const position = decodeCursor(q.cursor);
        params.push(position.createdAt, position.id);
        after = `AND (d.created_at, d.id) > ($2::text COLLATE "C", $3::text COLLATE "C")`;
      }
      // Two text columns per row, parsed here: cheaper than building one JSON value per page
      // in SQL. Events are read only of documents that do not stand alone (a few percent).
      const { rows } = await db.query(
        `SELECT d.publication_facts::text AS facts,
                CASE WHEN d.publication_stands_alone THEN NULL ELSE coalesce(
                  (SELECT json_agg(e.publication_facts ORDER BY e.seq) FROM ${s}.audit_events AS e
                   WHERE e.document_id = d.id AND e.publication_facts IS NOT NULL)::text, '[]') END AS events
         FROM ${s}.documents AS d
         WHERE d.publication_facts IS NOT NULL ${after}
         ORDER BY d.created_at, d.id
         LIMIT $1`,
        params,
      );
      const items = (rows as { facts: string; events: string | null }[]).map((r) => {
        const facts = JSON.parse(r.facts) as PublicationFacts;
        facts.events = r.events === null ? null : (JSON.parse(r.events) as PublicationFacts['events']);
        return facts;
      });
      if (items.length <= limit) return { items };
      items.length = limit;
      const last = items[limit - 1]!;
      return { items, nextCursor: encodeCursor({ createdAt: last.createdAt, id: last.id }) };
    },

    async documentChannels(): Promise<string[]> {
      const { rows } = await db.query(`SELECT DISTINCT c FROM ${s}.documents, unnest(channels) AS c`);
      return (rows as { c: string }[]).map((r) => r.c).sort();
    },
  };
}
