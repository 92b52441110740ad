import { ALIGN_THRESHOLD, commonBigramLimit, dice } from './align-sentences';
import { sentenceKey, type SentenceKey } from './sentence-key';
import type { SentenceRef } from './types';

/** Share of a part's bigrams that must occur in the whole for the part to be a piece of it. */
const PIECE_CONTAINMENT = 0.8;

/** Consecutive sentence indices `[first, last]` that together make one sentence of the other text. */
export type Run = readonly [first: number, last: number];

/**
 * Runs of consecutive `parts` that together match one of `wholes` better than any single part
 * does: one text wrote a comma or a semicolon where the other ended a sentence. `bestScore`
 * gives, per whole, the score of its current one-to-one pair (absent when unpaired).
 * `breakBefore(i)` forbids a run from crossing into part `i` (the original's title).
 */
export function findRuns(
  parts: readonly SentenceKey[],
  wholes: readonly SentenceKey[],
  bestScore: ReadonlyMap<number, number>,
  breakBefore: (i: number) => boolean = () => false,
): Run[] {
  const postings = new Map<string, number[]>();
  parts.forEach((p, i) => {
    for (const g of p.bigrams) {
      let list = postings.get(g);
      if (!list) postings.set(g, (list = []));
      list.push(i);
    }
  });
  const runs: Run[] = [];
  const used = new Set<number>();
  // Bigrams in many parts gather no candidates (boilerplate; and without the cap a text of
  // repeated sentences costs parts × wholes here); each candidate's containment is then
  // counted exactly, common bigrams included.
  const common = commonBigramLimit(parts.length);
  wholes.forEach((w, wi) => {
    if ((bestScore.get(wi) ?? 0) >= 1) return;
    const candidates = new Set<number>();
    for (const g of w.bigrams) {
      const list = postings.get(g);
      if (list && list.length <= common) for (const pi of list) candidates.add(pi);
    }
    const pieces = [...candidates].filter((pi) => containment(parts[pi]!.bigrams, w.bigrams) >= PIECE_CONTAINMENT).sort((a, b) => a - b);
    // Maximal stretches of consecutive pieces, at least two long.
    let start = 0;
    for (let k = 1; k <= pieces.length; k++) {
      const consecutive = k < pieces.length && pieces[k] === pieces[k - 1]! + 1 && !breakBefore(pieces[k]!);
      if (consecutive) continue;
      const first = pieces[start]!;
      const last = pieces[k - 1]!;
      start = k;
      if (last === first) continue;
      let free = true;
      for (let i = first; i <= last; i++) if (used.has(i)) free = false;
      if (!free) continue;
      const merged = new Set<string>();
      for (let i = first; i <= last; i++) for (const g of parts[i]!.bigrams) merged.add(g);
      const score = dice(merged, w.bigrams);
      if (score >= ALIGN_THRESHOLD && score > (bestScore.get(wi) ?? 0)) {
        runs.push([first, last]);
        for (let i = first; i <= last; i++) used.add(i);
      }
    }
  });
  return runs.sort((a, b) => a[0] - b[0]);
}

/** Share of `part`'s bigrams that occur in `whole`. */
function containment(part: ReadonlySet<string>, whole: ReadonlySet<string>): number {
  let n = 0;
  for (const g of part) if (whole.has(g)) n++;
  return n / Math.max(1, part.size);
}

/** `sentences` with each run replaced by one sentence spanning it, and the keys to match. */
export function mergeRuns(
  text: string,
  sentences: readonly SentenceRef[],
  keys: readonly SentenceKey[],
  runs: readonly Run[],
): { sentences: SentenceRef[]; keys: SentenceKey[] } {
  if (runs.length === 0) return { sentences: [...sentences], keys: [...keys] };
  const outS: SentenceRef[] = [];
  const outK: SentenceKey[] = [];
  let r = 0;
  for (let i = 0; i < sentences.length; i++) {
    const run = runs[r];
    if (run && i === run[0]) {
      const start = sentences[run[0]]!.start;
      const end = sentences[run[1]]!.end;
      const merged = { start, end, text: text.slice(start, end) };
      outS.push(merged);
      outK.push(sentenceKey(merged.text));
      i = run[1];
      r++;
    } else {
      outS.push(sentences[i]!);
      outK.push(keys[i]!);
    }
  }
  return { sentences: outS, keys: outK };
}
