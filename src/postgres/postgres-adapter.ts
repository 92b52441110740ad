import * as z from 'zod';
import { GovpubError, isGovpubError } from '../errors/index';
import { parseOrThrow } from '../errors/index';
import type { ArtifactStore, ChangePage, CommitRequest, ListPage, ListQuery, StorageAdapter } from '../storage/index';
import { createKeyedMutex, storableJson, type KeyedMutex } from '../storage/index';
import { decodeCursor, encodeCursor } from '../storage/index';
import { normalizeListQuery } from '../storage/index';
import type { AuditEvent, GovDocument } from '../document/index';
import { assertClient, inTransaction, isPGlite, type PgPoolLike, type PostgresClient, type Queryable } from './client';
import { quotedSchema } from './migrations';
import { postgresLedger, writeLedger } from './ledger';
import { inspectionFacts } from './inspection-facts';

/** Options of {@link postgresAdapter}. */
export interface PostgresAdapterOptions {
  /** A `pg` Pool or a PGlite instance; the host owns it (and closes it). */
  client: PostgresClient;
  /** The schema {@link migrate} created the tables in; default `govpub`. */
  schema?: string;
}

// Columns of `documents` other than the key, each computed in SQL from the committed JSON
// (`d`), so the filter columns can never disagree with the document they index.
const PROJECTION: readonly (readonly [column: string, expression: string])[] = [
  ['version', `(d->>'version')::integer`],
  ['revision', `(d->>'revision')::integer`],
  ['state', `d->>'state'`],
  ['department', `d->>'department'`],
  ['channels', `ARRAY(SELECT jsonb_array_elements_text(d->'channels'))`],
  ['author_id', `d->>'authorId'`],
  ['level', `d->>'level'`],
  // Same rule as matchesQuery(): a retrospective review object means "still owed".
  ['needs_retrospective_review', `coalesce(jsonb_typeof(d->'retrospectiveReview') = 'object', false)`],
  ['created_at', `d->>'createdAt'`],
  ['updated_at', `d->>'updatedAt'`],
  ['doc', 'd'],
];
const COLUMNS = PROJECTION.map(([c]) => c).join(', ');
const EXPRESSIONS = PROJECTION.map(([, e]) => e).join(', ');

// SQLSTATEs that mean "another transaction got there first": serialization_failure (hosts
// that run SERIALIZABLE by default) and deadlock_detected. Both leave nothing written, and
// the caller's remedy is the same as for a stale version: re-read and retry.
const RETRYABLE = new Set(['40001', '40P01']);

const optionsSchema = z.object({ client: z.unknown(), schema: z.string().optional() });

/**
 * The PostgreSQL adapter: documents, every committed version, the append-only audit trail
 * and artifacts in one schema (create it with {@link migrate} first). `commit` is one
 * transaction whose conditional `UPDATE … WHERE version = $expected` makes concurrent
 * writers from any number of host instances conflict exactly as the contract requires.
 *
 * @example
 * ```ts
 * import { Pool } from 'pg';
 * import { createPublisher } from 'govpub';
 * import { migrate, postgresAdapter } from 'govpub/postgres';
 *
 * const pool = new Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate(pool);
 * const publisher = createPublisher({ storage: postgresAdapter({ client: pool }) });
 * ```
 *
 * @example
 * ```ts
 * // In a browser, a test or a single-process tool: PostgreSQL in WebAssembly.
 * import { PGlite } from '@electric-sql/pglite';
 * const db = new PGlite();
 * await migrate(db);
 * const storage = postgresAdapter({ client: db });
 * ```
 */
export function postgresAdapter(options: PostgresAdapterOptions): StorageAdapter {
  const { client, schema } = parseOrThrow(optionsSchema, options, 'postgresAdapter options');
  assertClient(client, ['client']);
  const s = quotedSchema(schema);
  const db: PostgresClient = client;

  async function queryRows<T>(q: Queryable, text: string, params: unknown[]): Promise<T[]> {
    return (await q.query(text, params)).rows as T[];
  }

  const artifacts: ArtifactStore = {
    async put(kind, documentId, data) {
      const json = toJson(data, ['data']);
      await db.query(
        `INSERT INTO ${s}.artifacts (kind, document_id, data) VALUES ($1, $2, $3::jsonb)
         ON CONFLICT (kind, document_id) DO UPDATE SET data = EXCLUDED.data, updated_at = now()`,
        [kind, documentId, json],
      );
    },
    async get(kind, documentId) {
      const rows = await queryRows<{ data: string }>(db, `SELECT data::text AS data FROM ${s}.artifacts WHERE kind = $1 AND document_id = $2`, [kind, documentId]);
      return rows[0] ? (JSON.parse(rows[0].data) as unknown) : undefined;
    },
    async delete(kind, documentId) {
      await db.query(`DELETE FROM ${s}.artifacts WHERE kind = $1 AND document_id = $2`, [kind, documentId]);
    },
    async list(kind) {
      const rows = await queryRows<{ document_id: string; data: string }>(
        db,
        `SELECT document_id, data::text AS data FROM ${s}.artifacts WHERE kind = $1 ORDER BY document_id`,
        [kind],
      );
      return rows.map((r) => ({ documentId: r.document_id, data: JSON.parse(r.data) as unknown }));
    },
  };

  return {
    async getDocument(id) {
      // `doc::text` and JSON.parse rather than the driver's JSONB parsing: every read is a
      // fresh object (copies out), and a host's custom pg type parsers cannot change it.
      const rows = await queryRows<{ doc: string }>(db, `SELECT doc::text AS doc FROM ${s}.documents WHERE id = $1`, [id]);
      return rows[0] ? (JSON.parse(rows[0].doc) as GovDocument) : null;
    },

    async listDocuments(query: ListQuery): Promise<ListPage> {
      const q = normalizeListQuery(query);
      const where: string[] = [];
      const params: unknown[] = [];
      const param = (value: unknown) => `$${params.push(value)}`;
      if (q.state) where.push(`state = ANY(${param([...q.state])}::text[])`);
      if (q.department !== undefined) where.push(`department = ${param(q.department)}`);
      if (q.channel !== undefined) where.push(`channels @> ARRAY[${param(q.channel)}::text]`);
      if (q.authorId !== undefined) where.push(`author_id = ${param(q.authorId)}`);
      if (q.level !== undefined) where.push(`level = ${param(q.level)}`);
      if (q.needsRetrospectiveReview !== undefined) where.push(`needs_retrospective_review = ${param(q.needsRetrospectiveReview)}`);
      if (q.cursor !== undefined) {
        const after = decodeCursor(q.cursor);
        // Keyset: strictly after the last row of the previous page in (created_at, id) order,
        // so rows inserted meanwhile never shift the page boundary (offsets would).
        where.push(`(created_at, id) > (${param(after.createdAt)}::text COLLATE "C", ${param(after.id)}::text COLLATE "C")`);
      }
      // One row more than the page tells whether a next page exists without a COUNT.
      const rows = await queryRows<{ doc: string }>(
        db,
        `SELECT doc::text AS doc FROM ${s}.documents
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY created_at, id
         LIMIT ${param(q.limit + 1)}`,
        params,
      );
      const items = rows.slice(0, q.limit).map((r) => JSON.parse(r.doc) as GovDocument);
      const last = items[items.length - 1];
      return rows.length > q.limit && last ? { items, nextCursor: encodeCursor(last) } : { items };
    },

    async getEvents(documentId) {
      const rows = await queryRows<{ event: string }>(db, `SELECT event::text AS event FROM ${s}.audit_events WHERE document_id = $1 ORDER BY seq`, [documentId]);
      return rows.map((r) => JSON.parse(r.event) as AuditEvent);
    },

    async commit({ document, expectedVersion, events, deliveries }: CommitRequest) {
      // Serialise before the first await: the values written are the ones passed in, even
      // if the caller mutates them while the transaction is in flight.
      const docJson = toJson(document, ['document']);
      const eventsJson = toJson(events, ['events']);
      try {
        await inTransaction(db, async (tx) => {
          const written =
            expectedVersion === null
              ? await queryRows(
                  tx,
                  // ON CONFLICT DO NOTHING: a concurrent create of the same id waits for the
                  // first to commit, then inserts nothing, and we report the conflict.
                  `INSERT INTO ${s}.documents (id, ${COLUMNS}, commit_seq)
                   SELECT d->>'id', ${EXPRESSIONS}, nextval('${s}.commit_seq') FROM (SELECT $1::jsonb AS d) AS input
                   ON CONFLICT (id) DO NOTHING
                   RETURNING id`,
                  [docJson],
                )
              : await queryRows(
                  tx,
                  // The version check and the write are one statement: a concurrent UPDATE of
                  // the row blocks here, and once it commits PostgreSQL re-evaluates the WHERE
                  // on the new row, finds the version moved, and updates nothing.
                  `UPDATE ${s}.documents AS t SET (${COLUMNS}, committed_at) = (SELECT ${EXPRESSIONS}, now())
                   FROM (SELECT $1::jsonb AS d) AS input
                   WHERE t.id = $2 AND t.version = $3
                   RETURNING t.id`,
                  [docJson, document.id, expectedVersion],
                );
          if (written.length === 0) {
            const found = await queryRows<{ version: number }>(tx, `SELECT version FROM ${s}.documents WHERE id = $1`, [document.id]);
            throw conflict(document.id, expectedVersion, found[0]?.version ?? null);
          }
          await tx.query(
            `INSERT INTO ${s}.document_versions (document_id, version, revision, state, doc)
             SELECT id, version, revision, state, doc FROM ${s}.documents WHERE id = $1`,
            [document.id],
          );
          // Events are filed under the committed document's id, like the contract's other
          // adapters; all of them in one statement, in the order given.
          await tx.query(
            `INSERT INTO ${s}.audit_events (document_id, seq, type, actor_id, at, revision, prev_hash, hash, event)
             SELECT $1, (e->>'seq')::integer, e->>'type', e->'actor'->>'id', e->>'at', (e->>'revision')::integer,
                    e->>'prevHash', e->>'hash', e
             FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS list(e, n)
             ORDER BY n`,
            [document.id, eventsJson],
          );
          // The delivery ledger's part (issue 14), on the same transaction: a required
          // update whose guard fails throws CONFLICT and rolls the whole commit back.
          if (deliveries) await writeLedger(tx, s, deliveries);
          // The change feed's position, taken last under a lock held until COMMIT: positions
          // are handed out in the order commits become visible, so a reader that has seen
          // position n has seen every commit before it.
          await tx.query(
            `WITH feed AS (SELECT pg_advisory_xact_lock(hashtext($2)))
             UPDATE ${s}.documents SET commit_seq = nextval('${s}.commit_seq') FROM feed WHERE id = $1`,
            [document.id, `govpub.feed:${s}`],
          );
        });
      } catch (error) {
        if (!isGovpubError(error) && RETRYABLE.has(sqlState(error))) {
          throw conflict(document.id, expectedVersion, null, error);
        }
        throw error;
      }
    },

    async changes(cursor: string | null, limit: number): Promise<ChangePage> {
      const after = parseFeedCursor(cursor);
      const rows = await queryRows<{ doc: string; commit_seq: string }>(
        db,
        `SELECT doc::text AS doc, commit_seq::text AS commit_seq FROM ${s}.documents
         WHERE commit_seq > $1::bigint ORDER BY commit_seq LIMIT $2`,
        [after, Math.max(1, Math.min(limit, 10_000))],
      );
      const last = rows[rows.length - 1];
      return { items: rows.map((r) => JSON.parse(r.doc) as GovDocument), cursor: last ? last.commit_seq : after };
    },

    exclusive: (key, work) => exclusive(db, s, key, work),

    artifacts,

    deliveries: postgresLedger(db, s),
    ...inspectionFacts(db, s),
  };
}

// Per client object: PGlite is one connection in one process, so this queue is its whole lock;
// for a pg Pool it queues this process's callers first, so that waiting for the database lock
// occupies one pooled connection, not one per caller (which would starve the pool).
const localLocks = new WeakMap<object, KeyedMutex>();

/**
 * Runs `work` holding a session-level advisory lock named after `key`, on a connection of its
 * own, so every host instance over this database queues on it. The pool therefore needs one
 * connection more than the work itself uses (pg's default is ten).
 */
async function exclusive<T>(db: PostgresClient, s: string, key: string, work: () => Promise<T>): Promise<T> {
  let locks = localLocks.get(db);
  if (!locks) localLocks.set(db, (locks = createKeyedMutex()));
  const lockName = `govpub.exclusive:${s}:${key}`;
  if (isPGlite(db)) return locks.run(lockName, work);
  return locks.run(lockName, () => databaseLock(db as PgPoolLike, lockName, work));
}

/** Holds the session advisory lock `lockName` on a connection of its own while `work` runs. */
async function databaseLock<T>(db: PgPoolLike, lockName: string, work: () => Promise<T>): Promise<T> {
  const connection = await db.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  connection.on?.('error', onError);
  try {
    await connection.query('SELECT pg_advisory_lock(hashtext($1))', [lockName]);
    try {
      return await work();
    } finally {
      if (!broken) await connection.query('SELECT pg_advisory_unlock(hashtext($1))', [lockName]).catch((e: unknown) => (broken = e instanceof Error ? e : new Error(String(e))));
    }
  } finally {
    connection.removeListener?.('error', onError);
    // A connection whose unlock failed is discarded: ending the session releases the lock.
    connection.release(broken);
  }
}

/** A feed cursor is a commit position (decimal digits); `null` is the beginning. */
function parseFeedCursor(cursor: string | null): string {
  if (cursor === null) return '0';
  if (!/^\d{1,18}$/.test(cursor)) {
    throw new GovpubError('VALIDATION', 'Invalid change-feed cursor', { details: { issues: [{ path: ['cursor'], message: 'expected a cursor returned by changes()' }] } });
  }
  return cursor;
}

function conflict(id: string, expectedVersion: number | null, actualVersion: number | null, cause?: unknown): GovpubError {
  const message =
    expectedVersion === null
      ? `Document ${id} already exists`
      : actualVersion === null && cause === undefined
        ? `Document ${id} does not exist (expected version ${expectedVersion})`
        : `Document ${id} was changed by someone else (expected version ${expectedVersion}${actualVersion === null ? '' : `, found ${actualVersion}`})`;
  return new GovpubError('CONFLICT', message, { details: { id, expectedVersion, actualVersion }, ...(cause === undefined ? {} : { cause }) });
}

function sqlState(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** JSON text for a JSONB parameter; `VALIDATION` for what no adapter can store (see storableJson). */
function toJson(value: unknown, path: string[]): string {
  return storableJson(value, path);
}
