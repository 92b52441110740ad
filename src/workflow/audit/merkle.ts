import { sha256 } from '@noble/hashes/sha2';
import * as z from 'zod';
import { GovpubError, parseOrThrow } from '../../errors/index';
import { concat } from './bytes';

// The Merkle tree hash of RFC 6962 §2.1 (Certificate Transparency), unchanged in RFC 9162
// §2.1.1: leaves and interior nodes are hashed with different one-byte prefixes, so a leaf can
// never be passed off as an interior node (the second-preimage attack on plain Merkle trees).

const LEAF_PREFIX = new Uint8Array([0x00]);
const NODE_PREFIX = new Uint8Array([0x01]);

const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'a Uint8Array' });
const hash32 = z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.length === 32, { message: 'a 32-byte hash (Uint8Array)' });
const hashList = z.array(hash32);

// The exported functions validate their arguments; the recursion below calls these unchecked
// ones, so a tree of n leaves is validated once, not at every node.
function leafHash(data: Uint8Array): Uint8Array {
  return sha256(concat(LEAF_PREFIX, data));
}

/** {@link merkleLeafHash} without the argument check, for callers that built the bytes themselves. */
export { leafHash as uncheckedLeafHash };

function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha256(concat(NODE_PREFIX, left, right));
}

/**
 * `SHA-256(0x00 ‖ data)`: the hash of one leaf.
 *
 * @throws GovpubError `VALIDATION` when `data` is not a `Uint8Array`.
 */
export function merkleLeafHash(data: Uint8Array): Uint8Array {
  return leafHash(parseOrThrow(bytes, data, 'Merkle leaf data'));
}

/**
 * `SHA-256(0x01 ‖ left ‖ right)`: the hash of an interior node.
 *
 * @throws GovpubError `VALIDATION` unless both are 32-byte hashes.
 */
export function merkleNodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  const [l, r] = parseOrThrow(z.tuple([hash32, hash32]), [left, right], 'Merkle node children');
  return nodeHash(l, r);
}

/** The largest power of two strictly less than `n` (n ≥ 2): where RFC 6962 splits a tree. */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * MTH(D[n]) of RFC 6962 §2.1 over already-hashed leaves: `SHA-256()` of nothing for an empty
 * tree, the leaf hash itself for one leaf, else the node hash of the left subtree (the largest
 * power of two of leaves) and the right subtree (the rest).
 *
 * @throws GovpubError `VALIDATION` unless every element is a 32-byte hash.
 */
export function merkleRoot(leafHashes: readonly Uint8Array[]): Uint8Array {
  parseOrThrow(hashList, leafHashes, 'Merkle leaf hashes');
  if (leafHashes.length === 0) return sha256(new Uint8Array(0));
  return subtreeRoot(leafHashes, 0, leafHashes.length);
}

// Recursion depth is log2(n), so even millions of leaves stay far from the stack limit.
function subtreeRoot(leaves: readonly Uint8Array[], start: number, end: number): Uint8Array {
  const n = end - start;
  if (n === 1) return leaves[start]!;
  const k = splitPoint(n);
  return nodeHash(subtreeRoot(leaves, start, start + k), subtreeRoot(leaves, start + k, end));
}

/**
 * PATH(m, D[n]) of RFC 6962 §2.1.1: the sibling hashes from leaf `index` up to the root,
 * nearest first — what a verifier needs, with the leaf, to recompute the root.
 *
 * @throws GovpubError `VALIDATION` when `index` is not a leaf of the tree.
 */
export function merkleInclusionPath(leafHashes: readonly Uint8Array[], index: number): Uint8Array[] {
  parseOrThrow(hashList, leafHashes, 'Merkle leaf hashes');
  if (!Number.isInteger(index) || index < 0 || index >= leafHashes.length) {
    const message = `leaf index ${String(index)} is outside a tree of ${leafHashes.length} leaves`;
    throw new GovpubError('VALIDATION', `Invalid leaf index: ${message}`, { details: { issues: [{ path: ['index'], message }] } });
  }
  const path: Uint8Array[] = [];
  collectPath(leafHashes, index, 0, leafHashes.length, path);
  return path;
}

function collectPath(leaves: readonly Uint8Array[], m: number, start: number, end: number, path: Uint8Array[]): void {
  const n = end - start;
  if (n <= 1) return;
  const k = splitPoint(n);
  if (m < k) {
    collectPath(leaves, m, start, start + k, path);
    path.push(subtreeRoot(leaves, start + k, end));
  } else {
    collectPath(leaves, m - k, start + k, end, path);
    path.push(subtreeRoot(leaves, start, start + k));
  }
}

/**
 * The root that leaf `index` of a tree of `treeSize` leaves implies, given its inclusion
 * path — the verification algorithm of RFC 9162 §2.1.3.2 — or `null` when the path cannot
 * belong to such a tree (wrong length for the index and size). Compare the result with the
 * trusted root.
 *
 * @throws GovpubError `VALIDATION` unless `leafHash` and every path element are 32-byte hashes.
 */
export function merkleRootFromPath(
  index: number,
  treeSize: number,
  leafHash: Uint8Array,
  path: readonly Uint8Array[],
): Uint8Array | null {
  parseOrThrow(z.tuple([hash32, hashList]), [leafHash, path], 'Merkle inclusion path');
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) return null;
  // Indices beyond 2^53 are not representable anyway; plain numbers with Math.floor keep the
  // shifts correct past 2^31, where JavaScript's >> would wrap.
  let fn = index;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}
