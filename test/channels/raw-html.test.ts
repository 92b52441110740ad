import { describe, expect, it } from 'vitest';
import { formatFor } from '../../src/channels/index';

const base = { title: '关于开展春季植树活动的通知', body: '' };
const wechat = (body: string) => formatFor('wechat', { ...base, body });
const website = (body: string) => formatFor('website', { ...base, body });

describe('raw HTML obeys the same channel rules as Markdown', () => {
  it('WeChat: a raw external <a href> is not a live link; it becomes a numbered reference like a Markdown link', () => {
    for (const body of [
      '请见<a href="https://evil.example/x">这里</a>。',
      '<p>请见<a href="https://evil.example/x" title="t">这里</a>。</p>',
      '请见<A HREF=https://evil.example/x>这里</A>。',
    ]) {
      const out = wechat(body);
      expect(out.payload.content, body).not.toMatch(/<a\b[^>]*evil\.example/i);
      expect(out.payload.content, body).toContain('这里');
      expect(out.payload.content, body).toContain('[1] https://evil.example/x');
      expect(out.findings.map((f) => f.code), body).toContain('external_link');
    }
  });

  it('WeChat: a raw link to mp.weixin.qq.com stays a link', () => {
    const out = wechat('见<a href="https://mp.weixin.qq.com/s/abc">往期</a>');
    expect(out.payload.content).toMatch(/<a href="https:\/\/mp\.weixin\.qq\.com\/s\/abc"[^>]*>往期<\/a>/);
  });

  it('WeChat: whatever slips past the renderer, the sanitiser leaves no external link live', () => {
    const out = wechat('<p>a<a\nhref="https://evil.example/y">b</a></p>\n\n<div><a href=\'https://evil.example/z\'>c</a></div>');
    expect(out.payload.content).not.toMatch(/<a\b[^>]*evil\.example/i);
  });

  it('website: a raw <img> without alt is an accessibility error like a Markdown image', () => {
    for (const body of ['<img src="https://www.example.gov.cn/a.png">', '正文<img src="https://www.example.gov.cn/a.png" alt="">', '<p><IMG SRC=https://www.example.gov.cn/a.png></p>']) {
      const out = website(body);
      expect(out.findings.map((f) => f.code), body).toContain('missing_alt');
      expect(out.ok, body).toBe(false);
    }
    expect(website('<img src="https://www.example.gov.cn/a.png" alt="示意图">').findings.map((f) => f.code)).not.toContain('missing_alt');
  });

  it('WeChat theme lookups use own keys only: data-role="constructor" inlines no function source', () => {
    for (const role of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const content = wechat(`<p data-role="${role}">正文</p>`).payload.content;
      expect(content, role).not.toMatch(/function|native code|\[object/);
    }
  });

  it('author HTML cannot borrow a theme role', () => {
    const content = wechat('<p data-role="table-wrap">正文</p><section data-role="references">伪造的参考链接</section>').payload.content;
    expect(content).not.toContain('overflow-x: auto; margin: 0 0 16px');
    expect(content).not.toContain('border-top: 1px solid #e5e5e5; font-size: 14px');
    expect(content).not.toContain('data-role');
  });

  it('generated roles still get their theme styles', () => {
    const content = wechat('| a | b |\n|---|---|\n| 1 | 2 |\n\n见[链接](https://www.gov.cn/)').payload.content;
    expect(content).toContain('overflow-x: auto; margin: 0 0 16px');
    expect(content).toContain('font-size: 12px; color: #576b95');
  });
});

describe('raw links in one block keep their own reference numbers', () => {
  it('numbers two links of one HTML block in order', () => {
    const content = wechat('<p><a href="https://a.example/">甲</a>和<a href="https://b.example/">乙</a></p>').payload.content;
    expect(content).toMatch(/甲<sup[^>]*>\[1\]<\/sup>和乙<sup[^>]*>\[2\]<\/sup>/);
  });
});

describe('raw HTML URLs obey the Markdown URL rule', () => {
  it('drops an href or src a browser would read as another host or scheme (backslash forms)', () => {
    for (const body of ['<a href=\\>x</a>', '<a href="\\\\evil.example/">x</a>', '<a href="\\/evil.example">x</a>', '<img src="\\\\evil.example/a.png" alt="图">']) {
      for (const out of [formatFor('website', { ...base, body }), formatFor('rss', { ...base, body })]) {
        expect(JSON.stringify(out.payload), body).not.toMatch(/(href|src)=(\\"|&quot;)\\\\/);
      }
    }
  });
});
