import { HOMOPHONE_TABLE, WORD_TABLE } from './word-table';

/**
 * The word list with frequencies and the homophone groups, parsed from the generated tables on
 * first use (a few tens of milliseconds) and kept for the life of the process.
 */
export interface Lexicon {
  /** log2 frequency bucket of each known word (1–4 Han characters), from jieba's dictionary. */
  readonly buckets: ReadonlyMap<string, number>;
  /** Characters sharing a toned reading with each character (itself excluded). */
  readonly homophones: ReadonlyMap<string, readonly string[]>;
  /** Whether `word` is in the list. */
  has(word: string): boolean;
  /** The word's frequency bucket, or -1 for an unknown word. */
  bucket(word: string): number;
}

let loaded: Lexicon | undefined;

/** The built-in lexicon (parsed once). */
export function lexicon(): Lexicon {
  return (loaded ??= parse());
}

function parse(): Lexicon {
  const buckets = new Map<string, number>();
  let start = 0;
  for (let i = 0; i < WORD_TABLE.length; i++) {
    const code = WORD_TABLE.charCodeAt(i);
    // a..z close a word: every word character is Han, so one ASCII letter ends it.
    if (code >= 97 && code <= 122) {
      buckets.set(WORD_TABLE.slice(start, i), code - 97);
      start = i + 1;
    }
  }
  const groups = new Map<string, Set<string>>();
  for (const group of HOMOPHONE_TABLE.split('|')) {
    const chars = group.slice(group.indexOf(':') + 1);
    for (const c of chars) {
      let set = groups.get(c);
      if (!set) groups.set(c, (set = new Set()));
      for (const other of chars) if (other !== c) set.add(other);
    }
  }
  const homophones = new Map<string, readonly string[]>();
  for (const [c, set] of groups) homophones.set(c, [...set]);
  return {
    buckets,
    homophones,
    has: (word) => buckets.has(word),
    bucket: (word) => buckets.get(word) ?? -1,
  };
}
