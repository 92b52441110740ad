/**
 * Every failure govpub reports on purpose has one of these codes.
 *
 * - `VALIDATION`: the input is malformed; `details.issues` lists each problem with its path.
 * - `NOT_FOUND`: no document with that id.
 * - `CONFLICT`: the caller's `expectedVersion` is stale (someone else wrote first), or the
 *   document no longer matches its audit trail (`details.reasons`, code `TRAIL_MISMATCH`).
 * - `FORBIDDEN`: the actor's role, department or separation of duties forbids the action.
 * - `INVALID_TRANSITION`: the document's state does not allow the action.
 * - `CHECKS_FAILED`: a gate found `error` findings; they are in `details.findings`.
 * - `CLEARANCE`: the content's level is above a target channel's clearance.
 * - `STORAGE`: the database failed under a command (connection lost, server shut down);
 *   `details.outcome` is `'not-written'` when nothing was stored, `'unknown'` when the
 *   connection died while committing, so the host should re-read before retrying.
 *
 * {@link GovpubErrorDetailsMap} gives the shape of `details` for each code.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'INVALID_TRANSITION',
  'CHECKS_FAILED',
  'CLEARANCE',
  'STORAGE',
] as const;

/** One of {@link ERROR_CODES}. */
export type GovpubErrorCode = (typeof ERROR_CODES)[number];
