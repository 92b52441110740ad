import type { ValidationIssue } from '../errors/index';
import { validationError } from '../errors/index';

/**
 * The longest text (in UTF-16 units) the checkers and channels accept: an article body,
 * a text given to `detectSensitive`, `findMarkings` or `visibleText`. About 1,000 pages of
 * Chinese; every check stays linear up to it, and a longer input answers `VALIDATION`
 * rather than occupying the host.
 */
export const MAX_TEXT_LENGTH = 1_000_000;

/** How much of a bad value an error message may quote. */
export const QUOTE_LIMIT = 40;

/**
 * A bad value as an error message may show it: strings and numbers quoted up to
 * {@link QUOTE_LIMIT} characters (then `…`), anything else by its type. Never throws (a
 * bigint, a symbol or a cyclic object is fine) and never repeats a 10 MB id in full.
 *
 * @internal
 */
export function quoteValue(value: unknown): string {
  if (typeof value === 'string') {
    const clipped = value.length > QUOTE_LIMIT ? `${value.slice(0, QUOTE_LIMIT)}…` : value;
    return JSON.stringify(clipped);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return `${value}n`.slice(0, QUOTE_LIMIT);
  return describeValue(value);
}

/** @internal The kind of a value, for messages: `null`, `an array`, `object`, `bigint`, … */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** @internal Throws `VALIDATION` (path `[name]`) unless `value` is a string. */
export function requireString(value: unknown, what: string, name = 'text'): asserts value is string {
  if (typeof value !== 'string') throw validationError(what, [{ path: [name], message: `expected a string, received ${describeValue(value)}` }]);
}

/** @internal Throws `VALIDATION` unless `value` is a finite number (optionally an integer ≥ `min`). */
export function requireNumber(value: unknown, what: string, name: string, rules: { integer?: boolean; min?: number } = {}): asserts value is number {
  const issues: ValidationIssue[] = [];
  if (typeof value !== 'number' || !Number.isFinite(value)) issues.push({ path: [name], message: `expected a finite number, received ${quoteValue(value)}` });
  else if (rules.integer && !Number.isInteger(value)) issues.push({ path: [name], message: 'expected an integer' });
  else if (rules.min !== undefined && value < rules.min) issues.push({ path: [name], message: `expected a number ≥ ${rules.min}` });
  if (issues.length) throw validationError(what, issues);
}

/** @internal Throws `VALIDATION` unless `value` is an array. */
export function requireArray(value: unknown, what: string, name: string): asserts value is unknown[] {
  if (!Array.isArray(value)) throw validationError(what, [{ path: [name], message: `expected an array, received ${describeValue(value)}` }]);
}

/** @internal Throws `VALIDATION` unless `value` is a plain object (not null, not an array). */
export function requireObject(value: unknown, what: string, name: string): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw validationError(what, [{ path: [name], message: `expected an object, received ${describeValue(value)}` }]);
  }
}
