// Byte encodings shared by the audit core. Hashes and signatures travel as lower-case hex:
// it survives JSON, JSONB, SQL text columns and copy-paste into an auditor's e-mail unchanged,
// and it compares as a plain string.

/** Lower-case hex of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** The bytes of a hex string already validated by {@link HEX_PATTERN} (even length, hex digits). */
export function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Hex digits, any case, even length (a whole number of bytes). */
export const HEX_PATTERN = /^(?:[0-9a-fA-F]{2})*$/;

/** A SHA-256 value as govpub records it: 64 lower-case hex digits. */
export const SHA256_HEX_PATTERN = /^[0-9a-f]{64}$/;

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, as `TextEncoder` does). */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/**
 * Compares two byte strings in time that depends only on their length, so a caller probing
 * MACs one byte at a time learns nothing from how long a refusal takes.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** `a ‖ b ‖ …` as one array. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/**
 * An id as quoted in messages: at most 64 UTF-16 units, then `…`. Ids come from the database
 * and may be anything; a 10 MB id must not be repeated in full in a report or a log.
 */
export function shortId(id: string): string {
  return id.length <= 64 ? id : `${id.slice(0, 64)}…`;
}
