import * as z from 'zod/mini';
import type { Finding } from '../findings/index';
import { parseOrThrow, validationError } from '../errors/index';
import type { ValidationIssue } from '../errors/index';
import { compileRuleSets } from './compile';
import { resolveRuleSets } from './define-rule-set';
import { runCompiled } from './engine';
import { factFigure } from './facts';
import { compiledRoster } from './roster/compiled-rosters';
import type { CompiledRoster } from './roster/compiled-types';
import type { Roster } from './roster/types';
import { OPTIONS_SCHEMA } from './schema';
import type { CaliberOptions, RuleSet } from './types';

const TEXT = z.string();

/**
 * Checks `text` against one or more rule sets and, with `options.facts`, against the figures of
 * an approved statement. Returns findings sorted by `start`, with offsets into `text` exactly
 * as given; literal terms match across full/half width, case and traditional characters.
 *
 * Rule sets made by {@link defineRuleSet} (and {@link zhGovRules}) are compiled once per
 * combination and cached; plain objects are validated on every call.
 *
 * @example
 * ```ts
 * const office = defineRuleSet({ id: 'city', rules: [
 *   { id: 'covid', type: 'replace', patterns: ['新冠肺炎'], expected: '新型冠状病毒感染', severity: 'error' },
 * ] });
 * checkCaliber('新冠肺炎疫情防控,参与人数1.3万人', [zhGovRules, office], {
 *   facts: [{ label: '参与人数', value: '12000人' }],
 * });
 * // → city/covid on 新冠肺炎, zh-gov/halfwidth-comma on ",", caliber/fact-mismatch on 1.3万
 * ```
 */
export function checkCaliber(text: string, ruleSetOrSets: RuleSet | readonly RuleSet[], options: CaliberOptions = {}): Finding[] {
  parseOrThrow(TEXT, text, 'caliber text');
  const sets = resolveRuleSets(ruleSetOrSets);
  const parsed = parseOrThrow(OPTIONS_SCHEMA, options, 'caliber options');
  const facts = parsed.facts ?? [];
  const badFacts: ValidationIssue[] = [];
  facts.forEach((f, i) => {
    if (!factFigure(f.value)) badFacts.push({ path: ['facts', i, 'value'], message: 'does not begin with a figure' });
  });
  if (badFacts.length) throw validationError('caliber options', badFacts);
  const rosters = resolveRosters(options.roster);
  return runCompiled(text, compileRuleSets(sets), {
    now: (parsed.asOf ?? parsed.now ?? new Date()).getTime(),
    markdown: parsed.markdown ?? true,
    disable: new Set(parsed.disable ?? []),
    facts,
    rosters,
  });
}

// Each roster is defined (validated once, then cached by identity); problems carry the path
// from the options down (`['roster', 1, 'leaders', 0, 'name']`).
function resolveRosters(input: Roster | readonly Roster[] | undefined): CompiledRoster[] {
  if (input === undefined) return [];
  const many = Array.isArray(input);
  const list = many ? (input as readonly Roster[]) : [input as Roster];
  const issues: ValidationIssue[] = [];
  const out: CompiledRoster[] = [];
  list.forEach((raw, i) => {
    try {
      out.push(compiledRoster(raw));
    } catch (e) {
      const inner = (e as { details?: { issues?: ValidationIssue[] } }).details?.issues ?? [];
      issues.push(...inner.map((issue) => ({ ...issue, path: ['roster', ...(many ? [i] : []), ...issue.path] })));
    }
  });
  if (issues.length) throw validationError('caliber options', issues);
  return out;
}
