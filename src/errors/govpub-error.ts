/**
 * Every failure govpub reports on purpose has one of these codes.
 *
 * - `VALIDATION`: the input is malformed; `details.issues` lists each problem with its path.
 * - `NOT_FOUND`: no document with that id.
 * - `CONFLICT`: the caller's `expectedVersion` is stale (someone else wrote first).
 * - `FORBIDDEN`: the actor's role, department or separation of duties forbids the action.
 * - `INVALID_TRANSITION`: the document's state does not allow the action.
 * - `CHECKS_FAILED`: a gate found `error` findings; they are in `details.findings`.
 * - `CLEARANCE`: the content's level is above a target channel's clearance.
 * - `STORAGE`: the database failed under a command (connection lost, server shut down);
 *   `details.outcome` is `'not-written'` when nothing was stored, `'unknown'` when the
 *   connection died while committing, so the host should re-read before retrying.
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

/** One problem found while validating input: where (`path`) and what (`message`). */
export interface ValidationIssue {
  /** Path from the validated value's root, e.g. `['rules', 2, 'pattern']`. */
  path: (string | number)[];
  message: string;
}

// A registry symbol, not a module-local one, so that two copies of govpub in one
// process (a host bundle plus a plugin's own copy) recognise each other's errors.
const GOVPUB_ERROR_TAG: unique symbol = Symbol.for('govpub.error') as never;

/**
 * The only error type govpub throws on purpose. Check `code` rather than the message.
 *
 * @example
 * ```ts
 * try {
 *   await publisher.submit(id, actor);
 * } catch (e) {
 *   if (isGovpubError(e) && e.code === 'CHECKS_FAILED') showFindings(e.details.findings);
 *   else throw e;
 * }
 * ```
 */
export class GovpubError extends Error {
  /** What kind of failure this is; stable across versions. */
  readonly code: GovpubErrorCode;
  /** Structured context: `issues` for `VALIDATION`, `findings` for `CHECKS_FAILED`, … */
  readonly details?: Record<string, unknown>;
  /** @internal */
  readonly [GOVPUB_ERROR_TAG] = true;

  constructor(
    code: GovpubErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GovpubError';
    this.code = code;
    if (options.details !== undefined) this.details = options.details;
  }
}

/**
 * True when `e` is a {@link GovpubError}, also one thrown by another copy of the package.
 */
export function isGovpubError(e: unknown): e is GovpubError {
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as Record<symbol, unknown>)[GOVPUB_ERROR_TAG] === true
  );
}
