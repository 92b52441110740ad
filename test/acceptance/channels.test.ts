import { describe, expect, it } from 'vitest';
import { govpub } from './package-under-test';

const g: any = govpub;

const article = {
  title: '关于开展2024年度安全生产大检查的通知',
  body: '# 总体要求\n\n各区、各部门要高度重视，认真组织开展检查。\n\n详见[市应急局网站](https://yjj.example.gov.cn/notice/1)。\n\n## 工作安排\n\n- 自查阶段\n- 抽查阶段\n',
  summary: '市政府决定开展安全生产大检查。',
  author: '市应急管理局',
  source: '市应急管理局',
  url: 'https://www.example.gov.cn/art/2024/1.html',
  tags: ['安全生产'],
  publishedAt: '2024-03-01T08:00:00+08:00',
};

function channelFindingInvariants(out: any) {
  for (const f of out.findings) {
    expect(f.ruleId).toMatch(/^channel\//);
    expect(typeof f.field).toBe('string');
    expect(['error', 'warning', 'info']).toContain(f.severity);
  }
  expect(out.ok).toBe(!out.findings.some((f: any) => f.severity === 'error'));
}

describe('formatFor', () => {
  it('wechat payload fields and types', () => {
    const out = g.formatFor('wechat', article);
    expect(out.channel).toBe('wechat');
    expect(out.ok).toBe(true);
    channelFindingInvariants(out);
    const p = out.payload;
    for (const k of ['title', 'author', 'digest', 'content', 'content_source_url', 'need_open_comment']) expect(p, k).toHaveProperty(k);
    expect(p.title).toBe(article.title);
    expect(p.author).toBe(article.author);
    expect(p.digest).toBe(article.summary);
    expect(p.content_source_url).toBe(article.url);
    expect(typeof p.content).toBe('string');
    expect(p.content).not.toMatch(/<style|class=|<script/i);
    // external link becomes a numbered reference, not an <a href> to it
    expect(p.content).not.toMatch(/<a[^>]+href="https:\/\/yjj\.example\.gov\.cn/);
    expect(p.content).toContain('yjj.example.gov.cn');
    expect([0, 1]).toContain(p.need_open_comment);
  });

  it('wechat: title over 32 characters is an error finding on field title', () => {
    const out = g.formatFor('wechat', { ...article, title: '关'.repeat(33) });
    expect(out.ok).toBe(false);
    channelFindingInvariants(out);
    const f = out.findings.find((x: any) => x.field === 'title');
    expect(f).toBeTruthy();
    expect(f.severity).toBe('error');
    expect(f.ruleId).toBe('channel/too_long');
    const ok = g.formatFor('wechat', { ...article, title: '关'.repeat(32) });
    expect(ok.findings.find((x: any) => x.field === 'title')).toBeUndefined();
  });

  it('wechat: author over 16 is a finding on author; digest 128 limit', () => {
    const out = g.formatFor('wechat', { ...article, author: '作'.repeat(17), summary: '摘'.repeat(129) });
    expect(out.findings.some((x: any) => x.field === 'author')).toBe(true);
    // digest either truncated to 128 or flagged
    const digestFinding = out.findings.some((x: any) => x.field === 'digest');
    expect(digestFinding || [...out.payload.digest].length <= 128).toBe(true);
    const ok = g.formatFor('wechat', { ...article, author: '作'.repeat(16) });
    expect(ok.findings.some((x: any) => x.field === 'author')).toBe(false);
  });

  it('wechat: digest from body when no summary, ≤ 128', () => {
    const out = g.formatFor('wechat', { ...article, summary: undefined, body: '正文内容。'.repeat(100) });
    expect(out.payload.digest.length).toBeGreaterThan(0);
    expect([...out.payload.digest].length).toBeLessThanOrEqual(128);
  });

  it('wechat: limits override via options.limits', () => {
    const out = g.formatFor('wechat', article, { limits: { title: 10 } });
    expect(out.findings.some((x: any) => x.field === 'title' && x.severity === 'error')).toBe(true);
  });

  it('weibo payload is { text } with #topic# and the link', () => {
    const out = g.formatFor('weibo', article);
    expect(out.channel).toBe('weibo');
    channelFindingInvariants(out);
    expect(typeof out.payload.text).toBe('string');
    expect(out.payload.text).toContain('#安全生产#');
    expect(out.payload.text).toContain(article.url);
  });

  it('weibo with limit 140 cuts with … and keeps the link', () => {
    const long = { ...article, summary: undefined, body: '这是一段很长的正文内容。'.repeat(60) };
    const out = g.formatFor('weibo', long, { limits: { text: 140 } });
    expect(out.payload.text).toContain('…');
    expect(out.payload.text).toContain(article.url);
    expect(out.payload.text.length).toBeLessThanOrEqual(140 + article.url.length);
    const f = out.findings.find((x: any) => x.field === 'text');
    expect(f).toBeTruthy();
    expect(out.payload.text.slice(f.start, f.end)).toBe(f.excerpt);
  });

  it('website payload { title, description, html }', () => {
    const out = g.formatFor('website', article);
    channelFindingInvariants(out);
    expect(out.ok).toBe(true);
    expect(out.payload.title).toBe(article.title);
    expect(typeof out.payload.description).toBe('string');
    expect(out.payload.html).toMatch(/<h[12][^>]*>总体要求<\/h[12]>/);
    expect(out.payload.html).toContain('<li>');
  });

  it('website: image without alt is a finding with field', () => {
    const out = g.formatFor('website', { ...article, body: '正文\n\n![](https://www.example.gov.cn/a.png)\n' });
    channelFindingInvariants(out);
    const f = out.findings.find((x: any) => x.ruleId === 'channel/missing_alt');
    expect(f).toBeTruthy();
    expect(typeof f.field).toBe('string');
  });

  it('website strips scripts and event handlers and javascript: URLs', () => {
    const body = '<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n[x](javascript:alert(1))\n\n<iframe src="https://evil"></iframe>';
    for (const ch of ['website', 'wechat']) {
      const out = g.formatFor(ch, { ...article, body });
      const html = ch === 'website' ? out.payload.html : out.payload.content;
      expect(html).not.toMatch(/<script|onerror|javascript:|<iframe/i);
    }
  });

  it('push payload { title, body, url? }', () => {
    const out = g.formatFor('push', article);
    channelFindingInvariants(out);
    expect(out.payload.title).toBeTruthy();
    expect(typeof out.payload.body).toBe('string');
    expect(out.payload.url).toBe(article.url);
    const noUrl = g.formatFor('push', { ...article, url: undefined });
    expect(noUrl.payload.url).toBeUndefined();
  });

  it('sms: signature required → ok:false without it', () => {
    const out = g.formatFor('sms', { ...article, url: undefined });
    expect(out.ok).toBe(false);
    channelFindingInvariants(out);
    expect(out.findings.some((x: any) => x.severity === 'error')).toBe(true);
  });

  it('sms: 【signature】 + text, 1 segment up to 70 including signature, then ceil(n/67)', () => {
    const sig = '市应急局';
    // the SMS text is built from the title (and summary), not the Markdown body
    const mk = (n: number) => ({ title: '字'.repeat(n), body: '正文' });
    const seventy = 70 - (sig.length + 2);
    const o1 = g.formatFor('sms', mk(seventy), { signature: sig });
    expect(o1.payload.text.startsWith(`【${sig}】`)).toBe(true);
    expect(o1.payload.text.length).toBe(70);
    expect(o1.payload.segments).toBe(1);
    expect(o1.ok).toBe(true);
    const o2 = g.formatFor('sms', mk(seventy + 1), { signature: sig });
    expect(o2.payload.text.length).toBe(71);
    expect(o2.payload.segments).toBe(2);
    const o3 = g.formatFor('sms', mk(134 - (sig.length + 2) + 1), { signature: sig });
    expect(o3.payload.text.length).toBe(135);
    expect(o3.payload.segments).toBe(3);
  });

  it('sms: total over 500 characters is an error channel/too_long on field text', () => {
    const out = g.formatFor('sms', { title: '字'.repeat(600), body: 'x' }, { signature: '市局' });
    expect(out.ok).toBe(false);
    const f = out.findings.find((x: any) => x.ruleId === 'channel/too_long');
    expect(f.field).toBe('text');
    expect(f.limit).toBe(500);
  });

  it('sms body uses title or body? (ambiguous: text contains the title or body)', () => {
    const out = g.formatFor('sms', { title: '暴雨预警', body: '今晚有暴雨，请注意安全。' }, { signature: '市气象台' });
    expect(out.payload.text.startsWith('【市气象台】')).toBe(true);
    expect(out.payload.text).toMatch(/暴雨/);
  });

  it('rss payload { xml } is one <item> with escaped title', () => {
    const out = g.formatFor('rss', { ...article, title: 'A & B <c>' });
    expect(out.payload.xml).toMatch(/^\s*<item>/);
    expect(out.payload.xml).toContain('A &amp; B &lt;c&gt;');
    expect(out.payload.xml).toContain('<link>' + article.url + '</link>');
  });

  it('unknown channel → VALIDATION', () => {
    expect(() => g.formatFor('telegram', article)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('article without title → VALIDATION with issues path title', () => {
    try {
      g.formatFor('website', { body: 'x' });
      expect.unreachable();
    } catch (e: any) {
      expect(e.code).toBe('VALIDATION');
      expect(e.details.issues.some((i: any) => JSON.stringify(i.path).includes('title'))).toBe(true);
    }
  });
});

describe('formatAll', () => {
  it('returns one result per channel with per-channel options keyed by channel id (ambiguous)', () => {
    const res = g.formatAll(article, ['wechat', 'weibo', 'website', 'push', 'sms', 'rss'], { sms: { signature: '市应急局' } });
    const arr = Array.isArray(res) ? res : Object.values(res);
    expect(arr).toHaveLength(6);
    const sms = arr.find((r: any) => r.channel === 'sms');
    expect(sms.ok).toBe(true);
    expect(sms.payload.text.startsWith('【市应急局】')).toBe(true);
  });

  it('returns an array in channel order (ambiguous)', () => {
    const res = g.formatAll(article, ['website', 'rss']);
    expect(Array.isArray(res)).toBe(true);
    expect(res.map((r: any) => r.channel)).toEqual(['website', 'rss']);
  });
});

describe('defineChannel', () => {
  it('custom channel works with formatFor (ambiguous: format returns { payload, findings })', () => {
    const ch = g.defineChannel({
      id: 'douyin',
      clearance: 'public',
      limits: { caption: 55 },
      measure: (s: string) => [...s].length,
      // format's return shape is not in DESIGN.md; the library wants { payload, findings }
      format: (a: any) => ({ payload: { caption: a.title }, findings: [] }),
    });
    const out = g.formatFor(ch, article);
    expect(out.channel).toBe('douyin');
    expect(out.payload.caption).toBe(article.title);
  });
});

describe('renderFeed', () => {
  const feed = { title: '某市人民政府', link: 'https://www.example.gov.cn/', description: '政府信息公开' };
  const items = [article, { ...article, title: '第二篇 & 更多', url: 'https://www.example.gov.cn/art/2024/2.html' }];

  it('rss 2.0 with required channel elements, items, RFC 822 dates and escaping', () => {
    const xml = g.renderFeed(items, feed, 'rss');
    expect(xml).toMatch(/<rss[^>]*version="2.0"/);
    expect(xml).toContain('<channel>');
    expect(xml).toContain('<title>某市人民政府</title>');
    expect(xml).toContain('<link>https://www.example.gov.cn/</link>');
    expect(xml).toContain('<description>');
    expect((xml.match(/<item>/g) ?? []).length).toBe(2);
    expect(xml).toContain('第二篇 &amp; 更多');
    expect(xml).toMatch(/<pubDate>(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})<\/pubDate>/);
  });

  it('atom with feed id/title/updated, entries and RFC 3339 dates', () => {
    const xml = g.renderFeed(items, feed, 'atom');
    expect(xml).toContain('xmlns="http://www.w3.org/2005/Atom"');
    expect(xml).toMatch(/<feed[^>]*>/);
    expect(xml).toMatch(/<id>[^<]+<\/id>/);
    expect(xml).toMatch(/<updated>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})<\/updated>/);
    expect((xml.match(/<entry>/g) ?? []).length).toBe(2);
  });

  it('unknown format → VALIDATION', () => {
    expect(() => g.renderFeed(items, feed, 'json')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

describe('more channel checks', () => {
  it('channel findings carry code, limit and actual; offsets index into the field', () => {
    const title = '关'.repeat(40);
    const out = g.formatFor('wechat', { title, body: '正文' });
    const f = out.findings.find((x: any) => x.field === 'title');
    expect(f.code).toBe('too_long');
    expect(f.limit).toBe(32);
    expect(f.actual).toBe(40);
    expect(f.excerpt).toBe(title.slice(f.start, f.end));
  });

  it('wechat keeps links to mp.weixin.qq.com as links', () => {
    const out = g.formatFor('wechat', { title: 'T', body: '[公众号](https://mp.weixin.qq.com/s/abc)' });
    expect(out.payload.content).toMatch(/<a [^>]*href="https:\/\/mp\.weixin\.qq\.com\/s\/abc"/);
  });

  it('push cuts on grapheme boundaries (no broken ZWJ family emoji)', () => {
    const fam = '👨‍👩‍👧';
    const out = g.formatFor('push', { title: fam.repeat(60), body: '好'.repeat(500) });
    const withoutEllipsis = out.payload.title.replace(/…$/, '');
    expect(withoutEllipsis.length % fam.length).toBe(0);
    expect(withoutEllipsis.length).toBeLessThan(fam.length * 60);
  });

  it('sms link outside the allowlist is an error finding', () => {
    const out = g.formatFor('sms', { title: '详情见 https://evil.example.com/x', body: 'x' }, { signature: '市局' });
    expect(out.ok).toBe(false);
    expect(out.findings.some((x: any) => x.field === 'text' && x.severity === 'error')).toBe(true);
  });

  it('unknown limit name → VALIDATION with path limits.<name>', () => {
    try {
      g.formatFor('website', { title: 'T', body: 'x' }, { limits: { bogus: 1 } });
      expect.unreachable();
    } catch (e: any) {
      expect(e.code).toBe('VALIDATION');
      expect(e.details.issues[0].path).toEqual(['limits', 'bogus']);
    }
  });

  it('formatAll accepts a defineChannel channel in the list', () => {
    const ch = g.defineChannel({ id: 'dy', clearance: 'public', limits: {}, measure: (s: string) => s.length, format: (a: any) => ({ payload: { c: a.title }, findings: [] }) });
    const res = g.formatAll({ title: 'T', body: 'x' }, ['website', ch]);
    expect(res.map((r: any) => r.channel)).toEqual(['website', 'dy']);
  });

  it('rss item date is RFC 822 in UTC for an offset timestamp', () => {
    const xml = g.formatFor('rss', { title: 'T', body: 'x', publishedAt: '2024-03-01T08:00:00+08:00', url: 'https://a.gov.cn/1' }).payload.xml;
    expect(xml).toContain('<pubDate>Fri, 01 Mar 2024 00:00:00 GMT</pubDate>');
    expect(xml).toContain('<guid isPermaLink="true">https://a.gov.cn/1</guid>');
  });
});
