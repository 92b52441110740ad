import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countGraphemes, graphemes, truncate } from '../../src/text/index';

// Intl.Segmenter's iteration costs time proportional to the whole string per segment in V8
// (160,000 characters: 88 s), so how much text reaches it is what decides linearity. These
// tests count the UTF-16 units handed to it instead of timing anything.
let segmented = 0;
const original = Intl.Segmenter.prototype.segment;
beforeEach(() => {
  segmented = 0;
  Intl.Segmenter.prototype.segment = function (this: Intl.Segmenter, input: string) {
    segmented = Math.max(segmented, input.length);
    return original.call(this, input);
  };
});
afterEach(() => {
  Intl.Segmenter.prototype.segment = original;
});

const MIXED = '政务👍🏽公开é\u0301🇨🇳'.repeat(12_500); // 150,000 units, no fast path

describe('grapheme work is bounded', () => {
  it('never hands the segmenter the whole of a long text', () => {
    countGraphemes(MIXED);
    expect(segmented).toBeLessThanOrEqual(8192);
    graphemes(MIXED);
    expect(segmented).toBeLessThanOrEqual(8192);
  });

  it('truncate segments only about as far as it cuts', () => {
    expect(countGraphemes(truncate(MIXED, 100))).toBe(100);
    expect(segmented).toBeLessThanOrEqual(8192);
  });

  it('a single cluster longer than the window is still one grapheme', () => {
    const zalgo = 'e' + '\u0301'.repeat(20_000);
    expect(countGraphemes(zalgo + '政务')).toBe(3);
    expect(truncate(zalgo + '政务', 2, { ellipsis: '' })).toBe(zalgo + '政');
  });

  it('windowed segmentation equals whole-text segmentation', () => {
    Intl.Segmenter.prototype.segment = original;
    const seg = new Intl.Segmenter('zh', { granularity: 'grapheme' });
    const unit = fc.constantFrom('政', 'a', '\r', '\n', '\u0301', '\u200d', '👍', '🏽', '🇨', '🇳', '\ud800', '\udc00', '\u0915', '\u094d', 'ᄀ', '각', 'ᆨ');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 6000 }), (units) => {
        const text = units.join('');
        expect(graphemes(text)).toEqual([...seg.segment(text)].map((s) => s.segment));
      }),
      { numRuns: 40 },
    );
  });
});
