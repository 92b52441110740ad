import type { core } from 'zod/mini';
import type { ValidationIssue } from './details';
import { GovpubError, type GovpubErrorOf } from './govpub-error';
import { safeParseWithMessages } from './zod-messages';

/**
 * Parses `value` with `schema`, or throws `GovpubError('VALIDATION')` listing every issue
 * with its path. `what` names the input in the message (e.g. `"createDraft input"`). Takes a
 * schema of zod's classic API or of zod/mini; messages are English either way.
 */
export function parseOrThrow<S extends core.$ZodType>(schema: S, value: unknown, what: string): core.output<S> {
  const result = safeParseWithMessages(schema, value);
  if (result.success) return result.data;
  throw validationError(what, toValidationIssues(result.error.issues));
}

/** How {@link toValidationIssues} writes paths. */
export interface ToValidationIssuesOptions {
  /**
   * Every path element as a string (`['limits', '0']` rather than `['limits', 0]`), for
   * callers whose published error details have always had string paths (channel definitions).
   */
  stringPaths?: boolean;
}

/**
 * zod's issues as `details.issues` entries: each with its path (symbol keys as strings) and
 * message. The one place this conversion is written, so every area reports paths alike.
 * Path keys and quoted values are clipped (see `clip`).
 *
 * @example
 * ```ts
 * const r = schema.safeParse(value);
 * if (!r.success) throw validationError('channel', toValidationIssues(r.error.issues, { stringPaths: true }));
 * ```
 */
export function toValidationIssues(issues: readonly core.$ZodIssue[], options: ToValidationIssuesOptions = {}): ValidationIssue[] {
  const stringPaths = options.stringPaths === true;
  return issues.map((issue) => ({
    path: issue.path.map((p) => {
      const key = typeof p === 'symbol' ? String(p) : typeof p === 'string' ? clip(p) : p;
      return stringPaths ? String(key) : key;
    }),
    message: clipQuotes(issue.message),
  }));
}

/** Builds the `VALIDATION` error for a list of issues; the message names the first few. */
export function validationError(what: string, issues: ValidationIssue[]): GovpubErrorOf<'VALIDATION'> {
  const summary = issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : '';
  return new GovpubError('VALIDATION', `Invalid ${what}: ${summary}${more}`, { details: { issues } });
}

// Messages may quote a bad value (a key, an id) but only a short prefix of it: a 10 MB id
// must not come back in full in an error message or a log line.
const QUOTE_LIMIT = 40;
function clip(s: string): string {
  return s.length > QUOTE_LIMIT ? `${s.slice(0, QUOTE_LIMIT)}…` : s;
}
function clipQuotes(message: string): string {
  // split, not a regular expression: a 10 MB quoted key would overflow the regexp stack.
  const quoted = message.split('"').map((part, i) => (i % 2 === 1 ? clip(part) : part)).join('"');
  return quoted.length > 500 ? `${quoted.slice(0, 500)}…` : quoted;
}
