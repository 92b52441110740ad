import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAll, formatFor, renderFeed, renderPreview } from '../../src/channels/index';
import { HOSTILE, PWN, activeContent, notice } from './fixtures';

const HTML_CHANNELS = ['wechat', 'website', 'rss'] as const;

// The HTML a browser would see from each HTML channel's payload (RSS carries it escaped).
function htmlOf(article: { title: string; body: string; url?: string }): Record<string, string> {
  const [wechat, website, rss] = formatAll({ ...notice, ...article }, [...HTML_CHANNELS]);
  const description = /<description>([\s\S]*)<\/description>/.exec(String(rss!.payload.xml))![1]!;
  return {
    wechat: String(wechat!.payload.content),
    website: String(website!.payload.html),
    rss: description.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
  };
}

// sanitize-html escapes `<` and `>` everywhere but in markup, and quotes attribute values
// with `"`, so in its output a tag is `<…>` and a value is `"…"`: look for on*= outside values.
function handlerInTag(html: string): boolean {
  return [...html.matchAll(/<[a-zA-Z][^>]*>/g)].some((m) => /\son[a-z]+\s*=/i.test(m[0].replace(/"[^"]*"/g, '""')));
}

describe('hostile corpus through every HTML channel', () => {
  it.each(HOSTILE.map((h, i) => [i, h] as const))('#%i is neutralised', (_i, hostile) => {
    const outputs = htmlOf({ title: '测试', body: `正文开头\n\n${hostile}\n\n正文结尾` });
    for (const [channel, html] of Object.entries(outputs)) {
      expect(activeContent(html), `${channel}: ${html}`).toEqual([]);
      // No call survives as markup: it may remain only as escaped text, never in a tag.
      expect(html.includes(`<script`), channel).toBe(false);
      expect(handlerInTag(html), channel).toBe(false);
    }
  });

  it('keeps the surrounding prose', () => {
    const { website } = htmlOf({ title: '测试', body: `正文开头\n\n<script>${PWN}()</script>\n\n正文结尾` });
    expect(website).toContain('正文开头');
    expect(website).toContain('正文结尾');
  });

  it('reports active content and unsafe URLs as errors, so the output is not ok', () => {
    for (const body of [`<img src=x onerror=${PWN}()>`, `[x](javascript:${PWN}())`, `<iframe src="https://evil.example"></iframe>`]) {
      const out = formatFor('website', { ...notice, body });
      expect(out.ok, body).toBe(false);
      expect(out.findings.some((f) => f.code === 'active_content' || f.code === 'unsafe_url'), body).toBe(true);
    }
  });

  it('escapes hostile titles, authors and summaries in plain-text and XML payloads', () => {
    const evil = `<img src=x onerror=${PWN}()>`;
    const article = { ...notice, title: `标题${evil}`, author: evil, summary: evil };
    const rss = formatFor('rss', article).payload.xml;
    expect(rss).not.toContain('<img');
    const feed = renderFeed([article], { title: evil, link: 'https://www.example.gov.cn/', author: evil }, 'atom');
    expect(feed).not.toContain('<img');
    const preview = renderPreview(formatAll(article, ['wechat', 'weibo', 'website', 'push', 'sms', 'rss'], { sms: { signature: '某市' } }));
    expect(activeContent(preview.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>|<meta [^>]*>|<style>[\s\S]*?<\/style>/g, ''))).toEqual([]);
    expect(preview).not.toContain('<img src=x');
  });
});

describe('property: any Markdown in, no active content out', () => {
  // Fragments that make up hostile documents, mixed with arbitrary text.
  const piece = fc.oneof(
    fc.constantFrom(
      '<', '>', '"', "'", '`', '=', '/', '&', '#', ';', ':', '(', ')', '[', ']', '!', '\n', '\n\n', ' ', '\t',
      'script', 'img', 'svg', 'math', 'iframe', 'style', 'xmp', 'noscript', 'a', 'href', 'src', 'onerror', 'onload',
      'javascript', 'vbscript', 'data', 'jav&#x09;ascript', '&#106;', '&colon;', '//', '<!--', '-->', '<![CDATA[', ']]>',
      '](', '![', '<a href=', '<img src=x ', PWN, '()', '| a |\n|---|\n', '> ', '- ', '```\n', 'url(', 'expression(',
    ),
    fc.string({ maxLength: 8 }),
  );
  const markdown = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

  it('wechat, website and rss never emit scripts, handlers or script URLs', () => {
    fc.assert(
      fc.property(markdown, (body) => {
        const outputs = htmlOf({ title: '测试', body });
        for (const html of Object.values(outputs)) {
          expect(activeContent(html)).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
