import { describe, expect, it } from 'vitest';
import { DEFAULT_WECHAT_THEME, formatFor, isGovpubError } from '../../src/index';
import { notice } from './fixtures';

const han = (n: number) => '政'.repeat(n);

describe('wechat', () => {
  it('maps the article to the draft/add fields', () => {
    const out = formatFor('wechat', notice);
    expect(out.ok).toBe(true);
    expect(Object.keys(out.payload).sort()).toEqual(['author', 'content', 'content_source_url', 'digest', 'need_open_comment', 'title']);
    expect(out.payload.title).toBe(notice.title);
    expect(out.payload.author).toBe('市政府办公室');
    expect(out.payload.digest).toBe(notice.summary);
    expect(out.payload.content_source_url).toBe(notice.url);
    expect(out.payload.need_open_comment).toBe(0);
    expect(formatFor('wechat', notice, { needOpenComment: true }).payload.need_open_comment).toBe(1);
  });

  it.each([
    ['title', 32],
    ['author', 16],
  ] as const)('%s: %i characters pass, one more is an error spanning the overflow', (field, limit) => {
    expect(formatFor('wechat', { ...notice, [field]: han(limit) }).ok).toBe(true);
    const out = formatFor('wechat', { ...notice, [field]: `${han(limit)}多` });
    expect(out.ok).toBe(false);
    const f = out.findings.find((x) => x.field === field)!;
    expect(f).toMatchObject({ ruleId: 'channel/too_long', code: 'too_long', limit, actual: limit + 1, start: limit, end: limit + 1, excerpt: '多' });
    expect(f.details).toMatchObject({ field });
    expect(f.source).toContain('draft/add');
  });

  it('counts graphemes, not UTF-16 units: 32 emoji fit the title', () => {
    expect(formatFor('wechat', { ...notice, title: '👍🏽'.repeat(32) }).ok).toBe(true);
  });

  it('an authored summary over 128 is an error on digest, located in the summary', () => {
    const out = formatFor('wechat', { ...notice, summary: han(129) });
    const f = out.findings.find((x) => x.field === 'digest')!;
    expect(f).toMatchObject({ code: 'too_long', limit: 128, actual: 129, details: { field: 'summary' } });
  });

  it('a digest derived from the body is cut to fit, without a finding', () => {
    const body = Array.from({ length: 20 }, (_, i) => `第${i}段内容较长的说明文字。`).join('\n\n');
    const out = formatFor('wechat', { ...notice, summary: undefined, body });
    expect(out.ok).toBe(true);
    expect([...out.payload.digest].length).toBeLessThanOrEqual(128);
    expect(out.payload.digest.startsWith('第0段')).toBe(true);
  });

  it('honours options.limits and rejects unknown limit names', () => {
    expect(formatFor('wechat', notice, { limits: { title: 10 } }).ok).toBe(false);
    expect(() => formatFor('wechat', notice, { limits: { titel: 10 } })).toThrow(/no limit named titel/);
  });

  it('turns external links into numbered references and keeps mp.weixin.qq.com links', () => {
    const body = '见[国务院](https://www.gov.cn/a)、[再次](https://www.gov.cn/a)、[另一个](https://www.example.org/b)和[往期](https://mp.weixin.qq.com/s/x)。';
    const out = formatFor('wechat', { ...notice, body });
    const html = out.payload.content;
    expect(html).toContain('国务院<sup');
    expect(html).toMatch(/再次<sup[^>]*>\[1\]<\/sup>/);
    expect(html).toMatch(/另一个<sup[^>]*>\[2\]<\/sup>/);
    expect(html).toMatch(/<a href="https:\/\/mp\.weixin\.qq\.com\/s\/x"/);
    expect(html).toContain('[1] https://www.gov.cn/a');
    expect(html).toContain('[2] https://www.example.org/b');
    expect(html).not.toContain('href="https://www.gov.cn');
    const ext = out.findings.filter((f) => f.code === 'external_link');
    expect(ext).toHaveLength(3);
    expect(ext[0]).toMatchObject({ severity: 'info', field: 'content', excerpt: '[国务院](https://www.gov.cn/a)' });
    expect(body.slice(ext[2]!.start, ext[2]!.end)).toBe('[另一个](https://www.example.org/b)');
  });

  it('uses only the theme inline styles: author styles, classes and <style> are dropped', () => {
    const body = '<p style="position:fixed;color:red" class="x">文字</p>\n\n<style>p{color:red}</style>\n\n正文';
    const html = formatFor('wechat', { ...notice, body }).payload.content;
    expect(html).not.toMatch(/position|color:red|class=|<style/);
    for (const m of html.matchAll(/style="([^"]*)"/g)) {
      expect(Object.values(DEFAULT_WECHAT_THEME)).toContain(m[1]);
    }
  });

  it('merges a custom theme and rejects unsafe declarations', () => {
    const html = formatFor('wechat', notice, { theme: { p: 'margin: 0; color: #000000' } }).payload.content;
    expect(html).toContain('<p style="margin: 0; color: #000000">');
    for (const bad of ['background: url(https://x/y.png)', 'width: expression(alert(1))', 'color: red" onclick="x', 'font-family: "a"']) {
      try {
        formatFor('wechat', notice, { theme: { p: bad } });
        expect.unreachable(bad);
      } catch (e) {
        expect(isGovpubError(e) && e.code).toBe('VALIDATION');
      }
    }
  });

  it('renders images as figures with captions and tables in a scrolling box', () => {
    const html = formatFor('wechat', notice).payload.content;
    expect(html).toMatch(/<figure[^>]*><img src="https:\/\/mmbiz\.qpic\.cn[^>]*alt="值班安排表"[^>]*\/?><figcaption[^>]*>2025年值班安排<\/figcaption><\/figure>/);
    expect(html).toMatch(/<section style="overflow-x: auto[^"]*"><table/);
  });

  it('warns about images WeChat would filter', () => {
    const out = formatFor('wechat', { ...notice, body: '![图](https://www.example.gov.cn/a.png)' });
    expect(out.findings.map((f) => f.code)).toContain('external_image');
    expect(out.ok).toBe(true);
  });

  it('content: fewer than 20,000 characters of text, markup not counted', () => {
    const ok = formatFor('wechat', { ...notice, body: '政'.repeat(19_999) });
    expect(ok.findings.filter((f) => f.field === 'content')).toEqual([]);
    const out = formatFor('wechat', { ...notice, body: '政'.repeat(20_000) });
    expect(out.findings.find((f) => f.field === 'content')).toMatchObject({ code: 'too_long', limit: 19_999, actual: 20_000, severity: 'error' });
  });

  it('rejects unknown options', () => {
    expect(() => formatFor('wechat', notice, { theem: {} } as never)).toThrow(/wechat options/);
  });
});
