import * as z from 'zod';
import { parseOrThrow } from '../../errors/index';
import { SHA256_HEX_PATTERN } from './bytes';
import type { DigestibleDocument } from './content-digest';
import type { DocumentHead } from './document-head';
import { verifyDocumentAgainstTrail, type DigestedEvent, type DocumentTrailCode } from './document-trail';
import type { HeadSignature } from './head-signer';
import type { HeadVerifier, SignatureCheckCode } from './head-verifier';

const lastEventSchema = z.looseObject({
  documentId: z.string().min(1),
  seq: z.number().int().positive(),
  hash: z.string(),
  contentDigest: z.string(),
});

/**
 * The head of a trail — `{ documentId, seq, hash, contentDigest }` of its last event — or `null`
 * for an empty trail. This is what the host signs after each commit and what checkpoints list.
 *
 * @throws GovpubError `VALIDATION` when the last event lacks one of those members.
 * @example
 * ```ts
 * const head = headOfTrail(events);                 // after a commit
 * if (head) document.historyHead = { seq: head.seq, hash: head.hash, signature: signer.sign(head) };
 * ```
 */
export function headOfTrail(events: readonly (DigestedEvent & { documentId: string })[]): DocumentHead | null {
  const list = parseOrThrow(z.array(z.unknown()), events, 'audit events');
  if (list.length === 0) return null;
  const last = parseOrThrow(lastEventSchema, list[list.length - 1], `audit event ${list.length - 1}`);
  return { documentId: last.documentId, seq: last.seq, hash: last.hash, contentDigest: last.contentDigest };
}

/** Why {@link verifyTrailHead} refused; the document codes, the signature codes, or no signature. */
export type TrailHeadCode = DocumentTrailCode | SignatureCheckCode | 'NO_SIGNATURE';

/** The result of {@link verifyTrailHead}; `reason` is Chinese, for auditors. */
export type TrailHeadCheck =
  | { ok: true; head: DocumentHead; keyId: string }
  | { ok: false; code: TrailHeadCode; reason: string; documentId: string; seq?: number };

/**
 * What `publish` and `verifyHistory` need beyond an intact chain, in one call: the stored
 * document is the one the trail ends in (its content digest), and the trail's head — taken with
 * the *document's* id, so a trail moved under another document fails — carries a valid
 * signature from a trusted key. Run `verifyChain` first; this assumes the events chain.
 *
 * @throws GovpubError `VALIDATION` when `events` is not a list of events.
 * @example
 * ```ts
 * const check = verifyTrailHead(document, events, document.historyHead?.signature, verifier);
 * if (!check.ok) throw new GovpubError('FORBIDDEN', check.reason, { details: { code: check.code } });
 * ```
 */
export function verifyTrailHead(
  document: DigestibleDocument & { historyHead?: { seq: number; hash: string } | null },
  events: readonly DigestedEvent[],
  signature: HeadSignature | null | undefined,
  verifier: HeadVerifier,
): TrailHeadCheck {
  const content = verifyDocumentAgainstTrail(document, events);
  if (!content.ok) {
    const { code, reason, documentId, seq } = content;
    return { ok: false, code, reason, documentId, ...(seq === undefined ? {} : { seq }) };
  }
  const head: DocumentHead = {
    documentId: content.documentId,
    seq: content.seq,
    hash: events[events.length - 1]!.hash,
    contentDigest: content.contentDigest,
  };
  if (signature === null || signature === undefined) {
    return { ok: false, code: 'NO_SIGNATURE', documentId: head.documentId, seq: head.seq, reason: `审计链末端（第 ${head.seq} 条）没有签名` };
  }
  // The hash comes from the database: a malformed one is a failed check, not API misuse.
  if (!SHA256_HEX_PATTERN.test(head.hash)) {
    return { ok: false, code: 'BAD_SIGNATURE', documentId: head.documentId, seq: head.seq, reason: `审计链末端（第 ${head.seq} 条）的哈希格式不正确` };
  }
  const check = verifier.verify(head, signature);
  if (!check.ok) {
    return { ok: false, code: check.code, documentId: head.documentId, seq: head.seq, reason: `审计链末端（第 ${head.seq} 条）的签名无效：${check.reason}` };
  }
  return { ok: true, head, keyId: check.keyId };
}
