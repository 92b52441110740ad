import { describe, expect, it } from 'vitest';
import { detectSensitiveInArticle, visibleFields } from '../../src/channels/index';
import { isGovpubError, visibleText } from '../../src/index';

const NOW = new Date('2025-01-01T00:00:00Z');
const ID = '11010519491231002X';
const base = { title: '关于开展春季植树活动的通知', body: '各单位：请按时参加。' };
const detect = (article: Record<string, unknown>) => detectSensitiveInArticle(article as never, { now: NOW });

describe('visibleText: the text as a reader sees it, with the way back', () => {
  it('removes markup, decodes entities, drops invisible characters and maps every unit back', () => {
    const source = '机<i></i>&#23494;\u200b★1年 &ldquo;好&rdquo;\u00ad';
    const v = visibleText(source, { markup: 'html' });
    expect(v.text).toBe('机密★1年 “好”');
    const at = v.text.indexOf('密');
    expect(v.toSource(at, at + 1)).toEqual({ start: source.indexOf('&#23494;'), end: source.indexOf('&#23494;') + 8 });
    expect(v.toSource(0, v.text.length)).toEqual({ start: 0, end: source.length - 1 });
  });

  it('keeps block structure: a block tag starts a new line', () => {
    expect(visibleText('<p>机密</p><p>正文</p>', { markup: 'html' }).text).toBe('\n机密\n\n正文\n');
  });

  it('drops Markdown emphasis and code markers in markdown mode', () => {
    expect(visibleText('1101**05**1949`1231`002X', { markup: 'markdown' }).text).toBe(ID);
  });

  it('answers a non-string with VALIDATION', () => {
    expect(() => visibleText(null as never)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

describe('visibleFields', () => {
  it('lists every field a channel renders, tags one by one', () => {
    const fields = visibleFields({ ...base, summary: '摘要', author: '张&#19977;', source: '市政府', tags: ['甲', '乙'], url: 'https://www.example.gov.cn/a.html' });
    expect(fields.map((f) => f.field)).toEqual(['title', 'body', 'summary', 'author', 'source', 'tags.0', 'tags.1', 'url']);
    expect(fields.find((f) => f.field === 'author')!.text).toBe('张三');
    expect(fields.find((f) => f.field === 'tags.1')!.path).toEqual(['tags', 1]);
  });
});

describe('detectSensitiveInArticle: what will be published, mapped back to the source', () => {
  it('finds an ID split by inline markup, pointing at the whole source span', () => {
    const body = `申请人身份证号：1101<b></b>05194912${'<i>'}31002X</i>。`;
    const [f, ...rest] = detect({ ...base, body });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ kind: 'id-card', field: 'body', start: body.indexOf('1101') });
    expect(f!.excerpt).toBe(body.slice(f!.start, f!.end));
    expect(f!.excerpt.replace(/<[^>]*>/g, '')).toBe(ID);
    expect(f!.visibleExcerpt).toBe(ID);
    expect(f!.fix).toMatchObject({ start: f!.start, end: f!.end });
  });

  it('finds a classification marking split by markup or written as entities', () => {
    for (const body of ['机<i></i>密★1年\n\n正文。', '&#26426;密★1年\n\n正文。', '机\u200b密★1年\n\n正文。', '**机**密★1年\n\n正文。']) {
      const found = detect({ ...base, body });
      expect(found, body).toHaveLength(1);
      expect(found[0]).toMatchObject({ kind: 'classification-marking', level: 'confidential', field: 'body', start: body.search(/[机&]/) });
      expect(found[0]!.excerpt).toBe(body.slice(found[0]!.start, found[0]!.end));
      expect(found[0]!.visibleExcerpt).toBe('机密★1年');
    }
  });

  it('finds a mobile number broken by a zero-width space', () => {
    const body = '联系电话138\u200b1234\u200b5678。';
    const [f] = detect({ ...base, body });
    expect(f).toMatchObject({ kind: 'mobile', field: 'body', start: 4, end: body.length - 1 });
  });

  it('scans tags, author and summary, and names the field', () => {
    const found = detect({ ...base, tags: ['环保', `身份证${ID}`], author: '机密★1年', summary: '咨询电话 13812345678' });
    expect(found.map((f) => [f.field, f.kind])).toEqual([
      ['summary', 'mobile'],
      ['author', 'classification-marking'],
      ['tags.1', 'id-card'],
    ]);
    const tag = found.find((f) => f.field === 'tags.1')!;
    expect(tag.path).toEqual(['tags', 1]);
    expect(tag.excerpt).toBe(ID);
  });

  it('reports a value only once when source and visible text agree', () => {
    expect(detect({ ...base, body: `身份证号：${ID}` })).toHaveLength(1);
  });

  it('answers a bad article with VALIDATION', () => {
    try {
      detect({ title: '', body: 1 });
      expect.unreachable();
    } catch (e) {
      expect(isGovpubError(e) && e.code).toBe('VALIDATION');
    }
  });
});
