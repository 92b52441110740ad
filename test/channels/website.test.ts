import { describe, expect, it } from 'vitest';
import { formatFor } from '../../src/index';
import { notice } from './fixtures';

describe('website', () => {
  it('returns title, description, an <article lang> fragment and the page metadata', () => {
    const out = formatFor('website', notice);
    expect(out.ok).toBe(true);
    expect(out.payload.title).toBe(notice.title);
    expect(out.payload.description).toBe(notice.summary);
    expect(out.payload.html.startsWith('<article lang="zh-CN">')).toBe(true);
    expect(out.payload.meta).toMatchObject({
      ArticleTitle: notice.title,
      PubDate: '2025-01-01 08:00',
      ContentSource: '某某市人民政府',
      Keywords: '元旦,春节',
      Author: '市政府办公室',
      Url: notice.url,
    });
    expect(formatFor('website', notice, { lang: 'en' }).payload.html.startsWith('<article lang="en">')).toBe(true);
  });

  it('keeps headings in order from h2 without skipping levels', () => {
    const out = formatFor('website', { ...notice, body: '# A\n\n### B\n\n#### C\n\n# D\n\n## E' });
    expect([...out.payload.html.matchAll(/<h(\d)>/g)].map((m) => Number(m[1]))).toEqual([2, 3, 4, 2, 3]);
    expect(out.findings.filter((f) => f.code === 'heading_level')).toHaveLength(2);
  });

  it('renders tables with header cells', () => {
    expect(formatFor('website', notice).payload.html).toMatch(/<thead>\s*<tr>\s*<th scope="col">日期<\/th>/);
  });

  it('an image without alt text is an error located in the body', () => {
    const body = '正文\n\n![](https://www.example.gov.cn/a.png)';
    const out = formatFor('website', { ...notice, body });
    const f = out.findings.find((x) => x.code === 'missing_alt')!;
    expect(out.ok).toBe(false);
    expect(f).toMatchObject({ severity: 'error', field: 'html', excerpt: '![](https://www.example.gov.cn/a.png)', line: 3, column: 1 });
  });

  it('has no styles, classes or event handlers', () => {
    const html = formatFor('website', { ...notice, body: '<p style="color:red" class="a" onclick="x()">t</p>\n\n```js\ncode\n```' }).payload.html;
    expect(html).not.toMatch(/style=|class=|onclick/);
  });

  it('derives the description from the body when there is no summary', () => {
    const out = formatFor('website', { ...notice, summary: undefined, body: '第一段。\n\n第二段。' });
    expect(out.payload.description).toBe('第一段。第二段。');
  });
});
