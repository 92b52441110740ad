import { describe, expect, it } from 'vitest';
import { formatFor, smsSegments } from '../../src/index';
import { notice } from './fixtures';

const base = { ...notice, url: undefined, summary: undefined };

describe('smsSegments', () => {
  it('is 1 up to 70, then ⌈n/67⌉', () => {
    expect([0, 1, 70, 71, 134, 135, 201, 500].map((n) => smsSegments(n))).toEqual([0, 1, 1, 2, 2, 3, 3, 8]);
  });
});

describe('sms', () => {
  it('prefixes 【signature】 and counts it in the segments', () => {
    // 【某市政府】 is 6 characters: a 64-character title makes exactly 70.
    const out = formatFor('sms', { ...base, title: '政'.repeat(64) }, { signature: '某市政府' });
    expect(out.payload.text).toBe(`【某市政府】${'政'.repeat(64)}`);
    expect(out.payload.segments).toBe(1);
    expect(out.ok).toBe(true);
    const longer = formatFor('sms', { ...base, title: '政'.repeat(65) }, { signature: '【某市政府】' });
    expect(longer.payload.text.startsWith('【某市政府】政')).toBe(true);
    expect(longer.payload.segments).toBe(2);
  });

  it('without a signature the output is not ok', () => {
    for (const signature of [undefined, '', '  ', '【】']) {
      const out = formatFor('sms', base, signature === undefined ? {} : { signature });
      expect(out.ok).toBe(false);
      expect(out.findings.map((f) => f.code)).toContain('missing_signature');
    }
  });

  it('checks the signature length', () => {
    const out = formatFor('sms', base, { signature: '某' });
    expect(out.findings.find((f) => f.code === 'signature_length')).toMatchObject({ limit: 2, actual: 1, severity: 'error' });
  });

  it('adds the article link only when its host is allowlisted', () => {
    const withUrl = { ...base, url: 'https://www.example.gov.cn/a.html' };
    const allowed = formatFor('sms', withUrl, { signature: '某市政府', linkAllowlist: ['example.gov.cn'] });
    expect(allowed.payload.text.endsWith(' https://www.example.gov.cn/a.html')).toBe(true);
    const omitted = formatFor('sms', withUrl, { signature: '某市政府' });
    expect(omitted.payload.text).not.toContain('https://');
    expect(omitted.findings.map((f) => f.code)).toEqual(['link_omitted']);
    expect(omitted.ok).toBe(true);
  });

  it('a link written into the summary must be allowlisted', () => {
    const summary = '详见 https://evil.example.com/x 办理。';
    const out = formatFor('sms', { ...base, summary }, { signature: '某市政府', linkAllowlist: ['example.gov.cn'] });
    const f = out.findings.find((x) => x.code === 'link_not_allowed')!;
    expect(f).toMatchObject({ severity: 'error', excerpt: 'https://evil.example.com/x', details: { field: 'summary' } });
    expect(out.ok).toBe(false);
    const ok = formatFor('sms', { ...base, summary: '详见 https://www.example.gov.cn/x' }, { signature: '某市政府', linkAllowlist: ['example.gov.cn'] });
    expect(ok.ok).toBe(true);
  });

  it('cuts a long summary to the 500 total and errs when the title alone is too long', () => {
    const cut = formatFor('sms', { ...base, summary: '这是一句说明。'.repeat(100) }, { signature: '某市政府' });
    expect([...cut.payload.text].length).toBeLessThanOrEqual(500);
    expect(cut.ok).toBe(true);
    expect(cut.findings.map((f) => f.code)).toContain('truncated');
    const tooLong = formatFor('sms', { ...base, title: '政'.repeat(600) }, { signature: '某市政府' });
    expect(tooLong.ok).toBe(false);
    expect(tooLong.findings.find((f) => f.code === 'too_long')).toMatchObject({ limit: 500, actual: 606 });
  });
});
