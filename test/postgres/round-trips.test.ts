// Round trips per commit, counted on the client so they cannot creep back up. Before
// migration 3 a commit on a pg Pool sent BEGIN, the conditional write, the version row, the
// events, the feed position and COMMIT: six statements, each a round trip (a conflict: BEGIN,
// the write, the version look-up, ROLLBACK). On PGlite the same four statements ran inside
// its transaction(), which adds BEGIN and COMMIT itself (this wrapper counted 4 there).
// Now it is one statement, govpub_commit(…), on both.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { PostgresClient, Queryable } from '../../src/postgres/index';
import { migrate, postgresAdapter } from '../../src/postgres/index';
import { makeDocument, makeEvents } from '../../src/testing/index';
import { serverGuard } from './server-guard';

/** Wraps a Pool or PGlite so every statement sent through it (or a connection/transaction of it) is counted. */
function counting(client: PostgresClient): { client: PostgresClient; count: () => number; reset: () => void } {
  let n = 0;
  const wrapQueryable = <Q extends Queryable>(q: Q): Q =>
    new Proxy(q, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (prop === 'query') return (...args: unknown[]) => (n++, (value as (...a: unknown[]) => unknown).apply(target, args));
        if (prop === 'connect') return async () => wrapQueryable(await (value as () => Promise<Queryable>).call(target));
        if (prop === 'transaction') return (work: (tx: Queryable) => Promise<unknown>) => (value as (w: unknown) => Promise<unknown>).call(target, (tx: Queryable) => work(wrapQueryable(tx)));
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  return { client: wrapQueryable(client), count: () => n, reset: () => (n = 0) };
}

async function roundTrips(client: PostgresClient, schema: string) {
  await migrate(client, { schema });
  const counted = counting(client);
  const storage = postgresAdapter({ client: counted.client, schema });
  const doc = makeDocument({ id: 'rt-1' });
  const first = makeEvents(doc, 1);
  counted.reset();
  await storage.commit({ document: doc, expectedVersion: null, events: first });
  const create = counted.count();
  const next = { ...doc, version: 2, title: '改过的标题' };
  counted.reset();
  await storage.commit({ document: next, expectedVersion: 1, events: makeEvents(next, 2, { after: first[0]! }), fingerprints: { scheme: '5/16', hashes: [1, 2, 3, 0xffffffff] } });
  const update = counted.count();
  counted.reset();
  await storage.commit({ document: { ...next, version: 3 }, expectedVersion: 1, events: makeEvents(next, 1, { after: first[0]! }) }).catch(() => undefined);
  const conflict = counted.count();
  return { create, update, conflict };
}

describe('round trips per commit', () => {
  it('PGlite: one statement per commit, also with fingerprints and for a conflict (was 4 + BEGIN/COMMIT, conflict 2)', async () => {
    const db = new PGlite();
    try {
      expect(await roundTrips(db, 'rt')).toEqual({ create: 1, update: 1, conflict: 1 });
    } finally {
      await db.close();
    }
  });

  const url = serverGuard('PostgreSQL server round trips');
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const schema = `rt_${process.pid}_${Date.now().toString(36)}`;
    afterAll(async () => {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    });
    it('pg Pool: one statement per commit on a checked-out connection (was 6, conflict 4)', async () => {
      expect(await roundTrips(pool, schema)).toEqual({ create: 1, update: 1, conflict: 1 });
    });
  }
});
