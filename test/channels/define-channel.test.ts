import { describe, expect, it } from 'vitest';
import { defineChannel, formatAll, formatFor, isGovpubError, resolveChannel, type ChannelDefinition } from '../../src/index';
import { notice } from './fixtures';

const caption = defineChannel({
  id: 'douyin-caption',
  clearance: 'public',
  limits: { caption: 55 },
  limitSources: { caption: 'Douyin caption limit' },
  format: (article) => ({ payload: { caption: `${article.title} ${(article.tags ?? []).map((t) => `#${t}`).join(' ')}`.trim() }, findings: [] }),
});

function validationPaths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (isGovpubError(e) && e.code === 'VALIDATION') return (e.details!.issues as { path: unknown[] }[]).map((i) => i.path.join('.'));
    throw e;
  }
  throw new Error('did not throw');
}

describe('defineChannel', () => {
  it('makes a channel usable by formatFor and formatAll', () => {
    const out = formatFor(caption, { ...notice, title: '停水通知' });
    expect(out).toMatchObject({ channel: 'douyin-caption', ok: true, payload: { caption: '停水通知 #元旦 #春节' } });
    expect(formatAll(notice, ['website', caption]).map((o) => o.channel)).toEqual(['website', 'douyin-caption']);
  });

  it('enforces a limit named like a payload field', () => {
    const out = formatFor(caption, { ...notice, title: '政'.repeat(60), tags: [] });
    expect(out.ok).toBe(false);
    expect(out.findings[0]).toMatchObject({ code: 'too_long', field: 'caption', limit: 55, actual: 60, source: 'Douyin caption limit', details: { field: 'payload.caption' } });
  });

  it('uses the channel measure and option overrides', () => {
    const half = defineChannel({ id: 'half', clearance: 'public', limits: { text: 4 }, measure: () => 0.5, format: (a) => ({ payload: { text: a.title }, findings: [] }) });
    expect(formatFor(half, { ...notice, title: '一二三四五六七八' }).ok).toBe(true);
    expect(formatFor(half, { ...notice, title: '一二三四五六七八九' }).ok).toBe(false);
    expect(formatFor(half, { ...notice, title: '一二三四五六七八九' }, { limits: { text: 5 } }).ok).toBe(true);
  });

  it('validates the definition', () => {
    expect(validationPaths(() => defineChannel({ id: 'Bad Id', clearance: 'public', format: () => ({ payload: {}, findings: [] }) }))).toEqual(['id']);
    expect(validationPaths(() => defineChannel({ id: 'wechat', clearance: 'public', format: () => ({ payload: {}, findings: [] }) }))).toEqual(['id']);
    expect(validationPaths(() => defineChannel({ id: 'x', clearance: 'secretish' as never, format: () => ({ payload: {}, findings: [] }) }))).toEqual(['clearance']);
    expect(validationPaths(() => defineChannel({ id: 'x', clearance: 'public', limits: { a: -1 }, format: () => ({ payload: {}, findings: [] }) }))).toEqual(['limits.a']);
    expect(validationPaths(() => defineChannel({ id: 'x', clearance: 'public', format: 'nope' as never }))).toEqual(['format']);
    expect(validationPaths(() => defineChannel({ id: 'x', clearance: 'public', measure: () => Number.NaN, format: () => ({ payload: {}, findings: [] }) }))).toEqual(['measure']);
    expect(validationPaths(() => defineChannel({ id: 'x', clearance: 'public', limitSources: { a: 's' }, format: () => ({ payload: {}, findings: [] }) }))).toEqual(['limitSources.a']);
  });

  it('a format that returns garbage is reported, not passed on', () => {
    const broken = defineChannel({ id: 'broken', clearance: 'public', format: () => ({ payload: 'text', findings: [] }) as never });
    expect(() => formatFor(broken, notice)).toThrow(/invalid result/);
  });
});

describe('resolveChannel', () => {
  const intranet = defineChannel({ id: 'intranet', clearance: 'internal', format: (a) => ({ payload: { title: a.title }, findings: [] }) });

  it('finds built-ins and custom channels, custom first', () => {
    expect(resolveChannel('wechat').clearance).toBe('public');
    expect(resolveChannel('intranet', [intranet])).toBe(intranet);
    expect(resolveChannel(intranet)).toBe(intranet);
  });

  it('unknown ids and malformed definitions are VALIDATION errors', () => {
    expect(validationPaths(() => resolveChannel('fax'))).toEqual(['channel']);
    expect(validationPaths(() => resolveChannel({ id: 'x' } as ChannelDefinition))).toEqual(['clearance', 'limits', 'format']);
    expect(() => resolveChannel('toString')).toThrow(/unknown channel/);
  });
});
