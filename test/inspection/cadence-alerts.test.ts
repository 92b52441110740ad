import { describe, expect, it } from 'vitest';
import { cadenceAlerts, countMessages, REPLY_REVIEW_STEPS } from '../../src/inspection/index';
import { ACCOUNTS, daily, rec } from './fixtures';

describe('cadenceAlerts', () => {
  const records = [
    ...daily('wx-main', 6, [29]),
    ...daily('wb-main', 6, [18]), // 12 days silent on 30 June
    ...daily('wx-water', 6, [10]), // 20 days: already failed
    ...daily('wx-street', 6, [22]), // 8 days of a local 10
    rec('wx-main', '2024-06-01T10:00:00+08:00', { withdrawnAt: '2024-06-02T10:00:00+08:00' }),
  ];
  const now = '2024-06-30T18:00:00+08:00';

  it('names accounts silent for warnAfterDays or more with the date they fail, most urgent first', () => {
    const alerts = cadenceAlerts({ records, accounts: ACCOUNTS, now, warnAfterDays: 8 });
    expect(alerts.map((a) => [a.accountId, a.daysSince, a.failsOn, a.daysLeft, a.failed])).toEqual([
      ['wx-dormant', null, null, 0, true], // never published: the longest silence of all
      ['wx-water', 20, '2024-06-25', 0, true],
      ['wb-main', 12, '2024-07-03', 3, false], // same fail date: the longer silence first
      ['wx-street', 8, '2024-07-03', 3, false],
    ]);
    const street = alerts.find((a) => a.accountId === 'wx-street')!;
    expect(street.rule).toBe('local');
    expect(street.failsAt).toBe('2024-07-03T00:00:00.000+08:00');
    expect(street.message).toContain('2024-07-03');
  });

  it('an account just published is not alerted', () => {
    const alerts = cadenceAlerts({ records, accounts: [ACCOUNTS[0]!], now, warnAfterDays: 2 });
    expect(alerts).toEqual([]);
  });

  it('refuses a negative warnAfterDays with its path', () => {
    expect(() => cadenceAlerts({ records, accounts: ACCOUNTS, now, warnAfterDays: -1 })).toThrow(/warnAfterDays/);
  });
});

describe('countMessages and replies', () => {
  it('counts a message answered by a published reply document', () => {
    const messages = [
      { id: 'm1', accountId: 'wx-main', receivedAt: '2024-06-01T09:00:00+08:00', dueAt: '2024-06-08T09:00:00+08:00' },
      { id: 'm2', accountId: 'wx-main', receivedAt: '2024-06-01T09:00:00+08:00', dueAt: '2024-06-08T09:00:00+08:00' },
      { id: 'm3', accountId: 'wx-main', receivedAt: '2024-06-20T09:00:00+08:00', dueAt: '2024-06-27T09:00:00+08:00' },
    ];
    const replies = [
      { id: 'r1', messageId: 'm1', accountId: 'wx-main', documentId: 'd1', dueAt: '2024-06-08T09:00:00+08:00', publishedAt: '2024-06-03T09:00:00+08:00' },
      { id: 'r2', messageId: 'm2', accountId: 'wx-main', documentId: 'd2', dueAt: '2024-06-08T09:00:00+08:00' }, // still in review
    ];
    expect(countMessages({ messages, replies, now: '2024-06-10T00:00:00+08:00' })).toEqual({ received: 2, answered: 1, answeredLate: 0, unanswered: 1, overdue: 1 });
    expect(REPLY_REVIEW_STEPS.length).toBeLessThan(3);
  });
});
