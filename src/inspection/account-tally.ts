import { OfficeClock } from './office-clock';
import type { PublicationRecord } from './types';

/** Share of original text (from `originality()`) from which a publication counts as original. */
export const ORIGINAL_SHARE = 0.5;

/**
 * Running totals for one account, filled one record at a time so that {@link inspect} stays
 * a single pass over the records.
 */
export class AccountTally {
  publications = 0;
  /** Last counted update up to `now`, epoch ms. */
  lastMs: number | null = null;
  /** Last counted update's local day before the window. */
  lastDayBeforeWindow: number | null = null;
  readonly dayCounts = new Map<number, number>();
  readonly hours: number[] = new Array<number>(24).fill(0);
  readonly weekdays: number[] = new Array<number>(7).fill(0);
  weekendOrHoliday = 0;
  holidays = 0;
  unreasonableHours = 0;
  original = 0;
  reposted = 0;
  readonly months = new Map<string, { publications: number; original: number; reposted: number }>();
  readonly findings: Record<string, { caught: number; waived: number }> = {};
  withdrawals = 0;
  corrections = 0;
  urgentAwaitingReview = 0;
  deliveriesFailed = 0;
  deliveriesDead = 0;

  /** Adds one record; `ms` and `day` are its publication instant and local day. */
  add(
    r: PublicationRecord,
    w: { fromMs: number; toMs: number; nowMs: number; fromDay: number; holidays: ReadonlySet<number>; clock: OfficeClock },
  ): void {
    const ms = Date.parse(r.publishedAt);
    if (ms > w.nowMs) return; // not yet public: a scheduled item is not an update
    const withdrawn = r.withdrawnAt !== undefined && Date.parse(r.withdrawnAt) <= w.nowMs;
    const undelivered = r.deliveryState === 'failed' || r.deliveryState === 'dead';
    // An update counts when readers can see it: not taken down, and it reached the platform.
    const counts = !withdrawn && !undelivered;
    const day = w.clock.day(ms);
    if (r.urgent && r.retrospectivePending) this.urgentAwaitingReview++;
    if (counts) {
      if (this.lastMs === null || ms > this.lastMs) this.lastMs = ms;
      if (day < w.fromDay && (this.lastDayBeforeWindow === null || day > this.lastDayBeforeWindow)) this.lastDayBeforeWindow = day;
    }
    if (ms < w.fromMs || ms > w.toMs) return;

    for (const category in r.findingsByCategory) {
      const f = r.findingsByCategory[category]!;
      const t = (this.findings[category] ??= { caught: 0, waived: 0 });
      t.caught += f.caught;
      t.waived += f.waived;
    }
    if (withdrawn) this.withdrawals++;
    if (r.correctionOf !== undefined) this.corrections++;
    if (r.deliveryState === 'failed') this.deliveriesFailed++;
    if (r.deliveryState === 'dead') this.deliveriesDead++;
    if (!counts) return;

    this.publications++;
    this.dayCounts.set(day, (this.dayCounts.get(day) ?? 0) + 1);
    const hour = w.clock.hour(ms);
    this.hours[hour]!++;
    const weekday = OfficeClock.weekday(day);
    this.weekdays[weekday]!++;
    const holiday = w.holidays.has(day);
    if (holiday) this.holidays++;
    if (holiday || weekday >= 5) this.weekendOrHoliday++;
    if (hour < 6) this.unreasonableHours++;
    const isOriginal = typeof r.original === 'boolean' ? r.original : r.original >= ORIGINAL_SHARE;
    if (isOriginal) this.original++;
    else this.reposted++;
    const month = OfficeClock.month(day);
    let m = this.months.get(month);
    if (!m) this.months.set(month, (m = { publications: 0, original: 0, reposted: 0 }));
    m.publications++;
    if (isOriginal) m.original++;
    else m.reposted++;
  }
}
