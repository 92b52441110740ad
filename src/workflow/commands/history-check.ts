import type { AuditEvent, GovDocument } from '../../document/index';
import { GovpubError } from '../../errors/index';
import { verifyChain } from '../audit-chain';
import { verifyDocumentAgainstTrail, verifyTrailHead, type TrailHeadCode } from '../audit/index';
import { reason, type Reason } from '../reasons';
import type { CommandContext } from './context';

/** Why a history does not verify: the hash chain is broken, or one of the trail-head codes. */
export type HistoryProblemCode = 'CHAIN_BROKEN' | TrailHeadCode;

/**
 * What `verifyHistory` reports. The chain's result (`ok`, `count`, `headHash` / `brokenAt`,
 * `reason`) as before, plus:
 *
 * - `content`: `'verified'` when the stored document is the one the trail's last event
 *   digested, `'legacy'` when the trail was written before events carried digests (nothing to
 *   compare; not a fault).
 * - `signature`: `'verified'` (the publisher's verifier accepted the head), `'unchecked'` (no
 *   verifier configured), `'legacy'` (a legacy trail has no signable head).
 * - on failure, `code` says which check failed; `brokenAt` is the first bad event (for
 *   content and signature problems, the trail's last event).
 */
export type HistoryVerification =
  | {
      ok: true;
      count: number;
      headHash: string;
      content: 'verified' | 'legacy';
      signature: 'verified' | 'unchecked' | 'legacy';
      /** The key that signed the head, when the signature was verified. */
      keyId?: string;
    }
  | { ok: false; count: number; brokenAt: number; reason: string; code: HistoryProblemCode };

/**
 * Checks a stored document against its trail: the hash chain ends at the document's head, the
 * document's content is the digest the last event recorded and — with a verifier — the head's
 * signature is valid. A trail in which no event records a digest and whose head is unsigned
 * predates digests and is reported `legacy` rather than broken.
 */
export function checkHistory(ctx: CommandContext, document: GovDocument, events: readonly AuditEvent[]): HistoryVerification {
  const chain = verifyChain(events, document.historyHead);
  if (!chain.ok) return { ...chain, code: 'CHAIN_BROKEN' };
  const signature = document.historyHead?.signature;
  const legacy = signature === undefined && events.length > 0 && events.every((e) => e.contentDigest === undefined);
  const lastSeq = events[events.length - 1]?.seq ?? 1;
  if (legacy && ctx.verifier && !ctx.acceptLegacyTrails) {
    // A table owner can strip every digest and signature and recompute the hashes: to a
    // verifier, "written before digests" and "stripped" look the same (issue 13 §3 attack e).
    return {
      ok: false,
      count: chain.count,
      brokenAt: lastSeq,
      code: 'NO_SIGNATURE',
      reason: `审计链没有任何内容摘要，末端（第 ${lastSeq} 条）也没有签名：可能是摘要启用前的旧记录，也可能是被剥去摘要和签名后重算的伪造；配置了验证密钥时不予接受（迁移旧数据时可设 acceptLegacyTrails）`,
    };
  }
  if (legacy) return { ...chain, content: 'legacy', signature: 'legacy' };
  if (ctx.verifier) {
    const check = verifyTrailHead(document, events, signature, ctx.verifier);
    if (!check.ok) return { ok: false, count: chain.count, brokenAt: check.seq ?? lastSeq, reason: check.reason, code: check.code };
    return { ...chain, content: 'verified', signature: 'verified', keyId: check.keyId };
  }
  const check = verifyDocumentAgainstTrail(document, events);
  if (!check.ok) return { ok: false, count: chain.count, brokenAt: check.seq ?? lastSeq, reason: check.reason, code: check.code };
  return { ...chain, content: 'verified', signature: 'unchecked' };
}

/**
 * The `TRAIL_MISMATCH` reason (error `CONFLICT`) when the stored document or its trail does
 * not verify (see {@link checkHistory}), naming the first bad event; `null` when it verifies
 * or the trail is legacy. What `publish` refuses for, and what `can` reports beforehand.
 */
export async function trailMismatch(ctx: CommandContext, document: GovDocument): Promise<Reason | null> {
  const check = checkHistory(ctx, document, await ctx.storage.getEvents(document.id));
  if (check.ok) return null;
  return reason('TRAIL_MISMATCH', 'CONFLICT', { id: document.id, code: check.code, seq: check.brokenAt, detail: check.reason }, ctx.locale);
}

/**
 * Refuses to publish a document whose stored content or trail does not verify: `CONFLICT`
 * with the reason `TRAIL_MISMATCH`. What is published must be what review signed, and a
 * document edited behind the trail's back is not.
 */
export async function assertTrailIntact(ctx: CommandContext, document: GovDocument): Promise<void> {
  const why = await trailMismatch(ctx, document);
  if (why) throw new GovpubError('CONFLICT', why.message, { details: { reasons: [why] } });
}
