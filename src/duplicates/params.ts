import * as z from 'zod';
import { parseOrThrow } from '../errors/index';

/** Shingle length in normalised UTF-16 units; fixed because `similarity` is defined on 5-grams. */
export const SHINGLE = 5;
/** MinHash slots (one-permutation bins). */
export const SLOTS = 128;
/** LSH bands × rows = {@link SLOTS}; 32 × 4 puts the 50 % candidate point near Jaccard 0.42. */
export const BANDS = 32;
/** Rows per LSH band. */
export const ROWS = SLOTS / BANDS;

/**
 * The fixed seeds of every hash the index uses. They are written into `toJSON()` so that
 * a loader can refuse an index built with different hashes (its signatures would not be
 * comparable). Arbitrary odd constants; changing one is a format change.
 */
export const SEEDS = Object.freeze({
  minhash: 0x2545f491,
  densify: 0x68e31da5,
  band: 0x1b873593,
  winnow: 0x3c6ef372,
});

/** Options of {@link createDuplicateIndex}. Each has a measured default; see `docs/duplicates.md`. */
export interface DuplicateIndexOptions {
  /**
   * Winnowing k-gram length (normalised units) for the containment tier. Default 5: the
   * same windows as the shingles, so one hash pass serves both tiers.
   */
  fingerprintLength?: number;
  /**
   * Winnowing window: one fingerprint is kept from every `window` consecutive k-grams, so a
   * shared run of `window + fingerprintLength - 1` units is always seen. Default 16 (with
   * k = 5, every shared run of 20 units, shorter than the shortest passage reported).
   */
  window?: number;
  /**
   * A fingerprint found in more than this many indexed texts (a slogan, a letterhead, a
   * template sentence) stops proposing candidates. Default 64.
   */
  maxDocumentFrequency?: number;
  /** Shortest passage reported, in normalised units (characters without punctuation/space). Default 24. */
  minPassage?: number;
  /**
   * A match is reported when its passages cover at least this share of the query or of the
   * other text. Default 0.1.
   */
  minContainment?: number;
}

/** The resolved parameters of an index, as written into its JSON. */
export interface DuplicateIndexParameters {
  shingle: number;
  slots: number;
  bands: number;
  rows: number;
  fingerprintLength: number;
  window: number;
  maxDocumentFrequency: number;
  minPassage: number;
  minContainment: number;
}

/** Validates {@link DuplicateIndexOptions}; the loader reuses it for written parameters. */
export const optionsSchema = z.strictObject({
  fingerprintLength: z.int().min(3).max(32).optional(),
  window: z.int().min(1).max(64).optional(),
  maxDocumentFrequency: z.int().min(1).max(1_000_000).optional(),
  minPassage: z.int().min(SHINGLE).max(10_000).optional(),
  minContainment: z.number().min(0).max(1).optional(),
});

/** Validates options and fills in the defaults. */
export function resolveParameters(options: unknown): DuplicateIndexParameters {
  const o = parseOrThrow(optionsSchema, options ?? {}, 'duplicate index options');
  return {
    shingle: SHINGLE,
    slots: SLOTS,
    bands: BANDS,
    rows: ROWS,
    fingerprintLength: o.fingerprintLength ?? 5,
    window: o.window ?? 16,
    maxDocumentFrequency: o.maxDocumentFrequency ?? 64,
    minPassage: o.minPassage ?? 24,
    minContainment: o.minContainment ?? 0.1,
  };
}
