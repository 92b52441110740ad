import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

// Synchronous HMAC/SHA-256 from @noble/hashes (audited, no native code) rather than Web
// Crypto: the request signers chain several HMACs and stay simple and testable this way.

/** HMAC-SHA256 (RFC 2104) of `message` under `key`, as bytes. */
export function hmacSha256(key: string | Uint8Array, message: string): Uint8Array {
  return hmac(sha256, typeof key === 'string' ? utf8ToBytes(key) : key, utf8ToBytes(message));
}

/** HMAC-SHA256 as lower-case hex. */
export function hmacSha256Hex(key: string | Uint8Array, message: string): string {
  return bytesToHex(hmacSha256(key, message));
}

/** SHA-256 of a string's UTF-8 bytes, lower-case hex. */
export function sha256HexOf(message: string | Uint8Array): string {
  return bytesToHex(sha256(typeof message === 'string' ? utf8ToBytes(message) : message));
}

/** Compares two strings in time independent of where they differ (signature checks). */
export function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
