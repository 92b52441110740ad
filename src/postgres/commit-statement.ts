import type { CommitRequest } from '../storage/index';
import { GovpubError } from '../errors/index';
import { connectionLost, inTransaction, isPGlite, withConnection, type PgPoolLike, type PostgresClient, type Queryable } from './client';
import { fingerprintPart } from './fingerprint-index';

/** What `govpub_commit` answers. */
export interface CommitOutcome {
  written: boolean;
  /** The stored version when not written (`null`: no such document). */
  actual?: number | null;
}

/**
 * The `parts` object of `govpub_commit`: one member per optional part of the request, each
 * written by `<schema>.commit_part_<name>(document_id, value)` inside the commit's
 * transaction. To add a part (another engineer's delivery rows, say): add its member here
 * and create its SQL function in a migration — `govpub_commit` dispatches by name.
 */
export function commitParts(request: CommitRequest): Record<string, unknown> {
  const parts: Record<string, unknown> = {};
  if (request.fingerprints !== undefined) parts['fingerprints'] = fingerprintPart(request.fingerprints);
  return parts;
}

/** Options of {@link runCommit}. */
export interface RunCommitOptions {
  /** Test hook: make the function fail after the document write, before the events. */
  failBetweenWrites?: boolean;
}

/**
 * Runs one commit as ONE statement — `SELECT govpub_commit(…)` — so it costs one round trip.
 * A single statement outside an explicit transaction is its own transaction: all of it or
 * none of it, exactly like BEGIN … COMMIT around the six statements it replaces.
 *
 * On a `pg` Pool it still checks out a connection: to refuse a single `pg.Client` (whose
 * `connect()` returns nothing), and to listen for the connection's `'error'` while the
 * statement runs. When the connection is lost mid-statement the outcome is first unknown;
 * it is settled by looking for the commit's last event (document id, seq and hash identify
 * it) on another connection: found → the commit stood; absent after the server itself ended
 * the session (SQLSTATE 57P01–57P03, so the backend will not commit later) → nothing was
 * written; otherwise the error says the outcome is unknown.
 */
export async function runCommit(
  db: PostgresClient,
  s: string,
  request: CommitRequest,
  json: { document: string; events: string; parts: string },
  options: RunCommitOptions = {},
): Promise<CommitOutcome> {
  const { text, params } = commitStatement(s, request, json, options);
  if (isPGlite(db)) return parseOutcome(await db.query(text, params));
  const pool = db as PgPoolLike;
  return withConnection(pool, async (connection, held) => {
    try {
      return parseOutcome(await connection.query(text, params));
    } catch (error) {
      const lost = connectionLost(error, held.broken(), true);
      if (!lost) throw error;
      held.markBroken(lost);
      const settled = await settleLostCommit(pool, s, request, lost, error);
      if (settled === 'written') return { written: true };
      throw settled;
    }
  });
}

/**
 * The same commit with more writes after it in ONE transaction: `govpub_commit`, then `after`
 * (the delivery ledger's rows and guarded updates) when the commit was written; a throw in
 * `after` rolls the whole commit back. Used only by commits that carry a ledger part, so every
 * other commit keeps its single round trip; a lost connection is reported by
 * `inTransaction` (`STORAGE`, with whether COMMIT was already sent).
 */
export async function runCommitInTransaction(
  db: PostgresClient,
  s: string,
  request: CommitRequest,
  json: { document: string; events: string; parts: string },
  options: RunCommitOptions,
  after: (tx: Queryable) => Promise<void>,
): Promise<CommitOutcome> {
  const { text, params } = commitStatement(s, request, json, options);
  return inTransaction(db, async (tx) => {
    const outcome = parseOutcome(await tx.query(text, params));
    if (outcome.written) await after(tx);
    return outcome;
  });
}

function commitStatement(s: string, request: CommitRequest, json: { document: string; events: string; parts: string }, options: RunCommitOptions) {
  return {
    text: `SELECT ${s}.govpub_commit($1::jsonb, $2::integer, $3::jsonb, $4::jsonb, $5::boolean)::text AS outcome`,
    params: [json.document, request.expectedVersion, json.events, json.parts, options.failBetweenWrites === true],
  };
}

function parseOutcome(result: { rows: unknown[] }): CommitOutcome {
  const row = result.rows[0] as { outcome?: string } | undefined;
  return JSON.parse(row?.outcome ?? '{"written":false,"actual":null}') as CommitOutcome;
}

const SERVER_ENDED_SESSION = /^57P0[1-3]$/;

/**
 * After a lost connection, looks the commit up: `'written'` when it stood (the caller then
 * resolves as for any commit), else the error to throw.
 */
async function settleLostCommit(pool: Queryable, s: string, request: CommitRequest, lost: GovpubError, cause: unknown): Promise<GovpubError | 'written'> {
  const last = request.events[request.events.length - 1];
  let stored: boolean | undefined;
  try {
    const { rows } = await pool.query(`SELECT 1 FROM ${s}.audit_events WHERE document_id = $1 AND seq = $2 AND hash = $3`, [
      request.document.id,
      last?.seq,
      last?.hash,
    ]);
    stored = rows.length > 0;
  } catch {
    stored = undefined;
  }
  const code = (cause as { code?: unknown } | null)?.code;
  // The commit stood (the session ended after COMMIT): it is done, not an error.
  if (stored === true) return 'written';
  if (stored === false && typeof code === 'string' && SERVER_ENDED_SESSION.test(code)) {
    return new GovpubError('STORAGE', 'The database connection was lost; nothing was written — retry the command', {
      details: { ...(lost.details ?? {}), outcome: 'not-written' },
      cause,
    });
  }
  return lost;
}
