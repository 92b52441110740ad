import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinContext, matchesAt, matchesOutsideSkip } from '../../src/caliber/builtin/context';
import { NO_SKIP } from '../../src/caliber/skip-ranges';

const spans = (ms: Iterable<RegExpExecArray>) => [...ms].map((m) => [m.index, m[0]]);

describe('matchesAt', () => {
  it('finds what a global search finds when every match starts at a given position', () => {
    const source = '([〇零一二三四五六七八九]{4})年(?:([一二三四五六七八九十]{1,3})月)?';
    const text = fc.array(fc.constantFrom(...'〇零一二三四五六七八九十年月日号，'), { maxLength: 120 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const context = builtinContext(t, NO_SKIP, 0);
        const starts: number[] = [];
        for (let p = t.indexOf('年', 4); p >= 0; p = t.indexOf('年', p + 1)) starts.push(p - 4);
        expect(spans(matchesAt(context, new RegExp(source, 'uy'), starts))).toEqual(spans(matchesOutsideSkip(context, new RegExp(source, 'gu'))));
      }),
      { numRuns: 500 },
    );
  });
});
