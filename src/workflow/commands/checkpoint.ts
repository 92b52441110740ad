import * as z from 'zod';
import type { AuditEvent, GovDocument } from '../../document/index';
import { GovpubError, parseOrThrow, validationError } from '../../errors/index';
import {
  contentDigest,
  createCheckpoint,
  verifyCheckpoint as verifyCheckpointAgainst,
  type Checkpoint,
  type CheckpointVerification,
  type DocumentHead,
  type HeadVerifier,
} from '../audit/index';
import { reason, type Reason } from '../reasons';
import type { CommandContext } from './context';
import { checkHistory } from './history-check';

/** Options of `publisher.checkpoint()`. */
export interface PublisherCheckpointOptions {
  /**
   * Keep every document's head in the checkpoint (default `true`), so it verifies on its own.
   * Without them it is ~300 bytes, and whoever verifies it later must keep `heads` apart.
   */
  includeLeaves?: boolean;
  /**
   * Sign over documents whose trail does not verify now (default `false`: refuse with
   * `CONFLICT`, reason `TRAIL_MISMATCH` per document). A checkpoint vouches for what it lists,
   * so signing over a tampered document would launder the tampering; switch this on only to
   * freeze the evidence of a known incident, and say so where the checkpoint is kept.
   */
  allowUnverified?: boolean;
}

/** Options of `publisher.verifyCheckpoint()`. */
export interface PublisherVerifyCheckpointOptions {
  /** Trusts the checkpoint's key; default the publisher's `verifier`. A third party passes its own. */
  verifier?: HeadVerifier;
  /** The checkpoint's heads when it was made with `includeLeaves: false` and they were kept apart. */
  checkpointHeads?: readonly DocumentHead[];
  /**
   * Check one document only: the checkpoint is still verified as a whole (signature, leaves),
   * but only this document's current history is compared with it. `DOCUMENT_MISSING` when the
   * checkpoint lists it and the database no longer holds it; `NOT_FOUND` is thrown when the
   * checkpoint never listed it.
   */
  documentId?: string;
}

const checkpointOptionsSchema = z.strictObject({
  includeLeaves: z.boolean().optional(),
  allowUnverified: z.boolean().optional(),
});

const verifyOptionsSchema = z.strictObject({
  verifier: z
    .custom<HeadVerifier>((v) => typeof v === 'object' && v !== null && typeof (v as HeadVerifier).verifyTreeHead === 'function', {
      message: 'a verifier from createHeadVerifier',
    })
    .optional(),
  checkpointHeads: z.array(z.unknown()).optional(),
  documentId: z.string().min(1, 'documentId must not be empty').optional(),
});

/** How many documents one storage page holds while walking the office (the adapters' maximum). */
const PAGE_SIZE = 500;

/**
 * Every document the storage holds now, page by page in (`createdAt`, `id`) order, with its
 * trail as of the document that was read. The trail is append-only, so cutting it at the
 * document's own head gives the trail the document was committed with, even when a command
 * commits between the two reads.
 */
async function* documentsWithTrails(ctx: CommandContext): AsyncGenerator<{ document: GovDocument; events: AuditEvent[] }> {
  let cursor: string | undefined;
  do {
    const page = await ctx.storage.listDocuments(cursor ? { limit: PAGE_SIZE, cursor } : { limit: PAGE_SIZE });
    for (const listed of page.items) {
      // Re-read: the listed copy may be older than the trail read next.
      const document = (await ctx.storage.getDocument(listed.id)) ?? listed;
      const events = await ctx.storage.getEvents(document.id);
      const headSeq = document.historyHead?.seq;
      yield { document, events: headSeq !== undefined && events.length > headSeq ? events.slice(0, headSeq) : events };
    }
    cursor = page.nextCursor;
  } while (cursor);
}

/**
 * The head a checkpoint lists for a document: its trail's last event (`seq`, `hash`) and the
 * content digest that event recorded. A trail written before digests has none; its head then
 * takes the digest of the document as stored now, so the checkpoint anchors that content from
 * today on. `null` for a document without events (nothing to anchor; `verifyHistory` reports it).
 */
function headOf(document: GovDocument, events: readonly AuditEvent[]): DocumentHead | null {
  const last = events[events.length - 1];
  if (!last) return null;
  return { documentId: document.id, seq: last.seq, hash: last.hash, contentDigest: last.contentDigest ?? contentDigest(document) };
}

/**
 * `checkpoint`: walks every document, checks each trail as `verifyHistory` does (chain, stored
 * content, and — with a `verifier` — the head's signature), and signs one RFC 6962 tree head
 * over all documents' heads with the publisher's `signer`. What the office hands out (to the
 * archive, the supervising office, its website), so that deleting a document or rewriting
 * history later contradicts something the database administrator cannot reach.
 *
 * @throws GovpubError `VALIDATION` without a `signer` or for bad options; `CONFLICT` (reasons
 * `TRAIL_MISMATCH`, one per document) when a trail does not verify, unless `allowUnverified`.
 */
export async function checkpoint(ctx: CommandContext, options: PublisherCheckpointOptions = {}): Promise<Checkpoint> {
  const { includeLeaves = true, allowUnverified = false } = parseOrThrow(checkpointOptionsSchema, options, 'checkpoint options');
  const signer = ctx.signer;
  if (!signer) {
    throw validationError('publisher options', [{ path: ['signer'], message: 'checkpoints are signed: create the publisher with a signer (createHeadSigner)' }]);
  }
  const at = ctx.now();
  const heads: DocumentHead[] = [];
  const problems: Reason[] = [];
  for await (const { document, events } of documentsWithTrails(ctx)) {
    const check = checkHistory(ctx, document, events);
    if (!check.ok) {
      problems.push(reason('TRAIL_MISMATCH', 'CONFLICT', { id: document.id, code: check.code, seq: check.brokenAt, detail: check.reason }, ctx.locale));
      if (!allowUnverified) continue;
    }
    const head = headOf(document, events);
    if (head) heads.push(head);
  }
  if (problems.length > 0 && !allowUnverified) {
    const first = problems[0]!;
    const more = problems.length > 1 ? `（另有 ${problems.length - 1} 篇）` : '';
    throw new GovpubError('CONFLICT', `不签发检查点：文档 ${String(first.params.id).slice(0, 64)} ${first.message}${more}`, { details: { reasons: problems } });
  }
  return createCheckpoint(heads, { signer, at, includeLeaves });
}

/**
 * `verifyCheckpoint`: proves the storage's current state consistent with a checkpoint handed
 * out earlier — every document it listed is still there and its history extends the recorded
 * head (see the audit core's `verifyCheckpoint` for the codes). Reads every document's current
 * head as {@link checkpoint} does, and the one event at the recorded `seq` of each document
 * whose history grew since.
 *
 * @throws GovpubError `VALIDATION` for a malformed checkpoint or options, or when there is no
 * verifier (neither the publisher's nor `options.verifier`); `NOT_FOUND` when
 * `options.documentId` is not in the checkpoint.
 */
export async function verifyCheckpoint(
  ctx: CommandContext,
  earlier: Checkpoint,
  options: PublisherVerifyCheckpointOptions = {},
): Promise<CheckpointVerification> {
  const opts = parseOrThrow(verifyOptionsSchema, options, 'verifyCheckpoint options');
  const verifier = opts.verifier ?? ctx.verifier;
  if (!verifier) {
    throw validationError('verifyCheckpoint options', [{ path: ['verifier'], message: 'pass a verifier (createHeadVerifier with the public key), or create the publisher with one' }]);
  }
  const checkpointHeads = opts.checkpointHeads as DocumentHead[] | undefined;
  const base = { verifier, eventHashAt, ...(checkpointHeads ? { checkpointHeads } : {}) };

  if (opts.documentId !== undefined) {
    const id = opts.documentId;
    const recorded = (isObject(earlier) && Array.isArray(earlier.leaves) ? earlier.leaves : checkpointHeads) ?? [];
    if (!recorded.some((h) => isObject(h) && h.documentId === id)) {
      throw new GovpubError('NOT_FOUND', `The checkpoint does not list document ${id.slice(0, 64)}`, { details: { documentId: id.slice(0, 64) } });
    }
    // The other documents stand as recorded, so only this one's history is compared.
    const document = await ctx.storage.getDocument(id);
    const events = document ? await ctx.storage.getEvents(id) : [];
    const now = document ? headOf(document, events.slice(0, document.historyHead?.seq ?? events.length)) : null;
    const currentHeads = recorded.filter((h) => h.documentId !== id).concat(now ? [now] : []);
    const result = await verifyCheckpointAgainst(earlier, { ...base, currentHeads });
    return result.ok ? { ...result, newDocuments: 0 } : result;
  }

  const currentHeads: DocumentHead[] = [];
  for await (const { document, events } of documentsWithTrails(ctx)) {
    const head = headOf(document, events);
    if (head) currentHeads.push(head);
  }
  return verifyCheckpointAgainst(earlier, { ...base, currentHeads });

  async function eventHashAt(documentId: string, seq: number): Promise<string | null> {
    const events = await ctx.storage.getEvents(documentId);
    return events.find((e) => e.seq === seq)?.hash ?? null;
  }
}

function isObject(v: unknown): v is Record<string, unknown> & { documentId?: unknown } {
  return typeof v === 'object' && v !== null;
}
