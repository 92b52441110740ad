import type { FindingInput, Finding } from '../findings/index';
import { createFinding, sortFindings } from '../findings/index';
import { LineIndex } from '../findings/index';
import { isInside, quotedRanges } from './quoted-ranges';
import type { CompiledRoster } from './roster/compile-roster';
import { rosterFindings } from './roster/check-roster';
import { sentenceAround, speaksOfThePast } from './sentence';
import { normalizeText, toOriginalSpan, type NormalizedText } from '../text/index';
import { builtinContext } from './builtin/context';
import type { CompiledRule, CompiledRuleSets } from './compile';
import { factFindings } from './facts';
import { literalFindings } from './literal-matches';
import { expandReplacement, formatMessage } from './message';
import { isSkipped, markdownSkipRanges, NO_SKIP, type SkipRanges } from './skip-ranges';
import { LOOKBEHIND_CONTEXT, REGEX_BUDGET_MS, regexSlices } from './regex-slices';
import type { Fact, RegexRule } from './types';

/** Everything {@link runCompiled} needs besides the rules. */
export interface RunOptions {
  /** Milliseconds; `NaN` means "ignore since/until" (used by spec self-tests). */
  now: number;
  markdown: boolean;
  disable: ReadonlySet<string>;
  facts: readonly Fact[];
  /** Compiled leader rosters (none in spec self-tests). */
  rosters?: readonly CompiledRoster[];
}

/** The check itself, on validated input. Also runs rule specs in `defineRuleSet`. */
export function runCompiled(text: string, compiled: CompiledRuleSets, options: RunOptions): Finding[] {
  const skip = options.markdown ? markdownSkipRanges(text) : NO_SKIP;
  const active = new Uint8Array(compiled.rules.length);
  compiled.rules.forEach((c, i) => {
    const inTime = Number.isNaN(options.now) || (c.since <= options.now && options.now < c.until);
    active[i] = inTime && !options.disable.has(c.ruleId) ? 1 : 0;
  });

  let normalized: NormalizedText | undefined;
  const normalize = () => (normalized ??= normalizeText(text));
  const inputs: FindingInput[] = [];
  if (compiled.automaton) append(inputs, literalFindings(text, normalize(), compiled, active, skip));

  const context = builtinContext(text, skip, options.now);
  // Slices of the original and of the normalised text, computed once for all regex rules.
  const slices = new Map<string, [number, number][]>();
  const slicesOf = (target: string) => {
    let list = slices.get(target === text ? 'text' : 'normalized');
    if (!list) slices.set(target === text ? 'text' : 'normalized', (list = regexSlices(target)));
    return list;
  };
  compiled.rules.forEach((c, i) => {
    if (!active[i]) return;
    if (c.regex) append(inputs, regexFindings(text, c, skip, normalize, slicesOf));
    else if (c.builtin) {
      for (const hit of c.builtin.run(context)) {
        const finding: FindingInput = { ruleId: c.ruleId, severity: c.severity, ...hit };
        if (c.rule.message) finding.message = formatMessage(c.rule.message, { match: text.slice(hit.start, hit.end), expected: hit.fix?.text ?? '' });
        if (c.rule.source) finding.source = c.rule.source;
        inputs.push(finding);
      }
    }
  });

  if (options.facts.length) append(inputs, factFindings(text, normalize(), options.facts, skip));
  if (options.rosters?.length) {
    for (const f of rosterFindings(text, options.rosters, skip)) if (!options.disable.has(f.ruleId)) inputs.push(f);
  }

  const kept = compiled.hasContextConditions ? applyContextConditions(text, compiled, inputs) : markSafe(compiled, inputs);
  const lines = new LineIndex(text);
  return sortFindings(kept.map((input) => createFinding(lines, input)));
}

// A loop, not push(...items): a long text can yield more findings than a call has arguments.
function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

/**
 * Fixes that need a human are marked `safe: false` (the rule's `safe`); a safe fix carries no
 * flag, so findings stay exactly as they were for hosts that compare fixes field by field.
 */
function markSafe(compiled: CompiledRuleSets, inputs: FindingInput[]): FindingInput[] {
  for (const input of inputs) if (input.fix) settle(input.fix, compiled.byId.get(input.ruleId)?.safe ?? true);
  return inputs;
}

function settle(fix: NonNullable<FindingInput['fix']>, safe: boolean): void {
  if (fix.safe === false || !safe) fix.safe = false;
  else delete fix.safe;
}

// Rule types that change words (as opposed to punctuation and number forms).
const WORDING_RULES = new Set(['banned', 'replace', 'dictionary', 'title', 'consistency']);

/**
 * The rules' context conditions: renaming rules leave cited titles and quotations alone
 * (`exemptQuoted`), `unlessSentenceHas` words switch a rule off for their sentence, and
 * `historical` names are fine where the text speaks of the time before the change. Changes of
 * wording inside titles and quotations are never safe.
 */
function applyContextConditions(text: string, compiled: CompiledRuleSets, inputs: FindingInput[]): FindingInput[] {
  let quoted: SkipRanges | undefined;
  const inQuotes = (f: FindingInput) => isInside((quoted ??= quotedRanges(text)), f.start, f.end);
  const out: FindingInput[] = [];
  for (const input of inputs) {
    const c = compiled.byId.get(input.ruleId);
    if (c) {
      if (c.exemptQuoted && inQuotes(input)) continue;
      const words = c.rule.unlessSentenceHas;
      if (words?.length) {
        const s = sentenceAround(text, input.start, input.end);
        const sentence = text.slice(s.start, s.end);
        if (words.some((w) => sentence.includes(w))) continue;
      }
      if (c.historicalYear !== undefined && speaksOfThePast(text, input.start, input.end, c.historicalYear)) continue;
    }
    // Wording inside a cited title or a quotation is reproduced as issued or said: a change of
    // words there waits for a human. Punctuation and number forms stay mechanical.
    if (input.fix) settle(input.fix, (c?.safe ?? true) && !(c && WORDING_RULES.has(c.rule.type) && inQuotes(input)));
    out.push(input);
  }
  return out;
}

function regexFindings(
  text: string,
  c: CompiledRule,
  skip: SkipRanges,
  normalize: () => NormalizedText,
  slicesOf: (target: string) => [number, number][],
): FindingInput[] {
  const rule = c.rule;
  if (rule.type !== 'regex') return [];
  const re = c.regex!;
  const n = rule.normalize ? normalize() : undefined;
  const target = n ? n.text : text;
  const out: FindingInput[] = [];
  // Run slice by slice (see regex-slices.ts): no pattern sees more than MAX_SLICE characters
  // (plus a little look-behind context) in one run, and a rule that has spent its time budget
  // on this text stops with a warning instead of holding up the host.
  const began = performance.now();
  for (const [sliceStart, sliceEnd] of slicesOf(target)) {
    if (performance.now() - began > REGEX_BUDGET_MS) {
      const at = n ? toOriginalSpan(n, sliceStart, sliceStart).start : sliceStart;
      out.push({
        ruleId: c.ruleId,
        severity: 'warning',
        message: `规则“${c.ruleId}”的正则表达式匹配耗时过长，已在此处停止，其后内容未检查（请简化该规则）`,
        start: at,
        end: at,
        details: { budgetMs: REGEX_BUDGET_MS },
      });
      break;
    }
    const from = Math.max(0, sliceStart - LOOKBEHIND_CONTEXT);
    const piece = target.slice(from, sliceEnd);
    re.lastIndex = sliceStart - from;
    for (let m = re.exec(piece); m; m = re.exec(piece)) {
      if (m[0].length === 0) re.lastIndex++;
      const at = from + m.index;
      if (at < sliceStart) continue;
      const finding = regexFinding(text, c, rule, m, at, n);
      if (finding && (rule.checkMarkup || !isSkipped(skip, finding.start, finding.end))) out.push(finding);
    }
  }
  return out;
}

function regexFinding(
  text: string,
  c: CompiledRule,
  rule: RegexRule,
  m: RegExpExecArray,
  at: number,
  n: NormalizedText | undefined,
): FindingInput | undefined {
  const { start, end } = n ? toOriginalSpan(n, at, at + m[0].length) : { start: at, end: at + m[0].length };
  const match = text.slice(start, end);
  const replacement = rule.replacement === undefined ? undefined : expandReplacement(m, rule.replacement);
  if (replacement === match) return undefined;
  const finding: FindingInput = {
    ruleId: c.ruleId,
    severity: c.severity,
    message: formatMessage(rule.message ?? '“{match}”不符合规范', { match, expected: replacement ?? '' }),
    start,
    end,
  };
  if (replacement !== undefined) {
    finding.fix = { start, end, text: replacement };
    finding.suggestions = [replacement];
  }
  if (rule.source) finding.source = rule.source;
  return finding;
}
