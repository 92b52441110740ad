import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFixes, checkCaliber, zhGovRules } from '../../src/caliber/index';

const NOW = new Date('2024-06-01T00:00:00Z');
const fix = (start: number, end: number, text: string, excerpt?: string) => ({ start, end, fix: { start, end, text }, ...(excerpt === undefined ? {} : { excerpt }) });

describe('applyFixes', () => {
  it('applies non-overlapping fixes in one pass', () => {
    expect(applyFixes('abcdef', [fix(4, 5, 'E'), fix(0, 1, 'A'), fix(2, 2, '-')])).toBe('Ab-cdEf');
  });

  it('leaves a fix overlapping an earlier one for a second pass', () => {
    expect(applyFixes('abcdef', [fix(1, 4, 'X'), fix(2, 5, 'Y')])).toBe('aXef');
  });

  it('applies the same fix reported twice once, and keeps only the first of two insertions at one point', () => {
    expect(applyFixes('ab', [fix(1, 2, 'B'), fix(1, 2, 'B')])).toBe('aB');
    expect(applyFixes('ab', [fix(1, 1, 'x'), fix(1, 1, 'y')])).toBe('axb');
  });

  it('skips stale findings, so applying the same findings again changes nothing', () => {
    const text = '新冠肺炎疫情,今天';
    const findings = checkCaliber(text, zhGovRules, { now: NOW });
    const once = applyFixes(text, findings);
    expect(once).toBe('新冠病毒感染疫情，今天');
    expect(applyFixes(once, findings)).toBe(once);
  });

  it('rejects malformed findings with VALIDATION', () => {
    expect(() => applyFixes('ab', [{ start: -1, end: 1 } as never])).toThrow(/Invalid findings/);
  });

  it('reaches a fixed point with zhGovRules: once no fix changes the text, checking again finds no fix to apply', () => {
    const pieces = ['北京', ',', '.', '...', '！！', '(试行)', '“甲”、“乙”', '按步就班', '新冠肺炎', '3-5天', ' ', '成份', '其它', '其他', '国办发[2024]012号', '七、八十年代', '\n\n', '`a,b`'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), (parts) => {
        let text = parts.join('');
        for (let pass = 0; pass < 10; pass++) {
          const next = applyFixes(text, checkCaliber(text, zhGovRules, { now: NOW }));
          if (next === text) break;
          text = next;
        }
        expect(applyFixes(text, checkCaliber(text, zhGovRules, { now: NOW }))).toBe(text);
      }),
      { numRuns: 150 },
    );
  });
});
