import { describe, expect, it } from 'vitest';
import { isGovpubError } from '../../src/errors/index';
import { inspect, type AccountInspection } from '../../src/inspection/index';
import { ACCOUNTS, daily, rec, WINDOW } from './fixtures';

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

function account(result: ReturnType<typeof inspect>, id: string): AccountInspection {
  const a = result.accounts.find((x) => x.accountId === id);
  if (!a) throw new Error(`no ${id}`);
  return a;
}

describe('inspect: the update rule', () => {
  const records = [
    ...daily('wx-main', 6, range(1, 30)), // every day
    ...daily('wb-main', 6, [1, 5, 10, 16]), // silent since 16 June: 14 days → last safe day
    ...daily('wx-water', 5, [20]), // silent since 20 May
    ...daily('wx-water', 6, [1, 20]), // gap 1 → 20 June = 19 days inside the window
    ...daily('wx-street', 6, [3, 9, 15, 21, 27]), // every 6 days: within its local 10
  ];
  const result = inspect({ records, accounts: ACCOUNTS, ...WINDOW });

  it('an account publishing daily passes, with 14 days left', () => {
    const a = account(result, 'wx-main');
    expect(a.verdict).toBe('pass');
    expect(a.publications).toBe(30);
    expect(a.daysSinceLast).toBe(0);
    expect(a.failsOn).toBe('2024-07-15');
    expect(a.daysLeft).toBe(15);
    // Ties keep the first: the window opens on a publication day (a gap of 0), then 1-day gaps.
    expect(a.longestGap).toEqual({ days: 1, from: '2024-06-01', to: '2024-06-02' });
    expect(a.perWeek).toEqual({ actual: 7, target: 3 });
  });

  it('14 days of silence is still within the rule, and at risk: it fails tomorrow', () => {
    const a = account(result, 'wb-main');
    expect(a.daysSinceLast).toBe(14);
    expect(a.failsOn).toBe('2024-07-01');
    expect(a.daysLeft).toBe(1);
    expect(a.verdict).toBe('at-risk');
    expect(a.reasons.map((r) => r.code)).toEqual(['fails-soon']);
    expect(a.reasons[0]!.message).toBe('距不合格还剩 1 天：如 2024-07-01 前仍无更新，将超过 14 天更新要求。');
  });

  it('a 19-day silence inside the window fails the inspection even after publishing again', () => {
    const a = account(result, 'wx-water');
    expect(a.longestGap).toEqual({ days: 19, from: '2024-06-01', to: '2024-06-20' });
    expect(a.verdict).toBe('fail');
    expect(a.reasons.map((r) => r.code)).toEqual(['gap-exceeded']);
    expect(a.reasons[0]!.params).toMatchObject({ days: 19, limit: 14, rule: 'national' });
  });

  it('a stricter local rule sets the limit and the fail date', () => {
    const a = account(result, 'wx-street');
    expect(a.limitDays).toBe(10);
    expect(a.limitRule).toBe('local');
    expect(a.failsOn).toBe('2024-07-08');
    expect(a.verdict).toBe('pass');
  });

  it('an account that never published fails; failing accounts come first', () => {
    const a = account(result, 'wx-dormant');
    expect(a.verdict).toBe('fail');
    expect(a.reasons[0]!.code).toBe('never-published');
    expect(a.lastPublishedAt).toBeNull();
    expect(result.accounts.map((x) => x.verdict)).toEqual(['fail', 'fail', 'at-risk', 'pass', 'pass']);
    expect(result.totals).toMatchObject({ accounts: 5, fail: 2, atRisk: 1, pass: 2, publications: 30 + 4 + 2 + 5 });
  });

  it('a current silence over the limit fails with the days counted', () => {
    const r = inspect({ records: daily('wb-main', 6, [1, 10]), accounts: [ACCOUNTS[1]!], ...WINDOW });
    const a = r.accounts[0]!;
    expect(a.verdict).toBe('fail');
    expect(a.reasons.map((x) => x.code)).toEqual(['silent-too-long']);
    expect(a.reasons[0]!.params).toMatchObject({ days: 20, limit: 14 });
    expect(a.daysLeft).toBe(0);
  });
});

describe('inspect: what is counted', () => {
  it('withdrawn and undelivered publications are not updates, but are reported', () => {
    const records = [
      rec('wb-main', '2024-06-25T10:00:00+08:00', { withdrawnAt: '2024-06-25T12:00:00+08:00' }),
      rec('wb-main', '2024-06-26T10:00:00+08:00', { deliveryState: 'dead' }),
      rec('wb-main', '2024-06-27T10:00:00+08:00', { deliveryState: 'failed' }),
      rec('wb-main', '2024-06-20T10:00:00+08:00', { correctionOf: 'doc-x' }),
      rec('wb-main', '2024-06-08T10:00:00+08:00'),
    ];
    const a = inspect({ records, accounts: [ACCOUNTS[1]!], ...WINDOW }).accounts[0]!;
    expect(a.publications).toBe(2);
    expect(a.daysSinceLast).toBe(10);
    expect(a.longestGap).toEqual({ days: 12, from: '2024-06-08', to: '2024-06-20' });
    expect(a.withdrawals).toBe(1);
    expect(a.corrections).toBe(1);
    expect(a.deliveries).toEqual({ failed: 1, dead: 1 });
    expect(a.verdict).toBe('at-risk');
    expect(a.reasons.map((r) => r.code)).toEqual(['deliveries-failed', 'withdrawals']);
  });

  it('hours, weekdays, weekends, holidays and unreasonable hours are local to the office', () => {
    const records = [
      rec('wx-main', '2024-06-09T17:30:00Z'), // Mon 10 June 01:30 Beijing: Dragon Boat Festival
      rec('wx-main', '2024-06-15T02:00:00Z'), // Sat 15 June 10:00
      rec('wx-main', '2024-06-17T12:00:00+08:00'), // Mon 17 June 12:00
    ];
    const r = inspect({ records, accounts: [ACCOUNTS[0]!], ...WINDOW, holidays: ['2024-06-10'] });
    const a = r.accounts[0]!;
    expect(a.hours[1]).toBe(1);
    expect(a.hours[10]).toBe(1);
    expect(a.hours[12]).toBe(1);
    expect(a.weekdays).toEqual([2, 0, 0, 0, 0, 1, 0]);
    expect(a.holidays).toBe(1);
    expect(a.weekendOrHoliday).toBe(2);
    expect(a.unreasonableHours).toBe(1);
    expect(a.days).toEqual({ '2024-06-10': 1, '2024-06-15': 1, '2024-06-17': 1 });
    // The same instants seen from New York fall on other days and hours.
    const ny = inspect({ records, accounts: [ACCOUNTS[0]!], ...WINDOW, timeZone: 'America/New_York' }).accounts[0]!;
    expect(Object.keys(ny.days)).toEqual(['2024-06-09', '2024-06-14', '2024-06-17']);
    expect(ny.hours[13]).toBe(1);
  });

  it('originality, findings by category, urgent items and messages', () => {
    const records = [
      rec('wx-main', '2024-06-03T10:00:00+08:00', { original: 0.9, findingsByCategory: { caliber: { caught: 3, waived: 1 } } }),
      rec('wx-main', '2024-06-04T10:00:00+08:00', { original: 0.2, findingsByCategory: { caliber: { caught: 1, waived: 0 }, confidentiality: { caught: 2, waived: 0 } } }),
      rec('wx-main', '2024-06-05T10:00:00+08:00', { original: false, urgent: true, retrospectivePending: true }),
      rec('wx-main', '2024-05-05T10:00:00+08:00', { original: true, findingsByCategory: { caliber: { caught: 9, waived: 9 } } }),
    ];
    const messages = [
      { id: 'm1', accountId: 'wx-main', receivedAt: '2024-06-02T09:00:00+08:00', dueAt: '2024-06-09T09:00:00+08:00', repliedAt: '2024-06-05T09:00:00+08:00' },
      { id: 'm2', accountId: 'wx-main', receivedAt: '2024-06-02T09:00:00+08:00', dueAt: '2024-06-09T09:00:00+08:00', repliedAt: '2024-06-12T09:00:00+08:00' },
      { id: 'm3', accountId: 'wx-main', receivedAt: '2024-06-10T09:00:00+08:00', dueAt: '2024-06-17T09:00:00+08:00' },
      { id: 'm4', accountId: 'wx-main', receivedAt: '2024-06-29T09:00:00+08:00', dueAt: '2024-07-06T09:00:00+08:00' },
    ];
    const a = inspect({ records, messages, accounts: [ACCOUNTS[0]!], ...WINDOW }).accounts[0]!;
    expect(a.originality).toEqual({ original: 1, reposted: 2, share: 1 / 3 });
    expect(a.findings).toEqual({ caliber: { caught: 4, waived: 1 }, confidentiality: { caught: 2, waived: 0 } });
    expect(a.urgentAwaitingReview).toBe(1);
    expect(a.messages).toEqual({ received: 4, answered: 2, answeredLate: 1, unanswered: 2, overdue: 1 });
    expect(a.months).toEqual([{ month: '2024-06', publications: 3, original: 1, reposted: 2 }]);
    // 25 days silent since 5 June, and 29 days from 5 May to 3 June inside the window.
    expect(a.verdict).toBe('fail');
    expect(a.reasons.map((r) => r.code)).toEqual(['silent-too-long', 'gap-exceeded', 'below-weekly-target', 'messages-overdue', 'urgent-awaiting-review']);
    expect(a.longestGap).toEqual({ days: 29, from: '2024-05-05', to: '2024-06-03' });
  });

  it('an interaction function nobody answers fails the account', () => {
    const messages = [{ id: 'm1', accountId: 'wx-main', receivedAt: '2024-06-02T09:00:00+08:00', dueAt: '2024-06-09T09:00:00+08:00' }];
    const a = inspect({ records: daily('wx-main', 6, range(1, 30)), messages, accounts: [ACCOUNTS[0]!], ...WINDOW }).accounts[0]!;
    expect(a.verdict).toBe('fail');
    expect(a.reasons.map((r) => r.code)).toEqual(['interaction-unanswered']);
  });

  it('English messages on request', () => {
    const a = inspect({ records: [], accounts: [ACCOUNTS[0]!], ...WINDOW, locale: 'en' }).accounts[0]!;
    expect(a.reasons[0]!.message).toMatch(/never published/);
  });
});

describe('inspect: validation', () => {
  it('lists each problem with its path', () => {
    try {
      inspect({
        records: [rec('wx-main', '2024-06-03 10:00')],
        accounts: [ACCOUNTS[0]!, { ...ACCOUNTS[0]!, cadence: { maxGapDays: 0 } }],
        ...WINDOW,
        timeZone: 'Mars/Olympus',
      });
      expect.unreachable();
    } catch (e) {
      expect(isGovpubError(e) && e.code).toBe('VALIDATION');
      const paths = (e as { details: { issues: { path: unknown[] }[] } }).details.issues.map((i) => i.path.join('.'));
      expect(paths).toEqual(expect.arrayContaining(['records.0.publishedAt', 'accounts.1.cadence.maxGapDays', 'accounts.1.id', 'timeZone']));
    }
  });
});
