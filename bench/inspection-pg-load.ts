/**
 * Loads documents and their audit events into govpub's PostgreSQL tables with multi-row
 * INSERT … SELECT FROM jsonb_array_elements, 500 documents per statement: the rows
 * `postgresAdapter().commit` would write (documents with the same projected columns, one
 * document_versions row, the events), without a transaction and seven round trips per
 * document, so a benchmark can fill 100,000 documents in about a minute. The generated
 * columns of migration 5 are computed by PostgreSQL as for any insert.
 */
import type { AuditEvent, GovDocument } from '../src/document/index';
import type { PostgresClient } from '../src/postgres/index';

export async function bulkLoad(client: PostgresClient, schema: string, rows: Iterable<{ document: GovDocument; events: AuditEvent[] }>, batch = 500): Promise<void> {
  const s = `"${schema}"`;
  let docs: GovDocument[] = [];
  let events: AuditEvent[] = [];
  const flush = async () => {
    if (!docs.length) return;
    await client.query(
      `INSERT INTO ${s}.documents (id, version, revision, state, department, channels, author_id, level, needs_retrospective_review, created_at, updated_at, doc, commit_seq)
       SELECT d->>'id', (d->>'version')::integer, (d->>'revision')::integer, d->>'state', d->>'department', ARRAY(SELECT jsonb_array_elements_text(d->'channels')),
              d->>'authorId', d->>'level', coalesce(jsonb_typeof(d->'retrospectiveReview') = 'object', false), d->>'createdAt', d->>'updatedAt', d, nextval('${s}.commit_seq')
       FROM jsonb_array_elements($1::jsonb) AS list(d)`,
      [JSON.stringify(docs)],
    );
    await client.query(
      `INSERT INTO ${s}.document_versions (document_id, version, revision, state, doc)
       SELECT d->>'id', (d->>'version')::integer, (d->>'revision')::integer, d->>'state', d FROM jsonb_array_elements($1::jsonb) AS list(d)`,
      [JSON.stringify(docs)],
    );
    await client.query(
      `INSERT INTO ${s}.audit_events (document_id, seq, type, actor_id, at, revision, prev_hash, hash, event)
       SELECT e->>'documentId', (e->>'seq')::integer, e->>'type', e->'actor'->>'id', e->>'at', (e->>'revision')::integer, e->>'prevHash', e->>'hash', e
       FROM jsonb_array_elements($1::jsonb) AS list(e)`,
      [JSON.stringify(events)],
    );
    docs = [];
    events = [];
  };
  for (const row of rows) {
    docs.push(row.document);
    events.push(...row.events);
    if (docs.length >= batch) await flush();
  }
  await flush();
  await client.query(`ANALYZE ${s}.documents`);
  await client.query(`ANALYZE ${s}.audit_events`);
}
