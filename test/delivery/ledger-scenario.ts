// The exactly-once scenario through the publisher (issue 14), shared by the PGlite and the
// real-server tests: documents published urgently on four accounts (WeChat, two CMS
// accounts, Aliyun SMS), two publisher instances (two storage handles) running the worker at
// once against fakes that fail 20 % of requests, and the fakes' own counts compared with the
// ledger and with the audit trails.
import { expect } from 'vitest';
import { aliyunSmsTransport, createPublisher, webhookTransport, wechatTransport, type Account, type StorageAdapter } from '../../src/index';
import { startFakeAliyunSms } from './fakes/fake-sms';
import { startFakeCms } from './fakes/fake-cms';
import { faultRate, seededRandom } from './fakes/fake-server';
import { startFakeWechat } from './fakes/fake-wechat';
import { virtualClock } from './helpers';

const SECRET = 'cms-secret-0123456789';
const author = { id: 'zhang.wei', roles: ['author' as const], department: 'office' };
const chief = { id: 'zhou.min', roles: ['approver' as const, 'publisher' as const], department: 'office' };

/** What the scenario measured, for the test's log line and the report. */
export interface ScenarioFigures {
  deliveries: number;
  throughFault: number;
  requests: { wechat: number; cms: number; sms: number };
  lostLeases: number;
  retryOrUnknownEvents: number;
  seconds: number;
}

export async function exactlyOnceScenario(options: { documents: number; handles: [StorageAdapter, StorageAdapter]; seed: number }): Promise<ScenarioFigures> {
  const started = performance.now();
  const random = seededRandom(options.seed);
  const wechat = await startFakeWechat({ faults: faultRate(0.2, random, (r) => !r.url.pathname.startsWith('/img/')), pendingPolls: 1 });
  const cms = await startFakeCms({ secret: SECRET, faults: faultRate(0.2, random) });
  const sms = await startFakeAliyunSms({ accessKeyId: 'LTAIexample01', secret: 'aliyun-secret-value', faults: faultRate(0.2, random) });
  try {
    const clock = virtualClock(Date.parse('2026-03-01T01:00:00Z'));
    const accounts = (): Account[] => [
      { id: 'wx-main', channel: 'wechat', name: '某某发布', transport: wechatTransport({ appId: 'wx0123456789abcdef', appSecret: 'secret-0123456789abcdef0123456789', thumbMediaId: 'THUMB', baseUrl: wechat.url, clock: clock.now, unconfirmedGraceMs: 0 }) },
      { id: 'portal', channel: 'website', name: '门户网站', transport: webhookTransport({ url: `${cms.url}/govpub`, secret: SECRET }) },
      { id: 'portal-en', channel: 'website', name: '英文门户', transport: webhookTransport({ url: `${cms.url}/govpub`, secret: SECRET }) },
      { id: 'sms-city', channel: 'sms', name: '市民短信', options: { signature: '某某发布' }, transport: aliyunSmsTransport({ accessKeyId: 'LTAIexample01', accessKeySecret: 'aliyun-secret-value', signName: '某某发布', templateCode: 'SMS_1', recipients: ['13800000001'], endpoint: sms.url, clock: clock.now, unconfirmedGraceMs: 0 }) },
    ];
    let n = 0;
    // Two host instances: each its own publisher (own accounts, own token cache) over its own storage handle.
    const publishers = options.handles.map((storage, i) =>
      createPublisher({ storage, accounts: accounts(), clock: clock.now, idGenerator: () => `i${i}-${++n}`, caliber: false, duplicates: false }),
    );
    const [a, b] = publishers as [ReturnType<typeof createPublisher>, ReturnType<typeof createPublisher>];
    const ids: string[] = [];
    for (let i = 0; i < options.documents; i++) {
      const p = i % 2 === 0 ? a : b;
      const doc = await p.createDraft({ title: `关于第${i}号事项的通知`, body: `第${i}号事项的正文。详见 https://www.example.gov.cn/n/${i}.html`, level: 'public', channels: ['wechat', 'portal', 'portal-en', 'sms-city'] }, author);
      await p.publishUrgent(doc.id, chief, '时效性强，须立即发布');
      ids.push(doc.id);
    }
    const storage = options.handles[0];
    const ledger = storage.deliveries!;
    expect(await ledger.list({ state: 'pending' })).toHaveLength(options.documents * 4);

    let lostLeases = 0;
    const loop = async (publisher: typeof a, owner: string) => {
      for (let round = 0; round < 600; round++) {
        const open = await ledger.list({ state: ['pending', 'sending', 'unknown'], limit: 1 });
        if (open.length === 0) return;
        const r = await publisher.deliverPending({
          // 2 s per attempt: reconciling a WeChat submit whose answer was lost pages through the
        // published articles (7 requests at 125 documents), which 400 ms did not cover on a
        // loaded machine, so it never finished.
        owner, now: clock.now(), limit: 20, timeoutMs: 2_000, leaseMs: 86_400_000, maxAttempts: 60,
          backoff: { baseMs: 1000, maxMs: 60_000, random }, reconcileIntervalMs: 1000,
        });
        lostLeases += r.lostLeases;
        clock.advance(30_000);
        if (r.claimed === 0) await new Promise((res) => setTimeout(res, 5));
      }
    };
    await Promise.all([loop(a, 'worker-a'), loop(b, 'worker-b')]);

    const all = await ledger.list();
    expect(all).toHaveLength(options.documents * 4);
    expect(all.filter((d) => d.state !== 'sent').map((d) => `${d.id}:${d.state}:${d.error?.code}`)).toEqual([]);
    // The platforms, counted on the server side: every payload exactly once.
    expect(wechat.acceptedByTitle.size).toBe(options.documents);
    expect([...wechat.acceptedByTitle.values()].every((c) => c === 1)).toBe(true);
    expect(cms.acceptedByKey.size).toBe(options.documents * 2);
    expect([...cms.acceptedByKey.values()].every((c) => c === 1)).toBe(true);
    expect(sms.acceptedByKey.size).toBe(options.documents);
    expect([...sms.acceptedByKey.values()].every((c) => c === 1)).toBe(true);
    expect(cms.badSignatures + sms.badSignatures).toBe(0);
    // Every document's ledger matches what the servers hold.
    const byTitle = new Map([...wechat.publications.values()].map((p) => [p.title, p]));
    for (const d of all) {
      if (d.channel === 'wechat') expect(d.receipt?.article_id).toBe(byTitle.get(String(d.payload.title))!.articleId);
      if (d.channel === 'website') expect(cms.live.has(d.idempotencyKey)).toBe(true);
      if (d.channel === 'sms') expect(sms.acceptedByKey.get(d.idempotencyKey)).toBe(1);
    }
    // Every outcome is in its document's audit chain, which still verifies.
    let retryOrUnknownEvents = 0;
    for (const id of ids) {
      const history = await a.history(id);
      const delivered = history.filter((e) => e.type === 'delivered');
      expect(delivered.map((e) => e.data.accountId).sort()).toEqual(['portal', 'portal-en', 'sms-city', 'wx-main']);
      expect(await b.verifyHistory(id)).toMatchObject({ ok: true });
      retryOrUnknownEvents += history.filter((e) => e.type === 'delivery_retry' || e.type === 'delivery_unknown').length;
    }
    const throughFault = all.filter((d) => d.history.some((h) => h.error !== undefined && h.error.code !== 'wechat/publishing')).length;
    expect(throughFault).toBeGreaterThan(options.documents / 5);
    expect(lostLeases).toBe(0);
    return {
      deliveries: all.length,
      throughFault,
      requests: { wechat: wechat.requests, cms: cms.requests, sms: sms.requests },
      lostLeases,
      retryOrUnknownEvents,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await Promise.all([wechat.close(), cms.close(), sms.close()]);
  }
}
