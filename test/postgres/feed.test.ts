// The PostgreSQL change feed (migration 6): cursors old and new, the upgrade from a database
// that already had a feed, and — on a real server — what holds the feed back and what does
// not. The conformance kit's feed/* checks run in pglite.test.ts and server.test.ts.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, migrationStatements, postgresAdapter } from '../../src/postgres/index';
import type { StorageAdapter } from '../../src/storage/adapter';
import { makeDocument, makeEvents } from '../../src/testing/index';
import { scratchSchemas } from './harness';
import { serverGuard } from './server-guard';

async function create(storage: StorageAdapter, id: string) {
  const doc = makeDocument({ id });
  await storage.commit({ document: doc, expectedVersion: null, events: makeEvents(doc, 1) });
}

async function ids(storage: StorageAdapter, cursor: string | null, limit = 100) {
  const page = await storage.changes!(cursor, limit);
  return { ids: page.items.map((d) => d.id), cursor: page.cursor };
}

describe('the change feed on PGlite', () => {
  const db = new PGlite();
  afterAll(() => db.close());
  const scratch = scratchSchemas(db, 'feed');

  it('hands out <transaction id>:<position> cursors and refuses anything else with VALIDATION', async () => {
    const storage = await scratch.factory();
    await create(storage, 'a');
    const first = await ids(storage, null);
    expect(first.ids).toEqual(['a']);
    expect(first.cursor).toMatch(/^\d+:\d+$/);
    for (const bad of ['x', '1:2:3', '-1', '1:', ':1', '1:-2', '18446744073709551616:1', '1'.repeat(19)]) {
      await expect(storage.changes!(bad, 10)).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['cursor'] }] } });
    }
    await scratch.teardown(storage);
  });

  it('upgrades a database migrated to version 5: old rows keep their order, an old cursor still means what it meant', async () => {
    const schema = `feed_upgrade_${Date.now().toString(36)}`;
    const s = `"${schema}"`;
    // Version 5 as a database that ran an older govpub has it.
    await db.query(`CREATE SCHEMA ${s}`);
    await db.query(`CREATE TABLE ${s}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    for (const m of migrationStatements({ schema }).filter((m) => m.version <= 5)) {
      for (const statement of m.statements) await db.query(statement);
      await db.query(`INSERT INTO ${s}.schema_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
    }
    const before = postgresAdapter({ client: db, schema });
    for (const id of ['old-1', 'old-2', 'old-3']) await create(before, id);
    // The old feed's cursor after old-2 was old-2's bare position.
    const { rows } = await db.query<{ commit_seq: string }>(`SELECT commit_seq::text FROM ${s}.documents WHERE id = 'old-2'`);
    const oldCursor = rows[0]!.commit_seq;

    expect((await migrate(db, { schema })).applied).toEqual([6]);
    const after = postgresAdapter({ client: db, schema });
    await create(after, 'new-1');
    expect((await ids(after, null)).ids).toEqual(['old-1', 'old-2', 'old-3', 'new-1']);
    expect((await ids(after, oldCursor)).ids).toEqual(['old-3', 'new-1']);
    // Paging through the upgraded feed one at a time crosses from old rows to new ones.
    const seen: string[] = [];
    for (let cursor: string | null = null, i = 0; i < 10; i++) {
      const page = await ids(after, cursor, 1);
      if (page.ids.length === 0) break;
      seen.push(...page.ids);
      cursor = page.cursor;
    }
    expect(seen).toEqual(['old-1', 'old-2', 'old-3', 'new-1']);
    await db.query(`DROP SCHEMA ${s} CASCADE`);
  });
});

const url = serverGuard('PostgreSQL server (change feed)');

if (url) {
  describe('the change feed on a real server', () => {
    const pool = new pg.Pool({ connectionString: url, max: 6 });
    afterAll(() => pool.end());
    const scratch = scratchSchemas(pool, 'feedsrv');

    it('holds back commits behind a feed writer still running, and hands them out in order when it ends', async () => {
      const storage = await scratch.factory();
      const schema = scratch.schemaOf(storage);
      await create(storage, 'before');
      const start = await ids(storage, null);
      expect(start.ids).toEqual(['before']);
      // A commit in a transaction left open: it has the lower transaction id.
      const open = await pool.connect();
      try {
        await open.query('BEGIN');
        const doc = makeDocument({ id: 'slow' });
        await open.query(`SELECT "${schema}".govpub_commit($1::jsonb, NULL, $2::jsonb)`, [JSON.stringify(doc), JSON.stringify(makeEvents(doc, 1))]);
        await create(storage, 'fast'); // commits first, with a higher id
        // Handing out 'fast' now would let 'slow' appear behind the cursor.
        expect(await ids(storage, start.cursor)).toEqual({ ids: [], cursor: start.cursor });
        await open.query('COMMIT');
      } finally {
        open.release();
      }
      expect((await ids(storage, start.cursor)).ids).toEqual(['slow', 'fast']);
      await scratch.teardown(storage);
    });

    it('is not held back by a long transaction that does not write to this feed (another schema, the same database)', async () => {
      const storage = await scratch.factory();
      const other = await scratch.factory();
      const open = await pool.connect();
      try {
        await open.query('BEGIN');
        // A write elsewhere gives it a transaction id lower than the commit below.
        await open.query(`INSERT INTO "${scratch.schemaOf(other)}".artifacts (kind, document_id, data) VALUES ('k', 'd', '{}')`);
        await create(storage, 'meanwhile');
        expect((await ids(storage, null)).ids).toEqual(['meanwhile']);
        await open.query('ROLLBACK');
      } finally {
        open.release();
      }
      await scratch.teardown(other);
      await scratch.teardown(storage);
    });
  });
}
