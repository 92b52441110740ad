/**
 * Small, fast, deterministic 32-bit hashing shared by both tiers. Not cryptographic:
 * these hashes pick samples and bucket keys; every match they suggest is verified
 * character by character before it is reported.
 */

/** MurmurHash3's finaliser: spreads every input bit over the whole word. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Odd multiplier for the polynomial rolling hash (any odd constant with mixed bits works;
// this one is the 32-bit golden ratio).
const BASE = 0x9e3779b1;

/**
 * The hash of every `k`-unit window of `units[0..length)`: `out[i]` covers
 * `units[i..i+k)`. A polynomial rolling hash mod 2^32 followed by {@link fmix32}, so each
 * window costs two multiplications whatever `k` is. Returns the number of windows
 * (`max(0, length - k + 1)`).
 */
export function rollingHashes(units: Uint16Array, length: number, k: number, out: Uint32Array): number {
  const count = length - k + 1;
  if (count <= 0) return 0;
  // BASE^(k-1) mod 2^32, to take the leaving unit out of the window.
  let top = 1;
  for (let j = 1; j < k; j++) top = Math.imul(top, BASE);
  let h = 0;
  for (let j = 0; j < k; j++) h = (Math.imul(h, BASE) + units[j]!) | 0;
  out[0] = fmix32(h);
  for (let i = 1; i < count; i++) {
    h = (Math.imul(h - Math.imul(units[i - 1]!, top), BASE) + units[i + k - 1]!) | 0;
    out[i] = fmix32(h);
  }
  return count;
}

/**
 * One hash for a whole text shorter than a shingle, kept apart from the shingle hashes by
 * mixing in its length, so that short texts are each their own single "shingle" and do
 * not all collide on the empty set.
 */
export function shortTextHash(units: Uint16Array, length: number): number {
  let h = Math.imul(length + 1, 0x27d4eb2f);
  for (let i = 0; i < length; i++) h = (Math.imul(h, BASE) + units[i]!) | 0;
  return fmix32(h ^ 0x5bd1e995);
}

/**
 * A 53-bit content key of a string (cyrb53 by bryc, public domain), as 14 hex digits.
 * Used to tell whether stored fingerprints still belong to a text; not a security check.
 */
export function textKey(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hi = (h2 >>> 0) & 0x1fffff;
  return hi.toString(16).padStart(6, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
