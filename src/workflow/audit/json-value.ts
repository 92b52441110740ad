import type { ValidationIssue } from '../../errors/index';

// How deep a document's JSON may nest before we stop walking it. Real documents nest four or
// five levels; the bound keeps a hostile 100,000-deep value from exhausting the stack.
const MAX_DEPTH = 64;

/**
 * The first places where `value` is not plain JSON data (null, boolean, finite number, string,
 * array, or an object whose prototype is `Object.prototype` or null), at most `limit` of them.
 * Hashes over non-JSON values would be wrong silently — `canonicalJson(new Date())` is `{}` and
 * a bigint throws a `TypeError` — so the audit core refuses them with a path instead.
 */
export function nonJsonIssues(value: unknown, basePath: (string | number)[] = [], limit = 5): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  // An explicit stack rather than recursion, for the same reason as MAX_DEPTH.
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: basePath }];
  while (stack.length > 0 && issues.length < limit) {
    const { value: v, path } = stack.pop()!;
    if (path.length - basePath.length > MAX_DEPTH) {
      issues.push({ path, message: `nested deeper than ${MAX_DEPTH} levels` });
      continue;
    }
    if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) issues.push({ path, message: 'not a finite number (JSON cannot hold it)' });
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
      continue;
    }
    if (typeof v === 'object') {
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        issues.push({ path, message: 'not plain JSON data (a class instance such as a Date or Map)' });
        continue;
      }
      const record = v as Record<string, unknown>;
      for (const key of Object.keys(record).reverse()) stack.push({ value: record[key], path: [...path, key] });
      continue;
    }
    issues.push({ path, message: `a ${typeof v} is not JSON data` });
  }
  return issues;
}
