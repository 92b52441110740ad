// The shape of migrations.ts's Migration, spelled out: importing it would make a cycle.
type Migration = { version: number; name: string; statements: string[] };
import { COLUMNS, EXPRESSIONS } from './projection';

/**
 * Migration 3: the fingerprint index (tables the adapter owns, one row per hash and
 * document, so a candidate lookup is an index scan per query hash) and `govpub_commit`, the
 * whole commit as one server-side function, so a commit costs one round trip instead of six.
 *
 * `govpub_commit(d, expected, events, parts, fail_between_writes)`:
 * - writes the document if its stored version is `expected` (`NULL`: creates it), else
 *   returns `{"written": false, "actual": <version or null>}` having written nothing;
 * - appends the version row and the events;
 * - then, for each key `k` of the `parts` object, calls `<schema>.commit_part_<k>(id, value)`
 *   in the same transaction. `fingerprints` is the first such part; a later migration adds
 *   another part (the delivery ledger's rows, say) by creating its own `commit_part_<name>`
 *   function — `govpub_commit` itself need not change;
 * - takes the change-feed position last, under a lock held until the transaction ends
 *   (migration 6, feed-migration.ts, replaces the function: no lock, positions by transaction id).
 *
 * `fail_between_writes` is a test hook (the conformance kit's halfway-failure check): it
 * raises after the document write and before the events, to prove the rollback.
 */
export function migration3(s: string): Migration {
  return {
    version: 3,
    name: 'fingerprint index and govpub_commit (one round trip per commit)',
    statements: [
      // Which documents are fingerprinted, under which scheme, and their hashes (kept so that
      // a rewrite deletes exactly the old rows through the primary key below, without a
      // second index on the large table).
      `CREATE TABLE ${s}.fingerprint_documents (
        document_id text COLLATE "C" PRIMARY KEY REFERENCES ${s}.documents (id),
        scheme text NOT NULL,
        hash_count integer NOT NULL,
        hashes integer[] NOT NULL
      )`,
      // One row per (hash, document): the primary key is the lookup index, and an
      // index-only scan answers "which documents hold this hash" without visiting the heap.
      // Hashes are unsigned 32-bit values stored as signed integer (4 bytes, not 8).
      `CREATE TABLE ${s}.fingerprints (
        hash integer NOT NULL,
        document_id text COLLATE "C" NOT NULL,
        PRIMARY KEY (hash, document_id)
      )`,
      `CREATE FUNCTION ${s}.commit_part_fingerprints(doc_id text, part jsonb) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        old_hashes integer[];
        new_hashes integer[];
      BEGIN
        SELECT f.hashes INTO old_hashes FROM ${s}.fingerprint_documents AS f WHERE f.document_id = doc_id;
        new_hashes := CASE WHEN jsonb_typeof(part->'hashes') = 'array'
          THEN ARRAY(SELECT DISTINCT h::integer FROM jsonb_array_elements_text(part->'hashes') AS h)
          ELSE '{}'::integer[] END;
        IF old_hashes IS NOT NULL THEN
          DELETE FROM ${s}.fingerprints AS f
          WHERE f.hash = ANY(old_hashes) AND f.document_id = doc_id AND NOT (f.hash = ANY(new_hashes));
        END IF;
        INSERT INTO ${s}.fingerprints (hash, document_id)
          SELECT h, doc_id FROM unnest(new_hashes) AS h
          ON CONFLICT DO NOTHING;
        INSERT INTO ${s}.fingerprint_documents (document_id, scheme, hash_count, hashes)
          VALUES (doc_id, part->>'scheme', cardinality(new_hashes), new_hashes)
          ON CONFLICT (document_id) DO UPDATE
          SET scheme = EXCLUDED.scheme, hash_count = EXCLUDED.hash_count, hashes = EXCLUDED.hashes;
      END
      $$`,
      `CREATE FUNCTION ${s}.govpub_commit(d jsonb, expected integer, events jsonb, parts jsonb DEFAULT '{}', fail_between_writes boolean DEFAULT false)
      RETURNS jsonb LANGUAGE plpgsql AS $$
      DECLARE
        doc_id text := d->>'id';
        part_name text;
        part_value jsonb;
      BEGIN
        IF expected IS NULL THEN
          -- ON CONFLICT DO NOTHING: a concurrent create of the same id waits for the first to
          -- commit, then inserts nothing.
          INSERT INTO ${s}.documents (id, ${COLUMNS}, commit_seq)
            SELECT doc_id, ${EXPRESSIONS}, nextval('${s}.commit_seq')
            ON CONFLICT (id) DO NOTHING;
        ELSE
          -- The version check is part of the write: a concurrent UPDATE of the row blocks
          -- here, and once it commits the WHERE is re-evaluated on the new row.
          UPDATE ${s}.documents AS t SET (${COLUMNS}, committed_at) = (SELECT ${EXPRESSIONS}, now())
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
        -- The change feed's position, taken last under a lock held until COMMIT: positions
        -- are handed out in the order commits become visible.
        PERFORM pg_advisory_xact_lock(hashtext('govpub.feed:' || '${s.replace(/'/g, "''")}'));
        UPDATE ${s}.documents SET commit_seq = nextval('${s}.commit_seq') WHERE id = doc_id;
        RETURN jsonb_build_object('written', true);
      END
      $$`,
    ],
  };
}
