import { describe, expect, it } from 'vitest';
import { MAX_BODY_LENGTH, formatAll, formatFor, renderFeed } from '../../src/channels/index';
import { compareLevels, detectSensitive, isGovpubError, normalizeText, truncate } from '../../src/index';
import { deepArray, deepObject } from '../fuzz/hostile-values';

const ARTICLE = { title: '关于开展春季植树活动的通知', body: '正文。', url: 'https://www.example.gov.cn/a.html', publishedAt: '2025-03-01T08:00:00+08:00' };

function validation(fn: () => unknown): { message: string; paths: string[] } {
  try {
    fn();
  } catch (e) {
    if (isGovpubError(e) && e.code === 'VALIDATION') return { message: e.message, paths: (e.details!.issues as { path: unknown[] }[]).map((i) => i.path.join('.')) };
    throw e;
  }
  throw new Error('expected VALIDATION');
}

describe('bad input answers VALIDATION with the path, never a TypeError or RangeError', () => {
  it('the examples from the security review', () => {
    expect(validation(() => normalizeText(null as never)).paths).toEqual(['text']);
    expect(validation(() => truncate('政务公开', NaN)).paths).toEqual(['max']);
    expect(validation(() => formatAll(ARTICLE, ['wechat'], null as never)).paths).toEqual(['options']);
    expect(validation(() => formatAll(ARTICLE, ['wechat'], { wechat: { limits: 5 } } as never)).paths).toEqual(['limits']);
    expect(validation(() => compareLevels(1n as never, 'public')).paths).toEqual(['a']);
    expect(validation(() => formatFor('wechat', ARTICLE, deepObject(100_000) as never)).paths[0]).toMatch(/^limits/);
    expect(validation(() => formatFor('wechat', { ...ARTICLE, tags: deepArray(100_000) } as never)).paths[0]).toMatch(/^tags/);
  });

  it('a body over MAX_BODY_LENGTH (1,000,000) is refused, one at the limit is formatted', () => {
    expect(MAX_BODY_LENGTH).toBe(1_000_000);
    expect(validation(() => formatFor('sms', { ...ARTICLE, body: '政'.repeat(10_000_000) }, { signature: '某某市人民政府' })).paths).toEqual(['body']);
    expect(validation(() => detectSensitive('1'.repeat(MAX_BODY_LENGTH + 1))).paths).toEqual(['']);
    expect(formatFor('sms', { ...ARTICLE, body: '政'.repeat(MAX_BODY_LENGTH) }, { signature: '某某市人民政府' }).ok).toBe(true);
  });

  it('messages quote at most 40 characters of a bad value', () => {
    const huge = 'x'.repeat(10_000_000);
    const { message } = validation(() => formatFor(huge as never, ARTICLE));
    expect(message.length).toBeLessThan(300);
    expect(message).toContain(`"${'x'.repeat(40)}…"`);
    expect(validation(() => formatFor('wechat', ARTICLE, { [huge]: 1 } as never)).message.length).toBeLessThan(400);
    expect(validation(() => compareLevels(huge as never, 'public')).message.length).toBeLessThan(200);
  });
});

describe('feeds and images', () => {
  const FEED = { title: '通知公告', link: 'https://www.example.gov.cn/', author: '市政府办公室' };

  it('an Atom id must be an http(s) URL or a urn:', () => {
    for (const id of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'mailto:a@b.cn']) {
      expect(validation(() => renderFeed([ARTICLE], { ...FEED, id }, 'atom')).paths, id).toEqual(['id']);
    }
    for (const id of ['urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66', 'tag:example.gov.cn,2025:feed', 'https://www.example.gov.cn/feed']) {
      if (id.startsWith('tag:')) continue; // tag: URIs are valid Atom ids but outside govpub's http(s)/urn policy
      expect(renderFeed([ARTICLE], { ...FEED, id }, 'atom')).toContain(`<id>${id}</id>`);
    }
  });

  it('httpsOnly refuses http images in every channel, Markdown or raw, body or cover', () => {
    const article = { ...ARTICLE, body: '![图](http://www.example.gov.cn/a.png)\n\n<img src="http://www.example.gov.cn/b.png" alt="图二">', coverImage: 'http://www.example.gov.cn/c.png' };
    for (const channel of ['wechat', 'weibo', 'website', 'push', 'sms', 'rss'] as const) {
      const out = formatFor(channel, article, { httpsOnly: true, ...(channel === 'sms' && { signature: '某某市人民政府' }) });
      expect(out.ok, channel).toBe(false);
      expect(out.findings.filter((f) => f.code === 'insecure_image').length, channel).toBeGreaterThan(0);
      expect(JSON.stringify(out.payload), channel).not.toMatch(/<img[^>]*src=\\?"http:/);
    }
    expect(formatFor('website', article).payload.html).toContain('src="http://www.example.gov.cn/a.png"');
  });
});
