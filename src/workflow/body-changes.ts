/** How much of a body an edit changed, for the `updated` audit event. */
export interface BodyChanges {
  /** UTF-16 code units in the new body that are not in the old one's common prefix/suffix. */
  added: number;
  /** UTF-16 code units of the old body that the edit replaced. */
  removed: number;
}

/**
 * Counts an edit's changes in linear time: trims the common prefix and suffix and reports the
 * middle parts' lengths. A character diff (what this replaced) is quadratic in the worst case
 * — rewriting an 8,000-character body took about ten seconds — and the audit trail needs an
 * honest size of the edit, not a minimal edit script. An edit confined to one place is counted
 * exactly; scattered edits count the span from the first to the last change.
 *
 * `work`, when given, is incremented once per character compared, so tests can prove the
 * bound without a timer.
 */
export function countBodyChanges(before: string, after: string, work?: { steps: number }): BodyChanges {
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  if (work) work.steps += prefix + suffix + 2;
  return { added: after.length - prefix - suffix, removed: before.length - prefix - suffix };
}
