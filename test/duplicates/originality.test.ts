import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDuplicateIndex, isGovpubError, normalizeText, originality } from '../../src/index';
import { CLINICS, JOB_FAIR, ROADWORKS } from './fixtures';

describe('originality', () => {
  const index = createDuplicateIndex();
  index.add('roadworks', ROADWORKS);

  it('is 1 with no matches, 0 for a full copy, about the new share for a half copy', () => {
    expect(originality(CLINICS, [])).toBe(1);
    expect(originality(ROADWORKS, index.query(ROADWORKS))).toBe(0);
    const half = ROADWORKS.slice(0, 230) + CLINICS.slice(0, 230);
    const o = originality(half, index.query(half));
    expect(o).toBeGreaterThan(0.4);
    expect(o).toBeLessThan(0.6);
  });

  it('treats empty and punctuation-only texts as original, and validates its input', () => {
    expect(originality('', [])).toBe(1);
    expect(originality('，。', [{ passages: [{ start: 0, end: 2, otherStart: 0, otherEnd: 2 }] }])).toBe(1);
    for (const bad of [[{ passages: [{ start: -1, end: 2, otherStart: 0, otherEnd: 1 }] }], [{}], 'x']) {
      let code: unknown;
      try {
        originality(JOB_FAIR, bad as never);
      } catch (e) {
        code = isGovpubError(e) && e.code;
      }
      expect(code).toBe('VALIDATION');
    }
  });
});
