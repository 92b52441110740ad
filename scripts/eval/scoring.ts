/**
 * Scores caliber findings against the labelled corpus in test/fixtures/caliber-eval/ (format in
 * its README): recall per category, false alarms on clean sentences, precision, and damaging
 * fixes. Pure: the runner (run.ts) supplies the check and the fixer, the unit test synthetic ones.
 */
import { diffChars } from 'diff';

/** One labelled error: `excerpt` at its `occurrence`-th place (0-based) in the sentence. */
export interface LabelledError {
  excerpt: string;
  occurrence?: number;
  category: string;
  expected?: string;
}

/** A sentence with errors (`errors` non-empty) or a clean one (`errors` empty). */
export interface EvalSentence {
  text: string;
  errors: LabelledError[];
  /** The whole corrected sentence, when the corpus gives it. */
  fixed?: string;
  /** Where the sentence came from (`errors/typo.jsonl:12`), for listings. */
  origin: string;
}

/** The part of a finding the scoring reads. */
export interface ScoredFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  start: number;
  end: number;
  excerpt: string;
}

/** Per-category figures. */
export interface CategoryScore {
  labelled: number;
  /** Labelled errors with at least one finding (of any rule) overlapping their span. */
  caught: number;
  /** Labelled errors overlapped by a finding whose rule maps to this very category. */
  caughtBySameCategory: number;
  recall: number;
  /** Findings of this category (error/warning) overlapping a labelled span. */
  truePositives: number;
  /** Findings of this category (error/warning) on clean sentences. */
  falseAlarms: number;
  /** Findings of this category on error sentences overlapping no labelled span (may be real but unlabelled). */
  unlabelled: number;
  /** truePositives / (truePositives + falseAlarms + unlabelled); NaN with no findings. */
  precision: number;
}

/** Everything {@link scoreCorpus} measures. */
export interface CorpusScore {
  categories: Record<string, CategoryScore>;
  /** Findings on clean sentences by severity. */
  cleanFindingsBySeverity: Record<'error' | 'warning' | 'info', number>;
  /** The first false alarms (error/warning), as `origin ruleId «excerpt»`. */
  falseAlarmExamples: string[];
  /** Labelled errors no finding overlaps, as `origin category «excerpt»`. */
  missed: string[];
  damage: {
    /** Clean sentences that applying the fixes changed. */
    cleanChanged: number;
    /** Error sentences where a fix changed text outside every labelled span. */
    outsideSpans: number;
    /** Labelled spans with `expected` that a fix turned into something else. */
    wrongExpected: number;
    /** Error sentences with `fixed` where fixes changed something and the result is not `fixed` (partial fixing counts here). */
    differsFromFixed: number;
    examples: string[];
  };
}

/** Start offset of each labelled error, or -1 when its excerpt is not in the text. */
export function locate(text: string, error: LabelledError): number {
  let at = -1;
  for (let k = 0; k <= (error.occurrence ?? 0); k++) {
    at = text.indexOf(error.excerpt, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

const overlaps = (a: { start: number; end: number }, s: number, e: number) => a.start < e && a.end > s;

/**
 * Maps each offset of `before` to the offset of the same character in `after` (changed
 * characters map to where their replacement starts), from a character diff.
 */
export function offsetMap(before: string, after: string): Int32Array {
  const map = new Int32Array(before.length + 1);
  let i = 0;
  let j = 0;
  for (const part of diffChars(before, after)) {
    const n = part.value.length;
    if (part.added) j += n;
    else if (part.removed) {
      for (let k = 0; k < n; k++) map[i++] = j;
    } else {
      for (let k = 0; k < n; k++) map[i++] = j++;
    }
  }
  map[before.length] = after.length;
  return map;
}

/** The changed regions of `before` (offsets into `before`, `end` exclusive; insertions are empty regions). */
export function changedRegions(before: string, after: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let i = 0;
  for (const part of diffChars(before, after)) {
    const n = part.value.length;
    if (part.added) out.push({ start: i, end: i });
    else if (part.removed) {
      out.push({ start: i, end: i + n });
      i += n;
    } else i += n;
  }
  // Merge touching regions (a replacement is a removal next to an insertion).
  const merged: { start: number; end: number }[] = [];
  for (const r of out) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/**
 * Scores one run. `categoryOf` maps a finding's ruleId to a category (undefined: not counted
 * for precision); `check` and `fix` are the system under test.
 */
export function scoreCorpus(
  sentences: readonly EvalSentence[],
  check: (text: string) => ScoredFinding[],
  fix: (text: string, findings: ScoredFinding[]) => string,
  categoryOf: (ruleId: string) => string | undefined,
  maxExamples = 10,
): CorpusScore {
  const categories: Record<string, CategoryScore> = {};
  const cat = (c: string) =>
    (categories[c] ??= { labelled: 0, caught: 0, caughtBySameCategory: 0, recall: NaN, truePositives: 0, falseAlarms: 0, unlabelled: 0, precision: NaN });
  const result: CorpusScore = {
    categories,
    cleanFindingsBySeverity: { error: 0, warning: 0, info: 0 },
    falseAlarmExamples: [],
    missed: [],
    damage: { cleanChanged: 0, outsideSpans: 0, wrongExpected: 0, differsFromFixed: 0, examples: [] },
  };
  const damage = (s: string) => {
    if (result.damage.examples.length < maxExamples) result.damage.examples.push(s);
  };

  for (const sentence of sentences) {
    const findings = check(sentence.text);
    const fixedText = fix(sentence.text, findings);
    if (!sentence.errors.length) {
      for (const f of findings) {
        result.cleanFindingsBySeverity[f.severity]++;
        if (f.severity === 'info') continue;
        const c = categoryOf(f.ruleId);
        if (c) cat(c).falseAlarms++;
        if (result.falseAlarmExamples.length < maxExamples) result.falseAlarmExamples.push(`${sentence.origin} ${f.ruleId} «${f.excerpt}»`);
      }
      if (fixedText !== sentence.text) {
        result.damage.cleanChanged++;
        damage(`${sentence.origin} clean changed: ${sentence.text} → ${fixedText}`);
      }
      continue;
    }

    const spans = sentence.errors.map((e) => {
      const start = locate(sentence.text, e);
      return { error: e, start, end: start < 0 ? -1 : start + e.excerpt.length };
    });
    for (const span of spans) {
      const score = cat(span.error.category);
      score.labelled++;
      if (span.start < 0) {
        result.missed.push(`${sentence.origin} ${span.error.category} «${span.error.excerpt}» (excerpt not in text)`);
        continue;
      }
      const hits = findings.filter((f) => overlaps(f, span.start, span.end));
      if (hits.length) score.caught++;
      else result.missed.push(`${sentence.origin} ${span.error.category} «${span.error.excerpt}»`);
      if (hits.some((f) => categoryOf(f.ruleId) === span.error.category)) score.caughtBySameCategory++;
    }
    for (const f of findings) {
      if (f.severity === 'info') continue;
      const c = categoryOf(f.ruleId);
      if (!c) continue;
      if (spans.some((s) => s.start >= 0 && overlaps(f, s.start, s.end))) cat(c).truePositives++;
      else cat(c).unlabelled++;
    }

    if (fixedText !== sentence.text) {
      // An insertion (empty region) inside or at the edge of a span belongs to it.
      const inSpan = (r: { start: number; end: number }) => spans.some((s) => s.start >= 0 && r.start >= s.start && r.end <= s.end);
      const outside = changedRegions(sentence.text, fixedText).filter((r) => !inSpan(r));
      if (outside.length) {
        result.damage.outsideSpans++;
        damage(`${sentence.origin} changed outside the labelled spans: ${sentence.text} → ${fixedText}`);
      }
      const map = offsetMap(sentence.text, fixedText);
      for (const s of spans) {
        if (s.start < 0 || s.error.expected === undefined) continue;
        const now = fixedText.slice(map[s.start]!, map[s.end]!);
        if (now !== s.error.excerpt && now !== s.error.expected) {
          result.damage.wrongExpected++;
          damage(`${sentence.origin} «${s.error.excerpt}» became «${now}», expected «${s.error.expected}»`);
        }
      }
      if (sentence.fixed !== undefined && fixedText !== sentence.fixed) result.damage.differsFromFixed++;
    }
  }

  for (const score of Object.values(categories)) {
    score.recall = score.labelled ? score.caught / score.labelled : NaN;
    const reported = score.truePositives + score.falseAlarms + score.unlabelled;
    score.precision = reported ? score.truePositives / reported : NaN;
  }
  return result;
}
