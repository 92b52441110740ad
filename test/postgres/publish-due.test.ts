// publishDue from two publisher instances over one PostgreSQL database (PGlite, and the real
// server with two pools as two processes): 200 scheduled documents, each published exactly
// once, and the two reports add up.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPublisher, type Publisher, type PublishDueResult, type StorageAdapter } from '../../src/index';
import { migrate, postgresAdapter } from '../../src/postgres/index';
import { manualClock, staff } from '../workflow/fixtures';
import { prng, randomText } from '../duplicates/fixtures';
import { serverGuard } from './server-guard';

const COUNT = 200;

async function scheduledRace(a: StorageAdapter, b: StorageAdapter): Promise<void> {
  const time = manualClock();
  let n = 0;
  const make = (storage: StorageAdapter): Publisher =>
    createPublisher({ storage, clock: time.clock, idGenerator: () => `due-${++n}`, caliber: false, reviewSteps: [{ id: 'final', roles: ['approver'] }] });
  const [one, two] = [make(a), make(b)];
  const ids: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const via = i % 2 ? two : one;
    const doc = await via.createDraft({ title: `第${i + 1}号公告`, body: randomText(prng(1000 + i), 160), level: 'public' }, staff.author);
    await via.submit(doc.id, staff.author);
    await via.review(doc.id, staff.approver, { decision: 'approve' });
    await via.schedule(doc.id, staff.publisher, new Date(time.clock().getTime() + 3_600_000 + i * 1000));
    ids.push(doc.id);
  }
  time.advance(2 * 3_600_000);
  const [ra, rb] = await Promise.all([one.publishDue(staff.publisher), two.publishDue(staff.publisher)]);
  const publishedBy = (r: PublishDueResult) => r.published.map((p) => p.document.id);
  const all = [...publishedBy(ra), ...publishedBy(rb)];
  // Every document published, none twice, by one instance or the other.
  expect(all.length).toBe(COUNT);
  expect(new Set(all)).toEqual(new Set(ids));
  // Each report accounts for what it did not publish: the other instance had it.
  for (const [mine, other] of [[ra, rb], [rb, ra]] as const) {
    const theirs = new Set(publishedBy(other));
    for (const s of mine.skipped) {
      expect(s).toMatchObject({ code: 'ALREADY_HANDLED' });
      expect(theirs.has(s.id)).toBe(true);
    }
    expect(new Set(mine.skipped.map((s) => s.id)).size).toBe(mine.skipped.length);
  }
  console.log(`[publishDue ×2 over one database] published ${ra.published.length} + ${rb.published.length}, skipped ${ra.skipped.length} + ${rb.skipped.length}`);
  for (const id of ids) expect((await one.history(id)).filter((e) => e.type === 'published')).toHaveLength(1);
  expect(await one.publishDue(staff.publisher)).toEqual({ published: [], skipped: [] });
}

describe('publishDue from two instances over one PGlite database', () => {
  const db = new PGlite();
  afterAll(() => db.close());
  it(`publishes each of ${COUNT} scheduled documents exactly once; the reports add up`, async () => {
    await migrate(db, { schema: 'due' });
    await scheduledRace(postgresAdapter({ client: db, schema: 'due' }), postgresAdapter({ client: db, schema: 'due' }));
  }, 240_000);
});

const url = serverGuard('publishDue over a PostgreSQL server');
if (url) {
  describe('publishDue from two instances over one PostgreSQL server (two pools)', () => {
    const pools = [new pg.Pool({ connectionString: url, max: 4 }), new pg.Pool({ connectionString: url, max: 4 })] as const;
    const schema = `due_${process.pid}_${Date.now().toString(36)}`;
    afterAll(async () => {
      await pools[0].query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await Promise.all(pools.map((p) => p.end()));
    });
    it(`publishes each of ${COUNT} scheduled documents exactly once; the reports add up`, async () => {
      await migrate(pools[0], { schema });
      await scheduledRace(postgresAdapter({ client: pools[0], schema }), postgresAdapter({ client: pools[1], schema }));
    }, 240_000);
  });
}
