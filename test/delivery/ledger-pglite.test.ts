// Exactly once through the publisher on the PostgreSQL adapter over PGlite (in process). PGlite
// runs every statement on the test's own thread, so the full 500-delivery run belongs to the
// real server's test; this one proves the same SQL at a third of the size.
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, it } from 'vitest';
import { migrate, postgresAdapter } from '../../src/postgres/index';
import { exactlyOnceScenario } from './ledger-scenario';

describe('exactly once through the publisher on PGlite', () => {
  const db = new PGlite();
  afterAll(() => db.close());

  it('160 deliveries (500 on the real server: ledger-server.test.ts), two publisher instances, 20 % faults: each accepted once, ledger and trails match', async () => {
    await migrate(db, { schema: 'ledger_once' });
    const figures = await exactlyOnceScenario({ documents: 40, handles: [postgresAdapter({ client: db, schema: 'ledger_once' }), postgresAdapter({ client: db, schema: 'ledger_once' })], seed: 20260301 });
    console.log(`exactly-once (PGlite): ${JSON.stringify(figures)}`);
  }, 600_000);
});
