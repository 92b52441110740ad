import type { FindingInput, Finding } from '../findings/index';
import { createFinding, sortFindings } from '../findings/index';
import { LineIndex } from '../findings/index';
import { isInside, quotedRanges } from './quoted-ranges';
import type { CompiledRoster } from './roster/compiled-types';
import { sentenceAround, speaksOfThePast } from './sentence';
import { normalizeText, toOriginalSpan, type NormalizedText } from '../text/index';
import { builtinContext } from './builtin/context';
import type { CompiledRule, CompiledRuleSets } from './compile';
import { factFindings } from './facts';
import { literalFindings } from './literal-matches';
import { formatMessage } from './message';
import { markdownSkipRanges, NO_SKIP, type SkipRanges } from './skip-ranges';
import { regexFindings, type RegexTarget } from './regex-findings';
import { regexSlices } from './regex-slices';
import { triggerWindows } from './regex-windows';
import type { Fact } from './types';

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
  // The original and the normalised text as regex rules see them: slices, and the windows
  // around trigger literals, each computed once for all rules and only when a rule needs it.
  const targets = new Map<'text' | 'normalized', RegexTarget>();
  const targetOf = (kind: 'text' | 'normalized'): RegexTarget => {
    let t = targets.get(kind);
    if (!t) {
      const n = kind === 'normalized' ? normalize() : undefined;
      const string = n ? n.text : text;
      const index = compiled.triggers[kind];
      let windows: number[][] | undefined;
      t = {
        string,
        normalized: n,
        slices: regexSlices(string),
        windows: () => (windows ??= index ? triggerWindows(index, string) : []),
      };
      targets.set(kind, t);
    }
    return t;
  };
  compiled.rules.forEach((c, i) => {
    if (!active[i]) return;
    if (c.regex && c.rule.type === 'regex') append(inputs, regexFindings(text, c, c.rule, skip, targetOf(c.rule.normalize ? 'normalized' : 'text')));
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
    // The checks come with the compiled rosters (roster/compiled-types.ts says why).
    for (const f of options.rosters[0]!.check(text, options.rosters, skip)) if (!options.disable.has(f.ruleId)) inputs.push(f);
  }

  const applied = compiled.hasContextConditions ? applyContextConditions(text, compiled, inputs) : markSafe(compiled, inputs);
  const kept = withoutSecondGuesses(text, compiled, applied);
  const lines = new LineIndex(text);
  return sortFindings(kept.map((input) => createFinding(lines, input)));
}

// The non-word detector guesses where no list or rule knows the text; where one does (a
// dictionary typo, a roster name, a form rule on the same characters), the editor should see
// that finding alone, not a second, vaguer warning about the same span.
const GUESSING_CHECKS: ReadonlySet<string> = new Set(['non-word']);

function withoutSecondGuesses(text: string, compiled: CompiledRuleSets, inputs: FindingInput[]): FindingInput[] {
  const guessing = new Set<string>();
  for (const c of compiled.rules) if (c.rule.type === 'builtin' && GUESSING_CHECKS.has(c.rule.check)) guessing.add(c.ruleId);
  if (!guessing.size || !inputs.some((f) => guessing.has(f.ruleId))) return inputs;
  // How many other findings cover each position (a difference array, then its running sum):
  // linear in the text and the findings, however many of either there are.
  const covered = new Int32Array(text.length + 1);
  for (const f of inputs) {
    if (guessing.has(f.ruleId) || f.end <= f.start) continue;
    covered[f.start]!++;
    covered[f.end]!--;
  }
  for (let i = 1; i <= text.length; i++) covered[i]! += covered[i - 1]!;
  return inputs.filter((f) => {
    if (!guessing.has(f.ruleId)) return true;
    for (let i = f.start; i < f.end; i++) if (covered[i]! > 0) return false;
    return true;
  });
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
