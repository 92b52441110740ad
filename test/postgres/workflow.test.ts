// The full publishing workflow through createPublisher on the PostgreSQL adapter — on PGlite
// every run, and on the real server when DATABASE_URL is set — compared step by step with
// the same scenario on memoryAdapter(): with the same clock and ids, every document and
// every hash must come out identical, whatever the storage.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isGovpubError } from '../../src/errors/govpub-error';
import type { StorageAdapter } from '../../src/storage/adapter';
import { memoryAdapter } from '../../src/storage/memory-adapter';
import { createPublisher } from '../../src/workflow/create-publisher';
import type { Actor, GovDocument } from '../../src/document/index';
import { scratchSchemas, type ScratchSchemas } from './harness';
import { serverGuard } from './server-guard';

const staff = {
  author: { id: 'liu.yang', roles: ['author'], department: '办公室' },
  reviewer1: { id: 'he.jun', roles: ['reviewer'], department: '办公室' },
  reviewer2: { id: 'xu.li', roles: ['reviewer'], department: '办公室' },
  approver: { id: 'gao.feng', roles: ['approver'], department: '办公室' },
  publisher: { id: 'ma.lin', roles: ['publisher'], department: '办公室' },
} satisfies Record<string, Actor>;

const notice = {
  title: '关于2026年春节期间政务服务中心办公时间调整的通知',
  body: '根据国务院办公厅通知精神，2月15日至2月23日政务服务中心暂停窗口服务，2月24日起恢复正常办公。\n\n咨询电话：12345。',
  level: 'public' as const,
  channels: ['website', 'wechat'],
  department: '办公室',
};

/** Runs draft → reject → fix → three reviews → publish → revise → withdraw; returns every step. */
async function scenario(storage: StorageAdapter) {
  let now = Date.parse('2026-02-10T01:00:00.000Z');
  let n = 0;
  // The clock moves only between steps, so how often a command reads it (and how the racing
  // edits interleave) cannot change the timestamps.
  const publisher = createPublisher({ storage, clock: () => new Date(now), idGenerator: () => `notice-${++n}` });
  const steps: [string, GovDocument][] = [];
  const record = (label: string, doc: GovDocument) => {
    steps.push([label, doc]);
    now += 60_000;
    return doc;
  };

  const draft = record('draft', await publisher.createDraft(notice, staff.author));
  const id = draft.id;
  record('submitted', await publisher.submit(id, staff.author));
  const rejected = record('rejected', await publisher.review(id, staff.reviewer1, { decision: 'reject', comment: '恢复办公日期与国务院通知不一致，请核实' }));

  // Two editors fix the same rejected draft at once: the storage lets exactly one through.
  const edits = await Promise.allSettled([
    publisher.updateDraft(id, { body: notice.body.replace('2月24日', '2月24日（星期二）') }, staff.author, { expectedVersion: rejected.version }),
    publisher.updateDraft(id, { title: `${notice.title}（更正）` }, staff.author, { expectedVersion: rejected.version }),
  ]);
  const conflicts = edits.filter((r) => r.status === 'rejected' && isGovpubError(r.reason) && r.reason.code === 'CONFLICT').length;
  const fixed = edits.find((r): r is PromiseFulfilledResult<GovDocument> => r.status === 'fulfilled')!.value;
  record('fixed', fixed);

  record('resubmitted', await publisher.submit(id, staff.author));
  record('initial', await publisher.review(id, staff.reviewer1, { decision: 'approve' }));
  record('secondary', await publisher.review(id, staff.reviewer2, { decision: 'approve' }));
  record('final', await publisher.review(id, staff.approver, { decision: 'approve', comment: '同意发布' }));
  const { document: published, outputs } = await publisher.publish(id, staff.publisher);
  record('published', published);
  record('revised', await publisher.revise(id, staff.author));
  record('withdrawn', await publisher.withdraw(id, staff.publisher, '春节安排已过期'));

  return {
    id,
    steps,
    conflicts,
    outputs: outputs.map((o) => ({ channel: o.channel, ok: o.ok, contentHash: o.contentHash })),
    stored: await publisher.get(id),
    history: await publisher.history(id),
    verification: await publisher.verifyHistory(id),
    listed: await publisher.list({ state: 'withdrawn', channel: 'wechat', department: '办公室' }),
  };
}

function scenarioOn(name: string, scratch: () => ScratchSchemas) {
  it(`runs the full workflow on ${name} exactly as on memoryAdapter()`, async () => {
    const { factory, teardown } = scratch();
    const storage = await factory();
    try {
      const onPostgres = await scenario(storage);
      const reference = await scenario(memoryAdapter());

      expect(onPostgres.steps.map(([label, d]) => [label, d.state, d.revision])).toEqual([
        ['draft', 'draft', 1],
        ['submitted', 'in_review', 1],
        ['rejected', 'rejected', 1],
        ['fixed', 'draft', 1],
        ['resubmitted', 'in_review', 1],
        ['initial', 'in_review', 1],
        ['secondary', 'in_review', 1],
        ['final', 'approved', 1],
        ['published', 'published', 1],
        ['revised', 'draft', 2],
        ['withdrawn', 'withdrawn', 2],
      ]);
      expect(onPostgres.conflicts).toBe(1);
      expect(onPostgres.stored.published).toMatchObject({ revision: 1, withdrawn: { by: 'ma.lin', reason: '春节安排已过期' } });
      expect(onPostgres.verification).toMatchObject({ ok: true, count: onPostgres.history.length });
      expect(onPostgres.history.map((e) => e.type)).toEqual([
        'created', 'submitted', 'rejected', 'updated', 'submitted', 'approved', 'approved', 'approved', 'published', 'revised', 'withdrawn',
      ]);
      expect(onPostgres.listed.items.map((d) => d.id)).toEqual([onPostgres.id]);

      // Identical, hash for hash, to the embedded adapter. (Which of the two racing edits
      // wins may differ, so compare the winner's own path rather than assume one.)
      if (onPostgres.steps[3]![1].title === reference.steps[3]![1].title) {
        expect(onPostgres.steps).toEqual(reference.steps);
        expect(onPostgres.history).toEqual(reference.history);
        expect(onPostgres.outputs).toEqual(reference.outputs);
      } else {
        expect(onPostgres.history.map((e) => e.type)).toEqual(reference.history.map((e) => e.type));
      }
    } finally {
      await teardown(storage);
    }
  });
}

describe('the publishing workflow on PostgreSQL', () => {
  const db = new PGlite();
  afterAll(() => db.close());
  scenarioOn('PGlite', () => scratchSchemas(db, 'wf'));
});

const url = serverGuard('PostgreSQL server workflow');
if (url) {
  describe('the publishing workflow on a PostgreSQL server', () => {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    afterAll(() => pool.end());
    scenarioOn('the server (pg Pool)', () => scratchSchemas(pool, 'wf'));
  });
}
