// The databases the attack suite runs against, each set up exactly as docs/security.md
// ("Recommended database grants") prints it: a schema owner that migrates, an application role
// that owns nothing, an auditor. Two kinds of target:
//
// - the real PostgreSQL server at DATABASE_URL, each role on its own connection (logging in as
//   that role with a password, as a deployed application and a DBA would);
// - PGlite, one connection switching roles with SET ROLE (it has one session).
//
// Each attack gets a fresh schema, so one attack's broken trail never blocks another's
// checkpoint. Only identifiers are substituted in the printed SQL: the database name and the
// schema name.
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { migrate, postgresAdapter } from '../../src/postgres/index';
import type { StorageAdapter } from '../../src/index';

const doc = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');
/** The grants as docs/security.md prints them. */
export const GRANTS_SQL = /## Recommended database grants[\s\S]*?```sql\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
const [ROLES_SQL = '', SCHEMA_SQL = ''] = GRANTS_SQL.split(/^-- 2\..*$/m);

/** Runs one statement and returns its rows. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

/** One schema, migrated by the owner and granted as documented. */
export interface AttackSchema {
  schema: string;
  /** The adapter as a deployed application runs it: logged in as govpub_app. */
  storage: StorageAdapter;
  /** Raw SQL with the application role's rights: what a stolen application credential can do. */
  app: Sql;
  /** Raw SQL as the table owner (a DBA): can disable the append-only triggers. */
  owner: Sql;
}

/** A database the attack suite can make schemas in. */
export interface AttackTarget {
  name: string;
  schema(name: string): Promise<AttackSchema>;
  close(): Promise<void>;
}

/** Statements of a SQL script, without comments (the printed grants have no literals with `;`). */
function statements(script: string): string[] {
  return script
    .replace(/--.*$/gm, '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

function forSchema(script: string, schema: string, database: string): string[] {
  return statements(
    script
      .replace(/ON DATABASE govpub\b/g, `ON DATABASE "${database}"`)
      .replace(/\bSCHEMA govpub\b/g, `SCHEMA ${schema}`)
      .replace(/\bgovpub\./g, `${schema}.`),
  );
}

const PASSWORD = 'govpub-attack-suite';

/** The real server at `url`; the login role needs CREATEROLE (scripts/ci-postgres.sh grants it). */
export async function serverTarget(url: string): Promise<AttackTarget> {
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  const database = (await admin.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db;
  for (const statement of statements(ROLES_SQL)) {
    const role = /^CREATE ROLE (\w+)/.exec(statement)?.[1];
    if (role) {
      // Roles belong to the cluster: another database's run may have made them already.
      await admin.query(statement).catch((e: { code?: string }) => {
        if (e.code !== '42710' && e.code !== 'XX000') throw e;
      });
      // A password, so this suite can log in as the role like a deployed service does.
      await admin.query(`ALTER ROLE ${role} PASSWORD '${PASSWORD}'`);
    } else {
      await admin.query(statement.replace(/ON DATABASE govpub\b/, `ON DATABASE "${database}"`));
    }
  }
  const as = (role: string) => {
    const u = new URL(url);
    u.username = role;
    u.password = PASSWORD;
    return new pg.Pool({ connectionString: u.toString(), max: 4 });
  };
  const ownerPool = as('govpub_owner');
  const appPool = as('govpub_app');
  const sql = (pool: pg.Pool): Sql => ({ query: async (text, params) => (await pool.query(text, params)).rows }) as Sql;
  const made: string[] = [];
  return {
    name: 'PostgreSQL server',
    async schema(schema) {
      await ownerPool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      made.push(schema);
      await migrate(ownerPool, { schema });
      for (const statement of forSchema(SCHEMA_SQL, schema, database)) await ownerPool.query(statement);
      return { schema, storage: postgresAdapter({ client: appPool, schema }), app: sql(appPool), owner: sql(ownerPool) };
    },
    async close() {
      // Leave the database as found: the schemas go, the cluster-wide roles stay for the next run.
      for (const schema of made) await ownerPool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
      await Promise.all([admin.end(), ownerPool.end(), appPool.end()]);
    },
  };
}

/** PGlite: one session, roles switched with SET ROLE; the application's role is the resting one. */
export async function pgliteTarget(): Promise<AttackTarget> {
  const db = new PGlite();
  for (const statement of forSchema(ROLES_SQL, 'unused', 'postgres')) await db.exec(statement);
  await db.exec('SET ROLE govpub_app');
  const app: Sql = { query: async (text, params) => (await db.query(text, params)).rows } as Sql;
  const owner: Sql = {
    query: async (text, params) => {
      await db.exec('SET ROLE govpub_owner');
      try {
        return (await db.query(text, params)).rows;
      } finally {
        await db.exec('SET ROLE govpub_app');
      }
    },
  } as Sql;
  return {
    name: 'PGlite',
    async schema(schema) {
      await db.exec('SET ROLE govpub_owner');
      try {
        await migrate(db, { schema });
        for (const statement of forSchema(SCHEMA_SQL, schema, 'postgres')) await db.exec(statement);
      } finally {
        await db.exec('SET ROLE govpub_app');
      }
      return { schema, storage: postgresAdapter({ client: db, schema }), app, owner };
    },
    close: () => db.close(),
  };
}
