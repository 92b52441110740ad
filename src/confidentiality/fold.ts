import { foldTraditionalCode } from '../text/index';

// Decoding a typed array is far faster than building a string unit by unit. `ignoreBOM`
// keeps a leading U+FEFF (stripping it would shift every offset); a lone surrogate decodes
// to U+FFFD, one unit for one, so the length still matches and nothing matched is affected.
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/**
 * Folds `text` for scanning without changing its length: full-width ASCII (`１３８`, `ＸＸ`)
 * becomes half-width, the ideographic space becomes a space, and traditional characters
 * become simplified (`機密` → `机密`). Because every unit maps to exactly one unit, an
 * offset found in the folded text is the same offset in the original, and excerpts stay
 * exact.
 *
 * @internal
 */
export function foldForScan(text: string): string {
  let out: Uint16Array | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let f = c;
    if (c >= 0xff01 && c <= 0xff5e) f = c - 0xfee0;
    else if (c === 0x3000) f = 0x20;
    else if (c >= 0x3400) f = foldTraditionalCode(c);
    if (f !== c && out === null) {
      out = new Uint16Array(text.length);
      for (let j = 0; j < i; j++) out[j] = text.charCodeAt(j);
    }
    if (out !== null) out[i] = f;
  }
  if (out === null) return text;
  // Decoding is little-endian; on a big-endian host swap each unit first.
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] === 0) for (let i = 0; i < out.length; i++) out[i] = ((out[i]! & 0xff) << 8) | (out[i]! >> 8);
  return utf16.decode(out);
}
