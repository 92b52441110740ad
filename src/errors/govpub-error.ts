import { type GovpubErrorCode } from './codes';
import type { GovpubErrorDetailsMap } from './details';

export { ERROR_CODES } from './codes';
export type { GovpubErrorCode } from './codes';
export type { ValidationIssue } from './details';

// A registry symbol, not a module-local one, so that two copies of govpub in one
// process (a host bundle plus a plugin's own copy) recognise each other's errors.
const GOVPUB_ERROR_TAG: unique symbol = Symbol.for('govpub.error') as never;

/** What the {@link GovpubError} constructor takes besides code and message. */
export interface GovpubErrorOptions<C extends GovpubErrorCode = GovpubErrorCode> {
  /** Structured context; its shape depends on the code ({@link GovpubErrorDetailsMap}). */
  details?: GovpubErrorDetailsMap[C];
  cause?: unknown;
}

/**
 * A {@link GovpubError} whose `code` is `C`, with `details` of that code's shape. Hosts
 * rarely name it: `GovpubError` is the union of these over every code, so checking `code`
 * narrows `details`.
 */
export class GovpubErrorOf<C extends GovpubErrorCode = GovpubErrorCode> extends Error {
  /** What kind of failure this is; stable across versions. */
  readonly code: C;
  /**
   * Structured context: `issues` for `VALIDATION`, `findings` for `CHECKS_FAILED`,
   * `reasons` for refusals, `outcome` for `STORAGE`… ({@link GovpubErrorDetailsMap}).
   * An empty object when the thrower gave none.
   */
  readonly details: GovpubErrorDetailsMap[C];
  /** @internal */
  readonly [GOVPUB_ERROR_TAG] = true;

  constructor(code: C, message: string, options: GovpubErrorOptions<C> = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GovpubError';
    this.code = code;
    // Always an object, so `e.details.x` never throws for a code whose details are all optional.
    this.details = options.details ?? ({} as GovpubErrorDetailsMap[C]);
  }
}

/** One {@link GovpubErrorOf} per code in `C` (a union when `C` is). */
export type GovpubErrorFor<C extends GovpubErrorCode> = C extends GovpubErrorCode ? GovpubErrorOf<C> : never;

/**
 * The only error type govpub throws on purpose. Check `code` rather than the message;
 * checking it narrows `details` to that code's shape ({@link GovpubErrorDetailsMap}).
 *
 * @example
 * ```ts
 * try {
 *   await publisher.submit(id, actor);
 * } catch (e) {
 *   if (isGovpubError(e) && e.code === 'CHECKS_FAILED') showFindings(e.details.findings);
 *   else if (isGovpubError(e) && e.code === 'FORBIDDEN') showReasons(e.details.reasons);
 *   else throw e;
 * }
 * ```
 */
export type GovpubError = GovpubErrorFor<GovpubErrorCode>;

/** The constructor of {@link GovpubError}: `new GovpubError(code, message, { details, cause })`. */
export interface GovpubErrorConstructor {
  new <C extends GovpubErrorCode>(code: C, message: string, options?: GovpubErrorOptions<C>): GovpubErrorFor<C>;
  /** `instanceof GovpubError` narrows to the union, so `code` narrows `details` after it too. */
  readonly prototype: GovpubError;
}

/** The value behind {@link GovpubError}: construct it with `new`, test with `instanceof` or {@link isGovpubError}. */
export const GovpubError: GovpubErrorConstructor = GovpubErrorOf as unknown as GovpubErrorConstructor;

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
