/**
 * Run by time-policy.test.ts in a child process under a given `TZ`: prints every channel's
 * output for one article, and the host zone it ran in, as JSON.
 */
import { formatAll, renderFeed } from '../../src/channels/index';

const article = {
  title: '关于开展春季植树活动的通知',
  body: '各单位：\n请于3月12日前报送。',
  url: 'https://www.example.gov.cn/a.html',
  publishedAt: '2025-03-01T23:30:00+08:00',
  updatedAt: new Date('2025-03-02T01:00:00Z'),
};
const outputs = formatAll(article, ['wechat', 'weibo', 'website', 'push', 'sms', 'rss'], { sms: { signature: '某某市人民政府' } }).map((o) => ({
  channel: o.channel,
  contentHash: o.contentHash,
  payload: o.payload,
}));
const feeds = ['rss', 'atom'].map((f) => renderFeed([article], { title: '通知', link: 'https://www.example.gov.cn/', author: '市政府' }, f as 'rss' | 'atom'));
process.stdout.write(JSON.stringify({ tzName: new Date('2025-03-01T12:00:00Z').toString(), outputs: { outputs, feeds } }));
