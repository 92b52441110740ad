import { normalizeUnits, type NormalizedUnits } from '../text/index';
import { fmix32, rollingHashes, shortTextHash } from './hashing';
import { SEEDS, SHINGLE, SLOTS, type DuplicateIndexParameters } from './params';

/** Marks an empty MinHash slot; real slot values are 25-bit, so they never equal it. */
export const EMPTY_SLOT = 0xffffffff;
const VALUE_MASK = 0x1ffffff; // low 25 bits of the mixed hash; the top 7 pick the slot

/** A text as both tiers see it. */
export interface Analysed {
  /** Normalised text with its map back to the original. */
  norm: NormalizedUnits;
  /** `norm.units`. */
  units: Uint16Array;
  /** Hash of the shingle starting at each position (`length - 4` of them; one for a short text). */
  shingles: Uint32Array;
  /** 128 slot values; all {@link EMPTY_SLOT} for a text with nothing left after normalising. */
  signature: Uint32Array;
  /** Winnowed fingerprints without repeats, in text order of first selection. */
  fingerprints: Uint32Array;
}

const INDEX_NORMALIZATION = { dropPunctuation: true, dropWhitespace: true } as const;

/** Normalises `text` the way the index compares texts (punctuation and white space dropped). */
export function normalizeForIndex(text: string): { norm: NormalizedUnits; units: Uint16Array } {
  const norm = normalizeUnits(text, INDEX_NORMALIZATION);
  return { norm, units: norm.units };
}

let shingleBuffer = new Uint32Array(4096);

/**
 * Hash of every shingle of `units`; a text shorter than a shingle is one shingle of its own.
 * With `transient`, the result is a view of a scratch buffer, valid until the next call.
 */
export function shingleHashes(units: Uint16Array, transient = false): Uint32Array {
  const n = units.length;
  if (n === 0) return new Uint32Array(0);
  if (n < SHINGLE) return Uint32Array.of(shortTextHash(units, n));
  if (transient && shingleBuffer.length < n) shingleBuffer = new Uint32Array(n * 2);
  const out = transient ? shingleBuffer.subarray(0, n - SHINGLE + 1) : new Uint32Array(n - SHINGLE + 1);
  rollingHashes(units, n, SHINGLE, out);
  return out;
}

/**
 * Normalises, shingles, signs and winnows `text`. For indexing, `transient: true` lets
 * `shingles` be a scratch view, valid only until the next call; `units`, `signature` and
 * `fingerprints` are always the caller's own.
 */
export function analyse(text: string, p: DuplicateIndexParameters, transient = false): Analysed {
  const { norm, units } = normalizeForIndex(text);
  const shingles = shingleHashes(units, transient);
  const signature = minhashSignature(shingles);
  let kgrams = shingles;
  if (p.fingerprintLength !== SHINGLE && units.length >= p.fingerprintLength) {
    kgrams = new Uint32Array(units.length - p.fingerprintLength + 1);
    rollingHashes(units, units.length, p.fingerprintLength, kgrams);
  } else if (p.fingerprintLength > SHINGLE && units.length < p.fingerprintLength && units.length > 0) {
    // Shorter than a fingerprint: the whole text is its one fingerprint, as for shingles.
    kgrams = Uint32Array.of(shortTextHash(units, units.length));
  }
  return { norm, units, shingles, signature, fingerprints: winnow(kgrams, p.window) };
}

/**
 * One-permutation MinHash (Li, Owen & Zhang, NIPS 2012) with optimal densification
 * (Shrivastava, ICML 2017): one hash per shingle instead of 128, its top 7 bits choosing
 * the slot and the rest competing for the slot's minimum; slots no shingle fell into borrow
 * the value of a non-empty slot picked by a fixed hash sequence, so that two texts agree on
 * a slot with probability equal to their Jaccard similarity.
 */
export function minhashSignature(shingles: Uint32Array): Uint32Array {
  const sig = new Uint32Array(SLOTS).fill(EMPTY_SLOT);
  if (shingles.length === 0) return sig;
  for (let i = 0; i < shingles.length; i++) {
    const h = fmix32(shingles[i]! ^ SEEDS.minhash);
    const slot = h >>> 25;
    const v = h & VALUE_MASK;
    if (v < sig[slot]!) sig[slot] = v;
  }
  let filled = 0;
  for (let s = 0; s < SLOTS; s++) if (sig[s] !== EMPTY_SLOT) filled++;
  if (filled === SLOTS) return sig;
  const original = sig.slice();
  for (let s = 0; s < SLOTS; s++) {
    if (original[s] !== EMPTY_SLOT) continue;
    // Attempts are independent of the text, so two texts walk the same sequence of slots
    // and borrow the same slot whenever their filled slots agree.
    for (let attempt = 1; ; attempt++) {
      const from = fmix32(Math.imul(s + 1, 0x9e3779b1) ^ fmix32(attempt ^ SEEDS.densify)) & (SLOTS - 1);
      if (original[from] !== EMPTY_SLOT) {
        sig[s] = original[from]!;
        break;
      }
    }
  }
  return sig;
}

/** Share of slots on which two signatures agree: the MinHash estimate of Jaccard similarity. */
export function signatureSimilarity(a: Uint32Array, aOffset: number, b: Uint32Array, bOffset: number): number {
  if (a[aOffset] === EMPTY_SLOT || b[bOffset] === EMPTY_SLOT) return 0;
  let same = 0;
  for (let s = 0; s < SLOTS; s++) if (a[aOffset + s] === b[bOffset + s]) same++;
  return same / SLOTS;
}

let winnowBuffer = new Uint32Array(8192);

/**
 * Winnowing (Schleimer, Wilkerson & Aiken, SIGMOD 2003): from every `w` consecutive k-gram
 * hashes keep the minimum (the rightmost on ties), each selected position once. Any run of
 * `w + k - 1` units two texts share yields at least one common fingerprint. Returns the
 * selected hashes without repeats.
 */
export function winnow(kgrams: Uint32Array, w: number): Uint32Array {
  const n = kgrams.length;
  if (n === 0) return new Uint32Array(0);
  if (winnowBuffer.length < n * 2) winnowBuffer = new Uint32Array(n * 4);
  // Re-mix with the tier's own seed so fingerprint selection is independent of MinHash slots.
  const h = winnowBuffer.subarray(0, n);
  for (let i = 0; i < n; i++) h[i] = fmix32(kgrams[i]! ^ SEEDS.winnow);
  const picked = winnowBuffer.subarray(n, 2 * n);
  let count = 0;
  const width = Math.min(w, n);
  let minPos = -1;
  for (let end = width - 1; end < n; end++) {
    const start = end - width + 1;
    if (minPos < start) {
      // The previous minimum left the window: rescan it (rightmost minimum wins).
      minPos = start;
      for (let i = start + 1; i <= end; i++) if (h[i]! <= h[minPos]!) minPos = i;
      picked[count++] = h[minPos]!;
    } else if (h[end]! <= h[minPos]!) {
      minPos = end;
      picked[count++] = h[minPos]!;
    }
  }
  return unique(picked, count);
}

/** True when `values` holds no value twice (fingerprints from outside are checked with it). */
export function isDistinct(values: Uint32Array): boolean {
  return unique(values, values.length).length === values.length;
}

// Scratch open-addressing set for `unique`: entries stamped with the call's generation, so
// nothing needs clearing between calls.
let setKeys = new Uint32Array(1024);
let setStamp = new Uint32Array(1024);
let generation = 0;
let uniqueBuffer = new Uint32Array(1024);

/**
 * The distinct values of `values[0..count)` in first-seen order. A hash set rather than a
 * sort: sorting 32-bit values makes V8 box every value above 2^30, which cost more than
 * the rest of winnowing together.
 */
function unique(values: Uint32Array, count: number): Uint32Array {
  let size = setKeys.length;
  if (size < count * 2) {
    while (size < count * 2) size *= 2;
    setKeys = new Uint32Array(size);
    setStamp = new Uint32Array(size);
    generation = 0;
  }
  if (++generation === 0x100000000) {
    setStamp.fill(0);
    generation = 1;
  }
  const mask = size - 1;
  if (uniqueBuffer.length < count) uniqueBuffer = new Uint32Array(count * 2);
  const out = uniqueBuffer;
  let u = 0;
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    let j = v & mask;
    for (;;) {
      if (setStamp[j] !== generation) {
        setStamp[j] = generation;
        setKeys[j] = v;
        out[u++] = v;
        break;
      }
      if (setKeys[j] === v) break;
      j = (j + 1) & mask;
    }
  }
  return out.slice(0, u);
}
