import { describe, expect, it } from 'vitest';
// Internal helpers of trace, tested directly (not exported from the area).
import { extractFacts } from '../../src/trace/facts';
import { splitSentences } from '../../src/trace/sentences';

describe('extractFacts', () => {
  it('finds dates, times, money, percentages, counts and titled names with exact spans', () => {
    const s = '市长王明表示，2024年5月18日8:00起投资1,200万元，受益居民约3.2万户，覆盖率提高20%。';
    const facts = extractFacts(s, 10);
    expect(facts.map((f) => [f.kind, f.value])).toEqual([
      ['title', '市长'],
      ['name', '王明'],
      ['date', '2024年5月18日'],
      ['date', '8:00'],
      ['figure', '1200万元'],
      ['figure', '约3.2万户'],
      ['figure', '20%'],
    ]);
    for (const f of facts) expect(s.slice(f.span.start - 10, f.span.end - 10)).toBe(f.text);
  });

  it('reads traditional characters and full-width digits as their simplified, half-width values', () => {
    const [fig] = extractFacts('總投資１２００萬元', 0);
    expect(fig).toMatchObject({ kind: 'figure', value: '1200万元', text: '１２００萬元' });
  });

  it('does not take digits inside codes for figures', () => {
    expect(extractFacts('5G基站和G20峰会', 0)).toEqual([]);
  });
});

describe('splitSentences', () => {
  it('splits on Chinese and Western stops and line breaks, keeps offsets, drops bare punctuation', () => {
    const text = '第一句。第二句！\n“第三句？” Fourth. ……\n';
    const parts = splitSentences(text);
    expect(parts.map((p) => p.text)).toEqual(['第一句。', '第二句！', '“第三句？”', 'Fourth.']);
    for (const p of parts) expect(text.slice(p.start, p.end)).toBe(p.text);
  });
});
