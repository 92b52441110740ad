import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForScan } from '../../src/confidentiality/fold';
import { foldTraditional, foldTraditionalCode } from '../../src/text/index';

// The loops as they were before both folds moved onto text/'s mapUnits, kept here only as the
// reference the new code must match unit for unit (with the no-break, narrow and thin spaces
// that foldForScan has folded since the realistic corpus showed them inside pasted numbers).
const referenceDecoder = new TextDecoder('utf-16le', { ignoreBOM: true });
function referenceFoldForScan(text: string): string {
  let out: Uint16Array | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let f = c;
    if (c >= 0xff01 && c <= 0xff5e) f = c - 0xfee0;
    else if (c === 0x3000 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f) f = 0x20;
    else if (c >= 0x3400) f = foldTraditionalCode(c);
    if (f !== c && out === null) {
      out = new Uint16Array(text.length);
      for (let j = 0; j < i; j++) out[j] = text.charCodeAt(j);
    }
    if (out !== null) out[i] = f;
  }
  if (out === null) return text;
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] === 0) for (let i = 0; i < out.length; i++) out[i] = ((out[i]! & 0xff) << 8) | (out[i]! >> 8);
  return referenceDecoder.decode(out);
}
function referenceFoldTraditional(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const s = foldTraditionalCode(code);
    if (s !== code) {
      out += text.slice(from, i) + String.fromCharCode(s);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

// Any unit, lone surrogates included, weighted towards the ranges the folds touch
// (full-width ASCII, the ideographic space, CJK with traditional forms, surrogates).
const unit = fc
  .oneof(
    fc.integer({ min: 0, max: 0xffff }),
    fc.integer({ min: 0xff00, max: 0xff60 }),
    fc.constantFrom(0x3000, 0xa0, 0x2000, 0x2009, 0x200a, 0x200b, 0x202f, 0x205f),
    fc.constantFrom(...[...'機密國務院辦公廳個人資訊號碼體'].map((c) => c.charCodeAt(0))),
    fc.integer({ min: 0xd800, max: 0xdfff }),
  )
  .map((c) => String.fromCharCode(c));
const anyText = fc.string({ unit, maxLength: 200 });

describe('the folds on the shared unit walk', () => {
  it('foldForScan gives exactly what its own loop gave, lone surrogates included', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(foldForScan(text)).toBe(referenceFoldForScan(text));
      }),
      { numRuns: 2000 },
    );
    // A folded text with a lone surrogate: the decoder's U+FFFD stays as before.
    expect(foldForScan('機\uD800')).toBe(referenceFoldForScan('機\uD800'));
    expect(foldForScan('a\uDC00b')).toBe('a\uDC00b');
  });

  it('foldTraditional gives exactly what its own loop gave', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(foldTraditional(text)).toBe(referenceFoldTraditional(text));
      }),
      { numRuns: 2000 },
    );
  });
});
