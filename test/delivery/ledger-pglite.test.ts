// Exactly once through the publisher on the PostgreSQL adapter over PGlite (in process).
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, it } from 'vitest';
import { migrate, postgresAdapter } from '../../src/postgres/index';
import { exactlyOnceScenario } from './ledger-scenario';

describe('exactly once through the publisher on PGlite', () => {
  const db = new PGlite();
  afterAll(() => db.close());

  it('500 deliveries, two publisher instances, 20 % faults: each accepted once, ledger and trails match', async () => {
    await migrate(db, { schema: 'ledger_once' });
    const figures = await exactlyOnceScenario({ documents: 125, handles: [postgresAdapter({ client: db, schema: 'ledger_once' }), postgresAdapter({ client: db, schema: 'ledger_once' })], seed: 20260301 });
    console.log(`exactly-once (PGlite): ${JSON.stringify(figures)}`);
  }, 600_000);
});
