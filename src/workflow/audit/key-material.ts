import * as z from 'zod';
import { ed25519 } from '@noble/curves/ed25519';
import { sha256 } from '@noble/hashes/sha2';
import { parseOrThrow } from '../../errors/index';
import { fromHex, toHex, utf8 } from './bytes';

/** The signature algorithms heads and checkpoints may carry. */
export const SIGNATURE_ALGORITHMS = ['ed25519', 'hmac-sha256'] as const;
/** One of {@link SIGNATURE_ALGORITHMS}. */
export type SignatureAlgorithm = (typeof SIGNATURE_ALGORITHMS)[number];

/** Key ids are short, printable and safe to log: letters, digits, `.`, `_`, `:`, `-`. */
export const keyIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'a key id: 1–128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit');

// The messages below describe the expected form and never quote the value: a mistyped secret
// must not end up in a log through an error message.

/** 32 bytes, as a `Uint8Array` or 64 hex digits (RFC 8032 keys are 32 bytes). */
export const ed25519KeyBytes = z.custom<string | Uint8Array>(
  (v) => (v instanceof Uint8Array ? v.length === 32 : typeof v === 'string' && /^[0-9a-fA-F]{64}$/.test(v)),
  { message: 'an Ed25519 key: 32 bytes as a Uint8Array or 64 hex digits' },
);

/** The shortest HMAC secret accepted: 32 bytes, SHA-256's output size (RFC 2104 §3). */
export const MIN_HMAC_SECRET_BYTES = 32;

/** A `Uint8Array` or a string (taken as its UTF-8 bytes) of at least 32 bytes. */
export const hmacSecret = z.custom<string | Uint8Array>(
  (v) =>
    v instanceof Uint8Array
      ? v.length >= MIN_HMAC_SECRET_BYTES
      : typeof v === 'string' && utf8(v).length >= MIN_HMAC_SECRET_BYTES,
  { message: `an HMAC secret of at least ${MIN_HMAC_SECRET_BYTES} bytes (a string counts its UTF-8 bytes)` },
);

/** Key bytes from the validated forms above (hex text or bytes). */
export function ed25519Bytes(key: string | Uint8Array): Uint8Array {
  return typeof key === 'string' ? fromHex(key) : Uint8Array.from(key);
}

/** Secret bytes: a copy of the array, or the string's UTF-8. */
export function hmacSecretBytes(secret: string | Uint8Array): Uint8Array {
  return typeof secret === 'string' ? utf8(secret) : Uint8Array.from(secret);
}

/**
 * The key id govpub derives for an Ed25519 public key when none is given:
 * `ed25519:` and the first 16 hex digits of the SHA-256 of the key's 32 bytes.
 *
 * @throws GovpubError `VALIDATION` when `publicKey` is not 32 bytes or 64 hex digits.
 * @example
 * ```ts
 * ed25519KeyId(publicKeyHex) // 'ed25519:9a1f03c2b4d5e6f7'
 * ```
 */
export function ed25519KeyId(publicKey: string | Uint8Array): string {
  const bytes = ed25519Bytes(parseOrThrow(ed25519KeyBytes, publicKey, 'Ed25519 public key'));
  return `ed25519:${toHex(sha256(bytes)).slice(0, 16)}`;
}

/** A fresh Ed25519 key pair as {@link generateSigningKey} returns it. */
export interface GeneratedSigningKey {
  kind: 'ed25519';
  /** 64 hex digits. Keep it in the host's secret store, never in the database. */
  privateKey: string;
  /** 64 hex digits. Publish it, give it to auditors, pass it to `createHeadVerifier`. */
  publicKey: string;
  keyId: string;
}

/**
 * A new random Ed25519 key pair (from the platform's CSPRNG via `crypto.getRandomValues`), with
 * its derived key id. Meant for tests, demos and one-off key ceremonies: print it once, put the
 * private key into the secret store, publish the public key.
 *
 * @example
 * ```ts
 * const key = generateSigningKey();
 * const signer = createHeadSigner(key);                                   // private half
 * const verifier = createHeadVerifier({ kind: 'ed25519', publicKey: key.publicKey }); // public half
 * ```
 */
export function generateSigningKey(): GeneratedSigningKey {
  const secret = ed25519.utils.randomSecretKey();
  const publicKey = ed25519.getPublicKey(secret);
  return { kind: 'ed25519', privateKey: toHex(secret), publicKey: toHex(publicKey), keyId: ed25519KeyId(publicKey) };
}
