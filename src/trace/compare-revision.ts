import { parseOrThrow } from '../errors/index';
import { alignSentences } from './align-sentences';
import { compareFacts } from './compare-facts';
import { extractFacts } from './facts';
import { inlineEdits } from './inline-edits';
import { findRuns, mergeRuns } from './merge-runs';
import type { TraceLocale } from './messages';
import { reasonMessage } from './messages';
import { publishedRevisionSchema, traceTextSchema } from './schemas';
import { bigramsOf, sentenceKey, type SentenceKey } from './sentence-key';
import { retoldFacts } from './fact-candidates';
import { factKeys } from './fact-keys';
import { isPageFurniture } from './page-furniture';
import { splitSentences } from './sentences';
import type { AlignedPassage, FactChange, PublishedRevision, SentenceRef, TraceReason, TraceResult, TraceVerdict } from './types';
import * as z from 'zod';
import { localeSchema } from '../text/index';

/** Share of the original's body a copy must reproduce before it is said to derive from it. */
export const MIN_COVERAGE = 0.3;
/**
 * Share of a sentence's bigrams that must occur in the original for a sentence next to the
 * copied stretch to count as added commentary rather than the rest of the page.
 */
const ON_TOPIC = 0.2;
/**
 * Share of the copy (page furniture aside) an excerpt must reproduce to derive from the
 * original even when it carries less than {@link MIN_COVERAGE} of it: a repost of one
 * paragraph of a long notice is still a repost, a commentary quoting one sentence is not.
 */
export const MIN_COPY_SHARE = 0.6;
/** Fewest normalised characters of the original's body an excerpt must carry (a title alone is not an excerpt). */
const MIN_EXCERPT = 30;
/**
 * Facts replaced in place from which a copy whose facts mostly differ (more replaced than
 * kept) is a template filled in again — another 停水通知 or 任前公示 in the same words — not an
 * altered copy.
 */
const MIN_REFILLED = 3;
/** Facts replaced from which even a text otherwise word for word the same is a refill (the next term's notice). */
const REFILL_FACTS = 4;
/** Penalty per changed fact when choosing between candidate revisions, in normalised characters. */
const FACT_PENALTY = 5;

/** {@link compareWithRevision}'s result, with the score used to choose among candidates. */
export interface RevisionComparison extends Omit<TraceResult, 'candidates' | 'similarity' | 'containment'> {
  score: number;
}

/**
 * Compares `text` with one published revision: aligns sentences, lists what was dropped,
 * added and reworded, and puts changed facts side by side. Pure and synchronous; {@link trace}
 * uses it on each candidate the duplicate index proposes.
 *
 * @example
 * ```ts
 * const r = compareWithRevision(repost, revision);
 * if (r.verdict === 'altered') console.log(r.changes); // [{ kind: 'figure', original: '3万户', copy: '5万户', … }]
 * ```
 */
export function compareWithRevision(text: string, revision: PublishedRevision, options?: { locale?: TraceLocale }): RevisionComparison {
  parseOrThrow(traceTextSchema, text, 'trace text');
  parseOrThrow(publishedRevisionSchema, revision, 'published revision');
  const opts = parseOrThrow(z.strictObject({ locale: localeSchema.optional() }).optional(), options, 'compareWithRevision options');
  return compare(text, revision, opts?.locale ?? 'zh-CN');
}

/** @internal {@link compareWithRevision} without validation. */
export function compare(text: string, revision: PublishedRevision, locale: TraceLocale): RevisionComparison {
  const original = `${revision.title}\n\n${revision.body}`;
  const bodyStart = revision.title.length + 2;
  let oSentences = splitSentences(original);
  let cSentences = splitSentences(text);
  let oKeys = oSentences.map((s) => sentenceKey(s.text));
  let cKeys = cSentences.map((s) => sentenceKey(s.text));
  let pairs = alignSentences(oKeys, cKeys);

  // Where one text ended a sentence and the other wrote a comma, join the pieces and align
  // again: two original sentences merged in the copy, or one split in two.
  const byCopy = new Map(pairs.map((p) => [p.copy, p.score]));
  const byOriginal = new Map(pairs.map((p) => [p.original, p.score]));
  const originalRuns = findRuns(oKeys, cKeys, byCopy, (i) => oSentences[i]!.start >= bodyStart && oSentences[i - 1]!.start < bodyStart);
  const copyRuns = findRuns(cKeys, oKeys, byOriginal);
  if (originalRuns.length || copyRuns.length) {
    ({ sentences: oSentences, keys: oKeys } = mergeRuns(original, oSentences, oKeys, originalRuns));
    ({ sentences: cSentences, keys: cKeys } = mergeRuns(text, cSentences, cKeys, copyRuns));
    pairs = alignSentences(oKeys, cKeys);
  }

  const passages: AlignedPassage[] = [];
  const changes: FactChange[] = [];
  let reworded = 0;
  let alignedBody = 0;
  let alignedCopyChars = 0;
  let keptFacts = 0;
  let score = 0;
  const oAligned = new Set<number>();
  const cAligned = new Set<number>();
  for (const p of pairs) {
    const o = oSentences[p.original]!;
    const c = cSentences[p.copy]!;
    const ok = oKeys[p.original]!;
    const ck = cKeys[p.copy]!;
    oAligned.add(p.original);
    cAligned.add(p.copy);
    if (o.start >= bodyStart) alignedBody += ok.folded.text.length;
    alignedCopyChars += ck.folded.text.length;
    score += ok.folded.text.length * p.score;
    const originalFacts = extractFacts(o.text, o.start);
    if (ok.folded.text === ck.folded.text) {
      passages.push({ original: span(o), copy: span(c), kind: 'same', score: p.score, removed: [], inserted: [] });
      keptFacts += originalFacts.length;
      continue;
    }
    const edits = inlineEdits(ok, o.start, ck, c.start);
    passages.push({ original: span(o), copy: span(c), kind: 'changed', score: p.score, ...edits });
    const factChanges = compareFacts(originalFacts, extractFacts(c.text, c.start));
    keptFacts += originalFacts.length - factChanges.filter((f) => f.originalSpan !== null).length;
    // Reposts retitle freely: a reworded title is shown but is not an alteration of the text.
    if (factChanges.length === 0 && o.start >= bodyStart) reworded++;
    changes.push(...factChanges);
  }
  score -= FACT_PENALTY * changes.length;

  const bodyTotal = sum(oKeys.filter((_, i) => oSentences[i]!.start >= bodyStart).map((k) => k.folded.text.length));
  const coverage = bodyTotal === 0 ? 0 : alignedBody / bodyTotal;
  const dropped = oSentences.filter((s, i) => s.start >= bodyStart && !oAligned.has(i));

  // The copied stretch runs from the first to the last aligned sentence; unaligned sentences
  // inside it were added; outside it, only on-topic ones were (the rest is the page around it).
  const alignedCopy = [...cAligned].sort((a, b) => a - b);
  const first = alignedCopy[0];
  const last = alignedCopy[alignedCopy.length - 1];
  const copySpan = first === undefined || last === undefined ? null : { start: cSentences[first]!.start, end: cSentences[last]!.end };
  const originalBigrams = new Set<string>();
  for (const k of oKeys) for (const g of k.bigrams) originalBigrams.add(g);
  // Outside the stretch, walk away from it on each side: on-topic sentences next to it are
  // added commentary; the first off-topic one (or page furniture) ends the walk, and all
  // beyond it is the page around the copy.
  const added: SentenceRef[] = [];
  const surrounding: SentenceRef[] = [];
  const isAdded = new Set<number>();
  if (first !== undefined && last !== undefined) {
    for (let i = first + 1; i < last; i++) if (!cAligned.has(i) && !isPageFurniture(cSentences[i]!.text, false)) isAdded.add(i);
    const walk = (from: number, step: 1 | -1) => {
      for (let i = from; i >= 0 && i < cSentences.length; i += step) {
        const s = cSentences[i]!;
        if (isPageFurniture(s.text, true) || !onTopic(cKeys[i]!, originalBigrams)) break;
        isAdded.add(i);
      }
    };
    walk(last + 1, 1);
    walk(first - 1, -1);
  }
  cSentences.forEach((s, i) => {
    if (cAligned.has(i)) return;
    (isAdded.has(i) ? added : surrounding).push(s);
  });

  const reasons: TraceReason[] = [];
  const reason = (code: TraceReason['code'], params: Record<string, string | number> = {}) =>
    reasons.push({ code, params, message: reasonMessage(code, params, locale) });
  // An excerpt carries little of the original but is made of it: judged by the copy's side.
  const copyTotal = sum(cSentences.map((s, i) => (cAligned.has(i) || !isPageFurniture(s.text, true) ? cKeys[i]!.folded.text.length : 0)));
  const excerpt = alignedBody >= MIN_EXCERPT && copyTotal > 0 && alignedCopyChars / copyTotal >= MIN_COPY_SHARE;
  // Facts replaced in place (both sides state one); a fact only one side states was moved or
  // dropped by rewording, not replaced.
  const replaced = changes.filter((c) => c.originalSpan !== null && c.copySpan !== null).length;
  // Little of its text but most of its facts: a rewrite (洗稿) of the original.
  const retold = coverage < MIN_COVERAGE && !excerpt ? retoldFacts(factKeys(text), factKeys(original)) : 0;
  score += FACT_PENALTY * retold;
  let verdict: TraceVerdict;
  if (coverage < MIN_COVERAGE && !excerpt && !retold) {
    verdict = 'unrelated';
    reason('low-coverage', { percent: Math.round(coverage * 100) });
  } else if (replaced >= MIN_REFILLED && replaced > keptFacts && (replaced >= REFILL_FACTS || reworded + added.length + dropped.length > 0)) {
    // The same template with other dates, figures and names, and other wording somewhere or
    // many facts new (a text the same word for word apart from three figures is a copy with
    // figures edited): another document, not a copy.
    verdict = 'unrelated';
    reason('template-refilled', { count: replaced, kept: keptFacts });
  } else {
    if (retold) reason('rewritten', { count: retold });
    if (changes.length) reason('fact-changed', { count: changes.length });
    if (added.length) reason('sentence-added', { count: added.length });
    if (reworded) reason('sentence-reworded', { count: reworded });
    if (dropped.length) reason('sentence-dropped', { count: dropped.length });
    verdict = retold || changes.length || added.length || reworded ? 'altered' : dropped.length ? 'abridged' : 'faithful';
    if (verdict === 'faithful') reason('copy-faithful');
    if (revision.withdrawn) reason('revision-withdrawn');
    if (revision.superseded) reason('revision-superseded');
  }

  return {
    verdict,
    reasons,
    revision,
    original,
    copy: text,
    copySpan,
    coverage,
    passages,
    dropped,
    added,
    surrounding,
    changes: changes.sort((a, b) => (a.copySpan?.start ?? a.originalSpan?.start ?? 0) - (b.copySpan?.start ?? b.originalSpan?.start ?? 0)),
    score,
  };
}

function onTopic(key: SentenceKey, originalBigrams: ReadonlySet<string>): boolean {
  const grams = key.bigrams.size ? key.bigrams : bigramsOf(key.folded.text);
  if (grams.size === 0) return false;
  let hit = 0;
  for (const g of grams) if (originalBigrams.has(g)) hit++;
  return hit / grams.size >= ON_TOPIC;
}

function span(s: SentenceRef): { start: number; end: number } {
  return { start: s.start, end: s.end };
}

function sum(xs: number[]): number {
  let t = 0;
  for (const x of xs) t += x;
  return t;
}
