import { validationError } from '../errors/index';
import { requireArray } from '../text/index';
import type { Finding, FindingInput } from './finding';
import { LineIndex } from './line-index';

/**
 * Completes a finding from its offsets: `line`, `column` and `excerpt` are read off `text`
 * (or off `lines`, a {@link LineIndex} of the same text, when reporting many findings).
 */
export function createFinding<F extends FindingInput>(
  text: string | LineIndex,
  input: F,
): F & Pick<Finding, 'line' | 'column' | 'excerpt'> {
  const index = typeof text === 'string' ? lineIndexFor(text) : text;
  const { line, column } = index.locate(input.start);
  return { ...input, line, column, excerpt: index.text.slice(input.start, input.end) };
}

// Checks report many findings on one text, one call each: keep the last text's index so that
// is one O(n) scan in all, not one per finding. (Same string object: a pointer comparison.)
let lastIndex: LineIndex | undefined;
function lineIndexFor(text: string): LineIndex {
  if (lastIndex?.text !== text) lastIndex = new LineIndex(text);
  return lastIndex;
}

// Only what sorting and severity checks read: objects with numeric offsets and known severities.
function requireFindings(findings: unknown, what: string): void {
  requireArray(findings, what, 'findings');
  // Array.from, not flatMap: a sparse array's holes are refused too.
  const issues = Array.from(findings, (f: unknown, i) => {
    if (typeof f !== 'object' || f === null) return [{ path: [i], message: 'expected a finding object' }];
    const { start, end, severity, ruleId } = f as Record<string, unknown>;
    const bad: { path: (string | number)[]; message: string }[] = [];
    if (typeof start !== 'number' || Number.isNaN(start)) bad.push({ path: [i, 'start'], message: 'expected a number' });
    if (typeof end !== 'number' || Number.isNaN(end)) bad.push({ path: [i, 'end'], message: 'expected a number' });
    if (severity !== 'error' && severity !== 'warning' && severity !== 'info') bad.push({ path: [i, 'severity'], message: "expected 'error', 'warning' or 'info'" });
    if (typeof ruleId !== 'string') bad.push({ path: [i, 'ruleId'], message: 'expected a string' });
    return bad;
  }).flat();
  if (issues.length) throw validationError(what, issues);
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** Orders findings by `start`, then `end`, then severity (errors first), then `ruleId`. Returns a new array. */
export function sortFindings<F extends Finding>(findings: readonly F[]): F[] {
  requireFindings(findings, 'sortFindings');
  return [...findings].sort(
    (a, b) =>
      a.start - b.start ||
      a.end - b.end ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

/** True when any finding has severity `error`. */
export function hasErrors(findings: readonly Finding[]): boolean {
  requireFindings(findings, 'hasErrors');
  return findings.some((f) => f.severity === 'error');
}
