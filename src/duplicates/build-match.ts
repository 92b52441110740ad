import { toOriginalSpan } from '../text/index';
import { alignTexts } from './align';
import { normalizeForIndex, shingleHashes, type Analysed } from './analyse';
import type { DuplicateIndexParameters } from './params';
import { templateCoverage } from './template-fill';
import type { DuplicateMatch } from './types';

/** A match with the score it is ranked by (the larger of the two containments). */
export type ScoredMatch<M> = DuplicateMatch<M> & { score: number };

/**
 * Aligns the analysed query with one other text and builds the match, or `null` when no
 * passage is long enough or the match covers less than `minContainment` of either text.
 * One place for this step, shared by the in-memory index and the storage-backed probe, so
 * both report the same match for the same pair of texts.
 */
export function buildMatch<M>(
  q: Analysed,
  id: string,
  otherText: string,
  meta: M | undefined,
  parameters: Readonly<DuplicateIndexParameters>,
  similarity: number,
): ScoredMatch<M> | null {
  const other = normalizeForIndex(otherText);
  const shingles = shingleHashes(other.units);
  const al = alignTexts(q, { units: other.units, shingles }, parameters.minPassage);
  if (al.passages.length === 0) return null;
  // A notice filled in again from the same template counts only its sentences that restate
  // the other text's facts (see template-fill.ts).
  const counted = templateCoverage(q, other, al.passages, { query: al.coveredQuery, other: al.coveredOther });
  const containment = counted.coveredQuery / q.units.length;
  const otherContainment = counted.coveredOther / other.units.length;
  const score = Math.max(containment, otherContainment);
  if (score < parameters.minContainment) return null;
  return {
    id,
    similarity,
    containment,
    otherContainment,
    passages: al.passages.map((p) => {
      const mine = toOriginalSpan(q.norm, p.qs, p.qe);
      const theirs = toOriginalSpan(other.norm, p.ds, p.de);
      return { start: mine.start, end: mine.end, otherStart: theirs.start, otherEnd: theirs.end };
    }),
    ...(meta === undefined ? {} : { meta }),
    ...(counted.template ? { template: true as const } : {}),
    score,
  };
}

/** Best first (score, then similarity, then id), at most `limit`, without the score. */
export function rankMatches<M>(matches: ScoredMatch<M>[], limit: number): DuplicateMatch<M>[] {
  matches.sort((a, b) => b.score - a.score || b.similarity - a.similarity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return matches.slice(0, limit).map(({ score: _score, ...m }) => m);
}
