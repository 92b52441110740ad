import { describe, expect, it } from 'vitest';
import { formatFor } from '../../src/channels/index';

const base = { title: '关于开展春季植树活动的通知' };

describe('character references in plain-text channels', () => {
  it('decodes every HTML5 named reference, not just a handful', () => {
    const body = '市民称&ldquo;好&rdquo;&middot;票价&yen;5&hellip;&times;2&nbsp;&frac12;';
    const weibo = formatFor('weibo', { ...base, body }).payload.text;
    expect(weibo).toContain('市民称“好”·票价¥5…×2\u00a0½');
    expect(weibo).not.toMatch(/&[a-z]+;/);
    const push = formatFor('push', { ...base, body }, { limits: { body: 1000 } }).payload.body;
    expect(push).toContain('“好”·票价¥5');
  });

  it('keeps a reference to an impossible character visible rather than inventing one', () => {
    expect(formatFor('weibo', { ...base, body: '甲&#xD800;乙' }).payload.text).not.toContain('\ud800');
  });
});

describe('single line breaks in prose (text pasted from Word)', () => {
  const pasted = '各区县人民政府：\n现将有关事项通知如下。\n一、提高认识。\n二、加强领导。';

  it('become paragraph breaks on WeChat and the website', () => {
    const wechat = formatFor('wechat', { ...base, body: pasted }).payload.content;
    expect(wechat.match(/<p\b/g)).toHaveLength(4);
    const website = formatFor('website', { ...base, body: pasted }).payload.html;
    expect(website.match(/<p>/g)).toHaveLength(4);
    expect(website).toContain('<p>一、提高认识。</p>');
  });

  it('a hard-wrapped Latin sentence stays one paragraph, and an explicit hard break stays a <br>', () => {
    expect(formatFor('website', { ...base, body: 'The notice applies\nto every district.' }).payload.html.match(/<p>/g)).toHaveLength(1);
    const html = formatFor('website', { ...base, body: '第一行  \n第二行' }).payload.html;
    expect(html.match(/<p>/g)).toHaveLength(1);
    expect(html).toMatch(/<br\s*\/?>/);
  });

  it('inline markup and links still work inside each new paragraph', () => {
    const html = formatFor('website', { ...base, body: '请**按时**参加。\n详见[通知](https://www.gov.cn/)。' }).payload.html;
    expect(html).toContain('<p>请<strong>按时</strong>参加。</p>');
    expect(html).toContain('<p>详见<a href="https://www.gov.cn/">通知</a>。</p>');
  });

  it('plain-text channels keep the sentences apart', () => {
    expect(formatFor('weibo', { ...base, body: pasted }).payload.text).toContain('各区县人民政府：现将有关事项通知如下。一、提高认识。');
  });
});
