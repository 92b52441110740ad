import type { Severity } from '../findings/index';
import { normalizeText } from '../text/index';
import { LiteralAutomaton } from './automaton';
import type { BuiltinCheck } from './builtin/context';
import { builtinCheck } from './builtin/registry';
import type { Rule, RuleSet } from './types';
import { CORE_TITLES, parseTitle } from './roster/titles';
import { parseWhen } from './when';
import { regexTrigger, type RegexTrigger } from './regex-trigger';
import { buildTriggerIndex, type TriggerIndex } from './regex-windows';

/** How a literal pattern takes part in a rule. */
export const ROLE_TERM = 0;
export const ROLE_EXCEPTION = 1;
export const ROLE_VARIANT = 2;
export const ROLE_NAME = 3;

/** One use of a literal pattern by one rule. */
export interface LiteralEntry {
  /** Index into {@link CompiledRuleSets.rules}. */
  readonly rule: number;
  readonly role: number;
  /** Exceptions suppress terms of the same group (a rule, or one line of a dictionary). */
  readonly group: number;
  /** The wording a `replace` or `dictionary` term should read. */
  readonly expected?: string;
  /** For `consistency`: which variant. */
  readonly variant?: number;
}

/** A rule with everything the check needs precomputed. */
export interface CompiledRule {
  readonly ruleId: string;
  readonly rule: Rule;
  readonly severity: Severity;
  readonly since: number;
  readonly until: number;
  /** For `title` rules: the title as normalised. */
  readonly normalizedTitle?: string;
  /** For `title` rules: the core offices to read titles with (the usual ones and this title's). */
  readonly titleCores?: readonly string[];
  /** For `regex` rules. */
  readonly regex?: RegExp;
  /**
   * For `regex` rules with a literal trigger: the rule's slot in the trigger index of its target
   * text, and the pattern compiled sticky, to be tried only where a match can start.
   */
  readonly windowed?: { readonly slot: number; readonly sticky: RegExp; readonly literalStart: boolean };
  /** For `builtin` rules. */
  readonly builtin?: BuiltinCheck;
  /** Fixes of this rule are safe without a human (inside quotes they never are). */
  readonly safe: boolean;
  /** Matches inside 《》 and quotation marks are not reported. */
  readonly exemptQuoted: boolean;
  /** The year of `since` for `historical` rules: mentions of earlier years are left alone. */
  readonly historicalYear?: number;
}

/** Rule sets compiled together: one automaton for every literal of every rule. */
export interface CompiledRuleSets {
  readonly rules: readonly CompiledRule[];
  readonly automaton: LiteralAutomaton | null;
  /** Entries of pattern `p` are `entries[entryStart[p]]` up to `entries[entryStart[p + 1]]`. */
  readonly entryStart: Int32Array;
  readonly entries: readonly LiteralEntry[];
  /** Patterns that begin / end with a Latin letter or digit must not continue a word there. */
  readonly leftBoundary: Uint8Array;
  readonly rightBoundary: Uint8Array;
  readonly hasExceptions: boolean;
  readonly hasTitles: boolean;
  readonly hasVariants: boolean;
  /** The compiled rule behind each `ruleId`. */
  readonly byId: ReadonlyMap<string, CompiledRule>;
  /** Whether any rule has a context condition (quotes, sentence words, history) to apply. */
  readonly hasContextConditions: boolean;
  /** Trigger literals of the windowed regex rules that run on the original / normalised text. */
  readonly triggers: { readonly text: TriggerIndex | null; readonly normalized: TriggerIndex | null };
}

interface Node {
  compiled?: CompiledRuleSets;
  next: WeakMap<RuleSet, Node>;
}
const cache: Node = { next: new WeakMap() };

/**
 * Compiles a combination of (defined, frozen) rule sets, or returns the compilation cached for
 * exactly this sequence of rule set objects. Keyed by identity through a chain of WeakMaps, so
 * a rule set that the host drops takes its automata with it.
 */
export function compileRuleSets(sets: readonly RuleSet[]): CompiledRuleSets {
  let node = cache;
  for (const set of sets) {
    let child = node.next.get(set);
    if (!child) {
      child = { next: new WeakMap() };
      node.next.set(set, child);
    }
    node = child;
  }
  node.compiled ??= build(sets);
  return node.compiled;
}

const ALNUM = /^[a-z0-9]$/;

function build(sets: readonly RuleSet[]): CompiledRuleSets {
  const rules: CompiledRule[] = [];
  const patternIndex = new Map<string, number>();
  const perPattern: LiteralEntry[][] = [];
  let groups = 0;
  let hasExceptions = false;
  let hasTitles = false;
  let hasVariants = false;
  const textTriggers: RegexTrigger[] = [];
  const normalizedTriggers: RegexTrigger[] = [];

  const add = (text: string, entry: LiteralEntry) => {
    const normalized = normalizeText(text).text;
    if (!normalized) return;
    let p = patternIndex.get(normalized);
    if (p === undefined) {
      p = perPattern.length;
      patternIndex.set(normalized, p);
      perPattern.push([]);
    }
    perPattern[p]!.push(entry);
  };

  // `expected` is an exception of its own patterns when it contains one, so that text already
  // reading `expected` is never flagged (and applying a fix never creates a new finding).
  const addReplacements = (rule: number, patterns: readonly string[], expected: string, exceptions: readonly string[]) => {
    const group = groups++;
    for (const p of patterns) add(p, { rule, role: ROLE_TERM, group, expected });
    const normalizedExpected = normalizeText(expected).text;
    const selfException = patterns.some((p) => normalizedExpected.includes(normalizeText(p).text));
    for (const x of selfException ? [...exceptions, expected] : exceptions) {
      if (!x) continue;
      add(x, { rule, role: ROLE_EXCEPTION, group });
      hasExceptions = true;
    }
  };

  for (const set of sets) {
    for (const rule of set.rules) {
      const r = rules.length;
      const since = rule.since ? parseWhen(rule.since)! : -Infinity;
      const base = {
        ruleId: `${set.id}/${rule.id}`,
        rule,
        severity: rule.severity ?? 'warning',
        since,
        until: rule.until ? parseWhen(rule.until)! : Infinity,
        safe: rule.safe ?? true,
        exemptQuoted: rule.exemptQuoted ?? (rule.type === 'replace' || rule.type === 'dictionary'),
        ...(rule.historical && Number.isFinite(since) ? { historicalYear: new Date(since).getUTCFullYear() } : {}),
      };
      switch (rule.type) {
        case 'banned': {
          const group = groups++;
          for (const t of rule.terms) add(t, { rule: r, role: ROLE_TERM, group });
          for (const x of rule.exceptions ?? []) add(x, { rule: r, role: ROLE_EXCEPTION, group });
          if (rule.exceptions?.length) hasExceptions = true;
          rules.push(base);
          break;
        }
        case 'replace':
          addReplacements(r, rule.patterns, rule.expected, rule.exceptions ?? []);
          rules.push(base);
          break;
        case 'dictionary':
          for (const entry of rule.entries) addReplacements(r, entry.patterns, entry.expected, []);
          rules.push(base);
          break;
        case 'title':
          add(rule.name, { rule: r, role: ROLE_NAME, group: groups++ });
          hasTitles = true;
          {
            const normalizedTitle = normalizeText(rule.title).text;
            const titleCores = [...new Set([...CORE_TITLES, parseTitle(normalizedTitle).core])];
            rules.push({ ...base, normalizedTitle, titleCores });
          }
          break;
        case 'consistency': {
          const group = groups++;
          rule.variants.forEach((v, variant) => add(v, { rule: r, role: ROLE_VARIANT, group, variant }));
          hasVariants = true;
          rules.push(base);
          break;
        }
        case 'regex': {
          const flags = rule.flags ?? '';
          const trigger = regexTrigger(rule.pattern, flags);
          const target = rule.normalize ? normalizedTriggers : textTriggers;
          const windowed = trigger ? { slot: target.push(trigger) - 1, sticky: new RegExp(rule.pattern, `${flags}y`), literalStart: trigger.literalStart } : undefined;
          rules.push({ ...base, regex: new RegExp(rule.pattern, `${flags}g`), ...(windowed ? { windowed } : {}) });
          break;
        }
        case 'builtin':
          rules.push({ ...base, builtin: builtinCheck(rule.check) });
          break;
      }
    }
  }

  const patterns = [...patternIndex.keys()];
  const entryStart = new Int32Array(patterns.length + 1);
  const entries: LiteralEntry[] = [];
  const leftBoundary = new Uint8Array(patterns.length);
  const rightBoundary = new Uint8Array(patterns.length);
  patterns.forEach((p, i) => {
    entryStart[i] = entries.length;
    entries.push(...perPattern[i]!);
    leftBoundary[i] = ALNUM.test(p[0]!) ? 1 : 0;
    rightBoundary[i] = ALNUM.test(p[p.length - 1]!) ? 1 : 0;
  });
  entryStart[patterns.length] = entries.length;

  const byId = new Map<string, CompiledRule>();
  for (const c of rules) byId.set(c.ruleId, c);
  return {
    rules,
    byId,
    hasContextConditions: rules.some((c) => c.exemptQuoted || c.historicalYear !== undefined || c.rule.unlessSentenceHas?.length || !c.safe),
    automaton: patterns.length ? new LiteralAutomaton(patterns) : null,
    entryStart,
    entries,
    leftBoundary,
    rightBoundary,
    hasExceptions,
    hasTitles,
    hasVariants,
    triggers: {
      text: textTriggers.length ? buildTriggerIndex(textTriggers) : null,
      normalized: normalizedTriggers.length ? buildTriggerIndex(normalizedTriggers) : null,
    },
  };
}
