import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliyunSmsTransport, defineAccounts, deliverPending, memoryDeliveryStore, webhookTransport, wechatTransport, type DeliveryOutcomeEvent } from '../../src/delivery/index';
import { startFakeAliyunSms, type FakeSms } from './fakes/fake-sms';
import { startFakeCms, type FakeCms } from './fakes/fake-cms';
import { faultRate, seededRandom } from './fakes/fake-server';
import { startFakeWechat, type FakeWechat } from './fakes/fake-wechat';
import { ids, publication, virtualClock } from './helpers';

// 80 documents × 3 accounts (WeChat, CMS, Aliyun SMS) = 240 deliveries, two worker loops sharing one ledger, every
// platform request failing 20 % of the time (503, dropped before, dropped after processing,
// processed and never answered). The fakes count what they accepted.
const DOCS = 80;
const SECRET = 'cms-secret-0123456789';

describe('exactly once under faults, two workers', () => {
  let wechat: FakeWechat;
  let cms: FakeCms;
  let sms: FakeSms;
  const random = seededRandom(20250301);

  beforeAll(async () => {
    wechat = await startFakeWechat({ faults: faultRate(0.2, random, (r) => !r.url.pathname.startsWith('/img/')), pendingPolls: 1 });
    cms = await startFakeCms({ secret: SECRET, faults: faultRate(0.2, random) });
    sms = await startFakeAliyunSms({ accessKeyId: 'LTAIexample01', secret: 'aliyun-secret-value', faults: faultRate(0.2, random) });
  });
  afterAll(async () => {
    await wechat.close();
    await cms.close();
    await sms.close();
  });

  it('each payload is accepted exactly once and the ledger matches the platforms', async () => {
    const clock = virtualClock();
    const accounts = defineAccounts([
      { id: 'wx-main', channel: 'wechat', name: '某某发布', transport: wechatTransport({ appId: 'wx0123456789abcdef', appSecret: 'secret-0123456789abcdef0123456789', thumbMediaId: 'THUMB', baseUrl: wechat.url, clock: clock.now, unconfirmedGraceMs: 0 }) },
      { id: 'portal', channel: 'website', name: '门户网站', transport: webhookTransport({ url: `${cms.url}/govpub`, secret: SECRET }) },
      // Not idempotent at the provider: a lost answer is reconciled with QuerySendDetails by OutId.
      { id: 'sms-city', channel: 'sms', name: '市民短信', transport: aliyunSmsTransport({ accessKeyId: 'LTAIexample01', accessKeySecret: 'aliyun-secret-value', signName: '某某发布', templateCode: 'SMS_1', recipients: ['13800000001'], endpoint: sms.url, clock: clock.now, unconfirmedGraceMs: 0 }) },
    ]);
    const store = memoryDeliveryStore();
    const nextId = ids();
    for (let i = 0; i < DOCS; i++) await store.enqueue(publication(accounts, `doc${i}`, ['wechat', 'website', 'sms'], clock.now(), nextId));
    // Enqueuing the same publication again (a retried publish command) adds nothing.
    const again = await store.enqueue(publication(accounts, 'doc0', ['wechat', 'website', 'sms'], clock.now(), nextId));
    expect(again.inserted).toHaveLength(0);

    const events: DeliveryOutcomeEvent[] = [];
    let lost = 0;
    const loop = async (owner: string) => {
      for (let round = 0; round < 400; round++) {
        const open = await store.list({ state: ['pending', 'sending', 'unknown'] });
        if (open.length === 0) return;
        const r = await deliverPending({
          store, accounts, owner, now: clock.now(), clock: clock.now, limit: 25, timeoutMs: 400, leaseMs: 86_400_000,
          maxAttempts: 40, backoff: { baseMs: 1000, maxMs: 60_000, random }, reconcileIntervalMs: 1000,
          onOutcome: (e) => void events.push(e),
        });
        lost += r.lostLeases;
        clock.advance(30_000);
        if (r.claimed === 0) await new Promise((res) => setTimeout(res, 2));
      }
    };
    await Promise.all([loop('worker-a'), loop('worker-b')]);

    const all = store.all();
    expect(all).toHaveLength(DOCS * 3);
    expect(all.filter((d) => d.state !== 'sent').map((d) => `${d.id}:${d.state}:${d.error?.code}`)).toEqual([]);
    // The platforms: every title/key exactly once.
    expect(wechat.acceptedByTitle.size).toBe(DOCS);
    expect([...wechat.acceptedByTitle.values()].every((n) => n === 1)).toBe(true);
    expect(cms.acceptedByKey.size).toBe(DOCS);
    expect([...cms.acceptedByKey.values()].every((n) => n === 1)).toBe(true);
    // The ledger: each WeChat receipt names the article the platform published for that title.
    const byTitle = new Map([...wechat.publications.values()].map((p) => [p.title, p]));
    for (const d of all.filter((x) => x.channel === 'wechat')) {
      expect(d.receipt?.article_id).toBe(byTitle.get(String(d.payload.title))!.articleId);
    }
    for (const d of all.filter((x) => x.channel === 'website')) expect(cms.live.has(d.idempotencyKey)).toBe(true);
    expect(sms.acceptedByKey.size).toBe(DOCS);
    expect([...sms.acceptedByKey.values()].every((n) => n === 1)).toBe(true);
    expect(sms.badSignatures).toBe(0);
    // Faults really happened, and were survived.
    const retried = all.filter((d) => d.history.some((h) => h.error !== undefined && h.error.code !== 'wechat/publishing'));
    expect(retried.length).toBeGreaterThan(20);
    expect(events.filter((e) => e.type === 'delivered')).toHaveLength(DOCS * 3);
    expect(lost).toBe(0);
    expect(cms.badSignatures).toBe(0);
    console.log(`exactly-once: ${all.length} deliveries, ${retried.length} went through a fault, wechat requests ${wechat.requests}, cms requests ${cms.requests}, sms requests ${sms.requests} (CMS replays answered from the idempotency cache: ${cms.replays})`);
  }, 240_000);
});
