import * as z from 'zod';
import { parseOrThrow } from '../errors/index';
import { assertClient, inTransaction, type PostgresClient } from './client';
import { ledgerMigration } from './ledger-migration';
import { inspectionMigration } from './inspection-migration';
import { migration3 } from './migration-3';
import { feedMigration } from './feed-migration';

/** The schema govpub's tables live in unless told otherwise. */
export const DEFAULT_SCHEMA = 'govpub';

// Lower-case unquoted-style identifiers only (≤ 63 bytes, PostgreSQL's NAMEDATALEN − 1), so
// the name can be spliced into DDL safely and means the same quoted or not.
const schemaName = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a schema name: lower-case letters, digits and _, at most 63, not starting with a digit');

/** Options of {@link migrate} and {@link migrationStatements}. */
export interface MigrateOptions {
  /** The PostgreSQL schema to create the tables in; default `govpub`. */
  schema?: string;
}

/** One step of the schema's history. */
export interface Migration {
  version: number;
  name: string;
  /** The statements, in order, with the schema name filled in. */
  statements: string[];
}

const schemaOption = z.object({ schema: schemaName.optional() });

/** Validates a schema name (`VALIDATION` at path `schema`) and returns it double-quoted for SQL. */
export function quotedSchema(schema: string | undefined): string {
  const parsed = parseOrThrow(schemaOption, { schema }, 'postgres schema option');
  return `"${parsed.schema ?? DEFAULT_SCHEMA}"`;
}

/**
 * Every migration, oldest first. Append new ones; never edit a released one (databases that
 * applied it would silently differ from new ones).
 */
function migrations(s: string): Migration[] {
  return [
    {
      version: 1,
      name: 'documents, versions, audit events, artifacts',
      statements: [
        // The JSONB `doc` is the document exactly as committed and the only thing read back;
        // the other columns are projections of it for filtering and ordering. Keys compare
        // with COLLATE "C" (byte order) so keyset order is the same as JavaScript's `<` on
        // ASCII ids and ISO timestamps, whatever the database's default collation.
        `CREATE TABLE ${s}.documents (
          id text COLLATE "C" PRIMARY KEY,
          version integer NOT NULL CHECK (version >= 0),
          revision integer NOT NULL,
          state text NOT NULL,
          department text,
          channels text[] NOT NULL,
          author_id text NOT NULL,
          level text NOT NULL,
          needs_retrospective_review boolean NOT NULL,
          created_at text COLLATE "C" NOT NULL,
          updated_at text NOT NULL,
          doc jsonb NOT NULL,
          committed_at timestamptz NOT NULL DEFAULT now()
        )`,
        `CREATE INDEX documents_keyset_idx ON ${s}.documents (created_at, id)`,
        `CREATE INDEX documents_state_idx ON ${s}.documents (state, created_at, id)`,
        `CREATE INDEX documents_department_idx ON ${s}.documents (department, created_at, id)`,
        `CREATE INDEX documents_author_idx ON ${s}.documents (author_id, created_at, id)`,
        `CREATE INDEX documents_level_idx ON ${s}.documents (level, created_at, id)`,
        `CREATE INDEX documents_channels_idx ON ${s}.documents USING gin (channels)`,
        `CREATE INDEX documents_retrospective_idx ON ${s}.documents (created_at, id) WHERE needs_retrospective_review`,
        // Every committed version, append-only: any revision (and what was published) can be
        // read back as it was, which the audit events alone do not carry.
        `CREATE TABLE ${s}.document_versions (
          document_id text COLLATE "C" NOT NULL REFERENCES ${s}.documents (id),
          version integer NOT NULL,
          revision integer NOT NULL,
          state text NOT NULL,
          doc jsonb NOT NULL,
          committed_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (document_id, version)
        )`,
        `CREATE INDEX document_versions_revision_idx ON ${s}.document_versions (document_id, revision, version)`,
        // The hash chain. (document_id, seq) is the primary key, so a repeated seq aborts the
        // whole commit; hash and prev_hash are columns so the chain can be audited in SQL.
        `CREATE TABLE ${s}.audit_events (
          document_id text COLLATE "C" NOT NULL REFERENCES ${s}.documents (id),
          seq integer NOT NULL CHECK (seq > 0),
          type text NOT NULL,
          actor_id text NOT NULL,
          at text NOT NULL,
          revision integer NOT NULL,
          prev_hash text NOT NULL,
          hash text NOT NULL,
          event jsonb NOT NULL,
          committed_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (document_id, seq)
        )`,
        `CREATE TABLE ${s}.artifacts (
          kind text COLLATE "C" NOT NULL,
          document_id text COLLATE "C" NOT NULL,
          data jsonb NOT NULL,
          updated_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (kind, document_id)
        )`,
        // Append-only is enforced in the database too, not only by the adapter never issuing
        // UPDATE or DELETE: a stray maintenance script fails loudly instead of rewriting history.
        // (The hash chain still detects edits by anyone able to disable triggers.)
        `CREATE FUNCTION ${s}.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'govpub: % is append-only; % refused', TG_TABLE_NAME, TG_OP
            USING ERRCODE = 'restrict_violation';
        END
        $$`,
        ...['audit_events', 'document_versions'].flatMap((table) => [
          `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${s}.${table} FOR EACH ROW EXECUTE FUNCTION ${s}.refuse_change()`,
          `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${s}.${table} FOR EACH STATEMENT EXECUTE FUNCTION ${s}.refuse_change()`,
        ]),
      ],
    },
    {
      version: 2,
      name: 'change feed: each document\'s position in commit order',
      statements: [
        `CREATE SEQUENCE ${s}.commit_seq`,
        // Existing rows get positions in their commit-time order, so a feed read from the
        // beginning returns them as they were committed.
        `ALTER TABLE ${s}.documents ADD COLUMN commit_seq bigint`,
        `UPDATE ${s}.documents SET commit_seq = numbered.n FROM (
           SELECT id, nextval('${s}.commit_seq') AS n FROM (SELECT id FROM ${s}.documents ORDER BY committed_at, id) AS ordered
         ) AS numbered WHERE ${s}.documents.id = numbered.id`,
        `ALTER TABLE ${s}.documents ALTER COLUMN commit_seq SET NOT NULL`,
        `CREATE UNIQUE INDEX documents_commit_seq_idx ON ${s}.documents (commit_seq)`,
      ],
    },
    migration3(s),
    ledgerMigration(s),
    inspectionMigration(s),
    feedMigration(s),
  ];
}

/** The newest schema version this release of govpub writes. */
export const SCHEMA_VERSION = 6;

/**
 * The migrations as SQL, for hosts that apply schema changes with their own tool (Flyway,
 * Liquibase, …) instead of {@link migrate}. Record each applied `version` yourself.
 */
export function migrationStatements(options: MigrateOptions = {}): Migration[] {
  return migrations(quotedSchema(options.schema));
}

/** What {@link migrate} did. */
export interface MigrateResult {
  schema: string;
  /** Versions applied by this call, oldest first (empty when already up to date). */
  applied: number[];
  /** The schema version now in place. */
  version: number;
}

/**
 * Creates or upgrades govpub's tables in `options.schema` (default `govpub`). Idempotent and
 * safe to run from several host instances at once: a transaction-scoped advisory lock
 * serialises concurrent runs, and each migration's version is recorded in
 * `<schema>.schema_migrations` in the same transaction as its DDL.
 *
 * @example
 * ```ts
 * import { Pool } from 'pg';
 * import { migrate, postgresAdapter } from 'govpub/postgres';
 *
 * const pool = new Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate(pool);                       // at start-up, before the first command
 * const storage = postgresAdapter({ client: pool });
 * ```
 */
export async function migrate(client: PostgresClient, options: MigrateOptions = {}): Promise<MigrateResult> {
  assertClient(client);
  const s = quotedSchema(options.schema);
  const schema = options.schema ?? DEFAULT_SCHEMA;
  return inTransaction(client, async (tx) => {
    // hashtext() maps the schema name to the lock key: runs for different schemas proceed in
    // parallel, runs for the same one queue here until the first commits.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`govpub.migrate:${schema}`]);
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await tx.query(`CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await tx.query(`SELECT version FROM ${s}.schema_migrations`);
    const done = new Set((rows as { version: number }[]).map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const migration of migrations(s)) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query(`INSERT INTO ${s}.schema_migrations (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
      applied.push(migration.version);
    }
    const newest = Math.max(0, ...done, ...applied);
    return { schema, applied, version: newest };
  });
}

/**
 * The migrations {@link migrate} would apply to `client` now, oldest first, without changing
 * anything (for `govpub migrate --dry-run` and deployment reviews). When the schema or its
 * `schema_migrations` table does not exist yet, every migration is pending.
 */
export async function pendingMigrations(client: PostgresClient, options: MigrateOptions = {}): Promise<Migration[]> {
  assertClient(client);
  const s = quotedSchema(options.schema);
  const { rows: exists } = await client.query('SELECT to_regclass($1) IS NOT NULL AS present', [`${s}.schema_migrations`]);
  if (!(exists as { present: boolean }[])[0]?.present) return migrations(s);
  const { rows } = await client.query(`SELECT version FROM ${s}.schema_migrations`);
  const done = new Set((rows as { version: number }[]).map((r) => Number(r.version)));
  return migrations(s).filter((m) => !done.has(m.version));
}
