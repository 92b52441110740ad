/**
 * mulberry32: a small, fast 32-bit PRNG (Tommy Ettinger's public-domain generator). Scripts
 * and benchmarks use it so that generated corpora and inputs are the same on every run and
 * machine. Not for anything that needs unpredictability.
 *
 * @returns a function giving the next number in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
