import * as z from 'zod';
import { isGovpubError, parseOrThrow } from '../../errors/index';
import { contentDigest, type DigestibleDocument } from './content-digest';

/** The members of an audit event that tie it to document content. */
export interface DigestedEvent {
  seq: number;
  hash: string;
  /** The {@link contentDigest} of the document as the event's commit wrote it. */
  contentDigest?: string;
}

/** Why a document does not match its trail; stable, for programs to branch on. */
export type DocumentTrailCode =
  | 'NO_EVENTS'
  | 'NO_DIGEST'
  | 'CONTENT_MISMATCH'
  | 'HEAD_MISMATCH'
  | 'MALFORMED_DOCUMENT';

/** The result of {@link verifyDocumentAgainstTrail}. `reason` is Chinese, for auditors. */
export type DocumentTrailCheck =
  | { ok: true; documentId: string; seq: number; contentDigest: string }
  | {
      ok: false;
      documentId: string;
      code: DocumentTrailCode;
      reason: string;
      /** The event the comparison was made against, when there is one. */
      seq?: number;
      /** The digest recorded in the trail. */
      expected?: string;
      /** The digest of the stored document. */
      actual?: string;
    };

const eventsSchema = z.array(
  z.looseObject({
    seq: z.number().int().positive(),
    hash: z.string(),
    contentDigest: z.string().optional(),
  }),
);

/**
 * Says whether a stored document is the one its audit trail ends in: the last event's
 * `contentDigest` must equal the digest of `document`, and — when the document records a
 * `historyHead` — that head must be the last event. A direct edit of the stored document (its
 * body, signatures, published text, …) that leaves the trail alone is reported as
 * `CONTENT_MISMATCH`.
 *
 * This checks the link between the two, not the trail itself: verify the chain
 * (`verifyChain`) and its signed head as well. The document is judged, not trusted — a
 * malformed one is reported (`MALFORMED_DOCUMENT`), not thrown.
 *
 * @throws GovpubError `VALIDATION` when `events` is not a list of events (API misuse).
 * @example
 * ```ts
 * const check = verifyDocumentAgainstTrail(await storage.getDocument(id), await storage.getEvents(id));
 * if (!check.ok) alert(`${check.code}: ${check.reason}`);
 * ```
 */
export function verifyDocumentAgainstTrail(
  document: DigestibleDocument & { historyHead?: { seq: number; hash: string } | null },
  events: readonly DigestedEvent[],
): DocumentTrailCheck {
  const parsedEvents = parseOrThrow(eventsSchema, events, 'audit events');
  const documentId = typeof document?.id === 'string' ? document.id : '';
  const last = parsedEvents[parsedEvents.length - 1];
  if (!last) {
    return { ok: false, documentId, code: 'NO_EVENTS', reason: '该文档没有任何审计事件，无法证明其内容来历' };
  }
  if (last.contentDigest === undefined) {
    return {
      ok: false,
      documentId,
      code: 'NO_DIGEST',
      seq: last.seq,
      reason: `第 ${last.seq} 条审计事件未记录内容摘要，无法核对文档内容`,
    };
  }
  let actual: string;
  try {
    actual = contentDigest(document);
  } catch (e) {
    if (!isGovpubError(e)) throw e;
    return {
      ok: false,
      documentId,
      code: 'MALFORMED_DOCUMENT',
      seq: last.seq,
      reason: `存储的文档结构不完整或含非 JSON 数据，无法计算内容摘要：${e.message}`,
    };
  }
  if (actual !== last.contentDigest) {
    return {
      ok: false,
      documentId,
      code: 'CONTENT_MISMATCH',
      seq: last.seq,
      expected: last.contentDigest,
      actual,
      reason: `存储的文档内容与第 ${last.seq} 条审计事件记录的内容摘要不一致：文档在审计链之外被修改`,
    };
  }
  const head = document.historyHead;
  if (head && (head.seq !== last.seq || head.hash !== last.hash)) {
    return {
      ok: false,
      documentId,
      code: 'HEAD_MISMATCH',
      seq: last.seq,
      reason: `文档记录的审计链末端（第 ${head.seq} 条）与审计链实际末端（第 ${last.seq} 条）不一致`,
    };
  }
  return { ok: true, documentId, seq: last.seq, contentDigest: actual };
}
