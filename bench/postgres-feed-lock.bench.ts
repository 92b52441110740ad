/**
 * `npx tsx bench/postgres-feed-lock.bench.ts` (needs DATABASE_URL): what the change feed's
 * lock costs. govpub_commit takes the feed position last, under a transaction-scoped advisory
 * lock held until COMMIT (so positions follow visibility: no commit appears behind a cursor
 * already handed out). This runs the same 16-connection commits against the function as
 * migrated and against a copy without that lock (a scratch schema; never do this in
 * production: the feed would lose its guarantee).
 */
import pg from 'pg';
import { migrate, postgresAdapter } from '../src/postgres/index';
import { makeDocument, makeEvents } from '../src/testing/index';

const url = process.env.DATABASE_URL;
if (!url) {
  console.log('postgres-feed-lock.bench: skipped — DATABASE_URL is not set. Run: eval "$(bash scripts/ci-postgres.sh)"');
  process.exit(0);
}
const COMMITS = process.env.BENCH_QUICK === '1' ? 200 : 1500;
const admin = new pg.Pool({ connectionString: url, max: 2 });
const lines: string[] = [];
try {
  for (const variant of ['as migrated (feed lock)', 'without the feed lock']) {
    const schema = variant.startsWith('as') ? 'bench_lock_on' : 'bench_lock_off';
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await migrate(admin, { schema });
    if (schema === 'bench_lock_off') {
      const { rows } = await admin.query(`SELECT pg_get_functiondef('${schema}.govpub_commit'::regproc) AS def`);
      await admin.query((rows[0] as { def: string }).def.replace(/PERFORM pg_advisory_xact_lock\([^;]*;/, ''));
    }
    const db = new pg.Pool({ connectionString: url, max: 16 });
    await Promise.all(Array.from({ length: 16 }, () => db.query('SELECT 1')));
    const storage = postgresAdapter({ client: db, schema });
    const sample = makeDocument({ id: 'x' });
    let next = 0;
    const t = performance.now();
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < COMMITS) {
          const doc = { ...sample, id: `d${next++}` };
          await storage.commit({ document: doc, expectedVersion: null, events: makeEvents(doc, 1) });
        }
      }),
    );
    lines.push(`| ${variant} | ${(COMMITS / ((performance.now() - t) / 1000)).toFixed(0)} |`);
    await db.end();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  }
  console.log(`\nCommits per second, 16 connections, ${COMMITS} commits\n\n| govpub_commit | commits/s |\n|---|---:|`);
  for (const l of lines) console.log(l);
} finally {
  await admin.end();
}
