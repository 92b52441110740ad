import { describe, expect, it } from 'vitest';
import { defineAccounts, deliverPending, memoryDeliveryStore, planRemovals, type DeliveryOutcomeEvent } from '../../src/delivery/index';
import { useFourPlatforms } from './fakes/four-platforms';
import { ids, publication, virtualClock } from './helpers';

describe('withdrawing a document delivered to four accounts', () => {
  const platforms = useFourPlatforms();

  it('removes where the platform allows and leaves a task for a person elsewhere', async () => {
    const clock = virtualClock();
    const accounts = defineAccounts(platforms.accounts(clock.now));
    const store = memoryDeliveryStore();
    const events: DeliveryOutcomeEvent[] = [];
    const run = () => deliverPending({ store, accounts, owner: 'w', now: clock.now(), clock: clock.now, reconcileIntervalMs: 1000, onOutcome: (e) => void events.push(e) });
    await store.enqueue(publication(accounts, 'doc1', ['wechat', 'website', 'weibo', 'sms'], clock.now(), ids()));
    await run();
    clock.advance(1000);
    await run(); // WeChat confirms asynchronously
    expect((await store.forDocument('doc1')).map((d) => [d.accountId, d.state])).toEqual([['wx-main', 'sent'], ['portal', 'sent'], ['weibo-main', 'sent'], ['sms-city', 'sent']]);
    expect(platforms.weibo.acceptedByText.size).toBe(1);

    const write = planRemovals(await store.forDocument('doc1'), { now: clock.now(), idGenerator: ids('r') });
    expect(write.enqueue.map((d) => d.idempotencyKey)).toEqual(['doc1:1:wx-main:remove', 'doc1:1:portal:remove', 'doc1:1:weibo-main:remove', 'doc1:1:sms-city:remove']);
    await store.enqueue(write.enqueue);
    // Withdrawing twice plans nothing new.
    expect((await store.enqueue(planRemovals(await store.forDocument('doc1'), { now: clock.now(), idGenerator: ids('x') }).enqueue)).inserted).toHaveLength(0);
    await run();
    const removals = (await store.forDocument('doc1')).filter((d) => d.kind === 'remove');
    expect(removals.map((d) => [d.accountId, d.state, d.task?.code])).toEqual([
      ['wx-main', 'removed', undefined],
      ['portal', 'removed', undefined],
      ['weibo-main', 'manual', 'weibo_delete_by_hand'],
      ['sms-city', 'manual', 'sms_cannot_recall'],
    ]);
    expect([...platforms.wechat.publications.values()].every((p) => p.deleted)).toBe(true);
    expect(platforms.cms.live.size).toBe(0);
    // Events arrive in completion order (accounts are served concurrently).
    const removalEvents = new Map(events.filter((e) => e.kind === 'remove').map((e) => [e.accountId, e]));
    expect([...removalEvents.entries()].map(([a, e]) => `${a}:${e.type}`).sort()).toEqual(['portal:removed', 'sms-city:removal_manual', 'weibo-main:removal_manual', 'wx-main:removed']);
    expect(removalEvents.get('weibo-main')!.message).toContain('手动删除');
    expect(removalEvents.get('weibo-main')!.receipt?.id).toBeDefined(); // the person is told which post
  });

  it('withdrawal before sending cancels the pending publication; a removal waits for an unconfirmed one', async () => {
    const clock = virtualClock();
    const four = platforms.accounts(clock.now);
    const accounts = defineAccounts(['portal', 'wx-main'].map((id) => four.find((a) => a.id === id)!));
    const store = memoryDeliveryStore();
    await store.enqueue(publication(accounts, 'doc2', ['website'], clock.now(), ids('p')));
    const write = planRemovals(await store.forDocument('doc2'), { now: clock.now(), idGenerator: ids('r') });
    for (const u of write.updates ?? []) await store.record(u.update, u.guard);
    await store.enqueue(write.enqueue);
    const run = () => deliverPending({ store, accounts, owner: 'w', now: clock.now(), clock: clock.now, reconcileIntervalMs: 1000 });
    await run();
    const ds = await store.forDocument('doc2');
    expect(ds.map((d) => [d.kind, d.state])).toEqual([['publish', 'failed'], ['remove', 'removed']]);
    expect(ds[1]!.receipt).toEqual({ nothingPublished: true });
    expect(platforms.cms.acceptedByKey.has('doc2:1:portal')).toBe(false);

    await store.enqueue(publication(accounts, 'doc3', ['wechat'], clock.now(), ids('q')));
    await run(); // submitted, publishing (unknown)
    await store.enqueue(planRemovals(await store.forDocument('doc3'), { now: clock.now(), idGenerator: ids('s') }).enqueue);
    clock.advance(1000);
    await run(); // reconciles the publication; the removal waits for it
    clock.advance(1000);
    await run();
    const d3 = await store.forDocument('doc3');
    expect(d3.map((d) => [d.kind, d.state])).toEqual([['publish', 'sent'], ['remove', 'removed']]);
  });
});
