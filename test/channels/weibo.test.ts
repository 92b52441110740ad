import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFor, weiboLength } from '../../src/index';
import { notice } from './fixtures';

describe('weiboLength', () => {
  it('counts ASCII as half, other characters as one, a link as 10, rounded up', () => {
    expect(weiboLength('政务')).toBe(2);
    expect(weiboLength('ab')).toBe(1);
    expect(weiboLength('abc')).toBe(2);
    expect(weiboLength('https://www.example.gov.cn/a/very/long/path/that/does/not/matter')).toBe(10);
    expect(weiboLength('看 https://t.cn/x 吧', 10)).toBe(Math.ceil(1 + 0.5 + 10 + 0.5 + 1));
    expect(weiboLength('x https://a.cn', 23)).toBe(24);
  });
});

describe('weibo', () => {
  it('formats 【title】lead #topics# link', () => {
    const out = formatFor('weibo', notice);
    expect(out.payload.text).toBe(`【${notice.title}】${notice.summary} #元旦# #春节# ${notice.url}`);
    expect(out.ok).toBe(true);
    expect(out.findings).toEqual([]);
  });

  it('with the 140 limit, cuts at a sentence end with … and keeps topics and link', () => {
    const summary = '第一句话说明情况。'.repeat(30);
    const out = formatFor('weibo', { ...notice, summary }, { limits: { text: 140 } });
    const text = out.payload.text;
    expect(weiboLength(text)).toBeLessThanOrEqual(140);
    expect(text).toMatch(/。… #元旦# #春节# https:\/\/www\.example\.gov\.cn\/\S+$/);
    const f = out.findings.find((x) => x.code === 'truncated')!;
    expect(f).toMatchObject({ severity: 'info', field: 'text', limit: 140, excerpt: '…' });
    expect(f.actual).toBeGreaterThan(140);
    expect(out.ok).toBe(true);
  });

  it('is an error when topics and link alone exceed the limit', () => {
    const out = formatFor('weibo', { ...notice, tags: Array.from({ length: 20 }, (_, i) => `话题${i}`) }, { limits: { text: 20 } });
    expect(out.ok).toBe(false);
    expect(out.findings.some((f) => f.code === 'too_long')).toBe(true);
  });

  it('property: the text never exceeds the limit when it can fit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 40, max: 300 }), (summary, limit) => {
        const out = formatFor('weibo', { ...notice, summary: summary || undefined }, { limits: { text: limit } });
        expect(weiboLength(out.payload.text)).toBeLessThanOrEqual(limit);
        expect(out.payload.text.endsWith(notice.url!)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
