import { decodeWordList } from '../word-list';
import { dictionaryTables } from './dictionaries/eager';
import { OFFICIAL_WORD_BUCKET, OFFICIAL_WORDS } from './official-words';

/**
 * The word list with frequencies and the homophone groups, parsed from the generated tables on
 * first use (a few tens of milliseconds) and kept for the life of the process. The word map is
 * built at once; the homophone groups, number keys and best-bucket maps when first read.
 */
export interface Lexicon {
  /** log2 frequency bucket of each known word (1–4 Han characters, a few official terms longer), from jieba's dictionary and official-words.ts. */
  readonly buckets: ReadonlyMap<string, number>;
  /** Characters sharing a toned reading with each character (itself excluded). */
  readonly homophones: ReadonlyMap<string, readonly string[]>;
  /** Whether `word` is in the list. */
  has(word: string): boolean;
  /** The word's frequency bucket, or -1 for an unknown word. */
  bucket(word: string): number;
  /**
   * The bucket of the word of 1–3 characters whose UTF-16 codes give `key` (see `wordKey` in this module),
   * or -1; with {@link Lexicon.isPrefix}, lets a segmenter walk the text without slicing it.
   */
  bucketByKey(key: number): number;
  /** Whether some longer word starts with the 1–3 characters of `key`. */
  isPrefix(key: number): boolean;
  /** The highest bucket of a two-character word starting / ending with each character. */
  readonly bestStarting: ReadonlyMap<string, number>;
  readonly bestEnding: ReadonlyMap<string, number>;
}

/**
 * A number naming a run of 1–3 BMP characters: their codes as base-65536 digits. Keys of
 * different lengths never meet, because every Han code is at least 0x3400.
 */
export function wordKey(key: number, code: number): number {
  return key * 0x10000 + code;
}

let plain: string | undefined;

/**
 * Every word followed by one letter: its frequency's log2 bucket (a = 2^0, b = 2^1, …). Decoded
 * from the front-coded list of word-table.ts on first use (the plain string bundled three
 * times larger).
 */
export function wordTable(): string {
  const { WORD_CHARS, WORD_LIST } = dictionaryTables();
  return (plain ??= decodeWordList(WORD_CHARS, WORD_LIST));
}

let loaded: Lexicon | undefined;

/** The built-in lexicon (parsed once). */
export function lexicon(): Lexicon {
  return (loaded ??= parse());
}

function parse(): Lexicon {
  const WORD_TABLE = wordTable();
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
  // Official terms newer than jieba's dictionary count as common words (official-words.ts).
  for (const w of OFFICIAL_WORDS) if (!buckets.has(w)) buckets.set(w, OFFICIAL_WORD_BUCKET);
  // The rest is built on first use: the non-word detector reads the packed tables
  // (packed-lexicon.ts) and needs none of it, so a first check does not pay for it.
  let homophones: Map<string, readonly string[]> | undefined;
  let byKey: Map<number, number> | undefined;
  let prefixes: Set<number> | undefined;
  let bestStarting: Map<string, number> | undefined;
  let bestEnding: Map<string, number> | undefined;
  const keys = () => {
    byKey = new Map();
    prefixes = new Set();
    for (const [w, b] of buckets) {
      let key = 0;
      for (let i = 0; i < w.length && i < 3; i++) {
        key = key * 0x10000 + w.charCodeAt(i);
        if (i < w.length - 1) prefixes.add(key);
      }
      if (w.length <= 3) byKey.set(key, b);
    }
  };
  const best = () => {
    bestStarting = new Map();
    bestEnding = new Map();
    for (const [w, b] of buckets) {
      if (w.length !== 2) continue;
      if ((bestStarting.get(w[0]!) ?? -1) < b) bestStarting.set(w[0]!, b);
      if ((bestEnding.get(w[1]!) ?? -1) < b) bestEnding.set(w[1]!, b);
    }
  };
  return {
    buckets,
    get homophones() {
      if (!homophones) {
        const groups = new Map<string, Set<string>>();
        for (const group of dictionaryTables().HOMOPHONE_TABLE.split('|')) {
          const chars = group.slice(group.indexOf(':') + 1);
          for (const c of chars) {
            let set = groups.get(c);
            if (!set) groups.set(c, (set = new Set()));
            for (const other of chars) if (other !== c) set.add(other);
          }
        }
        homophones = new Map();
        for (const [c, set] of groups) homophones.set(c, [...set]);
      }
      return homophones;
    },
    get bestStarting() {
      if (!bestStarting) best();
      return bestStarting!;
    },
    get bestEnding() {
      if (!bestEnding) best();
      return bestEnding!;
    },
    bucketByKey: (key) => {
      if (!byKey) keys();
      return byKey!.get(key) ?? -1;
    },
    isPrefix: (key) => {
      if (!prefixes) keys();
      return prefixes!.has(key);
    },
    has: (word) => buckets.has(word),
    bucket: (word) => buckets.get(word) ?? -1,
  };
}
