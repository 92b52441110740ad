import { GovpubError } from '../errors/index';
import type { ClaimedDelivery, Delivery, DeliveryLedger, DeliveryQuery, DeliveryUpdate, EnqueueResult, LedgerWrite, RecordGuard } from '../storage/index';
import { applyUpdate, guardHolds, ledgerGuardConflict, storableJson } from '../storage/index';
import { inTransaction, type PostgresClient, type Queryable } from './client';

// The projections of a delivery's JSON (`e`) into the ledger's columns, in one place so every
// write keeps them in step with the JSON they index.
const COLUMNS = 'id, idempotency_key, document_id, account_id, kind, state, next_attempt_at, lease_owner, lease_until, delivery';
const EXPRESSIONS = `e->>'id', e->>'idempotencyKey', e->>'documentId', e->>'accountId', e->>'kind', e->>'state',
  (e->>'nextAttemptAt')::timestamptz, e->'lease'->>'owner', (e->'lease'->>'until')::timestamptz, e`;

async function rows<T>(q: Queryable, text: string, params: unknown[]): Promise<T[]> {
  return (await q.query(text, params)).rows as T[];
}

const parse = (r: { delivery: string }): Delivery => JSON.parse(r.delivery) as Delivery;

/**
 * Inserts deliveries, skipping idempotency keys already present; a delivery id reused under
 * another key is `CONFLICT` (the transaction then rolls back).
 */
async function insert(q: Queryable, s: string, deliveries: readonly Delivery[]): Promise<EnqueueResult> {
  if (deliveries.length === 0) return { inserted: [], existing: [] };
  const json = storableJson(deliveries, ['deliveries']);
  // ON CONFLICT without a target covers both unique keys (id, idempotency_key); which one hit
  // is sorted out below.
  const inserted = await rows<{ id: string }>(
    q,
    `INSERT INTO ${s}.deliveries (${COLUMNS})
     SELECT ${EXPRESSIONS} FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS list(e, n) ORDER BY n
     ON CONFLICT DO NOTHING RETURNING id`,
    [json],
  );
  const done = new Set(inserted.map((r) => r.id));
  const skipped = deliveries.filter((d) => !done.has(d.id));
  const existing = skipped.length
    ? (await rows<{ delivery: string }>(q, `SELECT delivery::text AS delivery FROM ${s}.deliveries WHERE idempotency_key = ANY($1::text[]) ORDER BY seq`, [skipped.map((d) => d.idempotencyKey)])).map(parse)
    : [];
  const keys = new Set(existing.map((d) => d.idempotencyKey));
  const reused = skipped.find((d) => !keys.has(d.idempotencyKey));
  if (reused) throw new GovpubError('CONFLICT', `Delivery id ${reused.id} is already used by another idempotency key`, { details: { deliveryId: reused.id } });
  return { inserted: deliveries.filter((d) => done.has(d.id)).map((d) => structuredClone(d)), existing };
}

/** Applies one guarded update on `q` (inside a transaction): locks the row, checks, writes. */
async function update(q: Queryable, s: string, u: DeliveryUpdate, guard: RecordGuard): Promise<Delivery | null> {
  const [row] = await rows<{ delivery: string }>(q, `SELECT delivery::text AS delivery FROM ${s}.deliveries WHERE id = $1 FOR UPDATE`, [u.id]);
  if (!row) return null;
  const d = parse(row);
  if (!guardHolds(d, guard)) return null;
  applyUpdate(d, structuredClone(u));
  await q.query(
    `UPDATE ${s}.deliveries AS t SET (state, next_attempt_at, lease_owner, lease_until, delivery) =
       (SELECT e->>'state', (e->>'nextAttemptAt')::timestamptz, e->'lease'->>'owner', (e->'lease'->>'until')::timestamptz, e FROM (SELECT $2::jsonb AS e) AS input)
     WHERE t.id = $1`,
    [u.id, storableJson(d, ['delivery'])],
  );
  return d;
}

/**
 * Writes a commit's ledger part on the commit's own transaction `tx`: inserts, then guarded
 * updates; a required update whose guard fails throws `CONFLICT`, rolling the commit back.
 * Called by the adapter's `commit` right after the document and its events are written.
 */
export async function writeLedger(tx: Queryable, s: string, write: LedgerWrite): Promise<void> {
  await insert(tx, s, write.enqueue);
  for (const { update: u, guard, required } of write.updates ?? []) {
    const saved = await update(tx, s, u, guard);
    if (!saved && required) throw ledgerGuardConflict(u.id);
  }
}

/**
 * The PostgreSQL delivery ledger over schema `s` (quoted). A claim is one statement:
 * `SELECT … FOR UPDATE SKIP LOCKED` picks due rows no other transaction holds, and the
 * `UPDATE` around it sets `sending` and the lease before the lock is released, so workers on
 * any number of host instances never get the same row under overlapping leases.
 */
export function postgresLedger(db: PostgresClient, s: string): DeliveryLedger {
  return {
    async enqueue(deliveries) {
      return inTransaction(db, (tx) => insert(tx, s, deliveries));
    },

    async claim({ now, limit, owner, leaseMs }) {
      const at = now.toISOString();
      const until = new Date(now.getTime() + leaseMs).toISOString();
      const claimed = await rows<{ claimed_from: ClaimedDelivery['claimedFrom']; delivery: string }>(
        db,
        `WITH due AS (
           SELECT id, state FROM ${s}.deliveries
           WHERE (state IN ('pending', 'unknown') AND next_attempt_at <= $1::timestamptz)
              OR (state = 'sending' AND lease_until <= $1::timestamptz)
           ORDER BY next_attempt_at, seq
           LIMIT $2
           FOR UPDATE SKIP LOCKED
         )
         UPDATE ${s}.deliveries AS t
         SET state = 'sending', lease_owner = $3, lease_until = $4::timestamptz,
             delivery = jsonb_set(
               t.delivery || jsonb_build_object('state', 'sending', 'lease', jsonb_build_object('owner', $3::text, 'until', $4::text), 'updatedAt', $1::text),
               '{history}',
               (t.delivery->'history') || jsonb_build_array(jsonb_build_object('at', $1::text, 'event', 'claimed', 'attempt', t.delivery->'attempts', 'owner', $3::text)))
         FROM due WHERE t.id = due.id
         RETURNING due.state AS claimed_from, t.delivery::text AS delivery`,
        [at, Math.max(0, Math.floor(limit)), owner, until],
      );
      // RETURNING has no order: oldest due first, as the memory ledger hands them out.
      return claimed
        .map((r) => ({ delivery: parse(r), claimedFrom: r.claimed_from }))
        .sort((a, b) => Date.parse(a.delivery.nextAttemptAt) - Date.parse(b.delivery.nextAttemptAt));
    },

    async record(u, guard) {
      return inTransaction(db, (tx) => update(tx, s, u, guard));
    },

    async get(id) {
      const [row] = await rows<{ delivery: string }>(db, `SELECT delivery::text AS delivery FROM ${s}.deliveries WHERE id = $1`, [id]);
      return row ? parse(row) : undefined;
    },

    async list(query: DeliveryQuery = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      const param = (value: unknown) => `$${params.push(value)}`;
      if (query.state !== undefined) where.push(`state = ANY(${param(typeof query.state === 'string' ? [query.state] : [...query.state])}::text[])`);
      if (query.accountId !== undefined) where.push(`account_id = ${param(query.accountId)}`);
      if (query.documentId !== undefined) where.push(`document_id = ${param(query.documentId)}`);
      if (query.kind !== undefined) where.push(`kind = ${param(query.kind)}`);
      const limit = query.limit === undefined ? '' : `LIMIT ${param(Math.max(0, Math.floor(query.limit)))}`;
      const found = await rows<{ delivery: string }>(
        db,
        `SELECT delivery::text AS delivery FROM ${s}.deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq ${limit}`,
        params,
      );
      return found.map(parse);
    },

    async forDocument(documentId) {
      return (await rows<{ delivery: string }>(db, `SELECT delivery::text AS delivery FROM ${s}.deliveries WHERE document_id = $1 ORDER BY seq`, [documentId])).map(parse);
    },
  };
}
