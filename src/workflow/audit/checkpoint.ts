import * as z from 'zod';
import { GovpubError, isGovpubError, parseOrThrow } from '../../errors/index';
import { shortId, toHex } from './bytes';
import { documentHeadSchema, type DocumentHead } from './document-head';
import type { HeadSigner } from './head-signer';
import type { HeadVerifier, SignatureCheckCode } from './head-verifier';
import { rootOfSortedHeads, sortHeads } from './heads-tree';
import { SIGNATURE_ALGORITHMS, keyIdSchema, type SignatureAlgorithm } from './key-material';
import { isoInstantSchema, type TreeHead } from './tree-head';

/**
 * A signed tree head over every document's head at one moment — what the office publishes or
 * hands to a third party (the archive, the supervising office, a notary). Anyone holding it
 * can later show that the database still extends what it held then.
 */
export interface Checkpoint extends TreeHead {
  /** Format version of this object. */
  version: 1;
  alg: SignatureAlgorithm;
  keyId: string;
  /** Signature over `{ treeSize, rootHash, at }` (hex). */
  signature: string;
  /** The heads the tree was built from, sorted by `documentId`; left out on request. */
  leaves?: DocumentHead[];
}

/** Options of {@link createCheckpoint}. */
export interface CreateCheckpointOptions {
  signer: HeadSigner;
  /** When the heads were read; default now. */
  at?: Date | string;
  /**
   * Keep the heads in the checkpoint (default `true`). Without them the checkpoint is 300 bytes
   * instead of ~200 bytes per document, but whoever verifies it later must keep the heads.
   */
  includeLeaves?: boolean;
}

const signerSchema = z.custom<HeadSigner>(
  (v) => typeof v === 'object' && v !== null && typeof (v as HeadSigner).signTreeHead === 'function',
  { message: 'a signer from createHeadSigner' },
);

const createOptionsSchema = z.strictObject({
  signer: signerSchema,
  at: z
    .union([
      z.date().refine((d) => !Number.isNaN(d.getTime()), 'invalid date'),
      z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
    ])
    .optional(),
  includeLeaves: z.boolean().optional(),
});

/**
 * Builds and signs a checkpoint over all documents' heads: an RFC 6962 Merkle tree whose leaves
 * are the heads sorted by `documentId` (leaf = `SHA-256(0x00 ‖ canonical head)`), so the same
 * set of heads always gives the same root whatever order the database listed them in.
 *
 * @throws GovpubError `VALIDATION` for a malformed head, two heads of one document, or bad options.
 * @example
 * ```ts
 * const heads = documents.map((d) => ({ documentId: d.id, seq: d.historyHead.seq, hash: d.historyHead.hash, contentDigest: lastEvent(d).contentDigest }));
 * const checkpoint = createCheckpoint(heads, { signer, at: new Date() });
 * await archive.put(`checkpoints/${checkpoint.at}.json`, JSON.stringify(checkpoint));
 * ```
 */
export function createCheckpoint(heads: readonly DocumentHead[], options: CreateCheckpointOptions): Checkpoint {
  const { signer, at = new Date(), includeLeaves = true } = parseOrThrow(createOptionsSchema, options, 'checkpoint options');
  const sorted = sortHeads(heads);
  const treeHead: TreeHead = { treeSize: sorted.length, rootHash: toHex(rootOfSortedHeads(sorted)), at: at.toISOString() };
  const { alg, keyId, signature } = signer.signTreeHead(treeHead);
  return { version: 1, ...treeHead, alg, keyId, signature, ...(includeLeaves ? { leaves: sorted } : {}) };
}

/** Validates a checkpoint as read back from wherever it was kept. */
export const checkpointSchema = z.strictObject({
  version: z.literal(1),
  treeSize: z.number().int().nonnegative(),
  rootHash: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 value: 64 lower-case hex digits'),
  at: isoInstantSchema,
  alg: z.enum(SIGNATURE_ALGORITHMS),
  keyId: keyIdSchema,
  signature: z.string().regex(/^[0-9a-f]+$/, 'hex digits'),
  leaves: z.array(documentHeadSchema).optional(),
});

/** Why the current state contradicts a checkpoint; stable, for programs to branch on. */
export type CheckpointCode =
  | 'SIGNATURE_INVALID'
  | 'LEAVES_MISMATCH'
  | 'DOCUMENT_MISSING'
  | 'HISTORY_SHORTENED'
  | 'HISTORY_REWRITTEN'
  | 'EVENT_MISSING';

/** The result of {@link verifyCheckpoint}; `reason` is Chinese, for auditors. */
export type CheckpointVerification =
  | {
      ok: true;
      treeSize: number;
      keyId: string;
      /** Documents created after the checkpoint (present now, absent then). */
      newDocuments: number;
    }
  | {
      ok: false;
      code: CheckpointCode;
      reason: string;
      /** The first document (in tree order) whose state contradicts the checkpoint. */
      documentId?: string;
      /** The seq recorded in the checkpoint for that document. */
      seq?: number;
      /** What the checkpoint recorded (an event hash). */
      expected?: string;
      /** What the database holds now, or `null` when it holds nothing there. */
      actual?: string | null;
      /** For `SIGNATURE_INVALID`: why the signature was refused. */
      signatureCode?: SignatureCheckCode;
    };

/** Options of {@link verifyCheckpoint}. */
export interface VerifyCheckpointOptions {
  /** Trusts the key that signed the checkpoint. */
  verifier: HeadVerifier;
  /** Every document's head as the database holds it now. */
  currentHeads: readonly DocumentHead[];
  /**
   * The hash of event `seq` of a document as the database holds it now, or `null` when there is
   * no such event. Called only for documents whose history grew since the checkpoint.
   */
  eventHashAt: (documentId: string, seq: number) => string | null | undefined | Promise<string | null | undefined>;
  /** The checkpoint's heads, when it was made with `includeLeaves: false` and they were kept apart. */
  checkpointHeads?: readonly DocumentHead[];
}

const verifyOptionsSchema = z.strictObject({
  verifier: z.custom<HeadVerifier>(
    (v) => typeof v === 'object' && v !== null && typeof (v as HeadVerifier).verifyTreeHead === 'function',
    { message: 'a verifier from createHeadVerifier' },
  ),
  // Current heads are read from the database under audit, so their hashes are compared, not
  // format-checked: a mangled hash there is an inconsistency to report, not a reason to throw.
  currentHeads: z.array(
    z.strictObject({
      documentId: z.string().min(1),
      seq: z.number().int().nonnegative(),
      hash: z.string(),
      contentDigest: z.string(),
    }),
  ),
  eventHashAt: z.custom<VerifyCheckpointOptions['eventHashAt']>((v) => typeof v === 'function', {
    message: 'a function (documentId, seq) => event hash or null',
  }),
  checkpointHeads: z.array(z.unknown()).optional(),
});

/**
 * Proves that the database's current state is consistent with a checkpoint handed out
 * earlier: the checkpoint's signature verifies; its heads hash to its root; and every document
 * it recorded is still there, with a history that extends the recorded head — the same head,
 * or a longer chain whose event at the recorded `seq` still has the recorded hash. Deleting a
 * document with its trail, cutting a trail back, or rewriting events before the checkpoint
 * (even with every hash recomputed) therefore contradicts it.
 *
 * Documents are checked in tree order and the first inconsistency is reported. This proves
 * consistency with the past; that the chain is intact now and its head is signed is checked by
 * `verifyChain` and the head verifier.
 *
 * @throws GovpubError `VALIDATION` for a malformed checkpoint or options, or when the
 * checkpoint has no leaves and `checkpointHeads` is not given.
 * @example
 * ```ts
 * const result = await verifyCheckpoint(publishedCheckpoint, {
 *   verifier: createHeadVerifier({ kind: 'ed25519', publicKey: OFFICE_PUBLIC_KEY }),
 *   currentHeads,
 *   eventHashAt: async (id, seq) => (await storage.getEvents(id))[seq - 1]?.hash ?? null,
 * });
 * if (!result.ok) report(result.documentId, result.code, result.reason);
 * ```
 */
export async function verifyCheckpoint(checkpoint: Checkpoint, options: VerifyCheckpointOptions): Promise<CheckpointVerification> {
  const cp = parseOrThrow(checkpointSchema, checkpoint, 'checkpoint');
  const opts = parseOrThrow(verifyOptionsSchema, options, 'verifyCheckpoint options');
  const recordedHeads = cp.leaves ?? (opts.checkpointHeads as DocumentHead[] | undefined);
  if (!recordedHeads) {
    const message = 'the checkpoint carries no leaves; pass the heads kept with it as checkpointHeads';
    throw new GovpubError('VALIDATION', `Invalid verifyCheckpoint options: ${message}`, {
      details: { issues: [{ path: ['checkpointHeads'], message }] },
    });
  }

  const signatureCheck = opts.verifier.verifyTreeHead(
    { treeSize: cp.treeSize, rootHash: cp.rootHash, at: cp.at },
    { alg: cp.alg, keyId: cp.keyId, signedAt: cp.at, signature: cp.signature },
  );
  if (!signatureCheck.ok) {
    return {
      ok: false,
      code: 'SIGNATURE_INVALID',
      signatureCode: signatureCheck.code,
      reason: `检查点签名无效：${signatureCheck.reason}`,
    };
  }

  // Heads naming one document twice cannot be the signed ones (the tree never holds duplicates):
  // a mismatch to report, like any other edit of the kept copy.
  let recorded: DocumentHead[] | null;
  try {
    recorded = sortHeads(recordedHeads, 'checkpoint heads');
  } catch (e) {
    if (!isGovpubError(e)) throw e;
    recorded = null;
  }
  if (!recorded || recorded.length !== cp.treeSize || toHex(rootOfSortedHeads(recorded)) !== cp.rootHash) {
    return {
      ok: false,
      code: 'LEAVES_MISMATCH',
      reason: `提供的 ${recordedHeads.length} 个文档末端不是该检查点（${cp.treeSize} 个文档）所签的内容`,
    };
  }

  const current = new Map<string, DocumentHead>();
  opts.currentHeads.forEach((head, index) => {
    if (current.has(head.documentId)) {
      const message = `two heads for document ${shortId(head.documentId)}`;
      throw new GovpubError('VALIDATION', `Invalid current heads: ${message}`, {
        details: { issues: [{ path: ['currentHeads', index, 'documentId'], message }] },
      });
    }
    current.set(head.documentId, head);
  });
  for (const then of recorded) {
    const base = { documentId: then.documentId, seq: then.seq, expected: then.hash };
    const now = current.get(then.documentId);
    if (!now) {
      return {
        ...base,
        ok: false,
        code: 'DOCUMENT_MISSING',
        actual: null,
        reason: `检查点（${cp.at}）记录的文档 ${shortId(then.documentId)} 已不在数据库中：文档连同其审计记录被删除或隐匿`,
      };
    }
    if (now.seq < then.seq) {
      return {
        ...base,
        ok: false,
        code: 'HISTORY_SHORTENED',
        actual: now.hash,
        reason: `文档 ${shortId(then.documentId)} 的审计记录现有 ${now.seq} 条，少于检查点（${cp.at}）记录的 ${then.seq} 条：记录被删除或回滚`,
      };
    }
    const hashThen = now.seq === then.seq ? now.hash : ((await opts.eventHashAt(then.documentId, then.seq)) ?? null);
    if (hashThen === null) {
      return {
        ...base,
        ok: false,
        code: 'EVENT_MISSING',
        actual: null,
        reason: `文档 ${shortId(then.documentId)} 的第 ${then.seq} 条审计事件已不存在，而检查点（${cp.at}）记录过它`,
      };
    }
    if (hashThen !== then.hash || (now.seq === then.seq && now.contentDigest !== then.contentDigest)) {
      return {
        ...base,
        ok: false,
        code: 'HISTORY_REWRITTEN',
        actual: hashThen,
        reason: `文档 ${shortId(then.documentId)} 的第 ${then.seq} 条审计事件与检查点（${cp.at}）记录的不同：检查点之前的历史被改写`,
      };
    }
  }
  // Every recorded document was found above, so the rest of the current ones are new.
  return { ok: true, treeSize: cp.treeSize, keyId: signatureCheck.keyId, newDocuments: current.size - recorded.length };
}
