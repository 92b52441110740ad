/**
 * `npm run preview`: formats a demo notice for every built-in channel and writes
 * preview.html, the page reviewers look at before approving: a summary of what blocks it,
 * the whole WeChat article in a phone frame, the Weibo card, the SMS bubble, the push banner,
 * each finding (the caliber and personal-data checks' and the channels' own) highlighted
 * where it shows. Open it in any browser. A publisher does the same with
 * `publisher.preview(id)`, with its own channel options.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkCaliber, detectSensitive, formatAll, renderPreview, zhGovRules, type Article, type Finding } from '../src/index';

const article: Article = {
  title: '关于做好2025年元旦春节期间安全生产和值班值守工作的紧急通知',
  summary: '各区县、各部门要严格落实领导带班和24小时值班制度，做好节日期间安全生产工作。',
  author: '市政府办公室',
  source: '某某市人民政府',
  url: 'https://www.example.gov.cn/zwgk/tzgg/2025/0101.html',
  tags: ['元旦', '春节', '安全生产'],
  publishedAt: '2025-01-01T08:00:00+08:00',
  body: `# 一、总体要求

各区县人民政府，市政府各部门：为做好元旦春节期间各项工作，确保人民群众度过欢乐祥和的节日，现将有关事项通知如下。具体要求详见[国务院办公厅通知](https://www.gov.cn/zhengce/content/2024-12/01/content_1.htm)和[本号往期解读](https://mp.weixin.qq.com/s/abc123)。

## 二、值班安排

![节日值班安排表](https://mmbiz.qpic.cn/mmbiz_png/demo/0 "2025年元旦春节值班安排")

| 日期 | 值班单位 | 联系电话 |
|---|---|---|
| 1月1日 | 市政府办公室 | 12345 |
| 1月28日至2月4日 | 市应急管理局 | 12345 |

## 三、工作要求

1. 严格落实领导带班和24小时值班制度。
2. 加强对人员密集场所的安全检查。
3. 遇有重大突发事件，要第一时间报告。

![](https://www.example.gov.cn/images/inspection.jpg)
`,
};

const outputs = formatAll(article, ['wechat', 'weibo', 'website', 'push', 'sms', 'rss'], {
  // No signature on purpose: the preview shows how a blocked channel looks.
  sms: { linkAllowlist: ['example.gov.cn'] },
  weibo: { limits: { text: 140 } },
});
const file = resolve(process.argv[2] ?? 'preview.html');
// What the content checks say about the body, each naming the field its offsets refer to.
const findings: Finding[] = [...checkCaliber(article.body, zhGovRules), ...detectSensitive(article.body)].map((f) => ({ ...f, details: { ...f.details, field: 'body' } }));
const accounts = [
  { id: 'wx-main', channel: 'wechat', name: '某某发布', default: true },
  { id: 'wb-main', channel: 'weibo', name: '@某某发布' },
];
writeFileSync(file, renderPreview(outputs, { title: '渠道预览 · 元旦春节通知', findings, article, accounts }));
for (const o of outputs) {
  const errors = o.findings.filter((f) => f.severity === 'error').length;
  console.log(`${o.channel.padEnd(8)} ${o.ok ? 'ok     ' : 'blocked'} ${o.findings.length} finding(s), ${errors} error(s)  sha256 ${o.contentHash.slice(0, 12)}…`);
}
console.log(`\nwrote ${file}`);
