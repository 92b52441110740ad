import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldTraditional, normalizeText, toOriginalSpan } from '../../src/text/index';

describe('normalizeText', () => {
  it('folds width, case and traditional characters and maps back to original offsets', () => {
    const original = '关于ＣＯＶＩＤ的國務院通知';
    const n = normalizeText(original);
    expect(n.text).toBe('关于covid的国务院通知');
    const at = n.text.indexOf('covid');
    expect(toOriginalSpan(n, at, at + 5)).toEqual({ start: 2, end: 7 });
    const span = toOriginalSpan(n, n.text.indexOf('国务院'), n.text.indexOf('国务院') + 3);
    expect(original.slice(span.start, span.end)).toBe('國務院');
  });

  it('applies NFKC to compatibility characters and keeps combining sequences together', () => {
    const n = normalizeText('第①条 Cafe\u0301 ㈱');
    expect(n.text).toBe('第1条 café (株)');
    const e = n.text.indexOf('é');
    expect(toOriginalSpan(n, e, e + 1)).toEqual({ start: 7, end: 9 });
    const k = n.text.indexOf('(株)');
    expect(toOriginalSpan(n, k, k + 3)).toEqual({ start: 10, end: 11 });
  });

  it('drops punctuation and white space when asked, and maps across the gaps', () => {
    const original = '请于3月5日， 到 现场。';
    const n = normalizeText(original, { dropPunctuation: true, dropWhitespace: true });
    expect(n.text).toBe('请于3月5日到现场');
    const s = n.text.indexOf('日到');
    expect(toOriginalSpan(n, s, s + 2)).toEqual({ start: original.indexOf('日'), end: original.indexOf('到') + 1 });
  });

  it('keeps each option independent', () => {
    expect(normalizeText('ＡＢ國', { nfkc: false, caseFold: false, traditional: false }).text).toBe('ＡＢ國');
    expect(normalizeText('ＡＢ國', { caseFold: false }).text).toBe('AB国');
    expect(normalizeText('ＡＢ國', { traditional: false }).text).toBe('ab國');
  });

  it('handles empty text and surrogate pairs', () => {
    expect(normalizeText('').text).toBe('');
    expect(toOriginalSpan(normalizeText(''), 0, 0)).toEqual({ start: 0, end: 0 });
    const n = normalizeText('𠮷野家');
    expect(toOriginalSpan(n, 0, 2)).toEqual({ start: 0, end: 2 });
  });

  it('maps every normalised span into the original, in order, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(), fc.nat(), (text, a, b) => {
        const n = normalizeText(text, { dropPunctuation: true, dropWhitespace: true });
        expect(n.starts.length).toBe(n.text.length);
        for (let i = 1; i < n.starts.length; i++) expect(n.starts[i]!).toBeGreaterThanOrEqual(n.starts[i - 1]!);
        const start = n.text.length ? a % n.text.length : 0;
        const end = start + (n.text.length ? b % (n.text.length - start + 1) : 0);
        const span = toOriginalSpan(n, start, end);
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeGreaterThanOrEqual(span.start);
        expect(span.end).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('foldTraditional', () => {
  it('folds one character for one and leaves simplified text alone', () => {
    expect(foldTraditional('國務院辦公廳關於')).toBe('国务院办公厅关于');
    expect(foldTraditional('国务院办公厅')).toBe('国务院办公厅');
  });

  it('never changes the length', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => foldTraditional(s).length === s.length));
  });
});

describe('normalizeText against its definition', () => {
  // The definition, written independently of the implementation's per-unit tables: each code
  // point with the combining marks after it → NFKC → lower case → traditional fold per unit
  // → drop punctuation / white space when asked.
  function reference(text: string, drop: boolean): string {
    let out = '';
    for (const cluster of text.match(/[\s\S](?:\p{M})*/gu) ?? []) {
      const folded = foldTraditional(cluster.normalize('NFKC').toLowerCase());
      for (const ch of folded) {
        if (drop && /[\p{P}\p{S}\s]/u.test(ch)) continue;
        out += ch;
      }
    }
    return out;
  }

  it('does not pair a lone high surrogate with the next pair (found by the property below)', () => {
    expect(normalizeText('\ud800\u{1CC00}', { dropPunctuation: true }).text).toBe(reference('\ud800\u{1CC00}', true));
  });

  it('gives the same text for any input, whether its tables are cold or warm', () => {
    const unit = fc.oneof(
      fc.constantFrom(...'國務院，。、　 ＡＢ１２abcİΣ！？“”《》\n\t①½ﬁ㈱ｶﾞ😀e\u0301\u0301\ud800'),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), fc.boolean(), (parts, drop) => {
        const text = parts.join('');
        const options = { dropPunctuation: drop, dropWhitespace: drop };
        const first = normalizeText(text, options);
        expect(first.text).toBe(reference(text, drop));
        expect(normalizeText(text, options)).toEqual(first);
      }),
      { numRuns: 2000 },
    );
  });
});
