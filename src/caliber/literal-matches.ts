import type { FindingInput } from '../findings/index';
import { toOriginalSpan, type NormalizedText } from '../text/index';
import {
  ROLE_EXCEPTION,
  ROLE_NAME,
  ROLE_TERM,
  ROLE_VARIANT,
  type CompiledRuleSets,
  type LiteralEntry,
} from './compile';
import { formatMessage } from './message';
import { parseTitle, titleAfter, titleBefore, titleMatches } from './roster/titles';
import { isSkipped, type SkipRanges } from './skip-ranges';

/** One occurrence of a pattern as one rule uses it, in normalised (`s`, `e`) and original offsets. */
interface Hit {
  s: number;
  e: number;
  start: number;
  end: number;
  entry: LiteralEntry;
}

/**
 * Findings of the literal rules (banned, replace, dictionary, title, consistency) from one
 * automaton scan of the normalised text.
 */
export function literalFindings(
  text: string,
  normalized: NormalizedText,
  compiled: CompiledRuleSets,
  active: Uint8Array,
  skip: SkipRanges,
): FindingInput[] {
  const automaton = compiled.automaton;
  if (!automaton) return [];
  const n = normalized.text;
  const { entryStart, entries, leftBoundary, rightBoundary } = compiled;
  const lengths = automaton.lengths;
  const scan = automaton.scan(n);

  const terms: Hit[] = [];
  const others: Hit[] = [];
  const exceptions = new Map<number, Hit[]>();
  for (let k = 0; k < scan.count; k++) {
    const p = scan.patterns[k]!;
    const e = scan.ends[k]!;
    const s = e - lengths[p]!;
    // Latin terms match whole words only: `AI` is not in `MAIL`.
    if (leftBoundary[p] && s > 0 && isAsciiAlnum(n.charCodeAt(s - 1))) continue;
    if (rightBoundary[p] && e < n.length && isAsciiAlnum(n.charCodeAt(e))) continue;
    const { start, end } = toOriginalSpan(normalized, s, e);
    if (isSkipped(skip, start, end)) continue;
    for (let j = entryStart[p]!, stop = entryStart[p + 1]!; j < stop; j++) {
      const entry = entries[j]!;
      if (!active[entry.rule]) continue;
      const hit = { s, e, start, end, entry };
      if (entry.role === ROLE_TERM) terms.push(hit);
      else if (entry.role === ROLE_EXCEPTION) {
        const list = exceptions.get(entry.group);
        if (list) list.push(hit);
        else exceptions.set(entry.group, [hit]);
      } else others.push(hit);
    }
  }

  const out: FindingInput[] = [];
  const kept = leftmostLongest(
    terms.filter((h) => {
      if (exceptions.size && exceptions.get(h.entry.group)?.some((x) => x.s <= h.s && x.e >= h.e)) return false;
      // Already the expected wording, only written in another width or case? Then it is fine
      // unless it differs from `expected` as written.
      return h.entry.expected === undefined || text.slice(h.start, h.end) !== h.entry.expected;
    }),
  );
  for (const h of kept) out.push(termFinding(text, compiled, h));
  if (others.length) {
    if (compiled.hasTitles) for (const f of titleFindings(text, normalized, compiled, others)) out.push(f);
    if (compiled.hasVariants) for (const f of variantFindings(text, compiled, others)) out.push(f);
  }
  return out;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * Where matches overlap, the one starting first wins, and of those starting together the
 * longest: the more specific phrase (新型冠状病毒肺炎) over the term inside it (肺炎), and
 * fixes that never collide. Different rules matching exactly the same span all report.
 */
function leftmostLongest(hits: Hit[]): Hit[] {
  hits.sort((a, b) => a.s - b.s || b.e - a.e || a.entry.rule - b.entry.rule);
  const kept: Hit[] = [];
  let lastEnd = -1;
  let last: Hit | undefined;
  for (const h of hits) {
    if (last && h.s === last.s && h.e === last.e) {
      if (h.entry.rule !== last.entry.rule) kept.push(h);
      continue;
    }
    if (h.s < lastEnd) continue;
    kept.push(h);
    last = h;
    lastEnd = h.e;
  }
  return kept;
}

function termFinding(text: string, compiled: CompiledRuleSets, h: Hit): FindingInput {
  const c = compiled.rules[h.entry.rule]!;
  const match = text.slice(h.start, h.end);
  const expected = h.entry.expected;
  const rule = c.rule;
  const finding: FindingInput = {
    ruleId: c.ruleId,
    severity: c.severity,
    message: formatMessage(rule.message ?? (expected === undefined ? '不宜使用“{match}”' : '“{match}”应为“{expected}”'), {
      match,
      expected: expected ?? '',
    }),
    start: h.start,
    end: h.end,
  };
  if (expected !== undefined) {
    finding.fix = { start: h.start, end: h.end, text: expected };
    finding.suggestions = [expected];
  } else if (rule.type === 'banned' && rule.suggestions?.length) finding.suggestions = [...rule.suggestions];
  if (rule.source) finding.source = rule.source;
  return finding;
}

const SPACE = /[ \t\u3000]/;

/** Each `title` rule: the first mention of the name must sit next to the title. */
function titleFindings(text: string, normalized: NormalizedText, compiled: CompiledRuleSets, hits: Hit[]): FindingInput[] {
  const n = normalized.text;
  const first = new Map<number, Hit>();
  for (const h of hits) {
    if (h.entry.role !== ROLE_NAME) continue;
    const seen = first.get(h.entry.rule);
    if (!seen || h.s < seen.s) first.set(h.entry.rule, h);
  }
  const out: FindingInput[] = [];
  for (const [r, h] of first) {
    const c = compiled.rules[r]!;
    const rule = c.rule;
    if (rule.type !== 'title') continue;
    const title = c.normalizedTitle!;
    // Titles are compared whole (常务副市长 is not 市长 with a prefix): read the title written
    // next to the name as organisation + modifier + core and compare it with the rule's.
    const cores = c.titleCores!;
    let before = h.s;
    while (before > 0 && SPACE.test(n[before - 1]!)) before--;
    let after = h.e;
    while (after < n.length && SPACE.test(n[after]!)) after++;
    const written = titleBefore(n, before, cores) ?? titleAfter(n, after, cores);
    const expected = [parseTitle(title, cores)];
    const titledBefore = written !== undefined && written.end === before;
    const titledAfter = written !== undefined && !titledBefore;
    const name = text.slice(h.start, h.end);
    const finding: FindingInput = { ruleId: c.ruleId, severity: c.severity, message: '', start: h.start, end: h.end };
    if (written && !titleMatches(written, expected)) {
      // 副市长王明 when he is 市长: a wrong title, worse than a missing one.
      const span = toOriginalSpan(normalized, written.start, written.end);
      const start = titledBefore ? span.start : h.start;
      const end = titledBefore ? h.end : span.end;
      const fixed = titledBefore ? rule.title + text.slice(toOriginalSpan(normalized, before, h.e).start, h.end) : name + rule.title;
      Object.assign(finding, {
        start,
        end,
        message: formatMessage(rule.message ?? '“{match}”的职务应为“{expected}”', { match: name, expected: rule.title }),
        fix: { start, end, text: fixed, safe: false },
        suggestions: [fixed],
      });
    } else if (!written) {
      const fixed = rule.title + name;
      Object.assign(finding, {
        message: formatMessage(rule.message ?? '“{match}”首次出现时应写明职务“{expected}”', { match: name, expected: rule.title }),
        fix: { start: h.start, end: h.end, text: fixed, safe: false },
        suggestions: [fixed],
      });
    } else continue;
    if (rule.source) finding.source = rule.source;
    out.push(finding);
  }
  return out;
}

/** Each `consistency` rule: the variant used first sets the spelling for the document. */
function variantFindings(text: string, compiled: CompiledRuleSets, hits: Hit[]): FindingInput[] {
  const byRule = new Map<number, Hit[]>();
  for (const h of hits) {
    if (h.entry.role !== ROLE_VARIANT) continue;
    const list = byRule.get(h.entry.rule);
    if (list) list.push(h);
    else byRule.set(h.entry.rule, [h]);
  }
  const out: FindingInput[] = [];
  for (const [r, list] of byRule) {
    const c = compiled.rules[r]!;
    const rule = c.rule;
    if (rule.type !== 'consistency') continue;
    const used = leftmostLongest(list);
    const chosen = rule.variants[used[0]!.entry.variant!]!;
    for (const h of used) {
      if (rule.variants[h.entry.variant!] === chosen) continue;
      const match = text.slice(h.start, h.end);
      const finding: FindingInput = {
        ruleId: c.ruleId,
        severity: c.severity,
        message: formatMessage(rule.message ?? '同一文稿中应统一写作“{expected}”（前文已用），此处为“{match}”', {
          match,
          expected: chosen,
        }),
        start: h.start,
        end: h.end,
        fix: { start: h.start, end: h.end, text: chosen },
        suggestions: [chosen],
      };
      if (rule.source) finding.source = rule.source;
      out.push(finding);
    }
  }
  return out;
}
