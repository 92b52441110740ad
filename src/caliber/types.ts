import type { Severity } from '../findings/index';
import type { BuiltinCheckId } from './builtin/registry';
import type { Roster } from './roster/types';

/**
 * A self-test of a rule, run by {@link defineRuleSet} (as prh does): the rule's fixes applied
 * to `from` must give exactly `to`.
 */
export interface RuleSpec {
  from: string;
  to: string;
}

/** Fields every rule may carry. */
export interface RuleBase {
  /** Unique within its rule set; no `/` or white space. Findings are `<rule set id>/<id>`. */
  id: string;
  /** Defaults to `warning`. */
  severity?: Severity;
  /**
   * Shown to the author. `{match}` is replaced by the text found and `{expected}` by the
   * expected wording, where the rule has one.
   */
  message?: string;
  /** The standard, notice or style guide the rule comes from, e.g. `GB/T 15834-2011 4.5`. */
  source?: string;
  /** ISO date (`2022-12-26`, read as 00:00 UTC) or date-time from which the rule applies. */
  since?: string;
  /** ISO date or date-time from which the rule no longer applies (exclusive). */
  until?: string;
  /** Self-tests checked when the rule set is defined. */
  specs?: RuleSpec[];
  /**
   * Whether the rule's fixes may be applied without a human reading them (`applyFixes` skips
   * unsafe ones unless asked). Default `true`; set `false` where the right wording depends on
   * what the sentence means (political wording, a leader's title, a renamed agency).
   */
  safe?: boolean;
  /**
   * Leave matches inside 《》 titles of cited documents and inside quotation marks alone: they
   * are reproduced as issued or said. Default `true` for `replace` and `dictionary` rules
   * (renaming rules), `false` for the others. A change of wording inside them is never a safe fix either way.
   */
  exemptQuoted?: boolean;
  /**
   * The rule does not apply in a sentence that contains any of these words: `罪犯` is right in
   * a sentence about a judgment (`判决`, `服刑`), wrong before one.
   */
  unlessSentenceHas?: string[];
  /**
   * The wording was right before `since` (an agency renamed on that date): a mention introduced
   * as a former one (`原安监局`, `时任`) or in a sentence naming only earlier years
   * (`2017年，县安监局……`) is not reported. Needs `since`.
   */
  historical?: boolean;
}

/**
 * Terms that must not appear. `exceptions` are longer phrases that contain a term and are
 * fine (`最` is banned, `最高人民法院` is not).
 */
export interface BannedRule extends RuleBase {
  type: 'banned';
  terms: string[];
  exceptions?: string[];
  /** Offered to the author; a banned term has no mechanical fix. */
  suggestions?: string[];
}

/**
 * Any of `patterns` is replaced by `expected`. Text that already reads `expected` is never
 * flagged, also when `expected` contains a pattern (`冠状病毒` inside `新型冠状病毒`).
 */
export interface ReplaceRule extends RuleBase {
  type: 'replace';
  patterns: string[];
  expected: string;
  exceptions?: string[];
}

/** One line of a {@link DictionaryRule}: these patterns should read `expected`. */
export interface DictionaryEntry {
  patterns: string[];
  expected: string;
}

/**
 * A table of wrong → right wordings under one rule id (a list of 错别字, 异形词, …): a
 * {@link ReplaceRule} with one `expected` per entry.
 */
export interface DictionaryRule extends RuleBase {
  type: 'dictionary';
  entries: DictionaryEntry[];
}

/**
 * A regular expression, run over the original text (or over the normalised text with
 * `normalize: true`). `replacement` may use `$1`, `$<name>`, `$&` and `$$`.
 */
export interface RegexRule extends RuleBase {
  type: 'regex';
  pattern: string;
  /** Any of `i m s u v` (`g` is implied; `y` is not allowed). */
  flags?: string;
  replacement?: string;
  /** Match against the normalised text (full/half width, case, traditional folded). */
  normalize?: boolean;
  /**
   * Also match inside what Markdown checks skip (code, URLs, link targets): injected spam hides
   * its address there. Default `false`.
   */
  checkMarkup?: boolean;
}

/** A person's `name` must carry `title` at its first mention (`市长王明` or `王明市长`). */
export interface TitleRule extends RuleBase {
  type: 'title';
  name: string;
  title: string;
}

/**
 * Several spellings of one thing (`其他`/`其它`): whichever the document uses first, it must
 * keep using.
 */
export interface ConsistencyRule extends RuleBase {
  type: 'consistency';
  variants: string[];
}

/**
 * A check that needs logic beyond the other rule types (pairing brackets, converting
 * numerals, …), named by `check`. Rule sets of your own may use them too.
 */
export interface BuiltinRule extends RuleBase {
  type: 'builtin';
  check: BuiltinCheckId;
}

/** One rule of a {@link RuleSet}. */
export type Rule = BannedRule | ReplaceRule | DictionaryRule | RegexRule | TitleRule | ConsistencyRule | BuiltinRule;

/** The `type` of a {@link Rule}. */
export type RuleType = Rule['type'];

/**
 * A named list of rules, plain JSON so an office can keep it outside code. Make one with
 * {@link defineRuleSet}, which validates it and freezes it.
 */
export interface RuleSet {
  /** No `/` or white space; the first half of every finding's `ruleId`. */
  readonly id: string;
  readonly name?: string;
  readonly description?: string;
  readonly rules: readonly Rule[];
}

/**
 * A figure of an approved statement (通稿): the number stated after `label` in a draft must
 * equal `value`, e.g. `{ label: '参与人数', value: '1.2万' }`.
 */
export interface Fact {
  label: string;
  /** A number, or a figure as written (`'1.2万'`, `'一万二千'`, `'12,000'`, `'3.5%'`). */
  value: number | string;
  /** Where the figure comes from, copied to the finding's `source`. */
  source?: string;
}

/** Options of {@link checkCaliber}. */
export interface CaliberOptions {
  /** Figures of the approved statement that the text must repeat exactly. */
  facts?: readonly Fact[];
  /** The moment rules' `since`/`until` are judged against. Defaults to the current time. */
  now?: Date;
  /**
   * The time the document speaks of, when it is not now (a review of 2017, a reissued old
   * notice): rules' `since`/`until` are judged against it instead of `now`, so names that
   * were right then are not reported.
   */
  asOf?: Date;
  /** Skip code, URLs and link targets as Markdown does. Default `true`. */
  markdown?: boolean;
  /**
   * The office's leader roster(s), made with `defineRoster`: titles, names and order of
   * precedence are checked against them (findings `roster/<check>`).
   */
  roster?: Roster | readonly Roster[];
  /** Full rule ids (`zh-gov/relative-dates`) to leave out of this check. */
  disable?: readonly string[];
}
