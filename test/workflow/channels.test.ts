import { describe, expect, it } from 'vitest';
import { defineChannel } from '../../src/index';
import { dump, notice, setup, staff } from './fixtures';

async function approve(publisher: ReturnType<typeof setup>['publisher'], channels: string[]) {
  const doc = await publisher.createDraft({ ...notice, channels }, staff.author);
  await publisher.submit(doc.id, staff.author);
  for (const r of [staff.reviewer1, staff.reviewer2, staff.approver]) await publisher.review(doc.id, r, { decision: 'approve' });
  return doc.id;
}

describe('publishing to channels', () => {
  it('returns one output per channel, each traceable to the approved revision', async () => {
    const { publisher } = setup({ channels: { options: { sms: { signature: '滨江市人民政府' } } } });
    const id = await approve(publisher, ['website', 'wechat', 'weibo', 'push', 'sms', 'rss']);
    const { document, outputs } = await publisher.publish(id, staff.publisher);
    expect(outputs.map((o) => o.channel)).toEqual(['website', 'wechat', 'weibo', 'push', 'sms', 'rss']);
    expect(outputs.every((o) => o.ok && o.sourceRevision === 1)).toBe(true);
    expect(document.published!.outputs).toEqual(outputs.map((o) => ({ channel: o.channel, sourceRevision: 1, contentHash: o.contentHash })));
    expect(outputs.find((o) => o.channel === 'sms')!.payload).toMatchObject({ text: expect.stringMatching(/^【滨江市人民政府】/) });
  });

  it('refuses at submit a channel output that is not acceptable, so no one signs it', async () => {
    const { publisher } = setup(); // no SMS signature configured
    const doc = await publisher.createDraft({ ...notice, channels: ['website', 'sms'] }, staff.author);
    const error = await publisher.submit(doc.id, staff.author).catch((e) => e);
    expect(error).toMatchObject({ code: 'CHECKS_FAILED' });
    expect(error.details.findings.some((f: { details: { channel: string } }) => f.details.channel === 'sms')).toBe(true);
  });

  it('stops publish with CHECKS_FAILED when a channel output became unacceptable after review, before anything is recorded', async () => {
    let broken = false;
    const portal = defineChannel({
      id: 'portal',
      clearance: 'public',
      format: (article) => ({
        payload: { title: article.title },
        findings: broken ? [{ ruleId: 'channel/portal_down', code: 'portal_down', field: 'title', severity: 'error' as const, message: '门户拒收', start: 0, end: 0, line: 1, column: 1, excerpt: '' }] : [],
      }),
    });
    const { publisher, storage } = setup({ channels: { custom: [portal] } });
    const id = await approve(publisher, ['website', 'portal']);
    broken = true;
    const before = await dump(storage, [id]);
    const error = await publisher.publish(id, staff.publisher).catch((e) => e);
    expect(error).toMatchObject({ code: 'CHECKS_FAILED' });
    expect(error.details.findings.some((f: { details: { channel: string } }) => f.details.channel === 'portal')).toBe(true);
    expect(await dump(storage, [id])).toEqual(before);
    // Not a dead end: the author's side reopens it.
    expect(await publisher.reopen(id, staff.author, '门户接口变更')).toMatchObject({ state: 'draft' });
  });

  it('publishes to a host-defined channel, within its clearance', async () => {
    const intranet = defineChannel({
      id: 'intranet',
      clearance: 'internal',
      format: (article) => ({ payload: { title: article.title }, findings: [] }),
    });
    const { publisher } = setup({ channels: { custom: [intranet] } });
    const doc = await publisher.createDraft({ ...notice, level: 'internal', channels: ['intranet'] }, staff.author);
    await publisher.submit(doc.id, staff.author);
    for (const r of [staff.reviewer1, staff.reviewer2, staff.approver]) await publisher.review(doc.id, r, { decision: 'approve' });
    const { outputs } = await publisher.publish(doc.id, staff.publisher);
    expect(outputs).toMatchObject([{ channel: 'intranet', ok: true, payload: { title: notice.title } }]);
  });
});
