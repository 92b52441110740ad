import type { FindingInput } from '../findings/index';
import { toOriginalSpan, type NormalizedText } from '../text/index';
import type { CompiledRule } from './compile';
import { expandReplacement, formatMessage } from './message';
import { LOOKBEHIND_CONTEXT, REGEX_BUDGET_MS } from './regex-slices';
import { isSkipped, type SkipRanges } from './skip-ranges';
import type { RegexRule } from './types';

/** The text a regex rule runs on, with what the engine computes once for every rule. */
export interface RegexTarget {
  /** The original text, or the normalised one for `normalize: true` rules. */
  readonly string: string;
  /** Set when `string` is the normalised text (offsets are mapped back through it). */
  readonly normalized: NormalizedText | undefined;
  /** See `regex-slices.ts`. */
  readonly slices: readonly (readonly [number, number])[];
  /** Per trigger slot, the windows where a match can start (see `regex-windows.ts`). */
  windows(): readonly (readonly number[])[];
}

/**
 * The findings of one `regex` rule. A rule with a literal trigger is tried (sticky) only at the
 * positions its trigger's occurrences allow; any other rule runs over every slice. Both give
 * exactly the matches a global search of each slice gives: the leftmost match from where the
 * previous one ended, in order.
 */
export function regexFindings(text: string, c: CompiledRule, rule: RegexRule, skip: SkipRanges, target: RegexTarget): FindingInput[] {
  const w = c.windowed;
  if (w && w.literalStart) return sliceFindings(text, c, rule, skip, target, c.regex!, target.windows()[w.slot]!);
  if (w) return windowedFindings(text, c, rule, skip, target, w.sticky, target.windows()[w.slot]!);
  return sliceFindings(text, c, rule, skip, target, c.regex!);
}

/**
 * Runs slice by slice (see regex-slices.ts): no pattern sees more than MAX_SLICE characters
 * (plus a little look-behind context) in one run, and a rule that has spent its time budget
 * on this text stops with a warning instead of holding up the host.
 *
 * With `windows` (a rule that begins with its trigger, which V8 finds fast by itself), slices
 * without a window are skipped and each search starts at the slice's first window: no match can
 * start before it.
 */
export function sliceFindings(
  text: string,
  c: CompiledRule,
  rule: RegexRule,
  skip: SkipRanges,
  target: RegexTarget,
  re: RegExp,
  windows?: readonly number[],
): FindingInput[] {
  const { string, normalized: n } = target;
  const out: FindingInput[] = [];
  const began = performance.now();
  let w = 0;
  for (const [sliceStart, sliceEnd] of target.slices) {
    let startAt = sliceStart;
    if (windows) {
      // Windows ending before this slice cannot start a match in it.
      while (w < windows.length && windows[w + 1]! < sliceStart) w += 2;
      if (w >= windows.length) break;
      if (windows[w]! >= sliceEnd) continue;
      startAt = Math.max(sliceStart, windows[w]!);
    }
    if (performance.now() - began > REGEX_BUDGET_MS) {
      out.push(budgetWarning(c, n, sliceStart));
      break;
    }
    const from = Math.max(0, sliceStart - LOOKBEHIND_CONTEXT);
    const piece = string.slice(from, sliceEnd);
    re.lastIndex = startAt - from;
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

const isLead = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isTrail = (code: number) => code >= 0xdc00 && code <= 0xdfff;

// The windowed run: the same slices and look-behind context, but the sticky pattern is tried
// only at window positions, in increasing order, from where the previous match ended.
function windowedFindings(
  text: string,
  c: CompiledRule,
  rule: RegexRule,
  skip: SkipRanges,
  target: RegexTarget,
  sticky: RegExp,
  windows: readonly number[],
): FindingInput[] {
  const { string, normalized: n, slices } = target;
  const out: FindingInput[] = [];
  if (windows.length === 0) return out;
  const unicode = sticky.unicode || sticky.flags.includes('v');
  const began = performance.now();
  let cursor = 0;
  let si = 0;
  let pieceSlice = -1;
  let piece = '';
  let from = 0;
  for (let w = 0; w < windows.length; w += 2) {
    const hi = windows[w + 1]!;
    let q = Math.max(windows[w]!, cursor);
    while (q <= hi) {
      while (si < slices.length && slices[si]![1] <= q) si++;
      if (si === slices.length) return out;
      const [sliceStart, sliceEnd] = slices[si]!;
      if (q < sliceStart) {
        q = sliceStart;
        continue;
      }
      // A global search with the u flag never starts inside a surrogate pair.
      if (unicode && q > sliceStart && isTrail(string.charCodeAt(q)) && isLead(string.charCodeAt(q - 1))) {
        q++;
        continue;
      }
      if (si !== pieceSlice) {
        if (performance.now() - began > REGEX_BUDGET_MS) {
          out.push(budgetWarning(c, n, sliceStart));
          return out;
        }
        pieceSlice = si;
        from = Math.max(0, sliceStart - LOOKBEHIND_CONTEXT);
        piece = string.slice(from, sliceEnd);
      }
      sticky.lastIndex = q - from;
      const m = sticky.exec(piece);
      if (!m) {
        q++;
        continue;
      }
      const finding = regexFinding(text, c, rule, m, q, n);
      if (finding && (rule.checkMarkup || !isSkipped(skip, finding.start, finding.end))) out.push(finding);
      q += m[0].length || 1;
      cursor = q;
    }
    if (hi + 1 > cursor) cursor = hi + 1;
  }
  return out;
}

function budgetWarning(c: CompiledRule, n: NormalizedText | undefined, sliceStart: number): FindingInput {
  const at = n ? toOriginalSpan(n, sliceStart, sliceStart).start : sliceStart;
  return {
    ruleId: c.ruleId,
    severity: 'warning',
    message: `规则“${c.ruleId}”的正则表达式匹配耗时过长，已在此处停止，其后内容未检查（请简化该规则）`,
    start: at,
    end: at,
    details: { budgetMs: REGEX_BUDGET_MS },
  };
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
