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
   * The child tables, {@link SLOT_STRIDE} numbers per slot: the child's character id (0: free),
   * its node, and a copy of what the walk needs next from it (its table start, and its table
   * mask and bucket packed as `(mask + 1) << 8 | (bucket + 1)`), so that a step of the walk
   * reads one slot and no node.
   */
  readonly children: Int32Array;
}

/** Numbers per child slot: id, node, table start, packed mask and bucket (16 bytes, aligned). */
export const SLOT_STRIDE = 4;
/** The table mask of a child slot's packed number. */
export const maskOfPacked = (packed: number) => (packed >> 8) - 1;
/** The bucket of a child slot's packed number. */
export const bucketOfPacked = (packed: number) => (packed & 0xff) - 1;

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

/** The child of `node` along character id `id`, or -1. */
export function childOf(p: PackedLexicon, node: number, id: number): number {
  const mask = p.nodes[node * NODE_STRIDE + MASK]!;
  if (mask < 0 || id === 0) return -1;
  const start = p.nodes[node * NODE_STRIDE + TABLE]!;
  for (let s = id & mask; ; s = (s + 1) & mask) {
    const got = p.children[(start + s) * SLOT_STRIDE]!;
    if (got === id) return p.children[(start + s) * SLOT_STRIDE + 1]!;
    if (got === 0) return -1;
  }
}

/** The node of `word`, or -1 when it is no prefix of a word of up to 4 characters. */
export function nodeOfWord(p: PackedLexicon, word: string): number {
  if (!word.length || word.length > PACKED_MAX_WORD) return -1;
  let node: number = p.charId[word.charCodeAt(0)]!;
  if (node === 0) return -1;
  for (let i = 1; i < word.length && node >= 0; i++) node = childOf(p, node, p.charId[word.charCodeAt(i)]!);
  return node;
}

function pack(lex: Lexicon): PackedLexicon {
  const words: string[] = [];
  const firstSeen = new Map<string, number>();
  for (const word of lex.buckets.keys()) {
    if (word.length > PACKED_MAX_WORD) continue; // the segmenter never reads past 4 characters
    words.push(word);
    for (const c of word) if (!firstSeen.has(c)) firstSeen.set(c, firstSeen.size);
  }
  // Ids by frequency as a word of its own (then first appearance): the nodes of common
  // characters lie together at the start.
  const chars = [...firstSeen.keys()].sort((x, y) => lex.bucket(y) - lex.bucket(x) || firstSeen.get(x)! - firstSeen.get(y)!);
  if (chars.length >= 0x10000) throw new RangeError('packedLexicon: more than 65,535 distinct characters');
  const charId = new Uint16Array(0x10000);
  chars.forEach((c, i) => (charId[c.charCodeAt(0)] = i + 1));

  // A plain trie first: node numbers 1 … chars.length are the single characters.
  const childOfKey = new Map<number, number>();
  const bucket: number[] = new Array<number>(chars.length + 1).fill(-1);
  const parentOf: number[] = new Array<number>(chars.length + 1).fill(-1);
  const idOf: number[] = Array.from({ length: chars.length + 1 }, (_, i) => i);
  const childCount: number[] = new Array<number>(chars.length + 1).fill(0);
  for (const word of words) {
    let node = charId[word.charCodeAt(0)]!;
    for (let i = 1; i < word.length; i++) {
      const id = charId[word.charCodeAt(i)]!;
      const key = node * 0x10000 + id;
      let child = childOfKey.get(key);
      if (child === undefined) {
        child = bucket.length;
        childOfKey.set(key, child);
        bucket.push(-1);
        parentOf.push(node);
        idOf.push(id);
        childCount.push(0);
        childCount[node]!++;
      }
      node = child;
    }
    const b = lex.bucket(word);
    if (b > 250) throw new RangeError(`packedLexicon: bucket ${b} of ${word} does not fit a byte`);
    bucket[node] = b;
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
    children[at] = id;
    children[at + 1] = child;
    children[at + 2] = nodes[child * NODE_STRIDE + TABLE]!;
    children[at + 3] = ((nodes[child * NODE_STRIDE + MASK]! + 1) << 8) | (nodes[child * NODE_STRIDE + BUCKET]! + 1);
  }
  return { charId, chars: ['', ...chars], nodes, children };
}
