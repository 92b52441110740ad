import * as z from 'zod';
import { GovpubError, parseOrThrow } from '../../errors/index';
import { fromHex, SHA256_HEX_PATTERN, shortId, toHex } from './bytes';
import { documentHeadSchema, type DocumentHead } from './document-head';
import { leafOfValidHead, sortHeads } from './heads-tree';
import { merkleInclusionPath, merkleRootFromPath } from './merkle';

/**
 * Evidence that one document's head is in a checkpoint's tree: the head, its position, and the
 * sibling hashes up to the root (RFC 6962 §2.1.1 audit path). Small (32 bytes per doubling of
 * the tree), so it can be handed to someone who holds only the checkpoint.
 */
export interface InclusionProof {
  head: DocumentHead;
  leafIndex: number;
  treeSize: number;
  /** Sibling hashes, nearest the leaf first, 64 hex digits each. */
  path: string[];
}

const documentIdSchema = z.string().min(1, 'documentId is required');

/**
 * The inclusion proof of `documentId`'s head in the tree over `heads` (the same heads, in any
 * order, that the checkpoint was made from).
 *
 * @throws GovpubError `VALIDATION` for malformed heads; `NOT_FOUND` when no head names `documentId`.
 * @example
 * ```ts
 * const proof = inclusionProof(heads, 'doc-42');
 * verifyInclusion(proof, checkpoint); // true
 * ```
 */
export function inclusionProof(heads: readonly DocumentHead[], documentId: string): InclusionProof {
  const id = parseOrThrow(documentIdSchema, documentId, 'documentId');
  const sorted = sortHeads(heads);
  const leafIndex = sorted.findIndex((h) => h.documentId === id);
  if (leafIndex < 0) {
    throw new GovpubError('NOT_FOUND', `No head for document ${shortId(id)} among ${sorted.length} heads`, {
      details: { documentId: shortId(id) },
    });
  }
  const leaves = sorted.map(leafOfValidHead);
  return {
    head: sorted[leafIndex]!,
    leafIndex,
    treeSize: sorted.length,
    path: merkleInclusionPath(leaves, leafIndex).map(toHex),
  };
}

const proofSchema = z.strictObject({
  head: documentHeadSchema,
  leafIndex: z.number().int().nonnegative(),
  treeSize: z.number().int().positive(),
  path: z.array(z.string().regex(SHA256_HEX_PATTERN, 'a SHA-256 value: 64 lower-case hex digits')),
});

const treeSchema = z.looseObject({
  treeSize: z.number().int().nonnegative(),
  rootHash: z.string().regex(SHA256_HEX_PATTERN, 'a SHA-256 value: 64 lower-case hex digits'),
});

/**
 * True when `proof` shows its head is a leaf of the tree `tree` commits to (a checkpoint, or any
 * `{ treeSize, rootHash }`), by the verification algorithm of RFC 9162 §2.1.3.2. Check the
 * checkpoint's signature separately (`verifyCheckpoint` or the verifier's `verifyTreeHead`).
 *
 * @throws GovpubError `VALIDATION` when the proof or the tree is malformed.
 */
export function verifyInclusion(proof: InclusionProof, tree: { treeSize: number; rootHash: string }): boolean {
  const p = parseOrThrow(proofSchema, proof, 'inclusion proof');
  const t = parseOrThrow(treeSchema, tree, 'tree head');
  if (p.treeSize !== t.treeSize) return false;
  const root = merkleRootFromPath(p.leafIndex, p.treeSize, leafOfValidHead(p.head), p.path.map(fromHex));
  return root !== null && toHex(root) === t.rootHash;
}
