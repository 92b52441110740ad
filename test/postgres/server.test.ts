// The conformance kit, and what only a real server can show (two pools racing, SERIALIZABLE
// hosts, a pg.Client mistaken for a Pool), against the PostgreSQL at DATABASE_URL.
//
// Locally, without DATABASE_URL, the suite is skipped with a message. In CI (process.env.CI
// set) a missing DATABASE_URL is a failure: the server tests must never silently vanish.
// Get a server with: eval "$(bash scripts/ci-postgres.sh)"
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isGovpubError } from '../../src/errors/govpub-error';
import { migrate, migrationStatements, postgresAdapter, SCHEMA_VERSION } from '../../src/postgres/index';
import type { PostgresClient } from '../../src/postgres/index';
import { conformanceChecks, makeDocument, makeEvents, runAdapterConformance, runConformanceCheck } from '../../src/testing/index';
import { scratchSchemas } from './harness';
import { serverGuard } from './server-guard';

const url = serverGuard('PostgreSQL server');

if (url) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // The second handle's own pool: a second host process's connections.
  const otherProcess = new pg.Pool({ connectionString: url, max: 10 });
  afterAll(() => Promise.all([pool.end(), otherProcess.end()]));
  const scratch = scratchSchemas(pool, 'kit', otherProcess);

  runAdapterConformance({
    name: 'postgresAdapter (pg Pool, real server)',
    ...scratch,
    concurrency: 16,
  });

  describe('postgresAdapter on a real server', () => {
    it('two host instances (two pools) updating one document at once: exactly one wins each round', async () => {
      const storage = await scratch.factory();
      const schema = scratch.schemaOf(storage);
      const poolA = new pg.Pool({ connectionString: url, max: 4 });
      const poolB = new pg.Pool({ connectionString: url, max: 4 });
      try {
        const hostA = postgresAdapter({ client: poolA, schema });
        const hostB = postgresAdapter({ client: poolB, schema });
        let doc = makeDocument({ id: 'contested' });
        await hostA.commit({ document: doc, expectedVersion: null, events: makeEvents(doc, 1) });
        for (let round = 0; round < 10; round++) {
          const history = await hostA.getEvents(doc.id);
          const attempts = [hostA, hostB, hostA, hostB].map((host, i) => {
            const document = { ...doc, version: doc.version + 1, title: `第${round}轮 主机${i % 2 ? 'B' : 'A'}#${i}` };
            return { host, request: { document, expectedVersion: doc.version, events: makeEvents(document, 2, { after: history.at(-1)! }) } };
          });
          const settled = await Promise.allSettled(attempts.map(({ host, request }) => host.commit(request)));
          const won = settled.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
          expect(won).toHaveLength(1);
          for (const r of settled) if (r.status === 'rejected') expect(isGovpubError(r.reason) && r.reason.code).toBe('CONFLICT');
          const winner = attempts[won[0]!]!.request;
          // Both hosts read the winner's version and exactly the winner's events.
          expect(await hostB.getDocument(doc.id)).toEqual(winner.document);
          expect((await hostA.getEvents(doc.id)).slice(history.length)).toEqual(winner.events);
          doc = winner.document;
        }
        expect((await hostB.getEvents(doc.id)).map((e) => e.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
      } finally {
        await Promise.all([poolA.end(), poolB.end()]);
        await scratch.teardown(storage);
      }
    });

    it('maps serialization failures to CONFLICT when the host runs SERIALIZABLE by default', async () => {
      const serializable = new pg.Pool({ connectionString: url, max: 10, options: '-c default_transaction_isolation=serializable' });
      try {
        const { rows } = await serializable.query('SHOW default_transaction_isolation');
        expect(rows[0].default_transaction_isolation).toBe('serializable');
        const strict = scratchSchemas(serializable, 'ser');
        for (const id of ['commit/concurrent-same-version', 'commit/concurrent-creates', 'commit/no-lost-updates']) {
          const check = conformanceChecks.find((c) => c.id === id)!;
          await expect(runConformanceCheck(check, { name: 'serializable', ...strict, concurrency: 12 })).resolves.toMatchObject({ status: 'passed' });
        }
      } finally {
        await serializable.end();
      }
    });

    it('migrates idempotently when several instances start at once', async () => {
      const schema = `mig_${process.pid}_${Date.now().toString(36)}`;
      try {
        const results = await Promise.all([migrate(pool, { schema }), migrate(pool, { schema }), migrate(pool, { schema })]);
        expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, migrationStatements().length]);
        expect(results.every((r) => r.version === SCHEMA_VERSION)).toBe(true);
      } finally {
        await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      }
    });

    it('refuses a single pg.Client instead of a Pool with VALIDATION', async () => {
      const single = new pg.Client({ connectionString: url });
      try {
        // A JavaScript host can pass one by mistake; TypeScript already refuses it.
        const storage = postgresAdapter({ client: single as unknown as PostgresClient, schema: 'unused' });
        const doc = makeDocument();
        await expect(storage.commit({ document: doc, expectedVersion: null, events: makeEvents(doc, 1) })).rejects.toMatchObject({
          code: 'VALIDATION',
          message: expect.stringContaining('not a pg Client'),
        });
      } finally {
        await single.end();
      }
    });
  });
}
