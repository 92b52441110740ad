import type { Lexicon } from './lexicon';

/**
 * The lexicon's words of 1–4 characters as a trie in typed arrays, for the segmenter's hot loop.
 *
 * The Map-based lookups of {@link Lexicon} key a run of characters by a number above 2^31 (a
 * heap number, hashed slowly) or by a sliced string; here every character of the list has a
 * small dense id, each word prefix a node number, and one probe of an open-addressing table in
 * `Int32Array`s steps from a prefix to the next character. Built once per lexicon (cached).
 */
export interface PackedLexicon {
  /** The dense id (1, 2, …) of each UTF-16 code that occurs in a word; 0 for any other code. */
  readonly charId: Uint16Array;
  /** The character of each id (index 0 unused). */
  readonly chars: readonly string[];
  /**
   * The frequency bucket of the word spelt by each trie node, -1 for a prefix that is no word.
   * Node `id` (1 … number of characters) is the one-character prefix of character `id`.
   */
  readonly nodeBucket: Int8Array;
  /** Whether a word of up to 4 characters continues each node. */
  readonly nodeHasChild: Uint8Array;
  /**
   * Open-addressing table of the trie's edges, four numbers per slot, so that a probe reads
   * one cache line: the parent node (-1 for an empty slot), the character id that extends it,
   * the child node, and an unused fourth.
   */
  readonly slots: Int32Array;
  /** Number of slots minus one (the number is a power of two). */
  readonly slotMask: number;
}

/** The longest word the trie holds (the segmenter's window). */
export const PACKED_MAX_WORD = 4;

const packed = new WeakMap<Lexicon, PackedLexicon>();

/** The packed form of `lex` (built on first use, then cached with it). */
export function packedLexicon(lex: Lexicon): PackedLexicon {
  let p = packed.get(lex);
  if (!p) packed.set(lex, (p = pack(lex)));
  return p;
}

/** The index in `slots` of the slot where `(parent, id)` lives or would be inserted. */
export function slotOf(slots: Int32Array, mask: number, parent: number, id: number): number {
  let s = hashPair(parent, id) & mask;
  for (;;) {
    const q = slots[s * 4]!;
    if (q === -1 || (q === parent && slots[s * 4 + 1] === id)) return s * 4;
    s = (s + 1) & mask;
  }
}

/** The child of trie node `parent` along character id `id`, or -1. */
export function childOf(p: PackedLexicon, parent: number, id: number): number {
  const at = slotOf(p.slots, p.slotMask, parent, id);
  return p.slots[at] === -1 ? -1 : p.slots[at + 2]!;
}

/** A 32-bit hash of two small integers (murmur3's finaliser over their combination). */
export function hashPair(x: number, y: number): number {
  let h = Math.imul(x, 0x9e3779b1) + y;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function pack(lex: Lexicon): PackedLexicon {
  const charId = new Uint16Array(0x10000);
  const chars: string[] = [''];
  const words: string[] = [];
  // Ids first: node n ≤ number of characters is the one-character prefix of character n.
  for (const word of lex.buckets.keys()) {
    if (word.length > PACKED_MAX_WORD) continue; // the segmenter never reads past 4 characters
    words.push(word);
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      if (charId[code] === 0) {
        if (chars.length === 0x10000) throw new RangeError('packedLexicon: more than 65,535 distinct characters');
        charId[code] = chars.length;
        chars.push(word[i]!);
      }
    }
  }
  const charCount = chars.length - 1;
  // At most one node per character of every word, plus the single characters.
  const nodeLimit = charCount + 1 + words.reduce((n, w) => n + Math.max(0, w.length - 1), 0);
  let size = 1;
  while (size < nodeLimit * 2) size *= 2;
  const slots = new Int32Array(size * 4).fill(-1);
  const mask = size - 1;
  const nodeBucket = new Int8Array(nodeLimit).fill(-1);
  const nodeHasChild = new Uint8Array(nodeLimit);
  let nextNode = charCount + 1;
  for (const word of words) {
    let node = charId[word.charCodeAt(0)]!;
    for (let i = 1; i < word.length; i++) {
      const id = charId[word.charCodeAt(i)]!;
      const at = slotOf(slots, mask, node, id);
      if (slots[at] === -1) {
        slots[at] = node;
        slots[at + 1] = id;
        slots[at + 2] = nextNode++;
        nodeHasChild[node] = 1;
      }
      node = slots[at + 2]!;
    }
    nodeBucket[node] = lex.bucket(word);
  }
  return { charId, chars, nodeBucket, nodeHasChild, slots, slotMask: mask };
}
