import { decodeBase64, encodeBase64 } from '../hash/index';

/**
 * Uint32Array ↔ base64 of little-endian bytes whatever the host's byte order, so an index
 * written on one machine loads on any other. The base64 itself is `hash/`'s codec.
 */

/** Encodes 32-bit words as base64 of their little-endian bytes. */
export function encodeWords(words: Uint32Array): string {
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < words.length; i++) view.setUint32(i * 4, words[i]!, true);
  return encodeBase64(bytes);
}

/** Decodes {@link encodeWords} output; `null` when the string is not such output. */
export function decodeWords(text: string): Uint32Array | null {
  const bytes = decodeBase64(text);
  if (bytes === null || bytes.length % 4 !== 0) return null;
  const view = new DataView(bytes.buffer);
  const words = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(i * 4, true);
  return words;
}
