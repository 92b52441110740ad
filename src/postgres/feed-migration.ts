// The shape of migrations.ts's Migration, spelled out: importing it would make a cycle.
type Migration = { version: number; name: string; statements: string[] };
import { COLUMNS, EXPRESSIONS } from './projection';

/**
 * The change feed's lock key, as the two int4 halves `pg_advisory_xact_lock_shared(k1, k2)`
 * takes: `k1` names the feed, `k2` the schema. Shown in `pg_locks` as `classid` = k1,
 * `objid` = k2, `objsubid` = 2 (the two-key form). {@link feedReadStatement} looks for it there.
 */
export function feedLockKeys(s: string): { k1: string; k2: string } {
  return { k1: `hashtext('govpub.feed')`, k2: `hashtext('${s.replace(/'/g, "''")}')` };
}

/**
 * Migration 6: the change feed ordered by transaction id, without a global lock.
 *
 * Before, each commit took its feed position from a sequence, last, under an exclusive
 * transaction-scoped advisory lock, so positions followed visibility — and every commit of
 * every host waited for the one before it to reach the disk (~150 commits/s at any
 * connection count). Now each document row records the transaction that last committed it
 * (`commit_xid`, `pg_current_xact_id()`) and a position within it (`commit_seq`, still from
 * the sequence, now taken without a lock). `changes()` hands out only rows whose transaction
 * id is below the oldest feed writer still running, so a transaction that commits later has a
 * larger id than any cursor already handed out: nothing can appear behind a cursor.
 *
 * "Feed writer": `govpub_commit` takes a SHARED advisory lock on the feed key as its first
 * action, before any write (so before its transaction has an id). Shared locks never wait on
 * each other; they only let a reader tell, through `pg_locks`, which running transactions may
 * still add rows to this feed. Unrelated transactions (another schema, another database on
 * the same server, a long report) therefore do not hold the feed back, as they would if it
 * were read below `pg_snapshot_xmin` alone.
 *
 * Rows committed before this migration get `commit_xid` 0 and keep their positions, so a
 * cursor from the old feed (a bare position) still means what it meant; see
 * `parseFeedCursor` in postgres-adapter.ts. The column's default is the inserting
 * transaction's id, so rows written by other tools (a bulk loader) are fed too.
 */
export function feedMigration(s: string): Migration {
  const { k1, k2 } = feedLockKeys(s);
  return {
    version: 6,
    name: 'change feed ordered by (transaction id, position), read below the oldest running feed writer; no feed lock at commit',
    statements: [
      // A constant default is a catalogue change only (no table rewrite): existing rows read 0.
      `ALTER TABLE ${s}.documents ADD COLUMN commit_xid xid8 NOT NULL DEFAULT '0'`,
      `ALTER TABLE ${s}.documents ALTER COLUMN commit_xid SET DEFAULT pg_current_xact_id()`,
      `CREATE INDEX documents_feed_idx ON ${s}.documents (commit_xid, commit_seq)`,
      // Positions need no longer be unique or ordered on their own: (commit_xid, commit_seq) is
      // the order, and one index less is one write less per commit.
      `DROP INDEX ${s}.documents_commit_seq_idx`,
      `CREATE OR REPLACE FUNCTION ${s}.govpub_commit(d jsonb, expected integer, events jsonb, parts jsonb DEFAULT '{}', fail_between_writes boolean DEFAULT false)
      RETURNS jsonb LANGUAGE plpgsql AS $$
      DECLARE
        doc_id text := d->>'id';
        part_name text;
        part_value jsonb;
      BEGIN
        -- First, before any write (so before this transaction has an id): mark it as a feed
        -- writer. Shared: commits never wait for each other here.
        PERFORM pg_advisory_xact_lock_shared(${k1}, ${k2});
        IF expected IS NULL THEN
          -- ON CONFLICT DO NOTHING: a concurrent create of the same id waits for the first to
          -- commit, then inserts nothing.
          INSERT INTO ${s}.documents (id, ${COLUMNS}, commit_seq, commit_xid)
            SELECT doc_id, ${EXPRESSIONS}, nextval('${s}.commit_seq'), pg_current_xact_id()
            ON CONFLICT (id) DO NOTHING;
        ELSE
          -- The version check is part of the write: a concurrent UPDATE of the row blocks
          -- here, and once it commits the WHERE is re-evaluated on the new row.
          UPDATE ${s}.documents AS t SET (${COLUMNS}, committed_at, commit_seq, commit_xid) =
              (SELECT ${EXPRESSIONS}, now(), nextval('${s}.commit_seq'), pg_current_xact_id())
            WHERE t.id = doc_id AND t.version = expected;
        END IF;
        IF NOT FOUND THEN
          RETURN jsonb_build_object('written', false, 'actual', (SELECT t.version FROM ${s}.documents AS t WHERE t.id = doc_id));
        END IF;
        INSERT INTO ${s}.document_versions (document_id, version, revision, state, doc)
          SELECT t.id, t.version, t.revision, t.state, t.doc FROM ${s}.documents AS t WHERE t.id = doc_id;
        IF fail_between_writes THEN
          RAISE EXCEPTION 'govpub: failure injected between the document write and the event write'
            USING ERRCODE = 'GPFLT';
        END IF;
        INSERT INTO ${s}.audit_events (document_id, seq, type, actor_id, at, revision, prev_hash, hash, event)
          SELECT doc_id, (e->>'seq')::integer, e->>'type', e->'actor'->>'id', e->>'at', (e->>'revision')::integer,
                 e->>'prevHash', e->>'hash', e
          FROM jsonb_array_elements(events) WITH ORDINALITY AS list(e, n)
          ORDER BY n;
        FOR part_name, part_value IN SELECT key, value FROM jsonb_each(coalesce(parts, '{}'::jsonb)) ORDER BY key LOOP
          IF part_name !~ '^[a-z][a-z0-9_]{0,40}$' THEN
            RAISE EXCEPTION 'govpub: invalid commit part name %', part_name USING ERRCODE = 'invalid_parameter_value';
          END IF;
          EXECUTE format('SELECT %s.%I($1, $2)', '${s.replace(/'/g, "''")}', 'commit_part_' || part_name) USING doc_id, part_value;
        END LOOP;
        RETURN jsonb_build_object('written', true);
      END
      $$`,
    ],
  };
}

/**
 * The feed's read: rows after the cursor `($1 xid, $2 position)` whose transaction is below
 * the horizon, `$3` at most, in (commit_xid, commit_seq) order.
 *
 * The horizon is taken from the statement's own snapshot, so it cannot pass a transaction
 * whose rows this statement does not see: the smallest id among the snapshot's running
 * transactions (`pg_snapshot_xip`) that may write to this feed, else the snapshot's `xmax`
 * (every id below it had finished when the snapshot was taken, every later one is larger).
 * A running transaction is skipped only when `pg_locks` shows it alive and NOT holding the
 * feed key; one that ended between the snapshot and the look at `pg_locks` counts as a
 * writer (its rows may be committed but invisible to this snapshot). The reader's own
 * transaction, when it has written, caps the horizon too: its rows are not fed before it
 * commits. `pg_locks` is readable by every role; it is read once per statement, so the
 * transactions it shows and the locks they hold are one consistent picture.
 */
export function feedReadStatement(s: string): string {
  const { k1, k2 } = feedLockKeys(s);
  // pg_locks is read ONCE (each mention of the view is its own read of the lock table, and a
  // writer that ended between two reads would look like a non-writer).
  return `WITH snap AS MATERIALIZED (SELECT pg_current_snapshot() AS s),
    locks AS MATERIALIZED (
      SELECT l.locktype, l.mode, l.granted, l.virtualtransaction, l.transactionid, l.classid, l.objid, l.objsubid FROM pg_locks AS l
      WHERE l.locktype = 'transactionid' OR l.locktype = 'advisory'
    ),
    others AS MATERIALIZED (
      SELECT t.transactionid FROM locks AS t
      WHERE t.locktype = 'transactionid' AND t.mode = 'ExclusiveLock' AND t.granted
        AND NOT EXISTS (
          SELECT 1 FROM locks AS f
          WHERE f.virtualtransaction = t.virtualtransaction AND f.locktype = 'advisory'
            AND f.classid = (${k1})::oid AND f.objid = (${k2})::oid AND f.objsubid = 2
        )
    ),
    horizon AS MATERIALIZED (
      SELECT least(
        (SELECT min(x) FROM pg_snapshot_xip(snap.s) AS x WHERE NOT EXISTS (SELECT 1 FROM others WHERE others.transactionid = x::xid)),
        pg_snapshot_xmax(snap.s),
        pg_current_xact_id_if_assigned()
      ) AS h FROM snap
    )
    SELECT t.doc::text AS doc, t.commit_xid::text AS feed_xid, t.commit_seq::text AS feed_seq
    FROM ${s}.documents AS t, horizon
    WHERE (t.commit_xid, t.commit_seq) > ($1::xid8, $2::bigint) AND t.commit_xid < horizon.h
    ORDER BY t.commit_xid, t.commit_seq
    LIMIT $3`;
}
