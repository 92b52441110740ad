/**
 * `npx tsx examples/delivery.ts`: the last mile, end to end, with no network. Starts fake
 * WeChat, CMS and Weibo servers on 127.0.0.1 (the same fakes the tests use), configures
 * three accounts, writes the ledger rows a publication commits, runs the worker loop a host
 * runs on every instance, forwards WeChat's PUBLISHJOBFINISH event, prints the per-account
 * state a UI would show, then withdraws the document.
 *
 * Until the publisher writes the ledger in its own commit, a host calls `planDeliveries`
 * and `store.enqueue` itself, right after `publish()`; that is what this example does.
 */
import { formatAll } from '../src/channels/index';
import {
  DELIVERY_STATE_LABELS,
  defineAccounts,
  deliverPending,
  handlePlatformEvent,
  memoryDeliveryStore,
  memoryTokenStore,
  planDeliveries,
  planRemovals,
  webhookTransport,
  wechatTransport,
  weiboTransport,
  type DeliveryOutcomeEvent,
} from '../src/delivery/index';
import { startFakeCms } from '../test/delivery/fakes/fake-cms';
import { startFakeWechat } from '../test/delivery/fakes/fake-wechat';
import { startFakeWeibo } from '../test/delivery/fakes/fake-weibo';

const CMS_SECRET = 'example-cms-secret-0123';
const wechat = await startFakeWechat({ pendingPolls: 5 }); // publishing stays "in progress" for a while
const cms = await startFakeCms({ secret: CMS_SECRET });
const weibo = await startFakeWeibo({ token: 'weibo-example-token', safeDomain: 'www.example.gov.cn' });

// 1. Accounts: named accounts, each with its transport. In production the secrets come from
//    the environment and the token store is shared by every instance (a table, Redis).
const accounts = defineAccounts([
  { id: 'wx-main', channel: 'wechat', name: '某某发布', transport: wechatTransport({ appId: 'wx0123456789abcdef', appSecret: 'secret-0123456789abcdef0123456789', thumbMediaId: 'COVER', baseUrl: wechat.url, tokenStore: memoryTokenStore() }) },
  { id: 'portal', channel: 'website', name: '门户网站', transport: webhookTransport({ url: `${cms.url}/govpub`, secret: CMS_SECRET }) },
  { id: 'weibo-main', channel: 'weibo', name: '@某某发布', transport: weiboTransport({ accessToken: 'weibo-example-token', safeDomain: 'example.gov.cn', baseUrl: weibo.url }) },
]);
const store = memoryDeliveryStore();

// 2. What publish() commits: one pending delivery per target account ('wechat' = its default account).
const article = { title: '关于春节期间公共交通运营时间调整的通知', body: '春节期间，地铁运营时间延长至次日1时。', url: 'https://www.example.gov.cn/zwgk/2025/0128.html', summary: '春节期间地铁延时运营。' };
const outputs = formatAll(article, ['wechat', 'website', 'weibo']);
let n = 0;
await store.enqueue(planDeliveries({
  documentId: 'doc-2025-0128', revision: 1, level: 'public', targets: ['wechat', 'portal', 'weibo-main'],
  payloads: { wechat: outputs[0]!.payload, portal: outputs[1]!.payload, 'weibo-main': outputs[2]!.payload },
  now: new Date(), idGenerator: () => `dlv-${++n}`,
}, accounts));

// 3. The worker loop every instance runs (here a few passes; a host runs it on a timer).
const audit: DeliveryOutcomeEvent[] = [];
const worker = () => deliverPending({ store, accounts, owner: `example-${process.pid}`, reconcileIntervalMs: 0, onOutcome: (e) => void audit.push(e) });
await worker();

// 4. WeChat pushes PUBLISHJOBFINISH to the host's callback URL; the host forwards it.
const wx = (await store.forDocument('doc-2025-0128')).find((d) => d.accountId === 'wx-main')!;
await handlePlatformEvent({ store, accounts, accountId: 'wx-main', event: wechat.eventXml(String(wx.progress!.publish_id)), onOutcome: (e) => void audit.push(e) });

// 5. What a UI shows: per-account state with the receipt.
const show = async (title: string) => {
  console.log(`\n${title}`);
  for (const d of await store.forDocument('doc-2025-0128')) {
    const name = accounts.get(d.accountId)!.name;
    console.log(`  ${d.kind === 'publish' ? '发布' : '撤回'} ${name.padEnd(6)} ${DELIVERY_STATE_LABELS[d.state]} (${d.state})${d.receipt?.url ? ` ${d.receipt.url}` : ''}${d.task ? ` — ${d.task.message}` : ''}`);
  }
};
await show('After publishing:');

// 6. Withdrawal: the withdraw commit carries these rows; the worker carries them out.
const write = planRemovals(await store.forDocument('doc-2025-0128'), { now: new Date(), idGenerator: () => `dlv-${++n}` });
await store.enqueue(write.enqueue);
await worker();
await show('After withdrawing:');

console.log('\nAudit events for the document chain:');
for (const e of audit) console.log(`  ${e.type.padEnd(16)} ${e.message}`);

await Promise.all([wechat.close(), cms.close(), weibo.close()]);
