import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countGraphemes, graphemes, truncate } from '../../src/text/index';

describe('countGraphemes', () => {
  it('counts what a reader sees', () => {
    expect(countGraphemes('政务公开')).toBe(4);
    expect(countGraphemes('👍🏽政务')).toBe(3);
    expect(countGraphemes('🇨🇳')).toBe(1);
    expect(countGraphemes('e\u0301')).toBe(1);
    expect(countGraphemes('')).toBe(0);
  });

  it('applies a weight per grapheme', () => {
    const half = (g: string) => (/^[\x00-\x7f]$/.test(g) ? 0.5 : 1);
    expect(countGraphemes('ab政务', half)).toBe(3);
  });
});

describe('truncate', () => {
  it('returns the text itself when it fits', () => {
    expect(truncate('停水通知', 4)).toBe('停水通知');
  });

  it('cuts with the ellipsis inside the limit', () => {
    expect(truncate('关于做好2025年元旦春节期间有关工作的通知', 10)).toBe('关于做好2025年…');
  });

  it('never splits an emoji or a flag', () => {
    expect(truncate('庆祝🇨🇳国庆👍🏽活动', 4)).toBe('庆祝🇨🇳…');
  });

  it('backs up to a sentence end when asked', () => {
    expect(truncate('今日起停水。请做好准备，注意安全。', 10, { boundary: 'sentence' })).toBe('今日起停水。…');
    expect(truncate('今日起停水。请做好准备，注意安全。', 10)).toBe('今日起停水。请做好…');
  });

  it('always fits and always starts like the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 1, max: 40 }), (s, max) => {
        const out = truncate(s, max);
        expect(countGraphemes(out)).toBeLessThanOrEqual(Math.max(max, 0));
        if (out !== s) {
          const kept = graphemes(out.slice(0, -1));
          expect(graphemes(s).slice(0, kept.length).join('').trimEnd()).toBe(kept.join(''));
        }
      }),
      { numRuns: 300 },
    );
  });
});
