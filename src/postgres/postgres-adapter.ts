import * as z from 'zod';
import { GovpubError, isGovpubError } from '../errors/index';
import { parseOrThrow } from '../errors/index';
import type { ArtifactStore, ChangePage, CommitRequest, ListPage, ListQuery, StorageAdapter } from '../storage/index';
import { createKeyedMutex, storableJson, type KeyedMutex } from '../storage/index';
import { decodeCursor, encodeCursor } from '../storage/index';
import { normalizeListQuery } from '../storage/index';
import type { AuditEvent, GovDocument } from '../document/index';
import { assertClient, isPGlite, type PgPoolLike, type PostgresClient, type Queryable } from './client';
import { commitParts, runCommit, runCommitInTransaction } from './commit-statement';
import { postgresFingerprintIndex } from './fingerprint-index';
import { quotedSchema } from './migrations';
import { feedReadStatement } from './feed-migration';
import { postgresLedger, writeLedger } from './ledger';
import { inspectionFacts } from './inspection-facts';

/** Options of {@link postgresAdapter}. */
export interface PostgresAdapterOptions {
  /** A `pg` Pool or a PGlite instance; the host owns it (and closes it). */
  client: PostgresClient;
  /** The schema {@link migrate} created the tables in; default `govpub`. */
  schema?: string;
  /**
   * For tests only (the conformance kit's halfway-failure check): when it returns true for a
   * commit, that commit writes the document and then fails before writing the events, with
   * an injected error. The adapter must then leave storage exactly as it was.
   */
  failBetweenWrites?: (request: CommitRequest) => boolean;
}

// SQLSTATEs that mean "another transaction got there first": serialization_failure (hosts
// that run SERIALIZABLE by default) and deadlock_detected. Both leave nothing written, and
// the caller's remedy is the same as for a stale version: re-read and retry.
const RETRYABLE = new Set(['40001', '40P01']);

const optionsSchema = z.object({ client: z.unknown(), schema: z.string().optional(), failBetweenWrites: z.custom<(r: CommitRequest) => boolean>((v) => typeof v === 'function').optional() });

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
  const { client, schema, failBetweenWrites } = parseOrThrow(optionsSchema, options, 'postgresAdapter options');
  assertClient(client, ['client']);
  const s = quotedSchema(schema);
  const db: PostgresClient = client;
  const feedRead = feedReadStatement(s);

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

    async commit(request: CommitRequest) {
      const { document, expectedVersion, events } = request;
      // Serialise before the first await: the values written are the ones passed in, even
      // if the caller mutates them while the statement is in flight.
      const json = { document: toJson(document, ['document']), events: toJson(events, ['events']), parts: JSON.stringify(commitParts(request)) };
      let outcome;
      try {
        // One statement, one round trip: govpub_commit (migration 3) checks the version,
        // writes the document, its version row, the events, the parts and the feed position.
        // A commit that carries delivery-ledger rows (publish, withdraw, a worker's outcome)
        // runs the same statement and the ledger's write in one explicit transaction instead:
        // the ledger's guarded compare-and-set lives in ledger.ts, shared with its own API.
        const hooks = { failBetweenWrites: failBetweenWrites?.(request) === true };
        const deliveries = request.deliveries;
        outcome = deliveries
          ? await runCommitInTransaction(db, s, request, json, hooks, (tx) => writeLedger(tx, s, deliveries))
          : await runCommit(db, s, request, json, hooks);
      } catch (error) {
        if (!isGovpubError(error) && RETRYABLE.has(sqlState(error))) {
          throw conflict(document.id, expectedVersion, null, error);
        }
        throw error;
      }
      if (!outcome.written) throw conflict(document.id, expectedVersion, outcome.actual ?? null);
    },

    async changes(cursor: string | null, limit: number): Promise<ChangePage> {
      const after = parseFeedCursor(cursor);
      // Ordered by (transaction id, position) and read only below the oldest feed writer
      // still running (migration 6, feed-migration.ts): a commit that becomes visible later
      // has a larger transaction id than any cursor already handed out.
      const rows = await queryRows<{ doc: string; feed_xid: string; feed_seq: string }>(db, feedRead, [after.xid, after.seq, Math.max(1, Math.min(limit, 10_000))]);
      const last = rows[rows.length - 1];
      return { items: rows.map((r) => JSON.parse(r.doc) as GovDocument), cursor: last ? `${last.feed_xid}:${last.feed_seq}` : (cursor ?? '0:0') };
    },

    exclusive: (key, work) => exclusive(db, s, key, work),

    artifacts,

    deliveries: postgresLedger(db, s),
    ...inspectionFacts(db, s),
    fingerprints: postgresFingerprintIndex(db, s),
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

/**
 * A feed cursor is `<transaction id>:<position>` (decimal), the last row handed out; `null`
 * is the beginning. A bare `<position>` is a cursor from before migration 6, when the feed
 * was ordered by position alone: it reads as `0:<position>` — rows committed before the
 * migration (transaction id 0) up to that position were seen, and everything committed since
 * is delivered (again, for a cursor an older adapter handed out after the migration: at least
 * once, never lost).
 */
function parseFeedCursor(cursor: string | null): { xid: string; seq: string } {
  if (cursor === null) return { xid: '0', seq: '0' };
  const match = /^(?:(\d{1,20}):)?(\d{1,18})$/.exec(cursor);
  if (!match || (match[1] !== undefined && BigInt(match[1]) > 0xffff_ffff_ffff_ffffn)) {
    throw new GovpubError('VALIDATION', 'Invalid change-feed cursor', { details: { issues: [{ path: ['cursor'], message: 'expected a cursor returned by changes()' }] } });
  }
  return { xid: match[1] ?? '0', seq: match[2]! };
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
