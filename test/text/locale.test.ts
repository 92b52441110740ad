import { describe, expect, it } from 'vitest';
import { formatFor, formatReason, inspect, LOCALES, renderInspectionReport, compareWithRevision, renderTrace, type Locale } from '../../src/index';
import { ACCOUNTS, WINDOW, daily } from '../inspection/fixtures';
import { WATER_NOTICE } from '../trace/fixtures';

// One Locale for the whole package: a host that passes `'zh'` to the publisher (its default
// spelling) passes the same value to trace and inspection, whose tables are keyed `'zh-CN'`,
// and the reverse. Before the shared type, trace and inspection refused `'zh'` with
// VALIDATION and channels refused `'zh-CN'`.
const HAN = /[\u4e00-\u9fff]/;
const chinese = (s: string) => HAN.test(s);

describe('one Locale everywhere', () => {
  it.each(LOCALES)('%s is accepted by every function that takes a locale, and reads in the right language', (locale: Locale) => {
    const zh = locale !== 'en';
    const reason = formatReason({ code: 'SELF_REVIEW', params: {} }, locale);
    expect(chinese(reason)).toBe(zh);

    const sms = formatFor('sms', { title: '停水通知', body: '明日停水。' }, { locale });
    expect(sms.findings.length).toBeGreaterThan(0);
    expect(sms.findings.every((f) => chinese(f.message) === zh)).toBe(true);

    const comparison = compareWithRevision(WATER_NOTICE.body.replace('3.2万户', '5.2万户'), WATER_NOTICE, { locale });
    expect(comparison.reasons.length).toBeGreaterThan(0);
    expect(comparison.reasons.every((r) => chinese(r.message) === zh)).toBe(true);
    expect(renderTrace(comparison, { locale })).toContain(`<html lang="${zh ? 'zh-CN' : 'en'}">`);

    const result = inspect({ records: daily('wx-water', 6, [1, 2]), accounts: ACCOUNTS, ...WINDOW, locale });
    const messages = result.accounts.flatMap((a) => a.reasons.map((r) => r.message));
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => chinese(m) === zh)).toBe(true);
    expect(renderInspectionReport(result, { locale })).toContain(`<html lang="${zh ? 'zh-CN' : 'en'}">`);
  });
});
