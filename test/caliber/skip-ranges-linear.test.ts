import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownSkipRanges, type ScanStats } from '../../src/caliber/skip-ranges';
import { checkCaliber, zhGovRules } from '../../src/caliber/index';

/**
 * The scanners as they were before they were made linear (rescanning forward from every
 * opener): the oracle the linear ones must agree with on every input.
 */
function referenceRanges(segment: string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = segment.indexOf('`'); i >= 0 && i < segment.length; i = segment.indexOf('`', i)) {
    let runEnd = i;
    while (segment.charCodeAt(runEnd) === 96) runEnd++;
    const n = runEnd - i;
    let close = -1;
    for (let k = runEnd; k < segment.length; ) {
      const c = segment.charCodeAt(k);
      if (c === 10 && /^\n[ \t]*(?:\n|$)/.test(segment.slice(k, k + 64))) break;
      if (c !== 96) {
        k++;
        continue;
      }
      let end = k;
      while (segment.charCodeAt(end) === 96) end++;
      if (end - k === n) {
        close = k;
        break;
      }
      k = end;
    }
    if (close < 0) {
      i = runEnd;
      continue;
    }
    out.push([i, close + n]);
    i = close + n;
  }
  for (let i = segment.indexOf('](', 0); i >= 0; i = segment.indexOf('](', i + 2)) {
    const open = i + 1;
    let depth = 0;
    let j = open;
    for (; j < segment.length; j++) {
      const c = segment.charCodeAt(j);
      if (c === 92) j++;
      else if (c === 40) depth++;
      else if (c === 41 && --depth === 0) break;
      else if (c === 10 && segment.charCodeAt(j + 1) === 10) break;
    }
    if (j < segment.length && segment.charCodeAt(j) === 41) out.push([open, j + 1]);
  }
  return out;
}

function merged(ranges: [number, number][]): string {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const res: [number, number][] = [];
  for (const [s, e] of ranges) {
    if (e <= s) continue;
    const last = res[res.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else res.push([s, e]);
  }
  return JSON.stringify(res);
}

function steps(text: string): number {
  const stats: ScanStats = { steps: 0 };
  markdownSkipRanges(text, stats);
  return stats.steps;
}

describe('markdownSkipRanges on adversarial input', () => {
  it('agrees with the rescanning scanners on link targets and inline code (property)', () => {
    // No fence, indentation or URL characters: only the two rewritten scanners can skip here.
    const piece = fc.constantFrom('](', '(', ')', '\\', '\n', '\n\n', '`', '``', 'a', '字', ']', '[');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('').replace(/^\s+/, '');
        // Fences and indented code are out of the oracle's scope (their scanner is unchanged).
        fc.pre(!/(^|\n)( {4}|\t| {0,3}```)/.test(text));
        const r = markdownSkipRanges(text);
        const got = JSON.stringify(r.starts.map((s, i) => [s, r.ends[i]]));
        expect(got).toBe(merged(referenceRanges(text)));
      }),
      { numRuns: 2000 },
    );
  });

  it('does work proportional to the length for runs of "](", backticks of growing length, "@" and ")"', () => {
    const shapes: Record<string, (n: number) => string> = {
      'link openers': (n) => ']('.repeat(n / 2),
      'nested openers': (n) => '[a]('.repeat(n / 4),
      'backtick runs of growing length': (n) => {
        let s = '';
        for (let k = 1; s.length < n; k++) s += '`'.repeat(k) + 'a';
        return s.slice(0, n);
      },
      'local part without a domain': (n) => 'a'.repeat(n - 1) + '@',
      'URL ending in parentheses': (n) => 'http://x.cn/' + ')'.repeat(n - 12),
    };
    for (const [name, make] of Object.entries(shapes)) {
      const small = steps(make(10_000));
      const large = steps(make(80_000));
      // Eight times the text, eight times the work (a quadratic scanner would do 64 times).
      expect(large / small, name).toBeLessThan(10);
      expect(large, name).toBeLessThan(80_000 * 8);
    }
  });

  it('checkCaliber still reports prose around many link openers', () => {
    const text = '数据截至3月底,'.concat(']('.repeat(50_000));
    const findings = checkCaliber(text, zhGovRules);
    expect(findings.some((f) => f.ruleId === 'zh-gov/halfwidth-comma')).toBe(true);
  });
});
