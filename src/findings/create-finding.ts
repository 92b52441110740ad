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

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** Orders findings by `start`, then `end`, then severity (errors first), then `ruleId`. Returns a new array. */
export function sortFindings<F extends Finding>(findings: readonly F[]): F[] {
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
  return findings.some((f) => f.severity === 'error');
}
