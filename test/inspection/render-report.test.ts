import { describe, expect, it } from 'vitest';
import { isGovpubError } from '../../src/errors/index';
import { inspect, renderInspectionReport } from '../../src/inspection/index';
import { ACCOUNTS, YEAR, yearOfRecords } from './fixtures';

describe('renderInspectionReport', () => {
  const accounts = [...ACCOUNTS, { id: 'evil', name: '<img src=x onerror=alert(1)>&', channel: 'web' }];
  const result = inspect({ records: yearOfRecords(), accounts, ...YEAR });

  it('draws the four charts inline, one calendar per account, no script and no external resource', () => {
    const html = renderInspectionReport(result);
    expect(html).toContain('<html lang="zh-CN">');
    for (const chart of ['gaps', 'hours', 'originality']) expect(html).toContain(`<svg class="chart ${chart}"`);
    expect(html.match(/<svg class="chart calendar"/g)).toHaveLength(accounts.length);
    // 2024 has 366 days: one square per day per account.
    expect(html.match(/<rect class="day"/g)).toHaveLength(366 * accounts.length);
    expect(html.match(/<rect class="hour-bar"/g)).toHaveLength(24);
    expect(html.match(/<rect class="month-bar original"/g)).toHaveLength(12);
    // Quoted attribute values emptied first: an escaped name inside aria-label is text, not an attribute.
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<script|<[^>]+\s(?:src|href)=/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;');
  });

  it('shows each account with its verdict and reasons', () => {
    const html = renderInspectionReport(result);
    expect(html).toContain('不合格');
    expect(html).toContain('市水务局微信公众号');
    const water = result.accounts.find((a) => a.accountId === 'wx-water')!;
    expect(water.verdict).toBe('fail');
    expect(html).toContain(water.reasons[0]!.message);
  });

  it('English labels on request', () => {
    expect(renderInspectionReport(result, { locale: 'en' })).toContain('Publication calendar');
  });

  it('refuses a malformed result', () => {
    try {
      renderInspectionReport({ ...result, fromDay: 'soon' });
      expect.unreachable();
    } catch (e) {
      expect(isGovpubError(e) && e.code).toBe('VALIDATION');
    }
  });
});
