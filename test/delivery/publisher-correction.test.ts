// Publishing a correction (revise, then publish revision 2) takes revision 1 down everywhere
// it went out, in the same commit that enqueues revision 2: before, the wrong version stayed
// up beside the corrected one on every platform (two WeChat articles, two CMS pages).
import { describe, expect, it } from 'vitest';
import type { Account, Transport, TransportContext } from '../../src/index';
import { setup, staff } from '../workflow/fixtures';

function platform() {
  const live = new Map<string, number>(); // idempotency key → revision
  const removed: string[] = [];
  const transport: Transport = {
    async send(ctx: TransportContext) {
      live.set(ctx.delivery.idempotencyKey, ctx.delivery.revision);
      return { status: 'sent', receipt: { id: ctx.delivery.idempotencyKey } };
    },
    async remove(ctx) {
      live.delete(ctx.published.idempotencyKey);
      removed.push(ctx.published.idempotencyKey);
      return { status: 'removed', receipt: {} };
    },
  };
  return { live, removed, transport };
}

async function signAll(publisher: ReturnType<typeof setup>['publisher'], id: string) {
  await publisher.submit(id, staff.author);
  for (const r of [staff.reviewer1, staff.reviewer2, staff.approver]) await publisher.review(id, r, { decision: 'approve' });
}

describe('publishing a correction', () => {
  it('removes the superseded revision from every account it reached, and the trail says so', async () => {
    const wx = platform();
    const web = platform();
    const accounts: Account[] = [
      { id: 'wx-main', channel: 'wechat', name: '某某发布', transport: wx.transport },
      { id: 'portal', channel: 'website', name: '门户网站', transport: web.transport },
    ];
    const { publisher, time } = setup({ accounts });
    const draft = await publisher.createDraft({ title: '关于城区临时停水的通知', body: '3月5日城区停水，涉及约3.2万户。', level: 'public', channels: ['wx-main', 'portal'] }, staff.author);
    await signAll(publisher, draft.id);
    await publisher.publish(draft.id, staff.publisher);
    await publisher.deliverPending();
    expect([...wx.live.values(), ...web.live.values()]).toEqual([1, 1]);

    const second = await publisher.revise(draft.id, staff.author);
    await publisher.updateDraft(draft.id, { body: '3月5日城区停水，涉及约5.2万户。' }, staff.author, { expectedVersion: second.version });
    await signAll(publisher, draft.id);
    time.advance(1000);
    await publisher.publish(draft.id, staff.publisher);
    const published = (await publisher.history(draft.id)).filter((e) => e.type === 'published').at(-1)!;
    expect((published.data.removals as { accountId: string }[]).map((r) => r.accountId)).toEqual(['wx-main', 'portal']);

    time.advance(1000);
    await publisher.deliverPending();
    // Only revision 2 is out, on both platforms.
    expect([...wx.live.values()]).toEqual([2]);
    expect([...web.live.values()]).toEqual([2]);
    expect(wx.removed).toEqual([`${draft.id}:1:wx-main`]);
    expect(await publisher.verifyHistory(draft.id)).toMatchObject({ ok: true });
  });

  it('cancels a superseded publication that has not gone out yet, saying why', async () => {
    const web = platform();
    const { publisher, storage } = setup({ accounts: [{ id: 'portal', channel: 'website', name: '门户网站', transport: web.transport }] });
    const draft = await publisher.createDraft({ title: '通知', body: '第一版。', level: 'public', channels: ['portal'] }, staff.author);
    await signAll(publisher, draft.id);
    await publisher.publish(draft.id, staff.publisher); // not delivered yet
    const second = await publisher.revise(draft.id, staff.author);
    await publisher.updateDraft(draft.id, { body: '第二版。' }, staff.author, { expectedVersion: second.version });
    await signAll(publisher, draft.id);
    await publisher.publish(draft.id, staff.publisher);
    const first = (await storage.deliveries!.forDocument(draft.id)).find((d) => d.revision === 1 && d.kind === 'publish')!;
    expect(first.state).toBe('failed');
    expect(first.error).toMatchObject({ code: 'superseded', message: '稿件已有新版本发布，旧版本未发送。' });
    await publisher.deliverPending();
    expect([...web.live.values()]).toEqual([2]);
  });
});
