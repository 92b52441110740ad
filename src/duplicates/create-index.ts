import { parseOrThrow, validationError } from '../errors/index';
import { analyse, EMPTY_SLOT, isDistinct, signatureSimilarity } from './analyse';
import { buildMatch, rankMatches, type ScoredMatch } from './build-match';
import { decodeWords, encodeWords } from './base64';
import { fmix32, textKey } from './hashing';
import { PostingTable } from './multimap';
import { BANDS, ROWS, SEEDS, SLOTS, resolveParameters, type DuplicateIndexOptions, type DuplicateIndexParameters } from './params';
import { addSchema, idSchema, querySchema, textSchema } from './schemas';
import type {
  DuplicateFingerprint,
  DuplicateIndex,
  DuplicateIndexJSON,
  DuplicateIndexStats,
  DuplicateMatch,
  DuplicateQueryOptions,
} from './types';

/** Candidates beyond `limit` that are aligned anyway, because the cheap scores only estimate. */
const EXTRA_ALIGNED = 6;
/** Share of fingerprints (either direction) a candidate needs before it is worth aligning. */
const MIN_HIT_SHARE = 0.05;
/** Signature agreement an LSH candidate needs (verified on the stored signatures). */
const MIN_LSH_SIMILARITY = 0.2;

/**
 * Creates an empty near-duplicate index (see `docs/duplicates.md` for how it works and
 * what it finds).
 *
 * @example
 * ```ts
 * const index = createDuplicateIndex();
 * index.add('notice-17', publishedBody, { title: '关于…的通知' });
 * const [best] = index.query(draftBody, { exclude: ['draft-3'] });
 * if (best && best.containment >= 0.8) console.log(`copied from ${best.id}`, best.passages);
 * ```
 */
export function createDuplicateIndex<M = unknown>(options?: DuplicateIndexOptions): DuplicateIndex<M> {
  return new Index<M>(resolveParameters(options));
}

/** @internal Builds an index from already-validated parameters (used by the loader). */
export function createIndexWithParameters<M>(parameters: DuplicateIndexParameters): DuplicateIndex<M> & {
  addTrusted(id: string, text: string, meta: M | undefined, signature: Uint32Array, fingerprints: Uint32Array): void;
} {
  return new Index<M>(parameters);
}

class Index<M> implements DuplicateIndex<M> {
  readonly parameters: Readonly<DuplicateIndexParameters>;
  private readonly scheme: string;

  // Per slot. A slot is never reused until compaction, so postings of a removed text can
  // stay in the tables meanwhile and are skipped by the `alive` check.
  private slotIds: (string | undefined)[] = [];
  private texts: (string | undefined)[] = [];
  private metas: (M | undefined)[] = [];
  private alive = new Uint8Array(64);
  // Each text's fingerprints, back to back in one pool (kept to release them on removal and
  // to write them out): slot s owns fpPool[fpStart[s] .. fpStart[s] + fpCount[s]).
  private fpPool = new Uint32Array(1024);
  private fpLength = 0;
  private fpStart = new Uint32Array(64);
  private fpCount = new Uint32Array(64);
  private signatures = new Uint32Array(64 * SLOTS);
  private slotCount = 0;
  private dead = 0;
  private readonly slotById = new Map<string, number>();

  private readonly fingerprintTable: PostingTable;
  // No frequency cap on bands: identical texts legitimately share every band.
  private readonly bandTable = new PostingTable(0x7fffffff);

  // Query scratch: hit counts per slot, reset after each query through `touched`.
  private hits = new Uint32Array(64);

  constructor(parameters: DuplicateIndexParameters) {
    this.parameters = Object.freeze({ ...parameters });
    this.scheme = `${parameters.fingerprintLength}/${parameters.window}`;
    this.fingerprintTable = new PostingTable(parameters.maxDocumentFrequency);
  }

  get size(): number {
    return this.slotById.size;
  }

  add(id: string, text: string, meta?: M, fingerprint?: DuplicateFingerprint): void {
    parseOrThrow(addSchema, [id, text, meta, fingerprint], 'duplicate index add');
    if (fingerprint) {
      const { signature, fingerprints } = this.checkFingerprint(text, fingerprint);
      this.addTrusted(id, text, meta, signature, fingerprints);
      return;
    }
    const a = analyse(text, this.parameters, true);
    this.addTrusted(id, text, meta, a.signature, a.fingerprints);
  }

  /** Adds without validation: the caller vouches that the fingerprints belong to `text`. */
  addTrusted(id: string, text: string, meta: M | undefined, signature: Uint32Array, fingerprints: Uint32Array): void {
    this.removeSlotOf(id);
    const slot = this.slotCount++;
    if (slot === this.alive.length) this.growSlots();
    this.slotIds[slot] = id;
    this.texts[slot] = text;
    this.metas[slot] = meta;
    if (this.fpLength + fingerprints.length > this.fpPool.length) {
      const pool = new Uint32Array(Math.max(Math.ceil(this.fpPool.length * 1.5), this.fpLength + fingerprints.length));
      pool.set(this.fpPool.subarray(0, this.fpLength));
      this.fpPool = pool;
    }
    this.fpPool.set(fingerprints, this.fpLength);
    this.fpStart[slot] = this.fpLength;
    this.fpCount[slot] = fingerprints.length;
    this.fpLength += fingerprints.length;
    this.alive[slot] = 1;
    this.signatures.set(signature, slot * SLOTS);
    this.slotById.set(id, slot);
    for (let i = 0; i < fingerprints.length; i++) this.fingerprintTable.add(fingerprints[i]!, slot);
    if (signature[0] !== EMPTY_SLOT) for (let b = 0; b < BANDS; b++) this.bandTable.add(bandKey(signature, 0, b), slot);
  }

  remove(id: string): boolean {
    parseOrThrow(idSchema, id, 'duplicate index id');
    return this.removeSlotOf(id);
  }

  has(id: string): boolean {
    return this.slotById.has(id);
  }

  get(id: string): { text: string; meta?: M } | undefined {
    const slot = this.slotById.get(id);
    if (slot === undefined) return undefined;
    const meta = this.metas[slot];
    return meta === undefined ? { text: this.texts[slot]! } : { text: this.texts[slot]!, meta };
  }

  ids(): string[] {
    return [...this.slotById.keys()];
  }

  query(text: string, options: DuplicateQueryOptions = {}): DuplicateMatch<M>[] {
    parseOrThrow(textSchema, text, 'duplicate query text');
    const o = parseOrThrow(querySchema, options, 'duplicate query options');
    const limit = o.limit ?? 10;
    const q = analyse(text, this.parameters);
    if (q.units.length === 0 || this.size === 0) return [];
    const excluded = new Set<number>();
    for (const id of o.exclude ?? []) {
      const slot = this.slotById.get(id);
      if (slot !== undefined) excluded.add(slot);
    }

    // Tier 2 candidates: count shared fingerprints per text (boilerplate keys are skipped).
    if (this.hits.length < this.slotCount) this.hits = new Uint32Array(this.alive.length);
    const hits = this.hits;
    const alive = this.alive;
    const touched: number[] = [];
    const visit = (slot: number): void => {
      if (!alive[slot]) return;
      const seen = hits[slot]!;
      hits[slot] = seen + 1;
      if (seen === 0) touched.push(slot);
    };
    for (let i = 0; i < q.fingerprints.length; i++) this.fingerprintTable.forEach(q.fingerprints[i]!, visit);

    const estimate = new Map<number, number>();
    const queryCount = q.fingerprints.length;
    for (const slot of touched) {
      const h = hits[slot]!;
      hits[slot] = 0;
      if (excluded.has(slot)) continue;
      const otherCount = this.fpCount[slot]!;
      if (h < Math.min(2, queryCount, otherCount)) continue;
      const share = Math.max(h / queryCount, h / otherCount);
      if (share >= MIN_HIT_SHARE) estimate.set(slot, share);
    }

    // Tier 1 candidates: texts sharing a whole LSH band, verified on the stored signatures.
    const sims = new Map<number, number>();
    const sigs = this.signatures;
    for (let b = 0; b < BANDS; b++) {
      this.bandTable.forEach(bandKey(q.signature, 0, b), (slot) => {
        if (!alive[slot] || excluded.has(slot) || sims.has(slot)) return;
        const sim = signatureSimilarity(q.signature, 0, sigs, slot * SLOTS);
        sims.set(slot, sim);
        if (sim >= MIN_LSH_SIMILARITY) estimate.set(slot, Math.max(estimate.get(slot) ?? 0, sim));
      });
    }

    const ranked = [...estimate].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit + EXTRA_ALIGNED);
    const matches: ScoredMatch<M>[] = [];
    for (const [slot] of ranked) {
      const similarity = sims.get(slot) ?? signatureSimilarity(q.signature, 0, sigs, slot * SLOTS);
      const match = buildMatch(q, this.slotIds[slot]!, this.texts[slot]!, this.metas[slot], this.parameters, similarity);
      if (match) matches.push(match);
    }
    return rankMatches(matches, limit);
  }

  fingerprint(text: string): DuplicateFingerprint {
    parseOrThrow(textSchema, text, 'duplicate fingerprint text');
    const a = analyse(text, this.parameters, true);
    return this.fingerprintOf(text, a.signature, a.fingerprints);
  }

  stats(): DuplicateIndexStats {
    let textUnits = 0;
    for (const slot of this.slotById.values()) textUnits += this.texts[slot]!.length;
    return {
      documents: this.size,
      textUnits,
      postings: this.fingerprintTable.postings + this.bandTable.postings,
      typedArrayBytes:
        this.signatures.byteLength +
        this.alive.byteLength +
        this.hits.byteLength +
        this.fpPool.byteLength +
        this.fpStart.byteLength +
        this.fpCount.byteLength +
        this.fingerprintTable.bytes +
        this.bandTable.bytes,
    };
  }

  toJSON(): DuplicateIndexJSON {
    const documents: DuplicateIndexJSON['documents'] = [];
    for (const [id, slot] of this.slotById) {
      const text = this.texts[slot]!;
      const fp = this.fingerprintOf(text, this.signatures.subarray(slot * SLOTS, (slot + 1) * SLOTS), this.fingerprintsOfSlot(slot));
      const meta = this.metas[slot];
      documents.push({
        id,
        text,
        ...(meta === undefined ? {} : { meta }),
        key: fp.key,
        signature: fp.signature,
        fingerprints: fp.fingerprints,
      });
    }
    return { format: 'govpub/duplicate-index', version: 1, parameters: { ...this.parameters }, seeds: { ...SEEDS }, documents };
  }

  private fingerprintOf(text: string, signature: Uint32Array, fingerprints: Uint32Array): DuplicateFingerprint {
    return {
      format: 'govpub/duplicate-fingerprint',
      version: 1,
      key: textKey(text),
      scheme: this.scheme,
      signature: encodeWords(signature),
      fingerprints: encodeWords(fingerprints),
    };
  }

  private checkFingerprint(text: string, fp: DuplicateFingerprint): { signature: Uint32Array; fingerprints: Uint32Array } {
    const problems: { path: (string | number)[]; message: string }[] = [];
    if (fp.key !== textKey(text)) problems.push({ path: ['key'], message: 'fingerprint belongs to a different text' });
    if (fp.scheme !== this.scheme)
      problems.push({ path: ['scheme'], message: `fingerprint scheme ${fp.scheme} differs from this index's ${this.scheme}` });
    const signature = decodeWords(fp.signature);
    if (!signature || signature.length !== SLOTS) problems.push({ path: ['signature'], message: `expected ${SLOTS} base64 words` });
    const fingerprints = decodeWords(fp.fingerprints);
    if (!fingerprints || !isDistinct(fingerprints))
      problems.push({ path: ['fingerprints'], message: 'expected base64 words without repeats' });
    if (problems.length || !signature || !fingerprints) throw validationError('duplicate fingerprint', problems);
    return { signature, fingerprints };
  }

  private fingerprintsOfSlot(slot: number): Uint32Array {
    return this.fpPool.subarray(this.fpStart[slot]!, this.fpStart[slot]! + this.fpCount[slot]!);
  }

  private removeSlotOf(id: string): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    this.slotById.delete(id);
    const fps = this.fingerprintsOfSlot(slot);
    for (let i = 0; i < fps.length; i++) this.fingerprintTable.release(fps[i]!);
    this.alive[slot] = 0;
    this.slotIds[slot] = undefined;
    this.texts[slot] = undefined;
    this.metas[slot] = undefined;
    this.dead++;
    if (this.dead > 1024 && this.dead > this.slotById.size) this.compact();
    return true;
  }

  private growSlots(): void {
    const n = this.alive.length * 2;
    const alive = new Uint8Array(n);
    alive.set(this.alive);
    this.alive = alive;
    for (const key of ['fpStart', 'fpCount'] as const) {
      const grown = new Uint32Array(n);
      grown.set(this[key]);
      this[key] = grown;
    }
    const sigs = new Uint32Array(n * SLOTS);
    sigs.set(this.signatures);
    this.signatures = sigs;
  }

  /** Renumbers live slots densely and drops postings of removed texts. */
  private compact(): void {
    const remap = new Int32Array(this.slotCount).fill(-1);
    const pool = new Uint32Array(Math.max(1024, this.fpLength));
    let poolLength = 0;
    let next = 0;
    for (let s = 0; s < this.slotCount; s++) {
      if (!this.alive[s]) continue;
      remap[s] = next;
      pool.set(this.fingerprintsOfSlot(s), poolLength);
      this.fpStart[next] = poolLength;
      this.fpCount[next] = this.fpCount[s]!;
      poolLength += this.fpCount[s]!;
      if (next !== s) {
        this.slotIds[next] = this.slotIds[s];
        this.texts[next] = this.texts[s];
        this.metas[next] = this.metas[s];
        this.signatures.copyWithin(next * SLOTS, s * SLOTS, (s + 1) * SLOTS);
        this.alive[next] = 1;
      }
      next++;
    }
    this.alive.fill(0, next);
    this.fpPool = pool;
    this.fpLength = poolLength;
    for (const arr of [this.slotIds, this.texts, this.metas]) arr.length = next;
    for (const [id, slot] of this.slotById) this.slotById.set(id, remap[slot]!);
    this.fingerprintTable.compact(remap);
    this.bandTable.compact(remap);
    this.slotCount = next;
    this.dead = 0;
  }
}

/** The LSH key of band `b` of the signature at `offset`: its 4 slot values and the band number. */
function bandKey(sig: Uint32Array, offset: number, b: number): number {
  let h = fmix32(SEEDS.band ^ b);
  const base = offset + b * ROWS;
  for (let r = 0; r < ROWS; r++) h = fmix32((h + Math.imul(sig[base + r]!, 0xcc9e2d51)) | 0);
  return h;
}
