import { canonicalJson } from '../../hash/index';
import { utf8 } from './bytes';
import type { SignatureAlgorithm } from './key-material';

/**
 * What a signature can be about. Each purpose has its own prefix in the signed bytes, so a
 * signature over a document head can never be passed off as one over a checkpoint (or the
 * reverse), even if their JSON happened to coincide.
 */
export type StatementPurpose = 'document-head' | 'tree-head';

/**
 * The exact bytes that are signed: a purpose line, then the canonical JSON of the algorithm,
 * key id, signing time and body. Binding `alg` and `keyId` into the bytes stops a signature
 * made with one key from being relabelled as another key's (which matters when HMAC secrets
 * and Ed25519 keys live side by side during a rotation); binding `signedAt` lets the verifier
 * check a key's validity window against a time the database cannot change.
 */
export function statementBytes(
  purpose: StatementPurpose,
  alg: SignatureAlgorithm,
  keyId: string,
  signedAt: string,
  body: unknown,
): Uint8Array {
  return utf8(`govpub/${purpose}/v1\n${canonicalJson({ alg, keyId, signedAt, body })}`);
}
