import { safeParseWithMessages, toValidationIssues, validationError } from '../errors/index';
import type { ValidationIssue } from '../errors/index';
import { applyFixes } from './apply-fixes';
import { compileRuleSets } from './compile';
import { runCompiled } from './engine';
import { RULE_SET_SCHEMA } from './schema';
import type { RuleSet } from './types';
import { installCarriedChecks } from './builtin/lexicon-checks';
import { deepFreeze } from './deep-freeze';

// deepFreeze lives in a module of its own so that defineRoster can use it without loading the
// rule engine; the packs import it from here.
export { deepFreeze };

// Rule sets that are validated and deeply frozen, so their compilation can be cached by identity.
const defined = new WeakSet<object>();

/**
 * Validates a rule set (plain JSON, e.g. read from a file the office maintains), runs every
 * rule's `specs` self-tests, and returns it deeply frozen.
 *
 * Throws `GovpubError('VALIDATION')` whose `details.issues` lists every problem with its path:
 * an unknown rule type (`['rules', 3, 'type']`), a missing `expected`, a regex that does not
 * compile, a duplicate rule id, a spec whose result differs.
 *
 * @example
 * ```ts
 * const office = defineRuleSet(JSON.parse(await readFile('caliber.json', 'utf8')));
 * checkCaliber(draft, [zhGovRules, office]);
 * ```
 */
export function defineRuleSet(json: unknown): RuleSet {
  if (typeof json === 'object' && json !== null && defined.has(json)) return json as RuleSet;
  const result = safeParseWithMessages(RULE_SET_SCHEMA, json);
  // Duplicate ids are looked for on the raw input so that they are reported together with
  // every other problem (zod skips refinements of an object whose members failed).
  const issues = duplicateIds(json);
  if (!result.success) {
    issues.unshift(...toValidationIssues(result.error.issues));
  }
  if (issues.length || !result.success) throw validationError('rule set', issues);
  const set = result.data as RuleSet;
  const failures = specFailures(set);
  if (failures.length) throw validationError('rule set', failures);
  return trustRuleSet(deepFreeze(set));
}

/**
 * Marks a deeply frozen rule set as defined without validating it. Only for govpub's own
 * built-in sets, whose validity the test suite proves; it keeps importing govpub cheap.
 */
export function trustRuleSet<T extends RuleSet>(set: T): T {
  defined.add(set);
  return set;
}

/** The rule sets of a `checkCaliber` call, each defined, with unique ids. */
export function resolveRuleSets(input: RuleSet | readonly RuleSet[]): readonly RuleSet[] {
  const many = Array.isArray(input);
  const list = many ? (input as readonly RuleSet[]) : [input as RuleSet];
  const sets: RuleSet[] = [];
  const issues: ValidationIssue[] = [];
  const ids = new Map<string, RuleSet>();
  list.forEach((raw, i) => {
    if (sets.includes(raw)) return;
    let set: RuleSet;
    try {
      set = defineRuleSet(raw);
    } catch (e) {
      const inner = (e as { details?: { issues?: ValidationIssue[] } }).details?.issues ?? [];
      issues.push(...inner.map((issue) => ({ ...issue, path: many ? [i, ...issue.path] : issue.path })));
      return;
    }
    installCarriedChecks(set);
    const clash = ids.get(set.id);
    if (clash && clash !== set) issues.push({ path: [i, 'id'], message: `two rule sets share the id "${set.id}"` });
    ids.set(set.id, set);
    sets.push(set);
  });
  if (issues.length) throw validationError('rule sets', issues);
  return sets;
}

function duplicateIds(json: unknown): ValidationIssue[] {
  const rules = (json as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(rules)) return [];
  const seen = new Set<unknown>();
  const issues: ValidationIssue[] = [];
  rules.forEach((rule: unknown, i) => {
    const id = (rule as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    if (seen.has(id)) issues.push({ path: ['rules', i, 'id'], message: `duplicate rule id "${id}"` });
    seen.add(id);
  });
  return issues;
}

// Each spec runs its rule alone, with dates ignored, and applies the fixes once, as prh does.
function specFailures(set: RuleSet): ValidationIssue[] {
  const failures: ValidationIssue[] = [];
  set.rules.forEach((rule, i) => {
    if (!rule.specs?.length) return;
    const compiled = compileRuleSets([{ id: set.id, rules: [rule] }]);
    rule.specs.forEach((spec, j) => {
      const findings = runCompiled(spec.from, compiled, { now: NaN, markdown: true, disable: new Set(), facts: [] });
      const got = applyFixes(spec.from, findings, { unsafe: true });
      if (got !== spec.to) {
        failures.push({ path: ['rules', i, 'specs', j], message: `spec failed: "${spec.from}" became "${got}", expected "${spec.to}"` });
      }
    });
  });
  return failures;
}

