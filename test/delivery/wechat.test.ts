import { memoryAdapter } from '../../src/storage/index';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineAccounts, deliverPending, handlePlatformEvent, memoryDeliveryStore, memoryTokenStore, storageTokenStore, parsePublishJobFinish, planRemovals, wechatTransport, type DeliveryOutcomeEvent, type FetchLike } from '../../src/delivery/index';
import { startFakeWechat, type FakeWechat } from './fakes/fake-wechat';
import { ids, publication, virtualClock } from './helpers';

const APP = { appId: 'wx0123456789abcdef', appSecret: 'secret-0123456789abcdef0123456789', thumbMediaId: 'THUMB' };

describe('wechatTransport against the fake official-account API', () => {
  let fake: FakeWechat;
  beforeEach(async () => {
    fake = await startFakeWechat({ pendingPolls: 1 });
  });
  afterEach(() => fake.close());

  function setup(extra: Partial<Parameters<typeof wechatTransport>[0]> = {}) {
    const clock = virtualClock();
    const tokenStore = extra.tokenStore ?? memoryTokenStore();
    const accounts = defineAccounts([{ id: 'wx-main', channel: 'wechat', name: '某某发布', transport: wechatTransport({ ...APP, baseUrl: fake.url, clock: clock.now, tokenStore, ...extra }) }]);
    const store = memoryDeliveryStore();
    const events: DeliveryOutcomeEvent[] = [];
    const run = (owner = 'w1') => deliverPending({ store, accounts, owner, now: clock.now(), clock: clock.now, reconcileIntervalMs: 1000, backoff: { baseMs: 1000, random: () => 0.5 }, onOutcome: (e) => void events.push(e) });
    return { clock, accounts, store, events, run, tokenStore };
  }

  it('draft/add → freepublish/submit → unknown while publishing → sent with the receipt', async () => {
    const s = setup();
    await s.store.enqueue(publication(s.accounts, 'doc1', ['wechat'], s.clock.now(), ids()));
    await s.run();
    let [d] = s.store.all();
    expect(d).toMatchObject({ state: 'unknown', progress: { media_id: expect.any(String), publish_id: expect.any(String) } });
    s.clock.advance(1000);
    await s.run(); // publish_status 1: still publishing
    expect(s.store.all()[0]!.state).toBe('unknown');
    s.clock.advance(1000);
    await s.run();
    [d] = s.store.all();
    expect(d!.state).toBe('sent');
    expect(d!.receipt).toMatchObject({ publish_id: d!.progress!.publish_id, msg_data_id: expect.any(String), article_id: expect.stringMatching(/^ARTICLE-/), url: expect.stringContaining('mp.weixin.qq.com') });
    expect(s.events.map((e) => e.type)).toEqual(['delivery_unknown', 'delivered']);
    expect(fake.acceptedByTitle.get('关于doc1的通知')).toBe(1);
  });

  it('the token is fetched once, shared through the store, and renewed once on 40001', async () => {
    const shared = memoryTokenStore();
    const a = setup({ tokenStore: shared });
    const b = setup({ tokenStore: shared });
    await a.store.enqueue(publication(a.accounts, 'doc1', ['wechat'], a.clock.now(), ids('a')));
    await b.store.enqueue(publication(b.accounts, 'doc2', ['wechat'], b.clock.now(), ids('b')));
    await a.run();
    await b.run();
    expect(fake.tokenRequests).toBe(1);
    fake.expireToken();
    a.clock.advance(1000);
    await a.run();
    expect(fake.tokenRequests).toBe(2);
    expect(a.store.all()[0]!.state).toBe('unknown'); // still publishing: the 40001 call succeeded on the retry
  });

  it('shares the token between instances through the storage adapter\'s artifacts', async () => {
    // Two instances, each with its own token store object over one storage: one fetch.
    const storage = memoryAdapter();
    const a = setup({ tokenStore: storageTokenStore(storage.artifacts!) });
    const b = setup({ tokenStore: storageTokenStore(storage.artifacts!) });
    await a.store.enqueue(publication(a.accounts, 'doc1', ['wechat'], a.clock.now(), ids('a')));
    await b.store.enqueue(publication(b.accounts, 'doc2', ['wechat'], b.clock.now(), ids('b')));
    await a.run();
    await b.run();
    expect(fake.tokenRequests).toBe(1);
    expect(await storageTokenStore(storage.artifacts!).get('wx-app')).toBeUndefined();
    const [stored] = await storage.artifacts!.list('govpub/wechat-token');
    expect(stored?.data).toMatchObject({ accessToken: expect.any(String), expiresAt: expect.any(String) });
  });

  it('renews the token before it expires', async () => {
    const s = setup();
    await s.store.enqueue(publication(s.accounts, 'doc1', ['wechat'], s.clock.now(), ids()));
    await s.run();
    s.clock.advance(7200_000 - 200_000); // inside the 5-minute renewal window
    await s.run();
    expect(fake.tokenRequests).toBe(2);
  });

  it('45009 backs off and retries; 53503 fails for good with the platform message', async () => {
    const s = setup();
    await s.store.enqueue(publication(s.accounts, 'doc1', ['wechat'], s.clock.now(), ids('a')));
    await s.store.enqueue(publication(s.accounts, 'doc2', ['wechat'], s.clock.now(), ids('b'), '未通过检查的标题'));
    fake.rateLimitNext(1);
    await s.run();
    const [limited, refused] = [s.store.all().find((d) => d.documentId === 'doc1')!, s.store.all().find((d) => d.documentId === 'doc2')!];
    expect(limited).toMatchObject({ state: 'pending', error: { code: 'wechat/45009', retryable: true } });
    expect(Date.parse(limited.nextAttemptAt)).toBe(s.clock.now().getTime() + 750); // base 1000, attempt 1, jitter 0.5
    expect(refused).toMatchObject({ state: 'failed', error: { code: 'wechat/53503', retryable: false, message: expect.stringContaining('该草稿未通过发布检查') } });
    expect(s.events.find((e) => e.type === 'delivery_failed')!.message).toContain('53503');
  });

  it('uploads body images from allowed hosts and refuses others', async () => {
    const s = setup({ imageHosts: ['127.0.0.1'] });
    const [d] = publication(s.accounts, 'doc1', ['wechat'], s.clock.now(), ids());
    d!.payload.content = `<p>图</p><img src="${fake.imageUrl('a.jpg')}" alt="a"><img src="http://mmbiz.qpic.cn/mmbiz_png/x/0" alt="b">`;
    await s.store.enqueue([d!]);
    await s.run();
    expect(fake.uploadedImages).toBe(1);
    const draft = [...fake.publications.values()][0]!;
    expect(draft.title).toBe('关于doc1的通知');
    const t = setup({ imageHosts: ['www.example.gov.cn'] });
    const [e] = publication(t.accounts, 'doc2', ['wechat'], t.clock.now(), ids('z'));
    e!.payload.content = `<img src="https://elsewhere.example.com/x.png">`;
    await t.store.enqueue([e!]);
    await t.run();
    expect(t.store.all()[0]).toMatchObject({ state: 'failed', error: { code: 'wechat/image_host_not_allowed' } });
  });

  it('PUBLISHJOBFINISH forwarded by the host settles the delivery; withdrawal deletes the article', async () => {
    const s = setup();
    await s.store.enqueue(publication(s.accounts, 'doc1', ['wechat'], s.clock.now(), ids()));
    await s.run();
    const publishId = String(s.store.all()[0]!.progress!.publish_id);
    const xml = fake.eventXml(publishId);
    expect(parsePublishJobFinish(xml)).toMatchObject({ publishId, publishStatus: 0 });
    const event = await handlePlatformEvent({ store: s.store, accounts: s.accounts, accountId: 'wx-main', event: xml });
    expect(event).toMatchObject({ type: 'delivered', receipt: { article_id: `ARTICLE-${publishId}`, publish_id: publishId, msg_data_id: expect.any(String) } });
    await expect(handlePlatformEvent({ store: s.store, accounts: s.accounts, accountId: 'nope', event: xml })).rejects.toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: ['accountId'] }] } });
    expect(await handlePlatformEvent({ store: s.store, accounts: s.accounts, accountId: 'wx-main', event: '<xml><Event>subscribe</Event></xml>' })).toBeNull();
    expect(await handlePlatformEvent({ store: s.store, accounts: s.accounts, accountId: 'wx-main', event: xml })).toBeNull(); // already settled
    const write = planRemovals(s.store.all(), { now: s.clock.now(), idGenerator: ids('r') });
    await s.store.enqueue(write.enqueue);
    await s.run();
    expect(s.store.all().find((d) => d.kind === 'remove')).toMatchObject({ state: 'removed' });
    expect(fake.publications.get(publishId)!.deleted).toBe(true);
  });

  it('validates its configuration at startup, naming the account and each field, without echoing values', () => {
    try {
      wechatTransport({ appId: 'not-an-appid', appSecret: 'short', thumbMediaId: '', accountId: 'wx-main' });
      throw new Error('no');
    } catch (e) {
      expect(e).toMatchObject({ code: 'VALIDATION' });
      expect((e as Error).message).toContain('wechat transport config of account "wx-main"');
      const issues = (e as { details: { issues: { path: unknown[] }[] } }).details.issues;
      expect(issues.map((i) => i.path)).toEqual([['appId'], ['appSecret'], ['thumbMediaId']]);
      expect(JSON.stringify(issues)).not.toContain('short');
    }
  });

  it('never puts the secret or the token in an error', async () => {
    const leaky: FetchLike = async (url) => {
      throw Object.assign(new Error(`connect ECONNREFUSED ${url}`), { cause: { code: 'ECONNREFUSED' } });
    };
    const s = setup({ fetch: leaky });
    await s.store.enqueue(publication(s.accounts, 'doc1', ['wechat'], s.clock.now(), ids()));
    await s.run();
    const d = s.store.all()[0]!;
    expect(d.state).toBe('pending');
    expect(JSON.stringify(d)).not.toContain(APP.appSecret);
  });
});

