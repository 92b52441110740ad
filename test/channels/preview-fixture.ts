// One notice for the preview's tests, its browser screenshots and `npm run preview`: it has
// something for every channel to show (a typo in the summary and the body, a figure against
// the approved statement, a mobile number, an external link, an image without alt text).
import { checkCaliber, detectSensitive, zhGovRules, type Finding } from '../../src/index';

/** The notice, as an article. */
export const PREVIEW_ARTICLE = {
  title: '关于做好2026年元旦春节期间供暖保障工作的通知',
  summary: '各供热单位要按步就班做好节日供暖保障，室温不低于18℃。',
  author: '市政府办公室',
  url: 'https://www.example.gov.cn/zwgk/tzgg/2026/0101.html',
  tags: ['供暖', '元旦', '春节'],
  body: `各区县人民政府，市政府各部门：

为做好元旦春节期间供暖保障工作，现将有关事项通知如下。具体要求详见[住房城乡建设部通知](https://www.mohurd.gov.cn/notice/2025-12.html)。

## 一、保障标准

1. 各供热单位要按步就班做好准备，保障居民室温不低于16℃。
2. 对供暖有问题的，可拨打供热服务热线12345反映，或联系市住建局王工（13912345678）。

## 二、值班安排

![](https://www.example.gov.cn/images/duty.png)

| 日期 | 值班单位 | 联系电话 |
|---|---|---|
| 1月1日 | 市住房城乡建设局 | 12345 |
| 1月28日至2月4日 | 市城市管理局 | 12345 |

## 三、工作要求

严格落实领导带班和24小时值班制度，遇有重大突发事件要第一时间报告。
`,
};

/** The approved statement's figure the notice must repeat. */
export const PREVIEW_FACTS = [{ label: '室温不低于', value: '18℃' }];

/** What the content checks find in the notice, each naming its field (as the publisher's gates do). */
export function previewFindings(): Finding[] {
  const out: Finding[] = [];
  for (const field of ['title', 'summary', 'body'] as const) {
    const text = PREVIEW_ARTICLE[field];
    for (const f of [...checkCaliber(text, zhGovRules, { facts: PREVIEW_FACTS }), ...detectSensitive(text)]) out.push({ ...f, details: { ...f.details, field } });
  }
  return out;
}

/** The accounts the office publishes through. */
export const PREVIEW_ACCOUNTS = [
  { id: 'wx-main', channel: 'wechat', name: '滨江发布', default: true },
  { id: 'wx-zjj', channel: 'wechat', name: '滨江住建' },
  { id: 'wb-main', channel: 'weibo', name: '@滨江发布' },
  { id: 'web', channel: 'website', name: '滨江市人民政府网站' },
  { id: 'app', channel: 'push', name: '滨江政务 App' },
  { id: 'sms-main', channel: 'sms', name: '12345 短信平台' },
];
