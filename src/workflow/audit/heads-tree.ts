import * as z from 'zod';
import { canonicalJson } from '../../hash/index';
import { GovpubError, parseOrThrow } from '../../errors/index';
import { utf8 } from './bytes';
import { documentHeadSchema, type DocumentHead } from './document-head';
import { merkleRoot, uncheckedLeafHash } from './merkle';

const headsSchema = z.array(documentHeadSchema);

/**
 * Validates heads and puts them in tree order: by `documentId`, comparing UTF-16 code units
 * (JavaScript's `<`, the same order as the adapters' keyset paging), so the tree, and its root,
 * depend only on the set of heads and never on the order a database returned them in.
 *
 * @throws GovpubError `VALIDATION` when a head is malformed or two heads name one document.
 */
export function sortHeads(heads: readonly DocumentHead[], what = 'document heads'): DocumentHead[] {
  const sorted = [...parseOrThrow(headsSchema, heads, what)].sort((a, b) =>
    a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0,
  );
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.documentId === sorted[i - 1]!.documentId) {
      const message = `two heads for document ${sorted[i]!.documentId.slice(0, 64)}`;
      throw new GovpubError('VALIDATION', `Invalid ${what}: ${message}`, { details: { issues: [{ path: [], message }] } });
    }
  }
  return sorted;
}

/**
 * The leaf hash of one head: `SHA-256(0x00 ‖ UTF-8 of the head's canonical JSON)`.
 *
 * @throws GovpubError `VALIDATION` when the head is malformed.
 */
export function headLeafHash(head: DocumentHead): Uint8Array {
  return leafOfValidHead(parseOrThrow(documentHeadSchema, head, 'document head'));
}

/** {@link headLeafHash} for a head already validated (by {@link sortHeads}). */
export function leafOfValidHead(head: DocumentHead): Uint8Array {
  const { documentId, seq, hash, contentDigest } = head;
  return uncheckedLeafHash(utf8(canonicalJson({ documentId, seq, hash, contentDigest })));
}

/** The Merkle root over already sorted, validated heads. */
export function rootOfSortedHeads(sorted: readonly DocumentHead[]): Uint8Array {
  return merkleRoot(sorted.map(leafOfValidHead));
}
