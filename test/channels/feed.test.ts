import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { formatFor, isGovpubError, renderFeed } from '../../src/index';
import { notice } from './fixtures';

const FEED = { title: '某某市人民政府 · 通知公告', link: 'https://www.example.gov.cn/tzgg/', description: '通知公告栏目', language: 'zh-CN' };
const second = { ...notice, title: 'A & B <测试>', url: 'https://www.example.gov.cn/tzgg/2.html', publishedAt: new Date('2025-02-03T04:05:06Z'), author: 'press@example.gov.cn' };

/** Element paths (parent>child) of a well-formed XML document; throws on mismatched tags. */
function elements(xml: string): string[] {
  const stack: string[] = [];
  const seen: string[] = [];
  const p = new Parser(
    {
      onopentag(name) {
        stack.push(name);
        seen.push(stack.join('>'));
      },
      onclosetag(name) {
        if (stack.pop() !== name) throw new Error(`mismatched </${name}>`);
      },
    },
    { xmlMode: true },
  );
  p.write(xml);
  p.end();
  expect(stack).toEqual([]);
  return seen;
}

const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

describe('renderFeed rss', () => {
  const xml = renderFeed([notice, second], FEED, 'rss');

  it('has the RSS 2.0 required channel elements and one item per article', () => {
    const els = elements(xml);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"')).toBe(true);
    for (const e of ['rss>channel>title', 'rss>channel>link', 'rss>channel>description']) expect(els).toContain(e);
    expect(els.filter((e) => e === 'rss>channel>item')).toHaveLength(2);
  });

  it('writes RFC 822 dates', () => {
    const dates = [...xml.matchAll(/<(pubDate|lastBuildDate)>([^<]*)</g)].map((m) => m[2]!);
    expect(dates.length).toBe(3);
    for (const d of dates) expect(d).toMatch(RFC822);
    expect(xml).toContain('<pubDate>Wed, 01 Jan 2025 00:00:00 GMT</pubDate>');
    expect(renderFeed([notice], { ...FEED, utcOffsetMinutes: 480 }, 'rss')).toContain('<pubDate>Wed, 01 Jan 2025 08:00:00 +0800</pubDate>');
  });

  it('escapes text and carries the body as escaped, sanitised HTML', () => {
    expect(xml).toContain('<title>A &amp; B &lt;测试&gt;</title>');
    expect(xml).toContain('&lt;h2&gt;一、总体要求&lt;/h2&gt;');
    expect(xml).toContain('<author>press@example.gov.cn</author>');
    // A non-e-mail author is not written into RSS <author> (which must be an address).
    expect(xml).not.toContain('<author>市政府办公室</author>');
  });

  it('uses a stable urn:uuid guid when the article has no URL', () => {
    const a = renderFeed([{ ...notice, url: undefined }], FEED, 'rss');
    const b = renderFeed([{ ...notice, url: undefined }], FEED, 'rss');
    const guid = /<guid isPermaLink="false">(urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})<\/guid>/.exec(a);
    expect(guid).not.toBeNull();
    expect(b).toContain(guid![1]);
  });

  it('the rss channel payload is the same item', () => {
    const item = formatFor('rss', notice).payload.xml;
    expect(renderFeed([notice], FEED, 'rss')).toContain(item);
  });
});

describe('renderFeed atom', () => {
  const xml = renderFeed([notice, second], { ...FEED, author: { name: '市政府办公室', email: 'office@example.gov.cn' }, selfUrl: 'https://www.example.gov.cn/tzgg/atom.xml' }, 'atom');

  it('has the RFC 4287 required elements', () => {
    const els = elements(xml);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">');
    for (const e of ['feed>id', 'feed>title', 'feed>updated', 'feed>author>name']) expect(els).toContain(e);
    expect(els.filter((e) => e === 'feed>entry')).toHaveLength(2);
    for (const e of ['feed>entry>id', 'feed>entry>title', 'feed>entry>updated']) expect(els.filter((x) => x === e)).toHaveLength(2);
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://www.example.gov.cn/tzgg/atom.xml"/>');
  });

  it('writes RFC 3339 dates; feed updated is the newest entry', () => {
    const dates = [...xml.matchAll(/<(updated|published)>([^<]*)</g)].map((m) => m[2]!);
    for (const d of dates) expect(d).toMatch(RFC3339);
    expect(xml).toMatch(/<feed[^>]*>\s*<id>[^<]*<\/id>\s*<title[^>]*>[^<]*<\/title>\s*<subtitle[^>]*>[^<]*<\/subtitle>\s*<updated>2025-02-03T04:05:06Z<\/updated>/);
  });

  it('requires an author on the feed or every entry, and some date', () => {
    const fail = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return isGovpubError(e) ? e : undefined;
      }
      return undefined;
    };
    const noAuthor = fail(() => renderFeed([{ ...notice, author: undefined }], FEED, 'atom'));
    expect(noAuthor?.code).toBe('VALIDATION');
    expect(JSON.stringify(noAuthor?.details)).toContain('author');
    const noDate = fail(() => renderFeed([{ ...notice, publishedAt: undefined }], FEED, 'atom'));
    expect(noDate?.code).toBe('VALIDATION');
    expect(renderFeed([{ ...notice, publishedAt: undefined }], { ...FEED, updated: '2025-03-01T00:00:00Z' }, 'atom')).toContain('<updated>2025-03-01T00:00:00Z</updated>');
  });

  it('validates the feed and the format', () => {
    expect(() => renderFeed([notice], { ...FEED, link: 'javascript:alert(1)' }, 'rss')).toThrow(/link/);
    expect(() => renderFeed([notice], FEED, 'json' as never)).toThrow(/format/);
    expect(() => renderFeed([{ ...notice, publishedAt: 'yesterday' }], FEED, 'rss')).toThrow(/publishedAt/);
  });
});
