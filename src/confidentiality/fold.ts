import { foldTraditionalCode, mapUnits } from '../text/index';

// Decoding a typed array is far faster than building a string unit by unit. `ignoreBOM`
// keeps a leading U+FEFF (stripping it would shift every offset); a lone surrogate decodes
// to U+FFFD, one unit for one, so the length still matches and nothing matched is affected.
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });
const bigEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 0;

/**
 * The scan fold of one unit: full-width ASCII → half-width, the ideographic space and the
 * spaces that web pages and word processors put inside numbers (no-break U+00A0 from `&nbsp;`,
 * U+2000–U+200A, narrow no-break U+202F, U+205F) → space, traditional → simplified.
 */
function scanUnit(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 0x3000 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f) return 0x20;
  if (c >= 0x3400) return foldTraditionalCode(c);
  return c;
}

/**
 * Folds `text` for scanning without changing its length: full-width ASCII (`１３８`, `ＸＸ`)
 * becomes half-width, the ideographic, no-break, narrow and thin spaces become a space, and traditional characters
 * become simplified (`機密` → `机密`). Because every unit maps to exactly one unit, an
 * offset found in the folded text is the same offset in the original, and excerpts stay
 * exact. The walk over the units is the shared one in `text/` ({@link mapUnits}).
 *
 * @internal
 */
export function foldForScan(text: string): string {
  const out = mapUnits(text, scanUnit);
  if (out === null) return text;
  // Decoding is little-endian; on a big-endian host swap each unit first.
  if (bigEndian) for (let i = 0; i < out.length; i++) out[i] = ((out[i]! & 0xff) << 8) | (out[i]! >> 8);
  return utf16.decode(out);
}
