import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { govpub, postgres as pg, testing } from './package-under-test';

const g: any = govpub;
const P: any = pg;
const t: any = testing;

const db = new PGlite();
afterAll(async () => {
  await db.close();
});

let schemaN = 0;
t.runAdapterConformance({
  name: 'postgresAdapter on PGlite (acceptance)',
  factory: async () => {
    const schema = `acc_${++schemaN}`;
    await P.migrate(db, { schema });
    return P.postgresAdapter({ client: db, schema });
  },
});

describe('govpub/postgres', () => {
  it('migrate is idempotent', async () => {
    await P.migrate(db);
    await expect(P.migrate(db)).resolves.toBeDefined();
  });

  it('full workflow on PGlite: draft → 三审 → publish, CONFLICT on stale version, verified history', async () => {
    await P.migrate(db);
    const storage = P.postgresAdapter({ client: db });
    const p = g.createPublisher({ storage });
    const author = { id: 'a', roles: ['author'], department: 'd' };
    const d = await p.createDraft({ title: '社区卫生服务中心调整门诊时间', body: '自下周一起，各社区卫生服务中心门诊时间调整为上午八点至下午五点，节假日照常接诊。', level: 'public', channels: ['website'], department: 'd' }, author);
    await p.updateDraft(d.id, { title: '社区卫生服务中心门诊时间调整' }, author, { expectedVersion: d.version });
    await expect(p.updateDraft(d.id, { title: 'x' }, author, { expectedVersion: d.version })).rejects.toMatchObject({ code: 'CONFLICT' });
    await p.submit(d.id, author);
    await p.review(d.id, { id: 'r1', roles: ['reviewer'], department: 'd' }, { decision: 'approve' });
    await p.review(d.id, { id: 'r2', roles: ['reviewer'], department: 'd' }, { decision: 'approve' });
    await p.review(d.id, { id: 'ap', roles: ['approver'], department: 'd' }, { decision: 'approve' });
    const { document } = await p.publish(d.id, { id: 'pb', roles: ['publisher'] });
    expect(document.state).toBe('published');
    expect((await p.verifyHistory(d.id)).ok).toBe(true);
    const h = await p.history(d.id);
    expect(h.map((e: any) => e.type)).toEqual(['created', 'updated', 'submitted', 'approved', 'approved', 'approved', 'published']);
    const page = await p.list({ state: 'published' });
    expect(page.items.map((x: any) => x.id)).toContain(d.id);
  });
});
