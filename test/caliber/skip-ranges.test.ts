import { describe, expect, it } from 'vitest';
import { isSkipped, markdownSkipRanges } from '../../src/caliber/skip-ranges';
import { checkCaliber, defineRuleSet } from '../../src/caliber/index';

/** The skipped parts of `text`, as strings. */
function skipped(text: string): string[] {
  const r = markdownSkipRanges(text);
  return r.starts.map((s, i) => text.slice(s, r.ends[i]));
}

describe('markdownSkipRanges', () => {
  it('skips fenced code blocks exactly, fence lines included, by fence character and length', () => {
    const text = '前文\n````md\n```\n代码\n````\n后文';
    expect(skipped(text)).toEqual(['````md\n```\n代码\n````']);
    expect(skipped('前文\n~~~\n未闭合')).toEqual(['~~~\n未闭合']);
  });

  it('skips indented code after a blank line, but not indented list continuations', () => {
    expect(skipped('段落\n\n    代码一\n    代码二\n\n正文')).toEqual(['    代码一\n    代码二']);
    expect(skipped('- 列表项\n\n    列表续行')).toEqual([]);
    expect(skipped('段落\n    懒续行')).toEqual([]);
  });

  it('skips inline code by backtick run length, not across paragraphs', () => {
    expect(skipped('用 ``a`b`` 和 `c`')).toEqual(['``a`b``', '`c`']);
    expect(skipped('未闭合 `a\n\nb`')).toEqual([]);
  });

  it('skips URLs, autolinks, e-mail addresses, link targets, reference definitions and HTML', () => {
    const text = '见https://www.gov.cn/a,b（全文）和<http://x.cn>，[链接](http://y.cn/(1) "标题")，邮箱a.b@gov.cn，<span class="x">字</span>\n[1]: http://z.cn';
    expect(skipped(text)).toEqual([
      'https://www.gov.cn/a,b',
      '<http://x.cn>',
      '(http://y.cn/(1) "标题")',
      'a.b@gov.cn',
      '<span class="x">',
      '</span>',
      '[1]: http://z.cn',
    ]);
  });

  it('ends a bare URL at Chinese text and trailing punctuation, keeping balanced parentheses', () => {
    expect(skipped('访问www.gov.cn。')).toEqual(['www.gov.cn']);
    expect(skipped('(见 https://a.cn/x_(y))')).toEqual(['https://a.cn/x_(y)']);
  });

  it('answers overlap queries for spans and empty spans', () => {
    const r = { starts: [2, 10], ends: [5, 12] };
    expect([isSkipped(r, 0, 2), isSkipped(r, 0, 3), isSkipped(r, 4, 9), isSkipped(r, 5, 10), isSkipped(r, 11, 11), isSkipped(r, 5, 5)]).toEqual([
      false,
      true,
      true,
      false,
      true,
      false,
    ]);
  });
});

describe('Markdown-aware checking', () => {
  const set = defineRuleSet({ id: 'm', rules: [{ id: 'most', type: 'banned', terms: ['最'] }] });
  it('checks headings, lists, tables and quotes but not code, URLs or link targets', () => {
    const text = ['# 最新', '- 最好', '| 最大 |', '> 最美', '`最`', '```', '最', '```', '[最多](http://a.cn/最)', '<http://b.cn/最>'].join('\n');
    const lines = checkCaliber(text, set).map((f) => f.line);
    expect(lines).toEqual([1, 2, 3, 4, 9]);
    expect(checkCaliber(text, set, { markdown: false })).toHaveLength(9);
  });
});
