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
  /**
   * The indexed words of length `length` that agree with `text[from, from + length)` everywhere
   * except at its position `q`.
   */
  near(text: string, from: number, length: number, q: number): readonly IndexedWord[];
  /** The highest bucket of any indexed word (-1 when the index is empty). */
  readonly maxBucket: number;
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

// Words of 2–3 characters are keyed by a number (their UTF-16 codes as base-65536 digits, the
// masked one as 0, over a tag for length and masked position: below 2^53); 4-character words
// by a string. A number key spares building a string per lookup, the detector's hottest path.
const TAG = 2 ** 48;
function numberKey(text: string, from: number, length: number, q: number): number {
  let key = 0;
  for (let i = 0; i < length; i++) key = key * 0x10000 + (i === q ? 0 : text.charCodeAt(from + i));
  return (length * 4 + q) * TAG + key;
}
const stringKey = (text: string, from: number, length: number, q: number) =>
  text.slice(from, from + q) + MASK + text.slice(from + q + 1, from + length);

function build(lex: Lexicon, minBucket: number): NearWordIndex {
  const short = new Map<number, IndexedWord[]>();
  const long = new Map<string, IndexedWord[]>();
  let maxBucket = -1;
  const add = <K>(map: Map<K, IndexedWord[]>, key: K, entry: IndexedWord) => {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  for (const [word, bucket] of lex.buckets) {
    if (word.length < 2 || word.length > 4 || bucket < minBucket) continue;
    maxBucket = Math.max(maxBucket, bucket);
    const entry = { word, bucket };
    for (let q = 0; q < word.length; q++) {
      if (word.length < 4) add(short, numberKey(word, 0, word.length, q), entry);
      else add(long, stringKey(word, 0, 4, q), entry);
    }
  }
  // Most common first, so that a reader can stop at the first word too rare to matter.
  for (const list of short.values()) list.sort((x, y) => y.bucket - x.bucket);
  for (const list of long.values()) list.sort((x, y) => y.bucket - x.bucket);
  return {
    maxBucket,
    near: (text, from, length, q) =>
      (length < 4 ? short.get(numberKey(text, from, length, q)) : long.get(stringKey(text, from, length, q))) ?? NONE,
  };
}
