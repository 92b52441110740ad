import { toOriginalSpan, type NormalizedUnits } from '../text/index';
import { alignTexts, type NormalisedPassage } from './align';
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
  const al = alignTexts(q, { units: other.units, shingles }, parameters.minPassage, (p) => isSharedFirstLine(p, q.norm, other.norm));
  if (al.passages.length === 0) return null;
  // A notice filled in again from the same template counts only its sentences that restate
  // the other text's facts (see template-fill.ts).
  const counted = templateCoverage(q, other, al.passages, al.tiles, { query: al.coveredQuery, other: al.coveredOther });
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

/**
 * A passage that is the whole first line of both texts: the same title. Titles are shorter
 * than `minPassage` (a 停水通知's is 15–25 characters) yet an excerpt that keeps its
 * source's title copies it too; a run that opens both texts and ends both first lines is no
 * stock phrase met by chance (those end at a comma inside a sentence).
 */
function isSharedFirstLine(p: NormalisedPassage, q: NormalizedUnits, d: NormalizedUnits): boolean {
  return p.qs === 0 && p.ds === 0 && endsLine(q, p.qe) && endsLine(d, p.de);
}

/** True when normalised unit `end` closes a line of the original: a line break (or the end) follows. */
function endsLine(n: NormalizedUnits, end: number): boolean {
  if (end >= n.units.length) return true;
  const gap = n.original.slice(n.ends[end - 1]!, n.starts[end]!);
  return /[\r\n\u2028\u2029]/u.test(gap);
}

/** Best first (score, then similarity, then id), at most `limit`, without the score. */
export function rankMatches<M>(matches: ScoredMatch<M>[], limit: number): DuplicateMatch<M>[] {
  matches.sort((a, b) => b.score - a.score || b.similarity - a.similarity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return matches.slice(0, limit).map(({ score: _score, ...m }) => m);
}
