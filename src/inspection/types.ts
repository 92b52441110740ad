/**
 * One publication of one revision on one account, as storage can report it. Every field is
 * plain data a storage query can fill (see docs/inspection.md for the SQL shape).
 */
export interface PublicationRecord {
  documentId: string;
  revision: number;
  accountId: string;
  channel: string;
  /** ISO 8601 with offset, e.g. `2024-05-15T09:30:00+08:00`. */
  publishedAt: string;
  /** When this publication was taken down, if it was. */
  withdrawnAt?: string;
  /** Published under the urgent path (review after the fact). */
  urgent: boolean;
  /** Urgent and its retrospective review is still open. */
  retrospectivePending: boolean;
  /**
   * From the duplicate gate's record: `true`/`false`, or the original share of the text
   * (0..1, `originality()`); a share of at least {@link ORIGINAL_SHARE} counts as original.
   */
  original: boolean | number;
  /** Findings caught before publishing, by category (e.g. `caliber`, `confidentiality`, `duplicates`). */
  findingsByCategory: Record<string, { caught: number; waived: number }>;
  /** The document id this publication corrects, if it is a correction. */
  correctionOf?: string;
  /** Where its delivery to the platform stands (from the delivery ledger). */
  deliveryState?: RecordDeliveryState;
}

/** Delivery states as the delivery ledger names them. */
export type RecordDeliveryState = 'pending' | 'sending' | 'delivered' | 'failed' | 'dead';

/** Cadence rules of an account: the national one and optional stricter local ones. */
export interface Cadence {
  /**
   * Longest silence allowed, in days: more than this many days without an update fails the
   * inspection. Default 14 (the national rule for government new media: no update for over
   * two weeks is a one-vote veto in the State Council office's inspection indicators).
   */
  maxGapDays?: number;
  /** Local target: at least this many updates a week. Falling short puts the account at risk. */
  perWeek?: number;
  /** Local rule: at least one update every this many days (stricter than `maxGapDays`). */
  everyDays?: number;
}

/** An account as inspection needs it. */
export interface InspectionAccount {
  id: string;
  name: string;
  channel: string;
  cadence?: Cadence;
}

/** A message (留言) received through an account's interaction function. */
export interface InboundMessage {
  id: string;
  accountId: string;
  /** ISO 8601 with offset. */
  receivedAt: string;
  /** When the reply was published; absent while unanswered. */
  repliedAt?: string;
  /** When the reply is due (the office's promise, e.g. 5 working days). */
  dueAt: string;
}

/** One review step of a reply (same shape as the publisher's review steps). */
export interface ReplyReviewStep {
  id: string;
  roles: readonly ('reviewer' | 'approver' | 'publisher' | 'admin' | 'author')[];
}

/**
 * A reply to an {@link InboundMessage}: a document of its own that goes through shorter
 * review ({@link REPLY_REVIEW_STEPS} by default) and must be published by `dueAt`.
 */
export interface Reply {
  id: string;
  messageId: string;
  accountId: string;
  /** The document that carries the reply's text through review. */
  documentId: string;
  dueAt: string;
  /** When it was published; absent while in review. */
  publishedAt?: string;
  reviewSteps?: readonly ReplyReviewStep[];
}

/** Stable codes of {@link InspectionReason}. */
export type InspectionReasonCode =
  | 'never-published'
  | 'silent-too-long'
  | 'gap-exceeded'
  | 'fails-soon'
  | 'below-weekly-target'
  | 'interaction-unanswered'
  | 'messages-overdue'
  | 'urgent-awaiting-review'
  | 'deliveries-failed'
  | 'unreasonable-hours'
  | 'low-originality'
  | 'withdrawals';

/** How much a reason weighs: `fail` fails the account, `risk` puts it at risk, `info` is shown only. */
export type ReasonSeverity = 'fail' | 'risk' | 'info';

/** Why an account got its verdict: a stable code, parameters and a message (Chinese by default). */
export interface InspectionReason {
  code: InspectionReasonCode;
  severity: ReasonSeverity;
  params: Record<string, string | number>;
  message: string;
}

/** An account's verdict. */
export type InspectionVerdict = 'pass' | 'at-risk' | 'fail';

/** A silence between two updates (or from the window start, or up to now). */
export interface Gap {
  /** Whole days in the office time zone. */
  days: number;
  /** Local dates (`yyyy-MM-dd`) of the update before and the update after (or today). */
  from: string;
  to: string;
}

/** Everything inspected about one account. */
export interface AccountInspection {
  accountId: string;
  name: string;
  channel: string;
  verdict: InspectionVerdict;
  reasons: InspectionReason[];
  /** The effective rules: `maxGapDays` filled in. */
  cadence: Required<Pick<Cadence, 'maxGapDays'>> & Omit<Cadence, 'maxGapDays'>;
  /** Updates that count (published in the window, not withdrawn, delivery not failed or dead). */
  publications: number;
  /** The last update that counts, up to `now` (also before the window). */
  lastPublishedAt: string | null;
  daysSinceLast: number | null;
  /** The strictest silence limit (`everyDays` if stricter than `maxGapDays`). */
  limitDays: number;
  /** Which rule the limit comes from. */
  limitRule: 'national' | 'local';
  /** Local date on which the account fails if nothing is published before it. */
  failsOn: string | null;
  /** Whole days left until `failsOn` (0 when it has already failed). */
  daysLeft: number | null;
  /** Longest silence within the window (up to the earlier of `to` and `now`). */
  longestGap: Gap | null;
  perWeek: { actual: number; target: number | null };
  /** Updates by local hour, 0–23. */
  hours: number[];
  /** Updates by local weekday, Monday first. */
  weekdays: number[];
  weekendOrHoliday: number;
  holidays: number;
  /** Updates between 0:00 and 6:00 local time. */
  unreasonableHours: number;
  originality: { original: number; reposted: number; share: number | null };
  /** Per local month `yyyy-MM` in the window. */
  months: { month: string; publications: number; original: number; reposted: number }[];
  /** Updates per local day in the window (`yyyy-MM-dd` → count); days without any are absent. */
  days: Record<string, number>;
  findings: Record<string, { caught: number; waived: number }>;
  withdrawals: number;
  corrections: number;
  urgentAwaitingReview: number;
  deliveries: { failed: number; dead: number };
  messages: { received: number; answered: number; unanswered: number; overdue: number; answeredLate: number };
}

/** What {@link inspect} returns. */
export interface InspectionResult {
  from: string;
  to: string;
  now: string;
  timeZone: string;
  /** First and last local dates of the window. */
  fromDay: string;
  toDay: string;
  accounts: AccountInspection[];
  totals: { accounts: number; pass: number; atRisk: number; fail: number; publications: number };
}
