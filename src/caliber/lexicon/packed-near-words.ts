import type { Lexicon } from './lexicon';
import { characterRelation, type CharacterRelation } from './character-relations';
import { shapeNeighbours } from './shape-neighbours';
import { dictionaryTables } from './dictionaries/eager';
import { packedLexicon, type PackedLexicon } from './packed-lexicon';

/**
 * The words of 2–4 characters of bucket ≥ `minBucket`, indexed with one position masked, like
 * {@link import('./near-word-index').NearWordIndex} but keyed by the packed lexicon's character
 * ids in typed arrays: looking up the words one character away from a window of text costs a
 * few integer operations and no string or heap number. Each list holds the same words in the
 * same order as `nearWordIndex` (most common first; equal buckets in the lexicon's order).
 */
export interface PackedNearWords {
  /** The word of each index entry. */
  readonly words: readonly string[];
  /** Its frequency bucket. */
  readonly bucket: Int8Array;
  /** Its character ids, four per word (0 past its end). */
  readonly ids: Uint16Array;
  /** The entries of every list, list after list (word numbers). */
  readonly entries: Int32Array;
  /** The bucket of each entry's word, beside it, so that a list is read front to back in memory. */
  readonly entryBucket: Int8Array;
  /** The id of each entry's word at the list's masked position (the intended character). */
  readonly entryChar: Uint16Array;
  /** The highest bucket of any indexed word (-1 when there is none). */
  readonly maxBucket: number;
  /**
   * `maxAt[id * 16 + length * 4 + j]`: the highest bucket of an indexed word of `length`
   * characters with character `id` at position `j` (-1 when there is none). The words one
   * character away from a window at position q have every other character of the window in
   * place, so the least of these over the other positions bounds them all, before any lookup.
   */
  readonly maxAt: Int8Array;
  /**
   * The list of the words of `length` characters agreeing with the character ids `a`, `b`, `c`
   * (those of the window without its position `q`, in order; 0 where the window is shorter) as
   * `[start, end)` in {@link PackedNearWords.entries}, written to `range`; false when empty.
   */
  find(length: number, q: number, a: number, b: number, c: number, range: Int32Array): boolean;
  /**
   * {@link characterRelation} between the characters of ids `written` and `intended`
   * (0 none, 1 homophone, 2 tone, 3 shape), computed once per pair.
   */
  relation(written: number, intended: number): number;
  /**
   * A 32-bit signature of each character id's toneless readings (bit `syllable % 32` for
   * each): two characters that share a reading share a bit.
   */
  readonly readingBits: Int32Array;
  /** A signature of each character id's look-alikes (bit `id % 32` for each look-alike's id). */
  readonly shapeBits: Int32Array;
}

/** The relation codes of {@link PackedNearWords.relation}, by code. */
export const RELATION_BY_CODE: readonly (CharacterRelation | undefined)[] = [undefined, 'homophone', 'tone', 'shape'];

const built = new WeakMap<Lexicon, Map<number, PackedNearWords>>();

/** The packed near-word index of `lex` for `minBucket` (built on first use, then cached). */
export function packedNearWords(lex: Lexicon, minBucket: number): PackedNearWords {
  let byBucket = built.get(lex);
  if (!byBucket) built.set(lex, (byBucket = new Map()));
  let index = byBucket.get(minBucket);
  if (!index) byBucket.set(minBucket, (index = build(lex, packedLexicon(lex), minBucket)));
  return index;
}

// A list's key within its group: `tail` = second other id * 65536 + third other id.
const keyTail = (b: number, c: number) => (b * 0x10000 + c) | 0;
// Groups per character id: one per (length, q), indexed by length * 4 + q (2 ≤ length ≤ 4).
const GROUP_TAGS = 20;


function build(lex: Lexicon, packed: PackedLexicon, minBucket: number): PackedNearWords {
  const words: string[] = [];
  const bucketList: number[] = [];
  for (const [word, bucket] of lex.buckets) {
    if (word.length < 2 || word.length > 4 || bucket < minBucket) continue;
    words.push(word);
    bucketList.push(bucket);
  }
  const count = words.length;
  const bucket = Int8Array.from(bucketList);
  const ids = new Uint16Array(count * 4);
  let maxBucket = -1;
  const maxAt = new Int8Array(packed.chars.length * 16).fill(-1);
  for (let w = 0; w < count; w++) {
    const word = words[w]!;
    const b = bucket[w]!;
    for (let i = 0; i < word.length; i++) {
      const id = packed.charId[word.charCodeAt(i)]!;
      ids[w * 4 + i] = id;
      const at = id * 16 + word.length * 4 + i;
      if (maxAt[at]! < b) maxAt[at] = b;
    }
    maxBucket = Math.max(maxBucket, b);
  }
  // One entry per word and masked position, in a group by (first other id, length, q) — one
  // group per position of a common character, so that the groups of the characters of
  // ordinary prose stay in cache — and within a group by tail (the other ids after the first),
  // then most common first, then in the lexicon's order (the order nearWordIndex gives). A
  // lookup reads the group's bounds and, for words of three or four characters, searches the
  // few lists of the group: no hash, no big table.
  const entryCount = words.reduce((n, w) => n + w.length, 0);
  const groups = packed.chars.length * GROUP_TAGS;
  const groupOfEntry = new Int32Array(entryCount);
  const tailOfEntry = new Int32Array(entryCount);
  const groupStart = new Int32Array(groups + 1);
  let e = 0;
  for (let w = 0; w < count; w++) {
    const length = words[w]!.length;
    for (let q = 0; q < length; q++) {
      let o0 = 0;
      let o1 = 0;
      let o2 = 0;
      for (let i = 0, j = 0; i < length; i++) {
        if (i === q) continue;
        const id = ids[w * 4 + i]!;
        if (j === 0) o0 = id;
        else if (j === 1) o1 = id;
        else o2 = id;
        j++;
      }
      const g = o0 * GROUP_TAGS + length * 4 + q;
      groupOfEntry[e] = g;
      tailOfEntry[e] = keyTail(o1, o2);
      groupStart[g + 1]!++;
      e++;
    }
  }
  for (let g = 0; g < groups; g++) groupStart[g + 1]! += groupStart[g]!;
  // Counting sort by group keeps the lexicon's order within each group.
  const fill = groupStart.slice(0, groups);
  const entries = new Int32Array(entryCount);
  const entryTail = new Int32Array(entryCount);
  e = 0;
  for (let w = 0; w < count; w++) {
    for (let q = 0; q < words[w]!.length; q++, e++) {
      const at = fill[groupOfEntry[e]!]!++;
      entries[at] = w;
      entryTail[at] = tailOfEntry[e]!;
    }
  }
  // Within a group, an insertion sort (stable) by tail, then bucket, most common first.
  for (let g = 0; g < groups; g++) {
    const lo = groupStart[g]!;
    const hi = groupStart[g + 1]!;
    for (let i = lo + 1; i < hi; i++) {
      const w = entries[i]!;
      const t = entryTail[i]!;
      let j = i - 1;
      while (j >= lo && (entryTail[j]! > t || (entryTail[j] === t && bucket[entries[j]!]! < bucket[w]!))) {
        entries[j + 1] = entries[j]!;
        entryTail[j + 1] = entryTail[j]!;
        j--;
      }
      entries[j + 1] = w;
      entryTail[j + 1] = t;
    }
  }
  // Beside each entry, what reading a list needs of it: its bucket and its character at the
  // masked position (the group's q), so that reading a list touches no word table.
  const entryBucket = new Int8Array(entryCount);
  const entryChar = new Uint16Array(entryCount);
  for (let g = 0; g < groups; g++) {
    const q = (g % GROUP_TAGS) & 3;
    for (let i = groupStart[g]!; i < groupStart[g + 1]!; i++) {
      entryBucket[i] = bucket[entries[i]!]!;
      entryChar[i] = ids[entries[i]! * 4 + q]!;
    }
  }
  // The lists: runs of one tail within a group, as (tail, start, end) in `lists`.
  const groupFirst = new Int32Array(groups + 1);
  const listRows: number[] = [];
  for (let g = 0; g < groups; g++) {
    groupFirst[g] = listRows.length / 3;
    const hi = groupStart[g + 1]!;
    for (let i = groupStart[g]!; i < hi; ) {
      let j = i + 1;
      while (j < hi && entryTail[j] === entryTail[i]) j++;
      listRows.push(entryTail[i]!, i, j);
      i = j;
    }
  }
  groupFirst[groups] = listRows.length / 3;
  const lists = new Int32Array((listRows.length / 3) * 4);
  for (let l = 0; l * 3 < listRows.length; l++) {
    lists[l * 4] = listRows[l * 3]!;
    lists[l * 4 + 1] = listRows[l * 3 + 1]!;
    lists[l * 4 + 2] = listRows[l * 3 + 2]!;
  }

  // Signatures that rule out most pairs without a lookup: characterRelation finds a relation
  // only where the two share a toneless reading or the intended one is a look-alike.
  const readingBits = new Int32Array(packed.chars.length);
  const shapeBits = new Int32Array(packed.chars.length);
  const syllables = new Map<string, number>();
  for (const group of dictionaryTables().HOMOPHONE_TABLE.split('|')) {
    const colon = group.indexOf(':');
    const toneless = group.slice(0, colon).replace(/\d$/, '');
    let number = syllables.get(toneless);
    if (number === undefined) syllables.set(toneless, (number = syllables.size));
    for (const c of group.slice(colon + 1)) {
      const id = packed.charId[c.charCodeAt(0)]!;
      if (id !== 0) readingBits[id] = readingBits[id]! | (1 << (number & 31));
    }
  }
  for (let id = 1; id < packed.chars.length; id++) {
    for (const other of shapeNeighbours(packed.chars[id]!)) {
      const otherId = packed.charId[other.charCodeAt(0)]!;
      if (otherId !== 0) shapeBits[id] = shapeBits[id]! | (1 << (otherId & 31));
    }
  }
  const relations = new Map<number, number>();
  const stride = packed.chars.length;
  return {
    words,
    bucket,
    ids,
    entries,
    entryBucket,
    entryChar,
    maxBucket,
    maxAt,
    readingBits,
    shapeBits,
    find(length, q, a, b, c, range) {
      const g = a * GROUP_TAGS + length * 4 + q;
      let lo = groupFirst[g]!;
      let hi = groupFirst[g + 1]!;
      const tail = keyTail(b, c);
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const t = lists[mid * 4]!;
        if (t === tail) {
          range[0] = lists[mid * 4 + 1]!;
          range[1] = lists[mid * 4 + 2]!;
          return true;
        }
        if (t < tail) lo = mid + 1;
        else hi = mid;
      }
      return false;
    },
    relation(written, intended) {
      const key = written * stride + intended;
      let r = relations.get(key);
      if (r === undefined) {
        const kind = characterRelation(packed.chars[written]!, packed.chars[intended]!);
        r = kind === 'homophone' ? 1 : kind === 'tone' ? 2 : kind === 'shape' ? 3 : 0;
        relations.set(key, r);
      }
      return r;
    },
  };
}
