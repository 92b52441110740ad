/**
 * Deliveries per second through the ledger: `deliverPending` + the in-memory ledger + the
 * transports, against the fake CMS (signed webhook) and the fake WeChat API on 127.0.0.1,
 * next to the same HTTP requests sent bare with `fetch` at the same concurrency in the same
 * run (the floor: what the network round trips alone cost). The ratio is govpub's overhead:
 * leases, ledger writes, progress saves, signing, audit events.
 *
 * `BENCH_QUICK=1` uses 60 deliveries once (smoke test); otherwise 300, three alternating rounds.
 */
import { createHmac } from 'node:crypto';
import { defineAccounts, deliverPending, memoryDeliveryStore, planDeliveries, webhookTransport, wechatTransport } from '../src/delivery/index';
import { startFakeCms } from '../test/delivery/fakes/fake-cms';
import { startFakeWechat } from '../test/delivery/fakes/fake-wechat';

const quick = process.env.BENCH_QUICK === '1';
const N = quick ? 60 : 300;
// Bare and ledger runs alternate, ROUNDS times each, and the median of each is reported, so
// that load from other processes on a shared machine hits both sides alike.
const ROUNDS = quick ? 1 : 3;
const CONCURRENCY = 20;
const SECRET = 'bench-secret-0123456789';
const APP = { appId: 'wx0123456789abcdef', appSecret: 'secret-0123456789abcdef0123456789' };

const cms = await startFakeCms({ secret: SECRET });
const wechat = await startFakeWechat({ pendingPolls: 0 });

function payload(i: number, run: string) {
  return { title: `${run} 关于第${i}项工作的通知`, author: '市政府办公室', digest: '摘要', content: `<p>正文 ${i}</p>`, content_source_url: 'https://www.example.gov.cn/a.html', need_open_comment: 0 };
}

async function pool(n: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < n) await work(next++);
  }));
}

async function throughLedger(channel: 'website' | 'wechat', run: string): Promise<number> {
  const accounts = defineAccounts([
    channel === 'website'
      ? { id: 'portal', channel: 'website', name: '门户', transport: webhookTransport({ url: cms.url, secret: SECRET }) }
      : { id: 'wx', channel: 'wechat', name: '某某发布', transport: wechatTransport({ ...APP, thumbMediaId: 'T', baseUrl: wechat.url }) },
  ]);
  const store = memoryDeliveryStore();
  let id = 0;
  for (let i = 0; i < N; i++) {
    await store.enqueue(planDeliveries({ documentId: `${run}-${i}`, revision: 1, targets: [channel], payloads: { [channel]: payload(i, run) }, now: new Date(), idGenerator: () => `d${++id}` }, accounts));
  }
  const t0 = performance.now();
  // WeChat settles on the reconciliation pass (publishing is asynchronous), so loop until done.
  for (;;) {
    const open = await store.list({ state: ['pending', 'unknown'], limit: 1 });
    if (!open.length) break;
    await deliverPending({ store, accounts, owner: 'bench', limit: CONCURRENCY, reconcileIntervalMs: 0 });
  }
  const ms = performance.now() - t0;
  const sent = (await store.list({ state: 'sent' })).length;
  if (sent !== N) throw new Error(`only ${sent}/${N} sent`);
  return ms;
}

async function bare(channel: 'website' | 'wechat', run: string): Promise<number> {
  let token = '';
  if (channel === 'wechat') {
    const r = await fetch(`${wechat.url}/cgi-bin/stable_token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'client_credential', appid: APP.appId, secret: APP.appSecret }) });
    token = ((await r.json()) as { access_token: string }).access_token;
  }
  const post = async (path: string, body: unknown) => (await fetch(`${wechat.url}${path}?access_token=${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<Record<string, unknown>>;
  const t0 = performance.now();
  await pool(N, async (i) => {
    if (channel === 'website') {
      const body = JSON.stringify({ event: 'publish', idempotencyKey: `${run}-${i}:1:portal`, payload: payload(i, run) });
      const ts = String(Math.floor(Date.now() / 1000));
      const res = await fetch(cms.url, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `${run}-${i}:1:portal`, 'x-govpub-timestamp': ts, 'x-govpub-signature': `sha256=${createHmac('sha256', SECRET).update(`${ts}.${body}`).digest('hex')}` }, body });
      await res.text();
    } else {
      const draft = await post('/cgi-bin/draft/add', { articles: [{ ...payload(i, run), thumb_media_id: 'T' }] });
      const submit = await post('/cgi-bin/freepublish/submit', { media_id: draft.media_id });
      await post('/cgi-bin/freepublish/get', { publish_id: submit.publish_id });
    }
  });
  return performance.now() - t0;
}

console.log(`${N} deliveries per case, ${CONCURRENCY} concurrent requests, median of ${ROUNDS} alternating rounds; fakes on 127.0.0.1.\n`);
console.log('| platform | bare fetch (deliveries/s) | through ledger + worker (deliveries/s) | ledger cost vs bare |');
console.log('|---|---:|---:|---:|');
for (const channel of ['website', 'wechat'] as const) {
  await bare(channel, `warm-${channel}-bare`);
  await throughLedger(channel, `warm-${channel}`);
  const bs: number[] = [];
  const ls: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    bs.push(await bare(channel, `bare-${channel}-${r}`));
    ls.push(await throughLedger(channel, `ledger-${channel}-${r}`));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const b = median(bs);
  const l = median(ls);
  const rate = (ms: number) => (N / (ms / 1000)).toFixed(0);
  console.log(`| ${channel === 'website' ? 'CMS webhook' : 'WeChat draft/add + submit + get'} | ${rate(b)} | ${rate(l)} | ${(l / b).toFixed(2)}× |`);
}
await cms.close();
await wechat.close();
