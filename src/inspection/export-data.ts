import * as z from 'zod';
import { parseOrThrow } from '../errors/index';
import type { AccountInspection, InspectionResult } from './types';

const resultSchema = z.object({
  from: z.string(),
  to: z.string(),
  now: z.string(),
  timeZone: z.string(),
  accounts: z.array(z.object({ accountId: z.string(), verdict: z.enum(['pass', 'at-risk', 'fail']) }).loose()),
});

/**
 * The inspection as a JSON document (`format: 'govpub/inspection'`, version 1), for archiving
 * with the inspection or feeding another system.
 */
export function inspectionToJSON(result: InspectionResult): string {
  parseOrThrow(resultSchema, result, 'inspection result');
  return JSON.stringify({ format: 'govpub/inspection', version: 1, ...result }, null, 2);
}

/** CSV columns: header → value of an account. */
const COLUMNS: [string, (a: AccountInspection) => string | number | null][] = [
  ['account_id', (a) => a.accountId],
  ['name', (a) => a.name],
  ['channel', (a) => a.channel],
  ['verdict', (a) => a.verdict],
  ['reasons', (a) => a.reasons.filter((r) => r.severity !== 'info').map((r) => r.code).join(' ')],
  ['publications', (a) => a.publications],
  ['last_published_at', (a) => a.lastPublishedAt],
  ['days_since_last', (a) => a.daysSinceLast],
  ['limit_days', (a) => a.limitDays],
  ['limit_rule', (a) => a.limitRule],
  ['fails_on', (a) => a.failsOn],
  ['days_left', (a) => a.daysLeft],
  ['longest_gap_days', (a) => a.longestGap?.days ?? null],
  ['longest_gap_from', (a) => a.longestGap?.from ?? null],
  ['longest_gap_to', (a) => a.longestGap?.to ?? null],
  ['per_week', (a) => a.perWeek.actual],
  ['per_week_target', (a) => a.perWeek.target],
  ['weekend_or_holiday', (a) => a.weekendOrHoliday],
  ['unreasonable_hours', (a) => a.unreasonableHours],
  ['original', (a) => a.originality.original],
  ['reposted', (a) => a.originality.reposted],
  ['findings_caught', (a) => Object.values(a.findings).reduce((n, f) => n + f.caught, 0)],
  ['findings_waived', (a) => Object.values(a.findings).reduce((n, f) => n + f.waived, 0)],
  ['withdrawals', (a) => a.withdrawals],
  ['corrections', (a) => a.corrections],
  ['urgent_awaiting_review', (a) => a.urgentAwaitingReview],
  ['deliveries_failed', (a) => a.deliveries.failed],
  ['deliveries_dead', (a) => a.deliveries.dead],
  ['messages_received', (a) => a.messages.received],
  ['messages_unanswered', (a) => a.messages.unanswered],
  ['messages_overdue', (a) => a.messages.overdue],
];

/**
 * One CSV row per account (RFC 4180: CRLF line ends, fields quoted when needed), headed by
 * English column names so spreadsheets and scripts read it alike. A leading `=`, `+`, `-` or
 * `@` in text is prefixed with `'` so a spreadsheet does not run it as a formula.
 */
export function inspectionToCSV(result: InspectionResult): string {
  parseOrThrow(resultSchema, result, 'inspection result');
  const lines = [COLUMNS.map(([h]) => h).join(',')];
  for (const a of result.accounts) lines.push(COLUMNS.map(([, get]) => csvField(get(a))).join(','));
  return lines.join('\r\n') + '\r\n';
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
