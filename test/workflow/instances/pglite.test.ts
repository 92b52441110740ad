import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, it } from 'vitest';
import { migrate, postgresAdapter } from '../../../src/postgres/index';
import { concurrentNearCopies, nearCopyAcrossInstances } from './scenario';

describe('two publisher instances over one PGlite database', () => {
  const db = new PGlite();
  afterAll(() => db.close());

  it('catch a near-copy submitted through the other instance', async () => {
    await migrate(db, { schema: 'near' });
    await nearCopyAcrossInstances(postgresAdapter({ client: db, schema: 'near' }), postgresAdapter({ client: db, schema: 'near' }));
  });

  it('let at most one of each family of near-copies through when 50 are submitted at once', async () => {
    await migrate(db, { schema: 'burst' });
    await concurrentNearCopies(postgresAdapter({ client: db, schema: 'burst' }), postgresAdapter({ client: db, schema: 'burst' }));
  });
});
