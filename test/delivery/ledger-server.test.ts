// Exactly once through the publisher on the real PostgreSQL server (DATABASE_URL): two host
// instances, each its own pg Pool, claiming from one ledger with FOR UPDATE SKIP LOCKED.
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { migrate, postgresAdapter } from '../../src/postgres/index';
import { serverGuard } from '../postgres/server-guard';
import { exactlyOnceScenario } from './ledger-scenario';

const url = serverGuard('delivery exactly once (PostgreSQL server)');

if (url) {
  const poolA = new pg.Pool({ connectionString: url, max: 6 });
  const poolB = new pg.Pool({ connectionString: url, max: 6 });
  const schema = `once_${process.pid}_${Date.now().toString(36)}`;
  afterAll(async () => {
    await poolA.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await Promise.all([poolA.end(), poolB.end()]);
  });

  describe('exactly once through the publisher on a real PostgreSQL server', () => {
    it('500 deliveries, two instances (two pools), 20 % faults: each accepted once, ledger and trails match', async () => {
      await migrate(poolA, { schema });
      const figures = await exactlyOnceScenario({ documents: 125, handles: [postgresAdapter({ client: poolA, schema }), postgresAdapter({ client: poolB, schema })], seed: 20260302 });
      console.log(`exactly-once (PostgreSQL server): ${JSON.stringify(figures)}`);
    }, 1_500_000);
  });
}
