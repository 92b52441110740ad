import { defineAccounts, planDeliveries, type Account, type AccountRegistry, type Delivery } from '../../src/delivery/index';

/** A deterministic id generator. */
export function ids(prefix = 'd'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

/** A clock the test moves by hand. */
export function virtualClock(start = Date.parse('2025-03-01T00:00:00Z')) {
  let t = start;
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
  };
}

/** Plans one publication of document `documentId` to `targets` with simple payloads per channel. */
export function publication(accounts: AccountRegistry, documentId: string, targets: string[], now: Date, nextId: () => string, title = `关于${documentId}的通知`): Delivery[] {
  const payloads: Record<string, Record<string, unknown>> = {};
  for (const t of targets) {
    const account = accounts.get(t) ?? accounts.defaultFor(t)!;
    payloads[account.id] = payloadFor(account, title);
  }
  return planDeliveries({ documentId, revision: 1, targets, payloads, now, idGenerator: nextId }, accounts);
}

function payloadFor(account: Account, title: string): Record<string, unknown> {
  switch (account.channel) {
    case 'wechat':
      return { title, author: '市政府办公室', digest: '摘要', content: `<p>${title}正文</p>`, content_source_url: 'https://www.example.gov.cn/a.html', need_open_comment: 0 };
    case 'weibo':
      return { text: `【${title}】详见 https://www.example.gov.cn/a.html` };
    case 'sms':
      return { text: `【某某发布】${title}`, segments: 1 };
    case 'push':
      return { title, body: '正文摘要', url: 'https://www.example.gov.cn/a.html' };
    default:
      return { title, description: '摘要', html: `<p>${title}</p>` };
  }
}

export { defineAccounts };
