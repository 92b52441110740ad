import * as z from 'zod';
import { parseOrThrow } from '../errors/index';
import { analyse, minhashSignature, normalizeForIndex, shingleHashes, signatureSimilarity } from './analyse';
import { buildMatch, rankMatches, type ScoredMatch } from './build-match';
import { resolveParameters, type DuplicateIndexOptions, type DuplicateIndexParameters } from './params';
import { idSchema, textSchema } from './schemas';
import type { DuplicateMatch } from './types';

/** A text to compare a probe with: what a storage-backed index fetched for a candidate id. */
export interface ProbeCandidate<M = unknown> {
  id: string;
  text: string;
  meta?: M;
}

/**
 * A query text prepared once for an index kept outside this process (a database table of
 * fingerprints): its `hashes` find candidates there, and `matches` aligns the candidates'
 * texts exactly as {@link DuplicateIndex.query} would.
 */
export interface DuplicateProbe {
  /** `<fingerprintLength>/<window>`: hashes of other schemes are not comparable. */
  readonly scheme: string;
  /** The query's winnowed fingerprints, distinct unsigned 32-bit integers. */
  readonly hashes: readonly number[];
  /** The candidates the query repeats, best first, at most `limit` (default 10). */
  matches<M>(candidates: readonly ProbeCandidate<M>[], options?: { limit?: number }): DuplicateMatch<M>[];
}

const candidatesSchema = z.array(z.object({ id: idSchema, text: z.string(), meta: z.unknown().optional() }));
const matchOptionsSchema = z.strictObject({ limit: z.int().min(1).max(1000).optional() });

/** The fingerprint scheme of an index with these options, e.g. `5/16`. */
export function fingerprintScheme(options?: DuplicateIndexOptions): string {
  return schemeOf(resolveParameters(options));
}

function schemeOf(p: Readonly<DuplicateIndexParameters>): string {
  return `${p.fingerprintLength}/${p.window}`;
}

/**
 * The winnowed fingerprints of `text` as plain numbers, to store in a database index (see
 * `StorageAdapter.fingerprints`); the same hashes {@link DuplicateIndex} keeps in memory.
 *
 * @example
 * ```ts
 * const write = { scheme: fingerprintScheme(), hashes: fingerprintHashes(`${title}\n\n${body}`) };
 * ```
 */
export function fingerprintHashes(text: string, options?: DuplicateIndexOptions): number[] {
  parseOrThrow(textSchema, text, 'fingerprint text');
  return Array.from(analyse(text, resolveParameters(options), true).fingerprints);
}

/**
 * Prepares `text` as a query against an index kept elsewhere: look candidates up by
 * `probe.hashes`, fetch their texts, then `probe.matches(candidates)`.
 *
 * @example
 * ```ts
 * const probe = duplicateProbe(draft);
 * const ids = await storage.fingerprints!.candidates(probe.scheme, probe.hashes, { limit: 16 });
 * const texts = await Promise.all(ids.map(async (c) => ({ id: c.documentId, text: await loadText(c.documentId) })));
 * const [best] = probe.matches(texts, { limit: 5 });
 * ```
 */
export function duplicateProbe(text: string, options?: DuplicateIndexOptions): DuplicateProbe {
  parseOrThrow(textSchema, text, 'duplicate query text');
  const parameters = resolveParameters(options);
  const q = analyse(text, parameters);
  return {
    scheme: schemeOf(parameters),
    hashes: Array.from(q.fingerprints),
    matches<M>(candidates: readonly ProbeCandidate<M>[], matchOptions: { limit?: number } = {}): DuplicateMatch<M>[] {
      parseOrThrow(candidatesSchema, candidates, 'duplicate probe candidates');
      const limit = parseOrThrow(matchOptionsSchema, matchOptions, 'duplicate probe options').limit ?? 10;
      if (q.units.length === 0) return [];
      const found: ScoredMatch<M>[] = [];
      for (const c of candidates) {
        const similarity = signatureSimilarity(q.signature, 0, minhashSignature(shingleHashes(normalizeForIndex(c.text).units)), 0);
        const match = buildMatch(q, c.id, c.text, c.meta, parameters, similarity);
        if (match) found.push(match);
      }
      return rankMatches(found, limit);
    },
  };
}
