/**
 * `npx tsx examples/delivery.ts`: the last mile, end to end, with no network. Starts fake
 * WeChat, CMS and Weibo servers on 127.0.0.1 (the same fakes the tests use), gives the
 * publisher three named accounts, publishes a document (the publishing commit writes one
 * pending delivery per account; nothing is sent inside publish), runs the worker loop a host
 * runs on every instance, forwards WeChat's PUBLISHJOBFINISH event, prints the per-account
 * state a UI would show, withdraws the document, and prints the audit trail, where every
 * delivery outcome is an event.
 */
import {
  createPublisher,
  memoryAdapter,
  memoryTokenStore,
  webhookTransport,
  wechatTransport,
  weiboTransport,
  type Actor,
} from '../src/index';
import { startFakeCms } from '../test/delivery/fakes/fake-cms';
import { startFakeWechat } from '../test/delivery/fakes/fake-wechat';
import { startFakeWeibo } from '../test/delivery/fakes/fake-weibo';

const CMS_SECRET = 'example-cms-secret-0123';
const wechat = await startFakeWechat({ pendingPolls: 5 }); // publishing stays "in progress" for a while
const cms = await startFakeCms({ secret: CMS_SECRET });
const weibo = await startFakeWeibo({ token: 'weibo-example-token', safeDomain: 'www.example.gov.cn' });

// 1. Accounts: named accounts, each with its transport. In production the secrets come from
//    the environment and the token store is shared by every instance (a table, Redis).
//    Storage: memoryAdapter here; postgresAdapter in production (both carry the ledger).
const publisher = createPublisher({
  storage: memoryAdapter(),
  accounts: [
    { id: 'wx-main', channel: 'wechat', name: '某某发布', transport: wechatTransport({ appId: 'wx0123456789abcdef', appSecret: 'secret-0123456789abcdef0123456789', thumbMediaId: 'COVER', baseUrl: wechat.url, tokenStore: memoryTokenStore() }) },
    { id: 'portal', channel: 'website', name: '门户网站', transport: webhookTransport({ url: `${cms.url}/govpub`, secret: CMS_SECRET }) },
    { id: 'weibo-main', channel: 'weibo', name: '@某某发布', transport: weiboTransport({ accessToken: 'weibo-example-token', safeDomain: 'example.gov.cn', baseUrl: weibo.url }) },
  ],
});

const author: Actor = { id: 'zhang.wei', roles: ['author'], department: 'office' };
const reviewers: Actor[] = [
  { id: 'li.na', roles: ['reviewer'], department: 'office' },
  { id: 'wang.fang', roles: ['reviewer'], department: 'office' },
  { id: 'zhao.lei', roles: ['approver'], department: 'office' },
];
const editor: Actor = { id: 'sun.li', roles: ['publisher'], department: 'office' };

// 2. Draft → 三审 → publish. `channels` names accounts; 'wechat' alone means its default account.
const draft = await publisher.createDraft(
  { title: '关于春节期间公共交通运营时间调整的通知', body: '春节期间，地铁运营时间延长至次日1时。', url: 'https://www.example.gov.cn/zwgk/2025/0128.html', summary: '春节期间地铁延时运营。', level: 'public', channels: ['wechat', 'portal', 'weibo-main'] },
  author,
);
await publisher.submit(draft.id, author);
for (const r of reviewers) await publisher.review(draft.id, r, { decision: 'approve' });
await publisher.publish(draft.id, editor); // commits the document AND three pending deliveries

// 3. The worker loop every instance runs (here a few passes; a host runs it on a timer:
//    setInterval(() => publisher.deliverPending({ limit: 20 }), 5_000)).
await publisher.deliverPending({ reconcileIntervalMs: 0 });

// 4. WeChat pushes PUBLISHJOBFINISH to the host's callback URL; the host forwards it.
const wx = (await publisher.deliveries(draft.id)).accounts.find((a) => a.accountId === 'wx-main')!;
await publisher.handlePlatformEvent({ accountId: 'wx-main', event: wechat.eventXml(String(wx.publication.progress!.publish_id)) });

// 5. What a UI shows: per-account state with the receipt, and what needs a person.
const show = async (title: string) => {
  console.log(`\n${title}`);
  const state = await publisher.deliveries(draft.id);
  for (const a of state.accounts) {
    console.log(`  发布 ${(a.accountName ?? a.accountId).padEnd(6)} ${a.label} (${a.state})${a.url ? ` ${a.url}` : ''}`);
    if (a.removal) console.log(`  撤回 ${(a.accountName ?? a.accountId).padEnd(6)} ${a.removal.state === 'manual' ? '需人工处理' : a.removal.state === 'removed' ? '已删除' : a.removal.state} (${a.removal.state})${a.task ? ` — ${a.task.message}` : ''}`);
  }
  for (const s of state.stillOut) console.log(`  仍在外: ${s.accountName}`);
};
await show('After publishing:');
console.log(`  needs attention: ${(await publisher.list({ delivery: ['dead', 'manual'] })).items.length} document(s)`);

// 6. Withdrawal: the withdraw commit enqueues one removal per account; the worker carries them out.
await publisher.withdraw(draft.id, editor, '信息有误，撤回更正');
await publisher.deliverPending();
await show('After withdrawing:');

console.log('\nAudit trail (every delivery outcome is an event in the chain):');
for (const e of await publisher.history(draft.id)) console.log(`  ${String(e.seq).padStart(2)} ${e.type.padEnd(16)} ${typeof e.data.message === 'string' ? e.data.message : ''}`);
console.log(`  chain verifies: ${(await publisher.verifyHistory(draft.id)).ok}`);

await Promise.all([wechat.close(), cms.close(), weibo.close()]);
