import { parseOrThrow } from '../errors/index';
import { AccountTally } from './account-tally';
import { inspectionMessage, type InspectionLocale } from './messages';
import { OfficeClock } from './office-clock';
import { tallyMessage } from './messages-count';
import { precheckRecords } from './record-precheck';
import { inspectInputPrecheckedSchema, inspectInputSchema } from './schemas';
import { NATIONAL_MAX_GAP_DAYS, silenceOf } from './silence';
import type {
  AccountInspection,
  Gap,
  InboundMessage,
  InspectionAccount,
  InspectionReason,
  InspectionReasonCode,
  InspectionResult,
  InspectionVerdict,
  PublicationRecord,
  ReasonSeverity,
} from './types';

/** Input of {@link inspect}. */
export interface InspectInput {
  /** Publications of the accounts (any order; records of other accounts are ignored). */
  records: readonly PublicationRecord[];
  accounts: readonly InspectionAccount[];
  /** Messages (留言) received, if the host records them. */
  messages?: readonly InboundMessage[];
  /** The inspection window, ISO 8601 with offset, both inclusive. */
  from: string;
  to: string;
  /** The moment of the inspection: silences are counted up to it. */
  now: string;
  /** The office's IANA time zone; default `Asia/Shanghai`. Days and hours are local to it. */
  timeZone?: string;
  /** Public holidays, `yyyy-MM-dd` local dates. */
  holidays?: readonly string[];
  /** An account that fails within this many days is `at-risk`; default 3. */
  warnWithinDays?: number;
  /** Language of the reasons' messages; default `'zh-CN'`. */
  locale?: InspectionLocale;
}

const DAY_MS = 86_400_000;
/** Originality below which the report notes it (studies of grassroots accounts find most content repeated). */
const LOW_ORIGINALITY = 0.3;
/** Publications needed before an originality share is worth remarking on. */
const MIN_FOR_ORIGINALITY = 5;
const RANK: Record<InspectionVerdict, number> = { fail: 0, 'at-risk': 1, pass: 2 };

/**
 * Inspection readiness per account over a window: how far each account is from failing the
 * update rule (14 days nationally, or its stricter local rule), its longest silence, cadence
 * against target, when it publishes, how much is original, what the checks caught, what was
 * withdrawn or corrected, what still awaits review or delivery, and unanswered messages —
 * with a verdict (`pass`, `at-risk`, `fail`) and the reasons. Pure and linear in the records;
 * calendar arithmetic in `timeZone`, never the host's. Accounts come back failing first.
 *
 * @example
 * ```ts
 * const result = inspect({ records, accounts, from: '2024-01-01T00:00:00+08:00', to: '2024-12-31T23:59:59+08:00', now: new Date().toISOString() });
 * for (const a of result.accounts) console.log(a.name, a.verdict, a.daysLeft, a.reasons.map((r) => r.message));
 * ```
 */
export function inspect(input: InspectInput): InspectionResult {
  // Records are checked by hand first (fast, no copies); zod reports the issues if any fails.
  const v = precheckRecords(input?.records)
    ? parseOrThrow(inspectInputPrecheckedSchema, input, 'inspect input')
    : parseOrThrow(inspectInputSchema, input, 'inspect input');
  const timeZone = v.timeZone ?? 'Asia/Shanghai';
  const locale = v.locale ?? 'zh-CN';
  const clock = new OfficeClock(timeZone);
  const fromMs = Date.parse(v.from);
  const toMs = Date.parse(v.to);
  const nowMs = Date.parse(v.now);
  const fromDay = clock.day(fromMs);
  const toDay = clock.day(toMs);
  const today = clock.day(nowMs);
  const holidays = new Set((v.holidays ?? []).map((d) => Math.floor(Date.parse(`${d}T00:00:00Z`) / DAY_MS)));
  const window = { fromMs, toMs, nowMs, fromDay, holidays, clock };

  const tallies = new Map<string, AccountTally>();
  for (const a of v.accounts) tallies.set(a.id, new AccountTally());
  for (const r of v.records) tallies.get(r.accountId)?.add(r as PublicationRecord, window);

  const messageCounts = new Map<string, AccountInspection['messages']>();
  for (const m of v.messages ?? []) {
    const received = Date.parse(m.receivedAt);
    if (received < fromMs || received > toMs || received > nowMs) continue;
    let c = messageCounts.get(m.accountId);
    if (!c) messageCounts.set(m.accountId, (c = { received: 0, answered: 0, unanswered: 0, overdue: 0, answeredLate: 0 }));
    const replied = m.repliedAt === undefined ? null : Date.parse(m.repliedAt);
    tallyMessage(c, replied !== null && replied <= nowMs ? replied : null, Date.parse(m.dueAt), nowMs);
  }

  const accounts = v.accounts.map((account) =>
    summarise(account as InspectionAccount, tallies.get(account.id)!, messageCounts.get(account.id), {
      fromDay,
      toDay,
      today,
      clock,
      warnWithinDays: v.warnWithinDays ?? 3,
      locale,
    }),
  );
  const order = new Map(accounts.map((a, i) => [a, i]));
  accounts.sort((a, b) => RANK[a.verdict] - RANK[b.verdict] || order.get(a)! - order.get(b)!);

  return {
    from: v.from,
    to: v.to,
    now: v.now,
    timeZone,
    fromDay: OfficeClock.date(fromDay),
    toDay: OfficeClock.date(toDay),
    accounts,
    totals: {
      accounts: accounts.length,
      pass: accounts.filter((a) => a.verdict === 'pass').length,
      atRisk: accounts.filter((a) => a.verdict === 'at-risk').length,
      fail: accounts.filter((a) => a.verdict === 'fail').length,
      publications: accounts.reduce((n, a) => n + a.publications, 0),
    },
  };
}

interface SummaryContext {
  fromDay: number;
  toDay: number;
  today: number;
  clock: OfficeClock;
  warnWithinDays: number;
  locale: InspectionLocale;
}

function summarise(
  account: InspectionAccount,
  t: AccountTally,
  messages: AccountInspection['messages'] | undefined,
  c: SummaryContext,
): AccountInspection {
  const lastDay = t.lastMs === null ? null : c.clock.day(t.lastMs);
  const silence = silenceOf(lastDay, c.today, account.cadence);
  const endDay = Math.min(c.toDay, c.today);
  const longestGap = longestGapOf(t, c.fromDay, endDay);
  const observedDays = Math.max(1, endDay - c.fromDay + 1);
  const perWeekActual = Math.round((t.publications / observedDays) * 7 * 100) / 100;
  const msg = messages ?? { received: 0, answered: 0, unanswered: 0, overdue: 0, answeredLate: 0 };

  const reasons: InspectionReason[] = [];
  const reason = (code: InspectionReasonCode, severity: ReasonSeverity, params: Record<string, string | number> = {}) =>
    reasons.push({ code, severity, params, message: inspectionMessage(code, params, c.locale) });

  if (silence.lastDay === null) reason('never-published', 'fail');
  else if (silence.failed) reason('silent-too-long', 'fail', { days: silence.daysSince!, limit: silence.limit, rule: silence.rule });
  // A silence inside the window that broke the rule fails the inspection even if the account has
  // published since; the trailing silence is already reported above when it is the one.
  const trailingIsLongest = longestGap !== null && lastDay !== null && longestGap.to === OfficeClock.date(endDay) && endDay === c.today;
  if (longestGap && longestGap.days > silence.limit && !(silence.failed && trailingIsLongest) && silence.lastDay !== null) {
    reason('gap-exceeded', 'fail', { days: longestGap.days, from: longestGap.from, to: longestGap.to, limit: silence.limit, rule: silence.rule });
  }
  if (msg.received > 0 && msg.answered === 0 && msg.overdue > 0) reason('interaction-unanswered', 'fail', { received: msg.received });
  if (!silence.failed && silence.daysLeft !== null && silence.failsOnDay !== null && silence.daysLeft <= c.warnWithinDays) {
    reason('fails-soon', 'risk', { daysLeft: silence.daysLeft, failsOn: OfficeClock.date(silence.failsOnDay), limit: silence.limit });
  }
  const target = account.cadence?.perWeek ?? null;
  if (target !== null && perWeekActual < target) reason('below-weekly-target', 'risk', { actual: perWeekActual, target });
  if (msg.overdue > 0 && !(msg.answered === 0)) reason('messages-overdue', 'risk', { overdue: msg.overdue });
  if (t.urgentAwaitingReview > 0) reason('urgent-awaiting-review', 'risk', { count: t.urgentAwaitingReview });
  if (t.deliveriesFailed + t.deliveriesDead > 0) reason('deliveries-failed', 'risk', { failed: t.deliveriesFailed, dead: t.deliveriesDead });
  if (t.unreasonableHours > 0) {
    reason('unreasonable-hours', 'info', { count: t.unreasonableHours, percent: Math.round((t.unreasonableHours / t.publications) * 100) });
  }
  const share = t.publications ? t.original / t.publications : null;
  if (share !== null && t.publications >= MIN_FOR_ORIGINALITY && share < LOW_ORIGINALITY) {
    reason('low-originality', 'info', { percent: Math.round(share * 100) });
  }
  if (t.withdrawals + t.corrections > 0) reason('withdrawals', 'info', { count: t.withdrawals, corrections: t.corrections });

  const verdict: InspectionVerdict = reasons.some((r) => r.severity === 'fail')
    ? 'fail'
    : reasons.some((r) => r.severity === 'risk')
      ? 'at-risk'
      : 'pass';

  const days: Record<string, number> = {};
  for (const day of [...t.dayCounts.keys()].sort((a, b) => a - b)) days[OfficeClock.date(day)] = t.dayCounts.get(day)!;

  return {
    accountId: account.id,
    name: account.name,
    channel: account.channel,
    verdict,
    reasons,
    cadence: { ...account.cadence, maxGapDays: account.cadence?.maxGapDays ?? NATIONAL_MAX_GAP_DAYS },
    publications: t.publications,
    lastPublishedAt: t.lastMs === null ? null : c.clock.iso(t.lastMs),
    daysSinceLast: silence.daysSince,
    limitDays: silence.limit,
    limitRule: silence.rule,
    failsOn: silence.failsOnDay === null ? null : OfficeClock.date(silence.failsOnDay),
    daysLeft: silence.lastDay === null ? null : silence.daysLeft,
    longestGap,
    perWeek: { actual: perWeekActual, target },
    hours: [...t.hours],
    weekdays: [...t.weekdays],
    weekendOrHoliday: t.weekendOrHoliday,
    holidays: t.holidays,
    unreasonableHours: t.unreasonableHours,
    originality: { original: t.original, reposted: t.reposted, share },
    months: monthsOf(t, c.fromDay, c.toDay),
    days,
    findings: t.findings,
    withdrawals: t.withdrawals,
    corrections: t.corrections,
    urgentAwaitingReview: t.urgentAwaitingReview,
    deliveries: { failed: t.deliveriesFailed, dead: t.deliveriesDead },
    messages: msg,
  };
}

/**
 * The longest silence within `[fromDay, endDay]`: from the last update before the window (or
 * the window's first day) through each update to `endDay`.
 */
function longestGapOf(t: AccountTally, fromDay: number, endDay: number): Gap | null {
  if (endDay < fromDay) return null;
  const days = [...t.dayCounts.keys()].filter((d) => d <= endDay).sort((a, b) => a - b);
  let anchor = t.lastDayBeforeWindow ?? fromDay;
  let best: { days: number; from: number; to: number } | null = null;
  for (const d of [...days, endDay]) {
    const gap = d - anchor;
    if (!best || gap > best.days) best = { days: gap, from: anchor, to: d };
    anchor = d;
  }
  return best && { days: best.days, from: OfficeClock.date(best.from), to: OfficeClock.date(best.to) };
}

function monthsOf(t: AccountTally, fromDay: number, toDay: number): AccountInspection['months'] {
  const out: AccountInspection['months'] = [];
  let month = OfficeClock.month(fromDay);
  const last = OfficeClock.month(toDay);
  for (;;) {
    const m = t.months.get(month);
    out.push({ month, publications: m?.publications ?? 0, original: m?.original ?? 0, reposted: m?.reposted ?? 0 });
    if (month >= last) break;
    const [y, mo] = month.split('-').map(Number) as [number, number];
    month = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  return out;
}
