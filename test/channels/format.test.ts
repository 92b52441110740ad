import { describe, expect, it } from 'vitest';
import { BUILT_IN_CHANNELS, CHANNEL_LIMITS, canonicalJson, formatAll, formatFor, isGovpubError, sha256Hex, type FormatOptions } from '../../src/index';
import { notice } from './fixtures';

const ALL = ['wechat', 'weibo', 'website', 'push', 'sms', 'rss'] as const;

describe('formatFor / formatAll', () => {
  it('formats all six built-in channels', () => {
    const outs = formatAll(notice, [...ALL], { sms: { signature: '某市政府' } });
    expect(outs.map((o) => o.channel)).toEqual([...ALL]);
    expect(outs.every((o) => o.ok)).toBe(true);
    expect(Object.keys(BUILT_IN_CHANNELS).sort()).toEqual([...ALL].sort());
  });

  it('formatAll gives the same outputs as formatFor one by one', () => {
    const options = { sms: { signature: '某市政府' }, weibo: { limits: { text: 140 } } };
    const all = formatAll(notice, [...ALL], options);
    ALL.forEach((id, i) => expect(formatFor(id as string, notice, (options as Record<string, FormatOptions>)[id] ?? {})).toEqual(all[i]));
  });

  it('contentHash is the SHA-256 of the canonical payload, and changes with it', () => {
    const a = formatFor('weibo', notice);
    expect(a.contentHash).toBe(sha256Hex(canonicalJson(a.payload)));
    expect(formatFor('weibo', notice).contentHash).toBe(a.contentHash);
    expect(formatFor('weibo', { ...notice, title: `${notice.title}。` }).contentHash).not.toBe(a.contentHash);
  });

  it('records sourceRevision when given', () => {
    expect(formatFor('push', notice, { sourceRevision: 7 }).sourceRevision).toBe(7);
    expect('sourceRevision' in formatFor('push', notice)).toBe(false);
    expect(() => formatFor('push', notice, { sourceRevision: -1 })).toThrow(/sourceRevision/);
  });

  it('validates the article with paths', () => {
    try {
      formatFor('wechat', { ...notice, title: '', url: 'javascript:alert(1)', tags: [''] });
      expect.unreachable();
    } catch (e) {
      expect(isGovpubError(e) && e.code).toBe('VALIDATION');
      const paths = ((e as { details: { issues: { path: unknown[] }[] } }).details.issues).map((i) => i.path.join('.'));
      expect(paths).toEqual(expect.arrayContaining(['title', 'url', 'tags.0']));
    }
  });

  it('every finding carries field, code and a channel/ ruleId', () => {
    const outs = formatAll({ ...notice, title: '政'.repeat(40), body: '![](x.png) [a](javascript:x)' }, [...ALL]);
    const findings = outs.flatMap((o) => o.findings);
    expect(findings.length).toBeGreaterThan(3);
    for (const f of findings) {
      expect(f.ruleId).toBe(`channel/${f.code}`);
      expect(typeof f.field).toBe('string');
      expect(typeof (f.details as { field: unknown }).field).toBe('string');
    }
  });
});

describe('CHANNEL_LIMITS', () => {
  it('gives every limit a source and matches the definitions', () => {
    for (const row of CHANNEL_LIMITS) {
      expect(row.source.length).toBeGreaterThan(10);
      expect(BUILT_IN_CHANNELS[row.channel].limits[row.name]).toBe(row.value);
    }
    expect(CHANNEL_LIMITS.find((r) => r.channel === 'wechat' && r.name === 'digest')?.value).toBe(128);
    expect(CHANNEL_LIMITS.find((r) => r.channel === 'sms' && r.name === 'singleSegment')?.value).toBe(70);
  });
});
