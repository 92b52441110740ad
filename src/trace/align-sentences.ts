import type { SentenceKey } from './sentence-key';

/** One original sentence paired with one copy sentence. */
export interface SentencePair {
  original: number;
  copy: number;
  /** Dice coefficient of the bigram sets. */
  score: number;
}

/** Dice score from which two sentences count as the same sentence (possibly edited). */
export const ALIGN_THRESHOLD = 0.5;
/** Candidates kept per copy sentence before the one-to-one assignment. */
const KEPT_PER_SENTENCE = 3;
/**
 * However long the original, a bigram in more sentences than this gathers no candidates. A
 * share alone (a quarter of the sentences) lets a text of a few sentences repeated thousands
 * of times cost (sentences)² here: 16,000 characters of one repeated line took 3.6 s in
 * trace (bench/adversarial.bench.ts). With a constant, gathering is linear in the bigrams.
 */
export const MAX_POSTINGS = 64;

/** How many sentences a bigram may occur in and still gather candidates: boilerplate beyond. */
export function commonBigramLimit(sentences: number): number {
  return Math.min(MAX_POSTINGS, Math.max(8, Math.ceil(sentences / 4)));
}

/**
 * Pairs original and copy sentences one to one by normalised bigram overlap. An inverted
 * index from bigram to original sentences makes this linear in the total bigrams, except for
 * bigrams many sentences share (those are skipped: they carry no evidence of which sentence
 * it is). Order is not assumed: reposts do move paragraphs. Pairs are assigned greedily,
 * best score first.
 */
export function alignSentences(original: readonly SentenceKey[], copy: readonly SentenceKey[]): SentencePair[] {
  const postings = new Map<string, number[]>();
  original.forEach((s, i) => {
    for (const g of s.bigrams) {
      let list = postings.get(g);
      if (!list) postings.set(g, (list = []));
      list.push(i);
    }
  });
  // A bigram in more than this many original sentences is boilerplate (的是, 工作) and skipped
  // when gathering candidates; it still counts in the score through the exact recount below.
  const common = commonBigramLimit(original.length);

  const candidates: SentencePair[] = [];
  const shared = new Map<number, number>();
  copy.forEach((c, ci) => {
    shared.clear();
    // Bigrams of this sentence too common to gather candidates: each may still be shared.
    let uncounted = 0;
    for (const g of c.bigrams) {
      const list = postings.get(g);
      if (!list) continue;
      if (list.length > common) {
        uncounted++;
        continue;
      }
      for (const oi of list) shared.set(oi, (shared.get(oi) ?? 0) + 1);
    }
    const best: SentencePair[] = [];
    for (const [oi, count] of shared) {
      const o = original[oi]!;
      // At most count + uncounted bigrams are shared: when even that cannot reach the
      // threshold, the exact recount is skipped (same pairs, far fewer set walks on texts
      // whose sentences share much vocabulary).
      if (2 * (count + uncounted) < ALIGN_THRESHOLD * (o.bigrams.size + c.bigrams.size)) continue;
      const score = dice(o.bigrams, c.bigrams);
      if (score >= ALIGN_THRESHOLD) best.push({ original: oi, copy: ci, score });
    }
    best.sort((a, b) => b.score - a.score);
    candidates.push(...best.slice(0, KEPT_PER_SENTENCE));
  });

  candidates.sort((a, b) => b.score - a.score || a.copy - b.copy);
  const usedOriginal = new Set<number>();
  const usedCopy = new Set<number>();
  const pairs: SentencePair[] = [];
  for (const p of candidates) {
    if (usedOriginal.has(p.original) || usedCopy.has(p.copy)) continue;
    usedOriginal.add(p.original);
    usedCopy.add(p.copy);
    pairs.push(p);
  }
  return pairs.sort((a, b) => a.copy - b.copy);
}

/** Dice coefficient of two sets: 2|A∩B| / (|A|+|B|). */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}
