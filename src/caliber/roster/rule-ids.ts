// A module of its own: the roster's public index reaches it without reaching the checks, so
// defineRoster's bundle chunk holds nothing the rule engine needs (see tsup.config.ts).

/** The rule ids of roster findings; `disable` takes them like any other. */
export const ROSTER_RULE_IDS = {
  wrongTitle: 'roster/wrong-title',
  nameVariant: 'roster/name-variant',
  missingTitle: 'roster/missing-title',
  order: 'roster/order',
} as const;
