import * as z from 'zod';
import { ed25519 } from '@noble/curves/ed25519';
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { GovpubError, parseOrThrow } from '../../errors/index';
import { constantTimeEqual, fromHex } from './bytes';
import { documentHeadSchema, type DocumentHead } from './document-head';
import type { HeadSignature } from './head-signer';
import {
  SIGNATURE_ALGORITHMS,
  ed25519Bytes,
  ed25519KeyBytes,
  ed25519KeyId,
  hmacSecret,
  hmacSecretBytes,
  keyIdSchema,
  type SignatureAlgorithm,
} from './key-material';
import { statementBytes, type StatementPurpose } from './signed-statement';
import { isoInstantSchema, treeHeadSchema, type TreeHead } from './tree-head';

/** One key a verifier accepts, current or retired, with an optional validity window. */
export type VerifierKey = (
  | {
      kind: 'ed25519';
      /** 32 bytes or 64 hex digits; the public half only. */
      publicKey: string | Uint8Array;
      /** Default: derived from the public key, as the signer derives it. */
      keyId?: string;
    }
  | {
      kind: 'hmac-sha256';
      secret: string | Uint8Array;
      keyId: string;
    }
) & {
  /** Signatures dated before this are refused (the key did not exist yet). */
  notBefore?: Date | string;
  /** Signatures dated after this are refused (the key was retired then). */
  notAfter?: Date | string;
};

/** Why a signature was refused; stable, for programs to branch on. */
export type SignatureCheckCode =
  | 'MALFORMED_SIGNATURE'
  | 'UNKNOWN_KEY'
  | 'ALGORITHM_MISMATCH'
  | 'KEY_NOT_YET_VALID'
  | 'KEY_EXPIRED'
  | 'BAD_SIGNATURE';

/** The result of a verification; `reason` is Chinese, for auditors. */
export type SignatureCheck =
  | { ok: true; alg: SignatureAlgorithm; keyId: string; signedAt: string }
  | { ok: false; code: SignatureCheckCode; reason: string; keyId?: string };

/** Checks signatures made by {@link createHeadSigner} against a set of trusted keys. */
export interface HeadVerifier {
  /** The ids of the keys it accepts, in the order given. */
  readonly keyIds: readonly string[];
  /** Verifies a document head's signature. */
  verify(head: DocumentHead, signature: HeadSignature): SignatureCheck;
  /** Verifies a checkpoint's signature over its tree head. */
  verifyTreeHead(treeHead: TreeHead, signature: HeadSignature): SignatureCheck;
}

const instant = z.union([
  z.date().refine((d) => !Number.isNaN(d.getTime()), 'invalid date'),
  z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
]);
const windowFields = { notBefore: instant.optional(), notAfter: instant.optional() };

const verifierKeySchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('ed25519'), publicKey: ed25519KeyBytes, keyId: keyIdSchema.optional(), ...windowFields }),
    z.strictObject({ kind: z.literal('hmac-sha256'), secret: hmacSecret, keyId: keyIdSchema, ...windowFields }),
  ])
  .refine((k) => !(k.notBefore && k.notAfter) || k.notBefore.getTime() <= k.notAfter.getTime(), {
    message: 'notBefore is after notAfter',
    path: ['notAfter'],
  });

const verifierKeysSchema = z.array(verifierKeySchema).min(1, 'at least one key');

// The signature is evidence being judged, not caller input: a malformed one is reported as a
// failed check, never thrown.
const signatureSchema = z.strictObject({
  alg: z.enum(SIGNATURE_ALGORITHMS),
  keyId: keyIdSchema,
  signedAt: isoInstantSchema,
  signature: z.string().regex(/^[0-9a-f]+$/),
});

interface TrustedKey {
  alg: SignatureAlgorithm;
  keyId: string;
  notBefore?: Date;
  notAfter?: Date;
  check(message: Uint8Array, signature: Uint8Array): boolean;
}

function trustedKey(key: z.output<typeof verifierKeySchema>): TrustedKey {
  const window = {
    ...(key.notBefore ? { notBefore: key.notBefore } : {}),
    ...(key.notAfter ? { notAfter: key.notAfter } : {}),
  };
  if (key.kind === 'ed25519') {
    const publicKey = ed25519Bytes(key.publicKey);
    return {
      alg: 'ed25519',
      keyId: key.keyId ?? ed25519KeyId(publicKey),
      ...window,
      check(message, signature) {
        if (signature.length !== 64) return false;
        // zip215: false is RFC 8032 / FIPS 186-5 strict verification: no malleable
        // signatures, no small-order keys, so one head has exactly one valid signature.
        try {
          return ed25519.verify(signature, message, publicKey, { zip215: false });
        } catch {
          return false;
        }
      },
    };
  }
  const secret = hmacSecretBytes(key.secret);
  return {
    alg: 'hmac-sha256',
    keyId: key.keyId,
    ...window,
    check: (message, signature) => constantTimeEqual(hmac(sha256, secret, message), signature),
  };
}

/**
 * A verifier that accepts signatures from any of `keys` — the current key and the retired ones
 * whose old signatures must still verify. Each key may carry a validity window
 * (`notBefore`/`notAfter`) checked against the signature's signed time; a leaked key should be
 * removed from the set (or given the `notAfter` of the leak), not merely replaced.
 *
 * For Ed25519 only public keys are needed, so auditors and third parties can verify; for HMAC
 * the verifier holds the shared secret and could sign as well.
 *
 * @throws GovpubError `VALIDATION` naming the field (`[1, 'publicKey']`, …) when a key is
 * malformed, or when two keys share a key id; messages never repeat key material.
 * @example
 * ```ts
 * const verifier = createHeadVerifier([
 *   { kind: 'ed25519', publicKey: CURRENT_PUBLIC_KEY },
 *   { kind: 'ed25519', publicKey: RETIRED_PUBLIC_KEY, notAfter: '2026-06-30T00:00:00Z' },
 * ]);
 * const check = verifier.verify(head, storedSignature);
 * if (!check.ok) console.error(check.code, check.reason);
 * ```
 */
export function createHeadVerifier(keys: VerifierKey | readonly VerifierKey[]): HeadVerifier {
  const list = Array.isArray(keys) ? keys : [keys];
  const parsed = parseOrThrow(verifierKeysSchema, list, 'head verifier keys');
  const trusted = new Map<string, TrustedKey>();
  parsed.forEach((key, index) => {
    const t = trustedKey(key);
    if (trusted.has(t.keyId)) {
      throw new GovpubError('VALIDATION', `Invalid head verifier keys: key id ${t.keyId} appears twice`, {
        details: { issues: [{ path: [index, 'keyId'], message: `key id ${t.keyId} appears twice` }] },
      });
    }
    trusted.set(t.keyId, t);
  });

  const check = (purpose: StatementPurpose, body: unknown, signature: unknown): SignatureCheck => {
    const sig = signatureSchema.safeParse(signature);
    if (!sig.success) {
      return { ok: false, code: 'MALFORMED_SIGNATURE', reason: '签名格式不正确（缺少算法、密钥编号、签名时间或签名值）' };
    }
    const { alg, keyId, signedAt } = sig.data;
    const key = trusted.get(keyId);
    if (!key) return { ok: false, code: 'UNKNOWN_KEY', keyId, reason: `签名所用密钥 ${keyId} 不在可信密钥之列` };
    if (key.alg !== alg) {
      return { ok: false, code: 'ALGORITHM_MISMATCH', keyId, reason: `签名声称的算法 ${alg} 与密钥 ${keyId} 的算法 ${key.alg} 不符` };
    }
    const time = Date.parse(signedAt);
    if (key.notBefore && time < key.notBefore.getTime()) {
      return { ok: false, code: 'KEY_NOT_YET_VALID', keyId, reason: `签名时间 ${signedAt} 早于密钥 ${keyId} 的启用时间` };
    }
    if (key.notAfter && time > key.notAfter.getTime()) {
      return { ok: false, code: 'KEY_EXPIRED', keyId, reason: `签名时间 ${signedAt} 晚于密钥 ${keyId} 的停用时间` };
    }
    const message = statementBytes(purpose, alg, keyId, signedAt, body);
    if (sig.data.signature.length % 2 !== 0 || !key.check(message, fromHex(sig.data.signature))) {
      return { ok: false, code: 'BAD_SIGNATURE', keyId, reason: `签名与内容不符：签名后内容被改动，或签名是伪造的（密钥 ${keyId}）` };
    }
    return { ok: true, alg, keyId, signedAt };
  };

  return Object.freeze({
    keyIds: Object.freeze([...trusted.keys()]),
    verify(head: DocumentHead, signature: HeadSignature) {
      return check('document-head', parseOrThrow(documentHeadSchema, head, 'document head'), signature);
    },
    verifyTreeHead(treeHead: TreeHead, signature: HeadSignature) {
      return check('tree-head', parseOrThrow(treeHeadSchema, treeHead, 'tree head'), signature);
    },
  });
}
