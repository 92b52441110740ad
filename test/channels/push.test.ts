import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countGraphemes, displayWidth, formatFor } from '../../src/index';
import { notice } from './fixtures';

describe('push', () => {
  it('keeps short titles and bodies as they are', () => {
    const out = formatFor('push', { ...notice, title: '停水通知', summary: '明日9时至17时停水。' });
    expect(out.payload).toEqual({ title: '停水通知', body: '明日9时至17时停水。', url: notice.url });
    expect(out.findings).toEqual([]);
  });

  it('cuts a Chinese title to 20 characters (40 width) and a Latin one to 32 characters', () => {
    const zh = formatFor('push', { ...notice, title: '政'.repeat(30) }).payload.title;
    expect(countGraphemes(zh, displayWidth)).toBeLessThanOrEqual(40);
    expect(zh).toBe(`${'政'.repeat(19)}…`);
    const en = formatFor('push', { ...notice, title: 'a'.repeat(50) }).payload.title;
    expect([...en].length).toBe(32);
  });

  it('never splits an emoji or a surrogate pair', () => {
    const out = formatFor('push', { ...notice, title: '👨‍👩‍👧‍👦'.repeat(30), summary: '𠀀'.repeat(80) });
    expect(out.payload.title).toMatch(/^(👨‍👩‍👧‍👦)+…$/u);
    expect(out.payload.body).toMatch(/^(𠀀)+…$/u);
    expect(out.findings.map((f) => f.code)).toEqual(['truncated', 'truncated']);
  });

  it('property: title and body always fit the strictest vendor limits', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 120, unit: 'grapheme' }), fc.string({ maxLength: 300, unit: 'grapheme' }), (title, summary) => {
        fc.pre(title.trim() !== '');
        const p = formatFor('push', { ...notice, title, summary: summary || undefined }).payload;
        expect(countGraphemes(p.title, displayWidth)).toBeLessThanOrEqual(40);
        expect(countGraphemes(p.title)).toBeLessThanOrEqual(32);
        expect(countGraphemes(p.body, displayWidth)).toBeLessThanOrEqual(100);
      }),
      { numRuns: 150 },
    );
  });

  it('limits can be raised for hosts that target fewer vendors', () => {
    const out = formatFor('push', { ...notice, title: '政'.repeat(30) }, { limits: { title: 100, titleCharacters: 50 } });
    expect(out.payload.title).toBe('政'.repeat(30));
  });
});
