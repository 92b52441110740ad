// The two clients govpub/postgres accepts, described by the few members it uses. Structural
// types (instead of `import type { Pool } from 'pg'`) keep `pg` and `@electric-sql/pglite`
// optional: a host with only one of them installed still type-checks against our .d.ts.
import { GovpubError } from '../errors/index';

/** The result shape both drivers return from `query`. */
export interface QueryResultLike {
  rows: unknown[];
}

/** Anything that runs one parameterised statement: a pool, a checked-out connection, a PGlite transaction. */
export interface Queryable {
  query(text: string, params?: unknown[]): Promise<QueryResultLike>;
}

/** A connection checked out of a `pg` Pool (`pg.PoolClient`). */
export interface PgPoolClientLike extends Queryable {
  /** Returns the connection to the pool; with an error, the pool discards it instead. */
  release(err?: Error | boolean): void;
  /** `pg.Client` is an EventEmitter: a lost connection emits `'error'`. */
  on?(event: 'error', listener: (error: Error) => void): unknown;
  removeListener?(event: 'error', listener: (error: Error) => void): unknown;
}

/** A `pg` Pool (`new Pool({ connectionString })`); not a single `pg.Client`. */
export interface PgPoolLike extends Queryable {
  connect(): Promise<PgPoolClientLike>;
}

/** A PGlite instance (`new PGlite()` / `await PGlite.create()`). */
export interface PGliteLike extends Queryable {
  transaction<T>(callback: (tx: Queryable) => Promise<T>): Promise<T>;
}

/** What `postgresAdapter` and `migrate` accept: a `pg` Pool or a PGlite instance. */
export type PostgresClient = PgPoolLike | PGliteLike;

/** Whether `client` is a PGlite instance (else a `pg` Pool). */
export function isPGlite(client: PostgresClient): client is PGliteLike {
  return typeof (client as Partial<PGliteLike>).transaction === 'function';
}

/** Throws `VALIDATION` unless `client` looks like a Pool or a PGlite instance. */
export function assertClient(client: unknown, path: (string | number)[] = ['client']): asserts client is PostgresClient {
  const c = client as Partial<PgPoolLike & PGliteLike> | null;
  const ok = typeof c === 'object' && c !== null && typeof c.query === 'function' && (typeof c.transaction === 'function' || typeof c.connect === 'function');
  if (!ok) {
    throw new GovpubError('VALIDATION', 'Invalid postgres client: pass a pg Pool or a PGlite instance', {
      details: { issues: [{ path, message: 'expected an object with query() and connect() (pg Pool) or transaction() (PGlite)' }] },
    });
  }
}

/**
 * Runs `work` in one transaction and commits it, or rolls it back when `work` throws.
 *
 * PGlite is a single connection with its own `transaction()`, which also keeps every other
 * query out until it ends. A `pg` Pool hands each `query()` to whichever connection is idle,
 * so BEGIN, the statements and COMMIT must all go through one connection checked out with
 * `connect()`: otherwise they land on different sessions and nothing is transactional.
 */
export async function inTransaction<T>(client: PostgresClient, work: (tx: Queryable) => Promise<T>): Promise<T> {
  if (isPGlite(client)) return client.transaction(work);
  return withConnection(client, async (connection, held) => {
    let committing = false;
    try {
      await connection.query('BEGIN');
      const result = await work(connection);
      committing = true;
      await connection.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await connection.query('ROLLBACK');
      } catch (rollbackError) {
        // A connection that cannot even roll back is in an unknown state: make the pool drop it.
        held.markBroken(rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError)));
      }
      throw connectionLost(error, held.broken(), committing) ?? error;
    }
  });
}

/** @internal What {@link withConnection} tells its work about the connection it holds. */
export interface HeldConnection {
  /** The error the connection emitted while held, or the one `markBroken` recorded. */
  broken(): Error | undefined;
  /** Records that the connection must not go back to the pool (the first error wins). */
  markBroken(error: Error): void;
}

/**
 * @internal Checks one connection out of a `pg` Pool for `work` and always gives it back: to
 * the pool, or (when it broke) to be discarded. Refuses a single `pg.Client`, whose
 * `connect()` resolves to nothing.
 *
 * While a connection is checked out the pool does not listen to it, and an EventEmitter's
 * unheard `'error'` (the server terminated the backend, the network dropped) would crash the
 * host process. This listens for the whole checkout; the failed query rejects on its own.
 */
export async function withConnection<T>(pool: PgPoolLike, work: (connection: PgPoolClientLike, held: HeldConnection) => Promise<T>): Promise<T> {
  const connection = await pool.connect();
  if (typeof (connection as Partial<PgPoolClientLike> | undefined)?.release !== 'function') {
    throw new GovpubError('VALIDATION', 'Invalid postgres client: connect() did not return a pooled connection; pass a pg Pool, not a pg Client', {
      details: { issues: [{ path: ['client'], message: 'expected a pg Pool' }] },
    });
  }
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken ??= error;
  };
  connection.on?.('error', onError);
  try {
    return await work(connection, { broken: () => broken, markBroken: (error) => void (broken ??= error) });
  } finally {
    connection.removeListener?.('error', onError);
    connection.release(broken);
  }
}

// SQLSTATE classes that mean the session is gone: 08 connection exception, 57P01–57P03
// (admin_shutdown, crash_shutdown, cannot_connect_now).
const LOST_SQLSTATE = /^(08...|57P0[1-3])$/;

/**
 * A `STORAGE` error when `error` means the connection was lost, else `undefined`. Before
 * COMMIT was sent the server rolls the transaction back with the session, so nothing was
 * written; during COMMIT the outcome cannot be known from here.
 */
export function connectionLost(error: unknown, broken: Error | undefined, committing: boolean): GovpubError | undefined {
  if (error instanceof GovpubError) return undefined;
  const code = (error as { code?: unknown } | null)?.code;
  const lost = (typeof code === 'string' && LOST_SQLSTATE.test(code)) || broken !== undefined || /Connection terminated|ECONNRESET|EPIPE/i.test(String((error as Error | null)?.message ?? ''));
  if (!lost) return undefined;
  const outcome = committing ? 'unknown' : 'not-written';
  return new GovpubError(
    'STORAGE',
    committing
      ? 'The database connection was lost while committing; whether the change was stored is unknown — re-read before retrying'
      : 'The database connection was lost; nothing was written — retry the command',
    { details: { outcome, ...(typeof code === 'string' ? { sqlState: code } : {}) }, cause: error },
  );
}
