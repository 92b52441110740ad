import { parseOrThrow } from '../errors/index';
import { inspectionMessage, type InspectionLocale } from './messages';
import { OfficeClock } from './office-clock';
import { precheckRecords } from './record-precheck';
import { cadenceAlertsInputPrecheckedSchema, cadenceAlertsInputSchema } from './schemas';
import { silenceOf } from './silence';
import type { InspectionAccount, PublicationRecord } from './types';

/** Input of {@link cadenceAlerts}. */
export interface CadenceAlertsInput {
  records: readonly PublicationRecord[];
  accounts: readonly InspectionAccount[];
  /** ISO 8601 with offset: when the host's timer fired. */
  now: string;
  /** Alert once an account has been silent for at least this many days (e.g. 10 of the 14). */
  warnAfterDays: number;
  /** The office's IANA time zone; default `Asia/Shanghai`. */
  timeZone?: string;
  locale?: InspectionLocale;
}

/** One account approaching (or past) its update rule. */
export interface CadenceAlert {
  accountId: string;
  name: string;
  channel: string;
  /** Days since the last update that counts; `null` if it never published. */
  daysSince: number | null;
  /** The limit in days and which rule sets it. */
  limitDays: number;
  rule: 'national' | 'local';
  /** Local date (`yyyy-MM-dd`) on which it fails, and the instant that day starts in the office's zone. */
  failsOn: string | null;
  failsAt: string | null;
  daysLeft: number;
  /** Already past the rule. */
  failed: boolean;
  /** What to tell the office, Chinese by default. */
  message: string;
}

/**
 * Accounts that have been silent for at least `warnAfterDays`, most urgent first, each named
 * with the date it fails the 14-day rule (or its stricter local `everyDays` rule). Meant for
 * the host's daily timer. Counts only updates readers can see (not withdrawn, delivered).
 *
 * @example
 * ```ts
 * for (const a of cadenceAlerts({ records, accounts, now: new Date().toISOString(), warnAfterDays: 10 })) notify(a.message);
 * ```
 */
export function cadenceAlerts(input: CadenceAlertsInput): CadenceAlert[] {
  const v = precheckRecords(input?.records)
    ? parseOrThrow(cadenceAlertsInputPrecheckedSchema, input, 'cadenceAlerts input')
    : parseOrThrow(cadenceAlertsInputSchema, input, 'cadenceAlerts input');
  const clock = new OfficeClock(v.timeZone ?? 'Asia/Shanghai');
  const locale = v.locale ?? 'zh-CN';
  const nowMs = Date.parse(v.now);
  const today = clock.day(nowMs);

  const last = new Map<string, number>();
  for (const r of v.records) {
    const ms = Date.parse(r.publishedAt);
    if (ms > nowMs) continue;
    if (r.withdrawnAt !== undefined && Date.parse(r.withdrawnAt) <= nowMs) continue;
    if (r.deliveryState === 'failed' || r.deliveryState === 'dead') continue;
    const prev = last.get(r.accountId);
    if (prev === undefined || ms > prev) last.set(r.accountId, ms);
  }

  const alerts: CadenceAlert[] = [];
  for (const account of v.accounts as InspectionAccount[]) {
    const ms = last.get(account.id);
    const s = silenceOf(ms === undefined ? null : clock.day(ms), today, account.cadence);
    if (s.daysSince !== null && s.daysSince < v.warnAfterDays) continue;
    const failsOn = s.failsOnDay === null ? null : OfficeClock.date(s.failsOnDay);
    const message =
      s.lastDay === null
        ? inspectionMessage('never-published', {}, locale)
        : s.failed
          ? inspectionMessage('silent-too-long', { days: s.daysSince!, limit: s.limit, rule: s.rule }, locale)
          : inspectionMessage('fails-soon', { daysLeft: s.daysLeft!, failsOn: failsOn!, limit: s.limit }, locale);
    alerts.push({
      accountId: account.id,
      name: account.name,
      channel: account.channel,
      daysSince: s.daysSince,
      limitDays: s.limit,
      rule: s.rule,
      failsOn,
      failsAt: s.failsOnDay === null ? null : clock.midnight(s.failsOnDay),
      daysLeft: s.daysLeft ?? 0,
      failed: s.failed,
      message,
    });
  }
  // Never-published accounts (no daysSince) sort as the longest silent.
  return alerts.sort((a, b) => a.daysLeft - b.daysLeft || (b.daysSince ?? 1e9) - (a.daysSince ?? 1e9));
}
