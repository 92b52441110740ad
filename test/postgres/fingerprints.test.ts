// The shared fingerprint index on PGlite and, with DATABASE_URL, on the real server.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { migrate, postgresAdapter } from '../../src/postgres/index';
import { backfillOnStart, candidateRanking, nearCopyThroughSharedIndex } from './fingerprints-scenarios';
import { serverGuard } from './server-guard';

describe('the fingerprint index on PGlite', () => {
  const db = new PGlite();
  afterAll(() => db.close());
  const fresh = async (schema: string) => (await migrate(db, { schema }), postgresAdapter({ client: db, schema }));

  it('ranks candidates by shared hashes, honours exclude, scheme, null hashes, the frequency cap and put() versions', async () => {
    await candidateRanking(await fresh('rank'));
  });
  it('catches a near-copy through an instance without the change feed: the fingerprints are in the database when submit returns', async () => {
    const a = await fresh('near');
    await nearCopyThroughSharedIndex(a, postgresAdapter({ client: db, schema: 'near' }), db, 'near');
  });
  it('fingerprints documents stored without them when a publisher starts', async () => {
    await backfillOnStart(await fresh('backfill'));
  });
});

const url = serverGuard('fingerprint index on a PostgreSQL server');
if (url) {
  describe('the fingerprint index on a PostgreSQL server (two pools, as two processes)', () => {
    const pools = [new pg.Pool({ connectionString: url, max: 4 }), new pg.Pool({ connectionString: url, max: 4 })] as const;
    const made: string[] = [];
    const fresh = async (name: string) => {
      const schema = `fp_${name}_${process.pid}_${Date.now().toString(36)}`;
      made.push(schema);
      await migrate(pools[0], { schema });
      return { schema, a: postgresAdapter({ client: pools[0], schema }), b: postgresAdapter({ client: pools[1], schema }) };
    };
    afterAll(async () => {
      for (const s of made) await pools[0].query(`DROP SCHEMA "${s}" CASCADE`);
      await Promise.all(pools.map((p) => p.end()));
    });

    it('ranks candidates by shared hashes, honours exclude, scheme, null hashes, the frequency cap and put() versions', async () => {
      await candidateRanking((await fresh('rank')).a);
    });
    it('catches a near-copy through the other pool without the change feed', async () => {
      const { schema, a, b } = await fresh('near');
      await nearCopyThroughSharedIndex(a, b, pools[0], schema);
    });
    it('fingerprints documents stored without them when a publisher starts', async () => {
      await backfillOnStart((await fresh('backfill')).a);
    });
  });
}
