import type { DuplicateIndexParameters } from './params';

/**
 * One stretch of the query that also stands in the other text: `[start, end)` in the
 * query, `[otherStart, otherEnd)` in the indexed text, both exact UTF-16 offsets into the
 * ORIGINAL strings (punctuation and spacing differences inside a passage are allowed).
 */
export interface DuplicatePassage {
  start: number;
  end: number;
  otherStart: number;
  otherEnd: number;
}

/** One indexed text that the query repeats, with the evidence. */
export interface DuplicateMatch<M = unknown> {
  /** The id it was added under. */
  id: string;
  /** MinHash estimate (128 slots) of the Jaccard similarity of the two normalised 5-gram sets. */
  similarity: number;
  /** Share of the query (normalised characters) covered by this match's passages, 0..1. */
  containment: number;
  /**
   * Share of the other text covered by the passages, 0..1: high when the query embeds the
   * whole other text, e.g. a compilation that reprints an article.
   */
  otherContainment: number;
  /** Passages in query order. */
  passages: DuplicatePassage[];
  /**
   * Present (true) when the two texts are one template filled in twice — the same 停水通知
   * or 任前公示 wording with other dates, figures and names: most figures stated in the
   * copied sentences differ. The containments then count only sentences that restate the
   * other text's figures, not the template's wording; `passages` still show all shared text.
   */
  template?: true;
  /** What was passed to `add` with the text, if anything. */
  meta?: M;
}

/** Options of {@link DuplicateIndex.query}. */
export interface DuplicateQueryOptions {
  /** Most matches returned, 1–1000; default 10. */
  limit?: number;
  /** Ids never reported, e.g. the document's own id so its earlier revisions do not match it. */
  exclude?: readonly string[];
}

/**
 * The fingerprints of one text, JSON-safe, so a host can store them (e.g. in the storage
 * adapter's artifacts) and add the text later without recomputing. Only valid for the
 * same text and for an index with the same fingerprint parameters.
 */
export interface DuplicateFingerprint {
  format: 'govpub/duplicate-fingerprint';
  version: 1;
  /** Content key of the text these fingerprints belong to. */
  key: string;
  /** `<fingerprintLength>/<window>`: fingerprints from other settings are not comparable. */
  scheme: string;
  /** 128 MinHash slots, base64 of little-endian 32-bit words. */
  signature: string;
  /** Winnowed fingerprints without repeats, base64 of little-endian 32-bit words. */
  fingerprints: string;
}

/** One document in {@link DuplicateIndexJSON}. */
export interface DuplicateIndexJSONDocument {
  id: string;
  text: string;
  meta?: unknown;
  /** Content key of `text`, checked on load. */
  key: string;
  signature: string;
  fingerprints: string;
}

/** What {@link DuplicateIndex.toJSON} writes and {@link loadDuplicateIndex} reads. */
export interface DuplicateIndexJSON {
  format: 'govpub/duplicate-index';
  version: 1;
  parameters: DuplicateIndexParameters;
  seeds: { minhash: number; densify: number; band: number; winnow: number };
  documents: DuplicateIndexJSONDocument[];
}

/** Counts and typed-array sizes, for capacity planning. */
export interface DuplicateIndexStats {
  /** Texts indexed. */
  documents: number;
  /** UTF-16 units of the texts held (the index keeps each original text for alignment). */
  textUnits: number;
  /** Postings in the fingerprint and band tables, including removed ones not yet compacted. */
  postings: number;
  /** Bytes of the index's typed arrays (signatures, tables, per-text fingerprints). */
  typedArrayBytes: number;
}

/**
 * A near-duplicate index over texts. Create with {@link createDuplicateIndex}; restore with
 * {@link loadDuplicateIndex}.
 */
export interface DuplicateIndex<M = unknown> {
  /** Resolved parameters (defaults filled in). */
  readonly parameters: Readonly<DuplicateIndexParameters>;
  /** Number of texts indexed. */
  readonly size: number;
  /**
   * Indexes `text` under `id`, replacing any text already under that id. `meta` (any JSON
   * value) comes back on matches. `fingerprint`, from {@link DuplicateIndex.fingerprint} of
   * the same text, skips recomputing; one that does not belong to `text` or to this index's
   * parameters is refused with `VALIDATION`.
   */
  add(id: string, text: string, meta?: M, fingerprint?: DuplicateFingerprint): void;
  /** Removes the text under `id`; false when there was none. */
  remove(id: string): boolean;
  has(id: string): boolean;
  /** The text and meta stored under `id`. */
  get(id: string): { text: string; meta?: M } | undefined;
  /** Ids indexed, in insertion order. */
  ids(): string[];
  /** Indexed texts that `text` repeats, best first (by the larger of the two containments). */
  query(text: string, options?: DuplicateQueryOptions): DuplicateMatch<M>[];
  /** Fingerprints of `text` under this index's parameters, to store and pass to `add` later. */
  fingerprint(text: string): DuplicateFingerprint;
  stats(): DuplicateIndexStats;
  /** Everything needed to restore the index with {@link loadDuplicateIndex}. */
  toJSON(): DuplicateIndexJSON;
}
