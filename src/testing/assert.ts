import { isGovpubError } from '../errors/index';
import type { GovpubErrorCode } from '../errors/index';

/**
 * Thrown by a conformance check when the adapter under test breaks the storage contract.
 * `checkId` names the check (e.g. `commit/stale-version`) so a failure report says which
 * rule was broken, not only which assertion.
 */
export class ConformanceFailure extends Error {
  /** The id of the check that failed, e.g. `commit/concurrent-same-version`. */
  readonly checkId: string;

  constructor(checkId: string, message: string, options: { cause?: unknown } = {}) {
    super(`[${checkId}] ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ConformanceFailure';
    this.checkId = checkId;
  }
}

/** The first place two JSON-like values differ, as a path and a description; `null` if equal. */
export function firstDifference(actual: unknown, expected: unknown, path = '$'): string | null {
  // `===`, not Object.is: JSON (and JSONB) cannot tell -0 from 0.
  if (actual === expected) return null;
  if (typeof actual !== 'object' || typeof expected !== 'object' || actual === null || expected === null) {
    return `${path}: expected ${show(expected)}, got ${show(actual)}`;
  }
  if (Array.isArray(actual) !== Array.isArray(expected)) {
    return `${path}: expected ${Array.isArray(expected) ? 'an array' : 'an object'}, got ${show(actual)}`;
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length) {
      return `${path}: expected ${expected.length} items, got ${actual.length}`;
    }
    for (let i = 0; i < expected.length; i++) {
      const diff = firstDifference(actual[i], expected[i], `${path}[${i}]`);
      if (diff) return diff;
    }
    return null;
  }
  // Documents are JSON data: a member set to `undefined` and a missing member are the same
  // value (JSON and JSONB both drop it), so only defined members are compared.
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(e)].filter((k) => a[k] !== undefined || e[k] !== undefined));
  // `id` first: "item 5 is a different document" says more than the first field that differs.
  for (const key of [...keys].sort((x, y) => Number(y === 'id') - Number(x === 'id') || (x < y ? -1 : x > y ? 1 : 0))) {
    const diff = firstDifference(a[key], e[key], `${path}.${key}`);
    if (diff) return diff;
  }
  return null;
}

function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}…` : json;
}

/**
 * Assertions for conformance checks; a failed one fails the check with a {@link ConformanceFailure}. The kit uses its
 * own instead of vitest's `expect` so the checks also run under other test runners.
 */
export interface Assert {
  /** Fails with `message` unless `condition` holds. */
  ok(condition: unknown, message: string): asserts condition;
  /** Fails unless `actual` deep-equals `expected` as JSON data; names the first difference. */
  equal(actual: unknown, expected: unknown, what: string): void;
  /** Awaits `promise` and fails unless it rejects with a `GovpubError` of `code`; returns it. */
  rejects(promise: Promise<unknown>, code: GovpubErrorCode, what: string): Promise<Error>;
  /** Fails unconditionally. */
  fail(message: string, cause?: unknown): never;
}

/**
 * Raised by {@link assert}; the runner turns it into a {@link ConformanceFailure} naming the
 * check, so the assertions need not know which check they serve.
 */
export class ContractViolation extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ContractViolation';
  }
}

const fail = (message: string, cause?: unknown): never => {
  throw new ContractViolation(message, { cause });
};

/** The assertions every check uses (an explicit annotation so `asserts` narrowing works). */
export const assert: Assert = {
  ok(condition, message) {
    if (!condition) fail(message);
  },
  equal(actual, expected, what) {
    const diff = firstDifference(actual, expected);
    if (diff) fail(`${what} is not as expected — ${diff}`);
  },
  async rejects(promise, code, what) {
    let outcome: { error: unknown } | undefined;
    try {
      await promise;
    } catch (error) {
      outcome = { error };
    }
    if (!outcome) return fail(`${what}: expected GovpubError ${code}, but it succeeded`);
    const { error } = outcome;
    if (!isGovpubError(error)) {
      return fail(`${what}: expected GovpubError ${code}, got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, error);
    }
    if (error.code !== code) return fail(`${what}: expected GovpubError ${code}, got ${error.code}: ${error.message}`, error);
    return error;
  },
  fail,
};
