// A delivery worker in its own process, for the SIGKILL test (sigkill.test.ts): a publisher
// over the real PostgreSQL server running deliverPending in a loop until it is killed. It
// reports each run's outcomes on stdout as JSON lines so the parent knows it is sending.
import pg from 'pg';
import { createPublisher } from '../../src/index';
import { postgresAdapter } from '../../src/postgres/index';
import { killTestAccounts } from './sigkill-accounts';

const { DATABASE_URL, LEDGER_SCHEMA, CMS_URL, SMS_URL } = process.env;
if (!DATABASE_URL || !LEDGER_SCHEMA || !CMS_URL || !SMS_URL) throw new Error('child-worker needs DATABASE_URL, LEDGER_SCHEMA, CMS_URL and SMS_URL');

const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 4 });
const publisher = createPublisher({ storage: postgresAdapter({ client: pool, schema: LEDGER_SCHEMA }), accounts: killTestAccounts(CMS_URL, SMS_URL, () => new Date()), caliber: false, duplicates: false });
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
for (;;) {
  // Long timeout and lease: the parent kills this process while requests hang, and must
  // wait for nothing but the lease to take the work over.
  const r = await publisher.deliverPending({ owner: `child-${process.pid}`, limit: 10, timeoutMs: 60_000, leaseMs: 120_000 });
  process.stdout.write(`${JSON.stringify({ claimed: r.claimed, events: r.events.map((e) => e.type) })}\n`);
  if (r.claimed === 0) await new Promise((res) => setTimeout(res, 20));
}
