import { describe, expect, it } from 'vitest';
import { cadenceAlerts, inspect } from '../../src/inspection/index';
import { rec } from './fixtures';

const account = { id: 'nyc', name: 'Office in New York', channel: 'web' };

describe('days in a zone that changes its clocks', () => {
  // New York moved to summer time at 02:00 on 10 March 2024: that day has 23 hours.
  it('counts calendar days across the change, and local hours on both sides of it', () => {
    const records = [
      rec('nyc', '2024-03-09T23:30:00-05:00'), // Sat 9 March, 23:30 EST
      rec('nyc', '2024-03-10T03:30:00-04:00'), // Sun 10 March, 03:30 EDT (07:30Z)
      rec('nyc', '2024-03-23T23:30:00-04:00'), // Sat 23 March, 23:30 EDT
    ];
    const r = inspect({
      records,
      accounts: [account],
      from: '2024-03-01T00:00:00-05:00',
      to: '2024-03-31T23:59:59-04:00',
      now: '2024-03-31T12:00:00-04:00',
      timeZone: 'America/New_York',
    });
    const a = r.accounts[0]!;
    expect(Object.keys(a.days)).toEqual(['2024-03-09', '2024-03-10', '2024-03-23']);
    expect(a.hours[23]).toBe(2);
    expect(a.hours[3]).toBe(1);
    expect(a.longestGap).toEqual({ days: 13, from: '2024-03-10', to: '2024-03-23' });
    expect(a.daysSinceLast).toBe(8);
    expect(a.failsOn).toBe('2024-04-07');
  });

  it('gives the fail instant at local midnight with the offset of that day', () => {
    const alerts = cadenceAlerts({
      records: [rec('nyc', '2024-10-25T12:00:00-04:00')],
      accounts: [account],
      now: '2024-11-06T12:00:00-05:00',
      warnAfterDays: 10,
      timeZone: 'America/New_York',
    });
    // Fails on 9 November, after the switch back to standard time on 3 November.
    expect(alerts[0]).toMatchObject({ daysSince: 12, failsOn: '2024-11-09', failsAt: '2024-11-09T00:00:00.000-05:00' });
  });
});
