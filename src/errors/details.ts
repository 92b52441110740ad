import type { GovpubErrorCode } from './codes';

// errors/ is the leaf every area imports, so it cannot import the Finding (findings/) or the
// Reason (workflow/) it reports. The two shapes below restate them field by field;
// test/errors/details.test-d.ts fails to compile the day either drifts from the real type.

/** One problem found while validating input: where (`path`) and what (`message`). */
export interface ValidationIssue {
  /** Path from the validated value's root, e.g. `['rules', 2, 'pattern']`. */
  path: (string | number)[];
  message: string;
}

/** A finding as `CHECKS_FAILED` reports it: the same shape as `Finding` from the package root. */
export interface ReportedFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  start: number;
  end: number;
  line: number;
  column: number;
  excerpt: string;
  suggestions?: string[];
  fix?: { start: number; end: number; text: string; safe?: boolean };
  source?: string;
  details?: Record<string, unknown>;
}

/**
 * A refusal reason as errors report it: the same shape as `Reason` from the package root
 * (`code` is one of `REASON_CODES`; `formatReason` writes `message` in another locale).
 */
export interface RefusalReason {
  code: string;
  params: Record<string, unknown>;
  message: string;
  /** The error code the command throws for this reason. */
  error: GovpubErrorCode;
}

// Every details type keeps an index signature: callers that read `details` loosely
// (`e.details?.issues` on an error whose code they did not check) still compile, as they did
// when details was a plain record, and reading an unknown key gives `unknown`, not an error.

/** `details` of a `VALIDATION` error. */
export interface ValidationErrorDetails {
  /** Each problem with its path. */
  issues: ValidationIssue[];
  [key: string]: unknown;
}

/** `details` of a `NOT_FOUND` error: the id looked for (`documentId` from the audit checkpoint's inclusion proof). */
export interface NotFoundErrorDetails {
  id?: string;
  documentId?: string;
  [key: string]: unknown;
}

/**
 * `details` of a `CONFLICT` error: a stale write names the document and both versions
 * (`expectedVersion: null` = create, `actualVersion: null` = absent); a document that no
 * longer matches its trail carries `reasons` (code `TRAIL_MISMATCH`).
 */
export interface ConflictErrorDetails {
  id?: string;
  expectedVersion?: number | null;
  actualVersion?: number | null;
  reasons?: RefusalReason[];
  [key: string]: unknown;
}

/** `details` of a `FORBIDDEN` error: every reason the actor may not act (role, department, separation of duties). */
export interface ForbiddenErrorDetails {
  reasons: RefusalReason[];
  [key: string]: unknown;
}

/** `details` of an `INVALID_TRANSITION` error: the reasons, with the state and any scheduled time. */
export interface InvalidTransitionErrorDetails {
  reasons: RefusalReason[];
  state?: string;
  scheduledAt?: string;
  [key: string]: unknown;
}

/** `details` of a `CHECKS_FAILED` error: every finding of the gates (or channels) that ran, errors and the rest. */
export interface ChecksFailedErrorDetails {
  findings: ReportedFinding[];
  reasons?: RefusalReason[];
  [key: string]: unknown;
}

/** `details` of a `CLEARANCE` error: the content's level and the channels (or delivery accounts) below it. */
export interface ClearanceErrorDetails {
  /** One of `LEVELS`. */
  level: string;
  /** Channel ids whose clearance is below `level` (publishing). */
  channels?: string[];
  /** Delivery accounts whose clearance is below `level` (delivery planning). */
  accounts?: { accountId: string; clearance: string }[];
  reasons?: RefusalReason[];
  [key: string]: unknown;
}

/** `details` of a `STORAGE` error: whether anything was written, and the server's SQLSTATE when it sent one. */
export interface StorageErrorDetails {
  outcome: 'not-written' | 'unknown';
  sqlState?: string;
  [key: string]: unknown;
}

/**
 * The shape of `GovpubError.details` for each error code. Narrowing on `code` narrows
 * `details` with it.
 *
 * @example
 * ```ts
 * if (isGovpubError(e) && e.code === 'CHECKS_FAILED') show(e.details.findings);
 * ```
 */
export interface GovpubErrorDetailsMap {
  VALIDATION: ValidationErrorDetails;
  NOT_FOUND: NotFoundErrorDetails;
  CONFLICT: ConflictErrorDetails;
  FORBIDDEN: ForbiddenErrorDetails;
  INVALID_TRANSITION: InvalidTransitionErrorDetails;
  CHECKS_FAILED: ChecksFailedErrorDetails;
  CLEARANCE: ClearanceErrorDetails;
  STORAGE: StorageErrorDetails;
}

/** `details` of any error code (the union of {@link GovpubErrorDetailsMap}'s values). */
export type GovpubErrorDetails = GovpubErrorDetailsMap[GovpubErrorCode];
