import type { Lexicon } from './lexicon';

/** A known word and its frequency bucket. */
export interface IndexedWord {
  word: string;
  bucket: number;
}

/**
 * The common words of 2–4 characters indexed with one position masked (`竣工` under `?工` and
 * `竣?`), so that the words one character away from a window of text are found with one lookup
 * per position instead of one per candidate character. Each list is sorted by bucket, most
 * common first.
 */
export interface NearWordIndex {
  /** The indexed words of `window`'s length that agree with it everywhere except at position `q`. */
  near(window: string, q: number): readonly IndexedWord[];
}

const MASK = '\u0000';
const NONE: readonly IndexedWord[] = Object.freeze([]);
const built = new WeakMap<Lexicon, Map<number, NearWordIndex>>();

/** The index of `lex`'s words of bucket ≥ `minBucket` (built on first use, then cached). */
export function nearWordIndex(lex: Lexicon, minBucket: number): NearWordIndex {
  let byBucket = built.get(lex);
  if (!byBucket) built.set(lex, (byBucket = new Map()));
  let index = byBucket.get(minBucket);
  if (!index) byBucket.set(minBucket, (index = build(lex, minBucket)));
  return index;
}

function build(lex: Lexicon, minBucket: number): NearWordIndex {
  const map = new Map<string, IndexedWord[]>();
  for (const [word, bucket] of lex.buckets) {
    if (word.length < 2 || word.length > 4 || bucket < minBucket) continue;
    const entry = { word, bucket };
    for (let q = 0; q < word.length; q++) {
      const key = word.slice(0, q) + MASK + word.slice(q + 1);
      const list = map.get(key);
      if (list) list.push(entry);
      else map.set(key, [entry]);
    }
  }
  // Most common first, so that a reader can stop at the first word too rare to matter.
  for (const list of map.values()) list.sort((x, y) => y.bucket - x.bucket);
  return { near: (window, q) => map.get(window.slice(0, q) + MASK + window.slice(q + 1)) ?? NONE };
}
