import * as z from 'zod';
import { canonicalJson, sha256Hex } from '../../hash/index';
import { parseOrThrow, validationError } from '../../errors/index';
import { nonJsonIssues } from './json-value';

/**
 * Written in front of the canonical JSON before hashing, so a content digest can never equal
 * the hash of some other govpub structure (an event, a head) that happens to serialise alike,
 * and so a future change of what is digested gets a new version instead of silently
 * disagreeing with digests already recorded.
 */
export const CONTENT_DIGEST_DOMAIN = 'govpub/content-digest/v1';

/**
 * Document members left out of the content digest, each because it is not content:
 *
 * - `version` counts storage writes (optimistic concurrency), not content; a digest computed
 *   while building a commit's events must not depend on it.
 * - `historyHead` holds the hash of the last event, and that event carries this digest: it
 *   would be circular.
 * - `findings` are derived: the gates recompute them from the content on every run.
 * - `updatedAt` is bookkeeping of the commit, already recorded in the event's `at`.
 *
 * Everything else is covered — also members added to `GovDocument` later (review steps stored
 * at submission, waiver excerpt hashes, …): a deny-list, so new content is protected the day it
 * is added, and documents that lack a new member keep their digest.
 */
export const CONTENT_DIGEST_EXCLUDED = ['version', 'historyHead', 'findings', 'updatedAt'] as const;

/**
 * What the digest needs at least. A `GovDocument` fits; other members are digested too,
 * except {@link CONTENT_DIGEST_EXCLUDED}.
 */
export interface DigestibleDocument {
  id: string;
  revision: number;
  state: string;
  title: string;
  body: string;
  level: string;
  channels: readonly string[];
  signatures: readonly object[];
  waivers: readonly object[];
}

// The members the digest is about must be there and have the right shape: a document whose
// signatures are missing would otherwise digest as a document with none.
const digestibleSchema = z.looseObject({
  id: z.string().min(1),
  revision: z.number().int().nonnegative(),
  state: z.string().min(1),
  title: z.string(),
  body: z.string(),
  level: z.string().min(1),
  channels: z.array(z.string()),
  signatures: z.array(z.looseObject({ step: z.string().min(1), actorId: z.string().min(1) })),
  waivers: z.array(z.looseObject({ ruleId: z.string().min(1), actorId: z.string().min(1) })),
});

/**
 * The part of a document its content digest covers: every member except
 * {@link CONTENT_DIGEST_EXCLUDED}. Useful to show an auditor exactly what was compared.
 */
export function digestedContent(document: DigestibleDocument): Record<string, unknown> {
  parseOrThrow(digestibleSchema, document, 'document for the content digest');
  const issues = nonJsonIssues(document);
  if (issues.length > 0) throw validationError('document for the content digest', issues);
  // Copied from the document itself, not from the parser's output (which may drop members such
  // as an own `__proto__` that JSON.parse creates), into an object without a prototype, so that
  // such a member is copied as data rather than setting the copy's prototype.
  const source = document as unknown as Record<string, unknown>;
  const content = Object.create(null) as Record<string, unknown>;
  const excluded: readonly string[] = CONTENT_DIGEST_EXCLUDED;
  for (const key of Object.keys(source)) if (!excluded.includes(key)) content[key] = source[key];
  return content;
}

/**
 * SHA-256 (hex) of a document's content: title, body, summary, level, channels, signatures,
 * waivers, state, revision, the published revision and every other member except
 * {@link CONTENT_DIGEST_EXCLUDED}. Each audit event records the digest of the document its
 * commit writes, which ties the stored document to its trail.
 *
 * Stable across adapters and runs: object keys are sorted at every depth and members whose
 * value is `undefined` count as missing (so JSON, JSONB and `structuredClone` round trips give
 * the same digest). `null` stays distinct from missing, as the adapter contract requires.
 * Array order counts (signatures are in signing order). Text is hashed exactly as stored —
 * no Unicode normalisation: two spellings that normalise alike can still render, count or
 * match rules differently, and a database that silently rewrote text should be noticed.
 *
 * @throws GovpubError `VALIDATION` when a required member is missing or of the wrong type, or
 * when the document holds values that are not plain JSON (a `Date`, a bigint, `NaN`).
 * @example
 * ```ts
 * const digest = contentDigest(document);           // '3f1c…' (64 hex digits)
 * events.push({ ...event, contentDigest: digest }); // chained with the event's hash
 * ```
 */
export function contentDigest(document: DigestibleDocument): string {
  return sha256Hex(`${CONTENT_DIGEST_DOMAIN}\n${canonicalJson(digestedContent(document))}`);
}
