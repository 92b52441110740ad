export { defineRuleSet, resolveRuleSets } from './define-rule-set';
export { checkCaliber } from './check-caliber';
export { applyFixes } from './apply-fixes';
export type { ApplyFixesOptions, FixableFinding } from './apply-fixes';
export { zhGovRules } from './zh-gov-rules';
export { FACT_RULE_ID } from './facts';
export { BUILTIN_CHECK_IDS, describeBuiltinCheck } from './builtin/registry';
export type { BuiltinCheckId } from './builtin/registry';
export { carriesLexiconCheck } from './builtin/lexicon-checks';
export { parseFigure, toChineseNumeral } from './numbers';
export type { Figure } from './numbers';
export type {
  BannedRule,
  BuiltinRule,
  CaliberOptions,
  ConsistencyRule,
  DictionaryEntry,
  DictionaryRule,
  Fact,
  RegexRule,
  ReplaceRule,
  Rule,
  RuleBase,
  RuleSet,
  RuleSpec,
  RuleType,
  TitleRule,
} from './types';
export { defineRoster, ROSTER_RULE_IDS } from './roster/index';
export type { Leader, Roster } from './roster/index';
export { agencyRenameRules, BUILTIN_PACKS, defaultRuleSets, spamRules, xinhuaRules } from './packs/index';
export { zhGovTypos, zhGovDeDiDe, zhGovNonWords, findNonWords, loadDictionaries, dictionariesLoaded } from './lexicon/index';
export type { NonWordHit } from './lexicon/index';
export type { Lexicon } from './lexicon/lexicon';
