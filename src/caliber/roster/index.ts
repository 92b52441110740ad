export { defineRoster, ROSTER_SCHEMA } from './define-roster';
export { ROSTER_RULE_IDS } from './rule-ids';
export type { Leader, Roster } from './types';
