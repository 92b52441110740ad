import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { articleSchema, formatFor, renderFeed } from '../../src/channels/index';
import { isGovpubError } from '../../src/index';

const base = { title: '关于开展春季植树活动的通知', body: '正文。', url: 'https://www.example.gov.cn/a.html' };

function issuePaths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (isGovpubError(e) && e.code === 'VALIDATION') return (e.details!.issues as { path: unknown[] }[]).map((i) => i.path.join('.'));
    throw e;
  }
  throw new Error('expected VALIDATION');
}

describe('instants carry an offset', () => {
  it('rejects naive date-times and bare dates, naming the field', () => {
    expect(issuePaths(() => formatFor('website', { ...base, publishedAt: '2025-01-01T08:00:00' }))).toEqual(['publishedAt']);
    expect(issuePaths(() => formatFor('rss', { ...base, updatedAt: '2025-01-01 08:00' }))).toEqual(['updatedAt']);
    expect(issuePaths(() => formatFor('rss', { ...base, publishedAt: '2025-01-01' }))).toEqual(['publishedAt']);
    expect(issuePaths(() => renderFeed([base], { title: 'x', link: 'https://www.example.gov.cn/', updated: '2025-01-01T00:00:00' }, 'atom'))).toEqual(['updated']);
  });

  it('accepts Z, ±hh:mm, ±hhmm and Date objects', () => {
    for (const publishedAt of ['2025-01-01T00:00:00Z', '2025-01-01T08:00:00+08:00', '2025-01-01T08:00+0800', '2025-01-01T00:00:00.123z', new Date(0)]) {
      expect(formatFor('website', { ...base, publishedAt }).ok, String(publishedAt)).toBe(true);
    }
  });
});

describe('dates print in the office time zone', () => {
  const article = { ...base, publishedAt: '2025-01-01T00:30:00Z' };

  it('website PubDate uses timeZone (default Asia/Shanghai)', () => {
    expect(formatFor('website', article).payload.meta.PubDate).toBe('2025-01-01 08:30');
    expect(formatFor('website', article, { timeZone: 'America/New_York' }).payload.meta.PubDate).toBe('2024-12-31 19:30');
    expect(issuePaths(() => formatFor('website', article, { timeZone: 'Mars/Olympus' }))).toEqual(['timeZone']);
    expect(issuePaths(() => formatFor('website', article, { timeZone: 'Asia/Shanghai', utcOffsetMinutes: 480 }))).toEqual(['timeZone']);
  });

  it('feeds take timeZone too, with the offset of that zone at that instant (daylight saving included)', () => {
    const feed = { title: '通知公告', link: 'https://www.example.gov.cn/', author: '市政府办公室' };
    expect(renderFeed([article], { ...feed, timeZone: 'Asia/Shanghai' }, 'rss')).toContain('<pubDate>Wed, 01 Jan 2025 08:30:00 +0800</pubDate>');
    const summer = { ...base, publishedAt: '2025-07-01T12:00:00Z' };
    expect(renderFeed([summer], { ...feed, timeZone: 'America/New_York' }, 'atom')).toContain('<published>2025-07-01T08:00:00-04:00</published>');
    expect(formatFor('rss', article, { timeZone: 'Asia/Shanghai' }).payload.xml).toContain('<pubDate>Wed, 01 Jan 2025 08:30:00 +0800</pubDate>');
  });

  it('output and contentHash do not depend on the host TZ', () => {
    const probe = fileURLToPath(new URL('./time-zone-probe.ts', import.meta.url));
    const run = (tz: string) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', probe], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { tzName: string; outputs: unknown };
    };
    const tokyo = run('Asia/Tokyo');
    const newYork = run('America/New_York');
    expect(tokyo.tzName).not.toBe(newYork.tzName); // the probe really ran under two zones
    expect(tokyo.outputs).toEqual(newYork.outputs);
  });
});

describe('the article schema', () => {
  it('is exported and requires an absolute http(s) url', () => {
    expect(articleSchema.safeParse({ ...base, url: '/zwgk/a.html' }).success).toBe(false);
    expect(articleSchema.safeParse({ ...base, url: 'javascript:alert(1)' }).success).toBe(false);
    expect(articleSchema.safeParse({ ...base, url: 'ftp://www.example.gov.cn/a' }).success).toBe(false);
    expect(articleSchema.safeParse(base).success).toBe(true);
  });
});
