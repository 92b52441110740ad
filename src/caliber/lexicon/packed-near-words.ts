import type { Lexicon } from './lexicon';
import { characterRelation, type CharacterRelation } from './character-relations';
import { hashPair, packedLexicon, type PackedLexicon } from './packed-lexicon';

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
  /** The highest bucket of any indexed word (-1 when there is none). */
  readonly maxBucket: number;
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

// A list's key: `head` = (length * 4 + q) * 65536 + first id, `tail` = second id * 65536 + third id.
const keyHead = (length: number, q: number, a: number) => (length * 4 + q) * 0x10000 + a;
const keyTail = (b: number, c: number) => (b * 0x10000 + c) | 0;

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
  for (let w = 0; w < count; w++) {
    const word = words[w]!;
    for (let i = 0; i < word.length; i++) ids[w * 4 + i] = packed.charId[word.charCodeAt(i)]!;
    maxBucket = Math.max(maxBucket, bucket[w]!);
  }
  // One entry per word and masked position, sorted by list key, then most common first, then
  // in the lexicon's order (what a stable sort by bucket of lists filled in that order gives).
  const entryCount = words.reduce((n, w) => n + w.length, 0);
  const entryWord = new Int32Array(entryCount);
  const entryHead = new Float64Array(entryCount);
  const entryTail = new Int32Array(entryCount);
  let e = 0;
  const other = [0, 0, 0];
  for (let w = 0; w < count; w++) {
    const length = words[w]!.length;
    for (let q = 0; q < length; q++) {
      other[0] = other[1] = other[2] = 0;
      for (let i = 0, j = 0; i < length; i++) if (i !== q) other[j++] = ids[w * 4 + i]!;
      entryWord[e] = w;
      entryHead[e] = keyHead(length, q, other[0]!);
      entryTail[e] = keyTail(other[1]!, other[2]!);
      e++;
    }
  }
  const order = Array.from({ length: entryCount }, (_, i) => i);
  order.sort(
    (x, y) =>
      entryHead[x]! - entryHead[y]! ||
      entryTail[x]! - entryTail[y]! ||
      bucket[entryWord[y]!]! - bucket[entryWord[x]!]! ||
      entryWord[x]! - entryWord[y]!,
  );
  const entries = new Int32Array(entryCount);
  for (let i = 0; i < entryCount; i++) entries[i] = entryWord[order[i]!]!;
  // Lists as [start, end) behind an open-addressing table on their keys.
  let lists = 0;
  for (let i = 0; i < entryCount; i++) {
    if (i === 0 || entryHead[order[i]!] !== entryHead[order[i - 1]!] || entryTail[order[i]!] !== entryTail[order[i - 1]!]) lists++;
  }
  let size = 1;
  while (size < lists * 2) size *= 2;
  const mask = size - 1;
  // Four numbers per slot, read in one cache line: head (-1: empty), tail, start, end.
  const slots = new Int32Array(size * 4).fill(-1);
  const slot = (head: number, tail: number) => {
    let s = hashPair(head, tail) & mask;
    while (slots[s * 4] !== -1 && (slots[s * 4] !== head || slots[s * 4 + 1] !== tail)) s = (s + 1) & mask;
    return s * 4;
  };
  for (let i = 0; i < entryCount; ) {
    const head = entryHead[order[i]!]!;
    const tail = entryTail[order[i]!]!;
    let j = i + 1;
    while (j < entryCount && entryHead[order[j]!] === head && entryTail[order[j]!] === tail) j++;
    const at = slot(head, tail);
    slots[at] = head;
    slots[at + 1] = tail;
    slots[at + 2] = i;
    slots[at + 3] = j;
    i = j;
  }

  const relations = new Map<number, number>();
  const stride = packed.chars.length;
  return {
    words,
    bucket,
    ids,
    entries,
    maxBucket,
    find(length, q, a, b, c, range) {
      const head = keyHead(length, q, a);
      const tail = keyTail(b, c);
      const at = slot(head, tail);
      if (slots[at] === -1) return false;
      range[0] = slots[at + 2]!;
      range[1] = slots[at + 3]!;
      return true;
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
