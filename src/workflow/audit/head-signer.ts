import * as z from 'zod';
import { ed25519 } from '@noble/curves/ed25519';
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { GovpubError, parseOrThrow } from '../../errors/index';
import { toHex } from './bytes';
import { documentHeadSchema, type DocumentHead } from './document-head';
import {
  ed25519Bytes,
  ed25519KeyBytes,
  ed25519KeyId,
  hmacSecret,
  hmacSecretBytes,
  keyIdSchema,
  type SignatureAlgorithm,
} from './key-material';
import { statementBytes, type StatementPurpose } from './signed-statement';
import { treeHeadSchema, type TreeHead } from './tree-head';

/** A signature over a document head, with what a verifier needs to pick the key. */
export interface HeadSignature {
  alg: SignatureAlgorithm;
  keyId: string;
  /** When it was signed (ISO 8601, UTC); signed too, and checked against the key's validity window. */
  signedAt: string;
  /** Hex: 128 digits for Ed25519, 64 for HMAC-SHA256. */
  signature: string;
}

/** The key a {@link HeadSigner} signs with. */
export type SignerKey =
  | {
      kind: 'ed25519';
      /** 32 bytes or 64 hex digits (RFC 8032 secret key). */
      privateKey: string | Uint8Array;
      /** Default: derived from the public key, see {@link ed25519KeyId}. */
      keyId?: string;
      /** Optional; when given it must belong to `privateKey` (catches a mixed-up key pair). */
      publicKey?: string | Uint8Array;
    }
  | {
      kind: 'hmac-sha256';
      /** At least 32 bytes; a string counts as its UTF-8 bytes. */
      secret: string | Uint8Array;
      /** Required: a shared secret has no public half to derive an id from. */
      keyId: string;
    };

/** Options of {@link createHeadSigner}. */
export interface HeadSignerOptions {
  /** The time written into signatures; default `() => new Date()`. */
  clock?: () => Date;
}

/** Signs document heads and checkpoints' tree heads with one key. Holds no readable secret. */
export interface HeadSigner {
  readonly alg: SignatureAlgorithm;
  readonly keyId: string;
  /** The Ed25519 public key (64 hex digits), for publishing; absent for HMAC. */
  readonly publicKey?: string;
  /** Signs a document head at the clock's current time. */
  sign(head: DocumentHead): HeadSignature;
  /** Signs a checkpoint's tree head; the signing time is the tree head's `at`. */
  signTreeHead(treeHead: TreeHead): HeadSignature;
}

const clockSchema = z.custom<() => Date>((v) => typeof v === 'function', { message: 'a function returning a Date' });

const signerKeySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('ed25519'),
    privateKey: ed25519KeyBytes,
    keyId: keyIdSchema.optional(),
    publicKey: ed25519KeyBytes.optional(),
  }),
  z.strictObject({ kind: z.literal('hmac-sha256'), secret: hmacSecret, keyId: keyIdSchema }),
]);

const signerOptionsSchema = z.strictObject({ clock: clockSchema.optional() });

/**
 * A signer for audit heads and checkpoints: Ed25519 (`@noble/curves`, RFC 8032) when verifiers
 * should need only a public key, or HMAC-SHA256 (`@noble/hashes`, RFC 2104) when the host
 * prefers one shared secret (then every verifier can also sign — see docs/security.md).
 *
 * The key is copied and kept inside the closure: the returned object has no property holding
 * it, so logging or serialising the signer shows only `alg`, `keyId` and `publicKey`.
 *
 * @throws GovpubError `VALIDATION` naming the field (`privateKey`, `secret`, `keyId`, …) when the
 * key material is malformed; the message never repeats the key.
 * @example
 * ```ts
 * const signer = createHeadSigner({ kind: 'ed25519', privateKey: process.env.GOVPUB_AUDIT_KEY! });
 * const signature = signer.sign({ documentId, seq, hash, contentDigest });
 * // { alg: 'ed25519', keyId: 'ed25519:…', signedAt: '2026-…Z', signature: '…' }
 * ```
 */
export function createHeadSigner(key: SignerKey, options: HeadSignerOptions = {}): HeadSigner {
  const parsed = parseOrThrow(signerKeySchema, key, 'head signer key');
  const { clock = () => new Date() } = parseOrThrow(signerOptionsSchema, options, 'head signer options');

  let alg: SignatureAlgorithm;
  let keyId: string;
  let publicKey: string | undefined;
  let rawSign: (message: Uint8Array) => Uint8Array;
  if (parsed.kind === 'ed25519') {
    const secret = ed25519Bytes(parsed.privateKey);
    const derivedPublic = ed25519.getPublicKey(secret);
    if (parsed.publicKey !== undefined && toHex(ed25519Bytes(parsed.publicKey)) !== toHex(derivedPublic)) {
      throw new GovpubError('VALIDATION', 'Invalid head signer key: publicKey does not belong to privateKey', {
        details: { issues: [{ path: ['publicKey'], message: 'does not belong to privateKey' }] },
      });
    }
    alg = 'ed25519';
    publicKey = toHex(derivedPublic);
    keyId = parsed.keyId ?? ed25519KeyId(derivedPublic);
    rawSign = (message) => ed25519.sign(message, secret);
  } else {
    const secret = hmacSecretBytes(parsed.secret);
    alg = 'hmac-sha256';
    keyId = parsed.keyId;
    rawSign = (message) => hmac(sha256, secret, message);
  }

  const signStatement = (purpose: StatementPurpose, signedAt: string, body: unknown): HeadSignature => ({
    alg,
    keyId,
    signedAt,
    signature: toHex(rawSign(statementBytes(purpose, alg, keyId, signedAt, body))),
  });

  const signer: HeadSigner = {
    alg,
    keyId,
    ...(publicKey === undefined ? {} : { publicKey }),
    sign(head) {
      const parsedHead = parseOrThrow(documentHeadSchema, head, 'document head');
      const now = clock();
      if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
        throw new GovpubError('VALIDATION', 'Invalid head signer clock: it must return a valid Date', {
          details: { issues: [{ path: ['clock'], message: 'did not return a valid Date' }] },
        });
      }
      return signStatement('document-head', now.toISOString(), parsedHead);
    },
    signTreeHead(treeHead) {
      const parsedTreeHead = parseOrThrow(treeHeadSchema, treeHead, 'tree head');
      return signStatement('tree-head', parsedTreeHead.at, parsedTreeHead);
    },
  };
  return Object.freeze(signer);
}
