// What an attacker with database rights does to govpub's tables, in SQL: read the rows, append
// an event whose hash is recomputed (hashes need no secret), rewrite a whole chain, delete rows.
// Nothing here holds a signing key: the signatures an attacker can use are the ones already
// stored.
import type { AuditEvent, GovDocument } from '../../src/index';
import { chainEvents } from '../../src/workflow/index';
import type { Sql } from './attack-db';

/** The stored document and its events, read as the database holds them. */
export async function readRows(sql: Sql, schema: string, id: string): Promise<{ document: GovDocument; events: AuditEvent[] }> {
  const [row] = await sql.query<{ doc: string }>(`SELECT doc::text AS doc FROM ${schema}.documents WHERE id = $1`, [id]);
  const events = await sql.query<{ event: string }>(`SELECT event::text AS event FROM ${schema}.audit_events WHERE document_id = $1 ORDER BY seq`, [id]);
  return { document: JSON.parse(row!.doc) as GovDocument, events: events.map((e) => JSON.parse(e.event) as AuditEvent) };
}

/** Inserts events as the adapter would (the projected columns and the JSON). */
export async function insertEvents(sql: Sql, schema: string, events: readonly AuditEvent[]): Promise<void> {
  for (const e of events) {
    await sql.query(
      `INSERT INTO ${schema}.audit_events (document_id, seq, type, actor_id, at, revision, prev_hash, hash, event) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)`,
      [e.documentId, e.seq, e.type, e.actor.id, e.at, e.revision, e.prevHash, e.hash, JSON.stringify(e)],
    );
  }
}

/** Overwrites the stored document (and the projected `state` the list filters read). */
export async function writeDocument(sql: Sql, schema: string, document: GovDocument): Promise<void> {
  await sql.query(`UPDATE ${schema}.documents SET doc = $2::jsonb, version = $3, state = $4 WHERE id = $1`, [document.id, JSON.stringify(document), document.version, document.state]);
}

/** The events without what the chain computes, ready for {@link chainEvents}. */
export function unchained(events: readonly AuditEvent[]): Omit<AuditEvent, 'seq' | 'prevHash' | 'hash'>[] {
  return events.map(({ seq: _seq, prevHash: _prev, hash: _hash, ...rest }) => rest);
}

/** Runs `work` with the owner's append-only triggers off, as only the table owner can. */
export async function withTriggersOff(owner: Sql, schema: string, tables: string[], work: () => Promise<void>): Promise<void> {
  for (const t of tables) await owner.query(`ALTER TABLE ${schema}.${t} DISABLE TRIGGER USER`);
  try {
    await work();
  } finally {
    for (const t of tables) await owner.query(`ALTER TABLE ${schema}.${t} ENABLE TRIGGER USER`);
  }
}

/** Replaces a document's whole trail with `events` (re-chained from seq 1) and moves its head; keeps the stored signature. */
export async function replaceTrail(owner: Sql, schema: string, document: GovDocument, events: Omit<AuditEvent, 'seq' | 'prevHash' | 'hash'>[]): Promise<AuditEvent[]> {
  const chained = chainEvents(null, events);
  const last = chained[chained.length - 1]!;
  await withTriggersOff(owner, schema, ['audit_events'], async () => {
    await owner.query(`DELETE FROM ${schema}.audit_events WHERE document_id = $1`, [document.id]);
    await insertEvents(owner, schema, chained);
  });
  const signature = document.historyHead?.signature;
  await writeDocument(owner, schema, { ...document, version: document.version + 1, historyHead: { seq: last.seq, hash: last.hash, ...(signature ? { signature } : {}) } });
  return chained;
}

/** The SQLSTATE and message of a statement the database refused, or `'allowed'`. */
export async function refusal(sql: Sql, text: string): Promise<string> {
  try {
    await sql.query(text);
    return 'allowed';
  } catch (e) {
    const { code, message } = e as { code?: string; message: string };
    return `${code ?? '?'} ${message}`;
  }
}
