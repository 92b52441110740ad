// The duplicate gate's judgement reaches inspection from storage: it runs at submission,
// publishing replaces the document's findings, and the publication keeps the judgement (in
// the `published` event and the snapshot), per revision — on the memory adapter and on
// PostgreSQL (PGlite, through the SQL path).
import { memoryAndPGlite } from './storage-adapters';
import { describe, expect, it, vi } from 'vitest';

// PGlite runs PostgreSQL in WebAssembly on one thread: migrating and running the lifecycles
// takes tens of seconds on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });
import { createPublisher } from '../../src/index';
import { collectPublicationRecords, inspectStorage } from '../../src/inspection/index';
import { staff } from './storage-scenario';


const original = {
  title: '关于开展城市供水管网改造工程的通告',
  body:
    '为提升城区供水安全保障能力，市水务集团将于今年四月至十月对老城区供水管网实施整体改造，涉及中山路、解放路、人民路等十二条道路。' +
    '施工期间将分段实施交通疏导，部分路段夜间停水，具体时间另行公告。' +
    '改造完成后，老城区管网漏损率预计下降五个百分点，居民用水水压将明显改善。' +
    '请沿线居民和单位提前做好储水准备，给您带来的不便敬请谅解。',
};

// Most of the notice, retold with a paragraph of its own: the gate warns (copied ≥ 0.5) but
// does not block (< 0.8), so it is published without a declaration.
const mostlyCopied = {
  title: '我区转发供水管网改造安排',
  body:
    '为提升城区供水安全保障能力，市水务集团将于今年四月至十月对老城区供水管网实施整体改造，涉及中山路、解放路、人民路等十二条道路。' +
    '施工期间将分段实施交通疏导，部分路段夜间停水，具体时间另行公告。' +
    '区住建局将会同各街道设立临时供水点十处，安排志愿者为独居老人送水上门，并在社区公众号每日发布停水提示。',
};

const adapters = memoryAndPGlite('originality');

describe.each(adapters)('originality kept with each publication — %s', (_name, makeStorage) => {
  it('reports a reposted revision as not original after publishing replaced its findings, per revision', async () => {
    const storage = await makeStorage();
    let clock = Date.parse('2026-04-01T01:00:00.000Z');
    let n = 0;
    const publisher = createPublisher({ storage, clock: () => new Date((clock += 3_600_000)), idGenerator: () => `doc-${++n}` });
    const publishReviewed = async (id: string) => {
      await publisher.submit(id, staff.author);
      for (const who of [staff.reviewer1, staff.reviewer2, staff.approver]) await publisher.review(id, who, { decision: 'approve' });
      return publisher.publish(id, staff.publisher);
    };
    const a = await publisher.createDraft({ ...original, level: 'public', channels: ['website'] }, staff.author);
    await publishReviewed(a.id);
    const b = await publisher.createDraft({ ...mostlyCopied, level: 'public', channels: ['wechat'] }, staff.author);
    const submitted = await publisher.submit(b.id, staff.author);
    expect(submitted.findings.map((f) => [f.ruleId, f.severity])).toContainEqual(['duplicates/near-duplicate', 'warning']);
    for (const who of [staff.reviewer1, staff.reviewer2, staff.approver]) await publisher.review(b.id, who, { decision: 'approve' });
    const published = (await publisher.publish(b.id, staff.publisher)).document;
    // The premise: publishing re-ran the gates without the duplicate gate, so its finding is gone.
    expect(published.findings.some((f) => f.ruleId.startsWith('duplicates/'))).toBe(false);
    expect(published.published!.originality).toMatchObject({ original: false, copied: expect.any(Number) });
    const event = (await publisher.history(b.id)).find((e) => e.type === 'published')!;
    expect(event.data).toMatchObject({ originality: { original: false }, text: { title: mostlyCopied.title, body: mostlyCopied.body } });

    // Revision 2 of B rewrites the copied part: original from then on; revision 1 stays a repost.
    const draft = await publisher.revise(b.id, staff.author);
    await publisher.updateDraft(b.id, { body: '区住建局将会同各街道设立临时供水点十处，安排志愿者为独居老人送水上门。停水期间请关注社区公众号每日发布的提示信息，如遇紧急情况可拨打区住建局值班电话。' }, staff.author, { expectedVersion: draft.version });
    await publishReviewed(b.id);

    const records = await collectPublicationRecords(storage, { to: '2026-05-01T00:00:00+08:00' });
    expect(records.map((r) => [r.documentId, r.revision, r.original])).toEqual([
      [a.id, 1, true],
      [b.id, 1, false],
      [b.id, 2, true],
    ]);
    const result = await inspectStorage(storage, { from: '2026-04-01T00:00:00+08:00', to: '2026-04-30T23:59:59+08:00', now: '2026-04-30T12:00:00+08:00' });
    const wechat = result.accounts.find((x) => x.accountId === 'wechat')!;
    expect(wechat.originality).toMatchObject({ original: 1, reposted: 1 });
  });
});
