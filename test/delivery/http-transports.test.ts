import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedTransport, pushTransport, signWebhook, verifyWebhookSignature, webhookTransport, weiboTransport, type Delivery, type Transport, type TransportContext } from '../../src/delivery/index';
import { GovpubError } from '../../src/errors/index';
import { startFakeCms, type FakeCms } from './fakes/fake-cms';
import { startFakeWeibo, type FakeWeibo } from './fakes/fake-weibo';

const SECRET = 'cms-secret-0123456789';

function delivery(key: string, payload: Record<string, unknown>, kind: Delivery['kind'] = 'publish'): Delivery {
  const at = '2025-03-01T00:00:00.000Z';
  return { id: key, documentId: 'doc', revision: 1, accountId: 'acc', channel: 'website', kind, payloadHash: 'h', payload, idempotencyKey: key, state: 'sending', attempts: 0, nextAttemptAt: at, createdAt: at, updatedAt: at, history: [] };
}
const ctx = (d: Delivery): TransportContext => ({ delivery: d, account: { id: 'acc', channel: d.channel, name: 'x' }, signal: new AbortController().signal, now: new Date(), saveProgress: async () => {} });

describe('webhook signature', () => {
  it('verifies what it signs, rejects a changed body, a wrong secret and a stale timestamp', () => {
    const now = new Date('2025-03-01T00:00:00Z');
    const ts = String(now.getTime() / 1000);
    const sig = signWebhook(SECRET, ts, '{"a":1}');
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ secret: SECRET, timestamp: ts, signature: sig, body: '{"a":1}', now })).toBe(true);
    expect(verifyWebhookSignature({ secret: SECRET, timestamp: ts, signature: sig, body: '{"a":2}', now })).toBe(false);
    expect(verifyWebhookSignature({ secret: 'other-secret-0123456', timestamp: ts, signature: sig, body: '{"a":1}', now })).toBe(false);
    expect(verifyWebhookSignature({ secret: SECRET, timestamp: ts, signature: sig, body: '{"a":1}', now: new Date(now.getTime() + 301_000) })).toBe(false);
  });
});

describe('webhookTransport against the fake CMS', () => {
  let cms: FakeCms;
  beforeAll(async () => {
    cms = await startFakeCms({ secret: SECRET });
  });
  afterAll(() => cms.close());

  it('publishes once even when sent twice, removes with a signed DELETE, treats 404 as removed', async () => {
    const t = webhookTransport({ url: cms.url, secret: SECRET });
    const d = delivery('doc:1:portal', { title: '标题', description: '', html: '<p>x</p>' });
    const first = await t.send(ctx(d));
    const again = await t.send(ctx(d));
    expect(first).toMatchObject({ status: 'sent', receipt: { id: 'CMS-1', url: expect.stringContaining('CMS-1') } });
    expect(again).toEqual(first);
    expect(cms.acceptedByKey.get('doc:1:portal')).toBe(1);
    const removal = delivery('doc:1:portal:remove', {}, 'remove');
    const published = { ...d, state: 'sent' as const, receipt: (first as { receipt: Record<string, unknown> }).receipt };
    expect(await t.remove!({ ...ctx(removal), published })).toMatchObject({ status: 'removed' });
    expect(cms.live.size).toBe(0);
    const gone = await t.remove!({ ...ctx(delivery('doc:1:portal:remove2', {}, 'remove')), published });
    expect(gone).toEqual({ status: 'removed', receipt: { alreadyGone: true } });
  });

  it('a wrong secret is a refusal (401), not retried, and the secret is not in it', async () => {
    const r = await webhookTransport({ url: cms.url, secret: 'wrong-secret-0123456789' }).send(ctx(delivery('doc:2:portal', {})));
    expect(r).toMatchObject({ status: 'failed', error: { code: 'webhook/http_401', retryable: false } });
    expect(JSON.stringify(r)).not.toContain('wrong-secret');
  });

  it('validates the configuration', () => {
    expect(() => webhookTransport({ url: 'ftp://x', secret: 'short', accountId: 'portal' })).toThrow(GovpubError);
    try {
      webhookTransport({ url: 'ftp://x', secret: 'short', accountId: 'portal' });
    } catch (e) {
      expect((e as GovpubError).message).toContain('account "portal"');
      expect(((e as GovpubError).details!.issues as { path: unknown[] }[]).map((i) => i.path)).toEqual([['url'], ['secret']]);
    }
  });

  it('push: documented body, idempotent, cannot be recalled', async () => {
    const t = pushTransport({ url: cms.url, secret: SECRET, audience: 'all' });
    const r = await t.send(ctx(delivery('doc:1:app', { title: 'T', body: 'B', url: 'https://www.example.gov.cn/a' })));
    expect(r.status).toBe('sent');
    const body = cms.live.get('doc:1:app')!;
    expect(body).toMatchObject({ event: 'push', audience: 'all', notification: { title: 'T', body: 'B' }, idempotencyKey: 'doc:1:app' });
    expect(t.remove).toBeUndefined();
    expect(t.manualRemoval?.code).toBe('push_cannot_recall');
  });
});

describe('weiboTransport against the fake statuses/share', () => {
  let weibo: FakeWeibo;
  beforeAll(async () => {
    weibo = await startFakeWeibo({ token: 'weibo-token-123', safeDomain: 'www.example.gov.cn' });
  });
  afterAll(() => weibo.close());
  const t = () => weiboTransport({ accessToken: 'weibo-token-123', safeDomain: 'example.gov.cn', baseUrl: weibo.url });

  it('posts text with a safe-domain link and returns the status id and URL', async () => {
    const r = await t().send(ctx(delivery('k1', { text: '【通知】详见 https://www.example.gov.cn/a.html' })));
    expect(r).toMatchObject({ status: 'sent', receipt: { id: expect.any(String), url: expect.stringMatching(/^https:\/\/weibo\.com\/1234567890\//) } });
  });

  it('refuses text without a safe-domain link before calling; rate limits are retryable', async () => {
    const before = weibo.requests;
    expect(await t().send(ctx(delivery('k2', { text: '【通知】详见 https://evil.example.com/' })))).toMatchObject({ status: 'failed', error: { code: 'weibo/missing_safe_link', retryable: false } });
    expect(weibo.requests).toBe(before);
    weibo.rateLimitNext(1);
    expect(await t().send(ctx(delivery('k3', { text: 'https://www.example.gov.cn/b' })))).toMatchObject({ status: 'failed', error: { code: 'weibo/10023', retryable: true } });
  });
});

describe('feedTransport', () => {
  it('regenerates the whole feed on publish and on removal', async () => {
    const live = [{ title: '一', body: '正文', url: 'https://www.example.gov.cn/1.html', publishedAt: '2025-03-01T00:00:00Z' }];
    const written: string[] = [];
    const t = feedTransport({ feed: { title: '某某发布', link: 'https://www.example.gov.cn/' }, articles: async () => live, writeFeed: async (xml) => void written.push(xml) });
    expect(await t.send(ctx(delivery('k', {})))).toMatchObject({ status: 'sent', receipt: { items: 1 } });
    expect(written[0]).toContain('<title>一</title>');
    live.pop();
    expect(await t.remove!({ ...ctx(delivery('k:remove', {}, 'remove')), published: delivery('k', {}) })).toMatchObject({ status: 'removed', receipt: { items: 0 } });
    expect(written[1]).not.toContain('<title>一</title>');
    const failing = feedTransport({ feed: { title: 'x', link: 'https://x.example/' }, articles: async () => [], writeFeed: async () => Promise.reject(new Error('disk full')) });
    expect(await failing.send(ctx(delivery('k', {})))).toMatchObject({ status: 'failed', error: { code: 'feed/write_failed', retryable: true } });
  });
});
