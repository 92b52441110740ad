import { GovpubError, parseOrThrow, validationError, toValidationIssues } from '../errors/index';
import { compare, type RevisionComparison } from './compare-revision';
import { factCandidates } from './fact-candidates';
import { reasonMessage, type TraceLocale } from './messages';
import { publishedRevisionSchema, traceOptionsSchema, traceTextSchema, type RevisionLookup } from './schemas';
import type { DuplicateIndex } from '../duplicates/index';
import type { PublishedRevision, TraceResult } from './types';

/** Options of {@link trace}. */
export interface TraceOptions {
  /**
   * A duplicate index holding every published revision (withdrawn and superseded ones
   * included), each under an id that `revisions` resolves.
   */
  index: DuplicateIndex<unknown>;
  /** Resolves an indexed id to the revision: a `Map`, or a function (may be async, e.g. a storage query). */
  revisions: RevisionLookup;
  /** Candidates from the index compared sentence by sentence, 1–50; default 5. */
  candidates?: number;
  /** Language of the reasons' messages; default `'zh-CN'`. */
  locale?: TraceLocale;
}

/**
 * Finds the published revision a circulating text most likely derives from, and how it
 * differs: `faithful`, `abridged`, `altered` or `unrelated`, with aligned passages, dropped and
 * added sentences, and changed figures, dates, names and titles side by side.
 *
 * The duplicate index proposes candidates (it finds copies embedded in longer pages through
 * containment), and so do the facts the text shares with indexed ones (a rewrite keeps its
 * source's dates, figures and names); each candidate is then aligned sentence by sentence
 * and the best one kept.
 * Ids the index returns but `revisions` does not know are skipped. See `docs/trace.md`.
 *
 * @example
 * ```ts
 * const result = await trace(pastedText, { index, revisions: (id) => storage.loadRevision(id) });
 * if (result.verdict === 'altered') for (const c of result.changes) console.log(c.kind, c.original, '→', c.copy);
 * ```
 */
export async function trace(text: string, options: TraceOptions): Promise<TraceResult> {
  parseOrThrow(traceTextSchema, text, 'trace text');
  const opts = parseOrThrow(traceOptionsSchema, options, 'trace options');
  const locale = opts.locale ?? 'zh-CN';
  const limit = opts.candidates ?? 5;
  const matches = opts.index.query(text, { limit });
  const compared: { comparison: RevisionComparison; similarity: number; containment: number }[] = [];
  const consider = async (match: { id: string; similarity: number; containment: number }) => {
    const revision = await lookup(opts.revisions, match.id);
    if (revision) compared.push({ comparison: compare(text, revision, locale), similarity: match.similarity, containment: match.containment });
  };
  for (const match of matches) await consider(match);
  // A rewrite (洗稿) shares few passages but most facts: when no passage-sharing candidate
  // derives, candidates by shared facts as well (asked only then: it reads every indexed text once).
  if (compared.every((c) => c.comparison.verdict === 'unrelated')) {
    for (const id of factCandidates(opts.index, text, limit)) if (!matches.some((m) => m.id === id)) await consider({ id, similarity: 0, containment: 0 });
  }
  compared.sort((a, b) => b.comparison.score - a.comparison.score);
  const candidates = compared.map(({ comparison }) => ({
    id: comparison.revision!.id,
    score: Math.round(comparison.score * 100) / 100,
    coverage: comparison.coverage,
  }));

  const best = compared[0];
  if (!best) {
    return {
      verdict: 'unrelated',
      reasons: [{ code: 'no-candidate', params: {}, message: reasonMessage('no-candidate', {}, locale) }],
      revision: null,
      original: '',
      copy: text,
      copySpan: null,
      coverage: 0,
      similarity: 0,
      containment: 0,
      passages: [],
      dropped: [],
      added: [],
      surrounding: [],
      changes: [],
      candidates,
    };
  }
  const { score: _score, ...result } = best.comparison;
  return { ...result, similarity: best.similarity, containment: best.containment, candidates };
}

async function lookup(revisions: RevisionLookup, id: string): Promise<PublishedRevision | null> {
  const found = revisions instanceof Map ? revisions.get(id) : await (revisions as (id: string) => unknown)(id);
  if (found === undefined || found === null) return null;
  const parsed = publishedRevisionSchema.safeParse(found);
  if (!parsed.success) {
    throw validationError(
      `revision "${id}" returned by options.revisions`,
      toValidationIssues(parsed.error.issues).map((i) => ({ ...i, path: ['revisions', id, ...i.path] })),
    );
  }
  if (parsed.data.id !== id) {
    throw new GovpubError('VALIDATION', `options.revisions returned revision "${parsed.data.id}" for id "${id}"`, {
      details: { issues: [{ path: ['revisions', id, 'id'], message: `expected "${id}"` }] },
    });
  }
  return parsed.data as PublishedRevision;
}
