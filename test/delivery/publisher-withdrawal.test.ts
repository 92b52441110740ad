// Withdrawal end to end through the publisher (issue 14): a document delivered to four
// accounts is withdrawn; the withdraw commit enqueues one removal per account, the worker
// removes it where the platform allows (WeChat freepublish/delete, the CMS) and the document
// reports the rest (Weibo, SMS) as tasks for a person.
import { describe, expect, it } from 'vitest';
import { webhookTransport } from '../../src/index';
import { setup, staff } from '../workflow/fixtures';
import { useFourPlatforms } from './fakes/four-platforms';

describe('withdrawal from four accounts through the publisher', () => {
  const platforms = useFourPlatforms();

  it('removes where the platform allows, reports the rest as tasks, and the trail records it all', async () => {
    let clockRef: () => Date = () => new Date();
    const clock = () => clockRef();
    const { publisher, time } = setup({
      accounts: platforms.accounts(clock, { options: { signature: '某某发布' } }),
    });
    clockRef = time.clock;
    const doc = await publisher.createDraft(
      { title: '关于城区临时停水的通知', body: '因管网改造，3月5日城区部分区域停水。详见 https://www.example.gov.cn/notice/1.html', level: 'public', channels: ['wechat', 'portal', 'weibo', 'sms'] },
      staff.author,
    );
    await publisher.submit(doc.id, staff.author);
    await publisher.review(doc.id, staff.reviewer1, { decision: 'approve' });
    await publisher.review(doc.id, staff.reviewer2, { decision: 'approve' });
    await publisher.review(doc.id, staff.approver, { decision: 'approve' });
    await publisher.publish(doc.id, staff.publisher);
    await publisher.deliverPending({ reconcileIntervalMs: 1000 });
    time.advance(1000);
    await publisher.deliverPending({ reconcileIntervalMs: 1000 }); // WeChat confirms asynchronously
    const live = await publisher.deliveries(doc.id);
    expect(live.accounts.map((a) => [a.accountId, a.state, a.live])).toEqual([
      ['wx-main', 'sent', true],
      ['portal', 'sent', true],
      ['weibo-main', 'sent', true],
      ['sms-city', 'sent', true],
    ]);
    expect(live.stillOut).toEqual([]); // not withdrawn: nothing is "still" out

    await publisher.withdraw(doc.id, staff.publisher, '数据有误，撤回更正');
    const withdrawn = (await publisher.history(doc.id)).at(-1)!;
    expect(withdrawn.type).toBe('withdrawn');
    expect((withdrawn.data.removals as { accountId: string }[]).map((r) => r.accountId)).toEqual(['wx-main', 'portal', 'weibo-main', 'sms-city']);
    // Enqueued in the withdraw commit, not yet carried out.
    expect((await publisher.deliveries(doc.id)).stillOut.map((a) => a.accountId)).toEqual(['wx-main', 'portal', 'weibo-main', 'sms-city']);

    time.advance(1000);
    const run = await publisher.deliverPending();
    expect(run.events.map((e) => `${e.accountId}:${e.type}`).sort()).toEqual(['portal:removed', 'sms-city:removal_manual', 'weibo-main:removal_manual', 'wx-main:removed']);
    expect([...platforms.wechat.publications.values()].every((p) => p.deleted)).toBe(true);
    expect(platforms.cms.live.size).toBe(0);

    const after = await publisher.deliveries(doc.id);
    expect(after.accounts.map((a) => [a.accountId, a.removal?.state, a.live])).toEqual([
      ['wx-main', 'removed', false],
      ['portal', 'removed', false],
      ['weibo-main', 'manual', true],
      ['sms-city', 'manual', true],
    ]);
    // What is still out there, as tasks for a person, naming the account.
    expect(after.stillOut.map((a) => a.accountName)).toEqual(['@某某发布', '市民短信']);
    expect(after.tasks.map((t) => [t.accountId, t.code])).toEqual([
      ['weibo-main', 'weibo_delete_by_hand'],
      ['sms-city', 'sms_cannot_recall'],
    ]);
    expect(after.accounts.find((a) => a.accountId === 'weibo-main')!.receipt?.id).toBeDefined(); // which post to delete
    const types = (await publisher.history(doc.id)).map((e) => e.type);
    expect(types.filter((t) => t === 'removed')).toHaveLength(2);
    expect(types.filter((t) => t === 'removal_manual')).toHaveLength(2);
    expect(await publisher.verifyHistory(doc.id)).toMatchObject({ ok: true });
    // Nothing more to do; withdrawing is not repeated by the worker.
    expect((await publisher.deliverPending()).claimed).toBe(0);
  });

  it('a withdrawal before the worker ran cancels the pending sends: nothing goes out', async () => {
    const { publisher } = setup({
      accounts: [{ id: 'portal', channel: 'website', name: '门户网站', transport: webhookTransport({ url: platforms.cms.url, secret: 'cms-secret-0123456789' }) }],
    });
    const doc = await publisher.createDraft({ title: '待撤回的通知', body: '正文。', level: 'public', channels: ['portal'] }, staff.author);
    await publisher.submit(doc.id, staff.author);
    await publisher.review(doc.id, staff.reviewer1, { decision: 'approve' });
    await publisher.review(doc.id, staff.reviewer2, { decision: 'approve' });
    await publisher.review(doc.id, staff.approver, { decision: 'approve' });
    await publisher.publish(doc.id, staff.publisher);
    const before = platforms.cms.requests;
    await publisher.withdraw(doc.id, staff.publisher, '发布前发现错误');
    await publisher.deliverPending();
    expect(platforms.cms.requests).toBe(before);
    const state = await publisher.deliveries(doc.id);
    expect(state.accounts.map((a) => [a.state, a.publication.error?.code, a.removal?.state, a.live])).toEqual([['failed', 'withdrawn', 'removed', false]]);
    expect(state.stillOut).toEqual([]);
  });
});
