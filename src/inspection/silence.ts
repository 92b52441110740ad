import type { Cadence } from './types';

/** The national rule: more than 14 days without an update fails an account. */
export const NATIONAL_MAX_GAP_DAYS = 14;

/** How long an account has been silent and when that becomes a failure. */
export interface Silence {
  /** The strictest limit in days, and which rule it comes from. */
  limit: number;
  rule: 'national' | 'local';
  /** Local day numbers; `null` when the account never published. */
  lastDay: number | null;
  daysSince: number | null;
  /** First local day on which the silence exceeds the limit. */
  failsOnDay: number | null;
  /** Whole days from today until `failsOnDay`, 0 once failed. */
  daysLeft: number | null;
  failed: boolean;
}

/** The limit an account's cadence imposes (the stricter of the national and local rules). */
export function limitOf(cadence: Cadence | undefined): { limit: number; rule: 'national' | 'local' } {
  const national = cadence?.maxGapDays ?? NATIONAL_MAX_GAP_DAYS;
  const local = cadence?.everyDays;
  return local !== undefined && local < national ? { limit: local, rule: 'local' } : { limit: national, rule: 'national' };
}

/**
 * Silence of an account whose last counted update was on local day `lastDay`, seen on local
 * day `today`. A silence of exactly `limit` days is still within the rule; one more day is
 * not — so an account that last published on day D fails on day D + limit + 1.
 */
export function silenceOf(lastDay: number | null, today: number, cadence: Cadence | undefined): Silence {
  const { limit, rule } = limitOf(cadence);
  if (lastDay === null) return { limit, rule, lastDay, daysSince: null, failsOnDay: null, daysLeft: 0, failed: true };
  const daysSince = today - lastDay;
  const failsOnDay = lastDay + limit + 1;
  return { limit, rule, lastDay, daysSince, failsOnDay, daysLeft: Math.max(0, failsOnDay - today), failed: daysSince > limit };
}
