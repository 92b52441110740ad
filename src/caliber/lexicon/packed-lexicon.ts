import type { Lexicon } from './lexicon';

/**
 * The lexicon's words of 1–4 characters as a trie in typed arrays, for the segmenter's hot loop.
 *
 * The Map-based lookups of {@link Lexicon} key a run of characters by a number above 2^31 (a
 * heap number, hashed slowly) or by a sliced string. Here every character of the list has a
 * small dense id (the most frequent characters the smallest), every word prefix is a node, and
 * each node keeps its children in a small open-addressing table of its own (twice as many
 * slots as children, indexed by the child's id), all tables in one `Int32Array`. One step
 * reads the node and one or two neighbouring slots of its table: the continuations of a common
 * prefix stay together in the processor's cache, where one table for the whole lexicon would
 * scatter them over megabytes. Built once per lexicon (cached).
 */
export interface PackedLexicon {
  /** The dense id (1, 2, …) of each UTF-16 code that occurs in a word; 0 for any other code. */
  readonly charId: Uint16Array;
  /** The character of each id (index 0 unused). */
  readonly chars: readonly string[];
  /**
   * The nodes, {@link NODE_STRIDE} numbers each: where its child table starts in
   * {@link PackedLexicon.children} (in slots), the table's size minus one (-1: no children),
   * and the frequency bucket of the word the node spells (-1 for a prefix that is no word).
   * Node `id` (1 … number of characters) is the one-character prefix of character `id`.
   */
  readonly nodes: Int32Array;
  /**
   * The child tables, {@link SLOT_STRIDE} numbers (8 bytes) per slot, so that a step of the
   * walk reads one slot and no node: the child's character id in the low 16 bits of the first
   * (0: a free slot), its bucket + 1 in the next 8 and log2 of its own table's size in the top
   * 8 (0: no children); its table's start in the second.
   */
  readonly children: Int32Array;
}

/** Numbers per child slot: id, bucket and table size packed; table start. */
export const SLOT_STRIDE = 2;
/** The character id of a child slot's first number. */
export const idOfSlot = (packed: number) => packed & 0xffff;
/** The bucket (-1: a prefix that is no word) of a child slot's first number. */
export const bucketOfSlot = (packed: number) => ((packed >>> 16) & 0xff) - 1;
/** The table mask (-1: no children) of a child slot's first number. */
export const maskOfSlot = (packed: number) => (1 << (packed >>> 24)) - 1 || -1;

/** Numbers per node: table start, table mask, bucket, unused (16 bytes, aligned). */
export const NODE_STRIDE = 4;
/** Offset of a node's table start in {@link PackedLexicon.nodes}. */
export const TABLE = 0;
/** Offset of a node's table mask. */
export const MASK = 1;
/** Offset of a node's bucket. */
export const BUCKET = 2;
/** The longest word the trie holds (the segmenter's window). */
export const PACKED_MAX_WORD = 4;

const packed = new WeakMap<Lexicon, PackedLexicon>();

/** The packed form of `lex` (built on first use, then cached with it). */
export function packedLexicon(lex: Lexicon): PackedLexicon {
  let p = packed.get(lex);
  if (!p) packed.set(lex, (p = pack(lex)));
  return p;
}

/**
 * The bucket of `word` read through the packed tables as the segmenter reads it: -1 for a
 * prefix of a longer word that is no word itself, undefined for a string that is neither.
 */
export function packedBucket(p: PackedLexicon, word: string): number | undefined {
  if (!word.length || word.length > PACKED_MAX_WORD) return undefined;
  const first = p.charId[word.charCodeAt(0)]!;
  if (first === 0) return undefined;
  let bucket = p.nodes[first * NODE_STRIDE + BUCKET]!;
  let table = p.nodes[first * NODE_STRIDE + TABLE]!;
  let mask = p.nodes[first * NODE_STRIDE + MASK]!;
  for (let i = 1; i < word.length; i++) {
    const id = p.charId[word.charCodeAt(i)]!;
    if (mask < 0 || id === 0) return undefined;
    let s = id & mask;
    for (;;) {
      const packed = p.children[(table + s) * SLOT_STRIDE]!;
      if (packed === 0) return undefined;
      if (idOfSlot(packed) === id) {
        bucket = bucketOfSlot(packed);
        mask = maskOfSlot(packed);
        table = p.children[(table + s) * SLOT_STRIDE + 1]!;
        break;
      }
      s = (s + 1) & mask;
    }
  }
  return bucket;
}

function pack(lex: Lexicon): PackedLexicon {
  const words: string[] = [];
  // Characters in order of first appearance, marked by code (no Map per character).
  const seen = new Uint8Array(0x10000);
  const firstSeen: string[] = [];
  for (const word of lex.buckets.keys()) {
    if (word.length > PACKED_MAX_WORD) continue; // the segmenter never reads past 4 characters
    words.push(word);
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      if (seen[code] === 0) {
        seen[code] = 1;
        firstSeen.push(word[i]!);
      }
    }
  }
  // Ids by frequency as a word of its own (then first appearance): the nodes of common
  // characters lie together at the start.
  const order = firstSeen.map((c, i) => ({ c, i, b: lex.bucket(c) }));
  order.sort((x, y) => y.b - x.b || x.i - y.i);
  const chars = order.map((x) => x.c);
  if (chars.length >= 0x10000) throw new RangeError('packedLexicon: more than 65,535 distinct characters');
  const charId = new Uint16Array(0x10000);
  chars.forEach((c, i) => (charId[c.charCodeAt(0)] = i + 1));

  // A plain trie first: node numbers 1 … chars.length are the single characters. The words
  // in code-unit order share each prefix with the word before, so the previous word's path
  // gives the nodes of the shared prefix and only the rest are new: no lookup per character.
  words.sort();
  const bucket: number[] = new Array<number>(chars.length + 1).fill(-1);
  const parentOf: number[] = new Array<number>(chars.length + 1).fill(-1);
  const idOf: number[] = Array.from({ length: chars.length + 1 }, (_, i) => i);
  const childCount: number[] = new Array<number>(chars.length + 1).fill(0);
  const path = [0, 0, 0, 0];
  let previous = '';
  for (const word of words) {
    let shared = 0;
    while (shared < word.length && shared < previous.length && word.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
    path[0] = charId[word.charCodeAt(0)]!;
    for (let i = Math.max(1, shared); i < word.length; i++) {
      const id = charId[word.charCodeAt(i)]!;
      const child = bucket.length;
      bucket.push(-1);
      parentOf.push(path[i - 1]!);
      idOf.push(id);
      childCount.push(0);
      childCount[path[i - 1]!]!++;
      path[i] = child;
    }
    const b = lex.bucket(word);
    if (b > 250) throw new RangeError(`packedLexicon: bucket ${b} of ${word} does not fit a byte`);
    bucket[path[word.length - 1]!] = b;
    previous = word;
  }
  // Then each node's table: a power of two at least twice its number of children.
  const count = bucket.length;
  const nodes = new Int32Array(count * NODE_STRIDE);
  let slots = 0;
  for (let node = 0; node < count; node++) {
    let size = 0;
    if (childCount[node]! > 0) for (size = 2; size < childCount[node]! * 2; size *= 2);
    nodes[node * NODE_STRIDE + TABLE] = slots;
    nodes[node * NODE_STRIDE + MASK] = size - 1;
    nodes[node * NODE_STRIDE + BUCKET] = bucket[node]!;
    slots += size;
  }
  const children = new Int32Array(slots * SLOT_STRIDE);
  for (let child = chars.length + 1; child < count; child++) {
    const parent = parentOf[child]!;
    const id = idOf[child]!;
    const start = nodes[parent * NODE_STRIDE + TABLE]!;
    const mask = nodes[parent * NODE_STRIDE + MASK]!;
    let s = id & mask;
    while (children[(start + s) * SLOT_STRIDE] !== 0) s = (s + 1) & mask;
    const at = (start + s) * SLOT_STRIDE;
    const childMask = nodes[child * NODE_STRIDE + MASK]!;
    children[at] = id | ((nodes[child * NODE_STRIDE + BUCKET]! + 1) << 16) | ((childMask < 0 ? 0 : Math.log2(childMask + 1)) << 24);
    children[at + 1] = nodes[child * NODE_STRIDE + TABLE]!;
  }
  return { charId, chars: ['', ...chars], nodes, children };
}
