import { describe, expect, it } from 'vitest';
import { createPublisher, formatAll, formatFor, isGovpubError, memoryAdapter, type Actor } from '../../src/index';
import { CHANNEL_MESSAGES, channelMessage } from '../../src/channels/messages';

const HAN = /\p{Script=Han}/u;
const article = {
  title: '关于做好节日期间供暖保障工作的通知'.repeat(3),
  summary: '各供热单位要做好节日供暖保障。',
  body: '详见[通知](https://www.example.org/a)。\n\n![](https://www.example.gov.cn/a.png)',
  url: 'https://www.example.gov.cn/a.html',
};

describe('channel messages', () => {
  it('say every key in Chinese and in English', () => {
    for (const key of Object.keys(CHANNEL_MESSAGES) as (keyof typeof CHANNEL_MESSAGES)[]) {
      const params = { field: 'title', actual: 40, unit: 'characters', channel: 'wechat', limit: 32, max: 2, n: 1, min: 2, link: 'x', allow: 'a', what: 'link', level: 2, wanted: 3 };
      expect(channelMessage(key, params), key).toMatch(HAN);
      expect(channelMessage(key, params, 'en'), key).not.toMatch(/undefined/);
    }
  });

  it('are Chinese by default in every built-in channel, English on request, codes unchanged', () => {
    const zh = formatAll(article, ['wechat', 'weibo', 'website', 'push', 'sms', 'rss'], { weibo: { limits: { text: 40 } } });
    const en = formatAll(article, ['wechat', 'weibo', 'website', 'push', 'sms', 'rss'], {
      wechat: { locale: 'en' }, weibo: { locale: 'en', limits: { text: 40 } }, website: { locale: 'en' }, push: { locale: 'en' }, sms: { locale: 'en' }, rss: { locale: 'en' },
    });
    const zhFindings = zh.flatMap((o) => o.findings);
    expect(zhFindings.length).toBeGreaterThanOrEqual(6);
    for (const f of zhFindings) expect(f.message, f.ruleId).toMatch(HAN);
    const enFindings = en.flatMap((o) => o.findings);
    expect(enFindings.map((f) => f.ruleId)).toEqual(zhFindings.map((f) => f.ruleId));
    expect(enFindings.find((f) => f.code === 'missing_signature')!.message).toBe('SMS needs the registered signature 【…】; pass options.signature');
    expect(enFindings.find((f) => f.code === 'too_long' && f.field === 'title')!.message).toBe('title is 51 characters; wechat allows at most 32');
    expect(zhFindings.find((f) => f.code === 'too_long' && f.field === 'title')!.message).toBe('标题为 51 个字符，微信公众号最多允许 32');
  });

  it('refuses an unknown locale', () => {
    expect(() => formatFor('sms', article, { locale: 'fr' } as never)).toThrow(/locale/);
  });

  it('follow the publisher locale', async () => {
    const author: Actor = { id: 'a', roles: ['author'] };
    for (const locale of ['zh', 'en'] as const) {
      const p = createPublisher({ storage: memoryAdapter(), locale });
      const doc = await p.createDraft({ title: '通知', body: '正文。', level: 'public', channels: ['sms'] }, author);
      const e = await p.submit(doc.id, author).catch((x: unknown) => x);
      expect(isGovpubError(e) && e.code).toBe('CHECKS_FAILED');
      if (isGovpubError(e) && e.code === 'CHECKS_FAILED') {
        const message = e.details.findings.find((f) => f.ruleId === 'channel/missing_signature')!.message;
        expect(HAN.test(message.replace('【…】', ''))).toBe(locale === 'zh');
      }
    }
  });
});
