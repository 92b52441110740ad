/** What `govpub migrate --dry-run` lists, on PGlite: everything on a new database, nothing once migrated. */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsSql } from '../../src/cli/commands/migrate';
import { migrate, migrationStatements, pendingMigrations, SCHEMA_VERSION } from '../../src/postgres/index';

const db = new PGlite();
afterAll(async () => {
  await db.close();
});

describe('pendingMigrations', () => {
  it('lists every migration before the first migrate, none after, and changes nothing itself', { timeout: 60_000 }, async () => {
    const before = await pendingMigrations(db, { schema: 'dry_run' });
    expect(before.map((m) => m.version)).toEqual(migrationStatements({ schema: 'dry_run' }).map((m) => m.version));
    expect(before.at(-1)?.version).toBe(SCHEMA_VERSION);
    // Listing created nothing.
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM information_schema.schemata WHERE schema_name = 'dry_run'");
    expect(rows[0]?.n).toBe(0);

    await migrate(db, { schema: 'dry_run' });
    expect(await pendingMigrations(db, { schema: 'dry_run' })).toEqual([]);
  });

  it('prints migrations as a SQL script of statements ending in semicolons', () => {
    const sql = migrationsSql(migrationStatements({ schema: 's1' }));
    expect(sql).toMatch(/^-- migration 1: /);
    expect(sql).toContain('CREATE TABLE "s1".documents (');
    const migrations = migrationStatements({ schema: 's1' });
    expect(sql.match(/^-- migration \d+: /gm)?.length).toBe(migrations.length);
    // Every statement is there, whitespace aside, and terminated.
    const flat = sql.replace(/\s+/g, ' ');
    for (const statement of migrations.flatMap((m) => m.statements)) expect(flat).toContain(`${statement.replace(/\s+/g, ' ')};`);
  });
});
