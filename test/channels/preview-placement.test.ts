import { describe, expect, it } from 'vitest';
import { checkCaliber, detectSensitive, formatAll, renderPreview, zhGovRules, type Finding } from '../../src/index';
import { occurrenceIndex, placeInHtml, placeInText, visibleNeedle } from '../../src/channels/preview-place';

const article = {
  title: '关于供暖有关事项的通告',
  summary: '本年度供暖期自11月15日开始。',
  author: '市政府办公室',
  body: `供暖期自**2026年11月15日**开始。

1. 供热单位要按步就班做好准备，保障室温不低于16℃。
2. 如有问题，可联系王工（13912345678）。王工负责按步就班的检查。
`,
  url: 'https://www.example.gov.cn/a.html',
};
const findings: Finding[] = [...checkCaliber(article.body, zhGovRules), ...detectSensitive(article.body)].map((f) => ({ ...f, details: { ...f.details, field: 'body' } }));
const outputs = formatAll(article, ['wechat', 'weibo', 'website', 'push', 'sms', 'rss'], { sms: { signature: '滨江市政府' } });

/** The section of one channel in the page. */
function sectionOf(html: string, channel: string): string {
  const start = html.indexOf(`data-channel="${channel}"`);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
}

describe('placing a finding in a rendering', () => {
  it('finds the same occurrence in HTML, one range per text run, never across a tag', () => {
    const html = '<p>按步就班</p><p>一定要<strong>按步</strong>就班</p>';
    const source = '按步就班\n\n一定要**按步**就班';
    const second = source.lastIndexOf('按步');
    // The second occurrence in the source is split by the bold markers: its visible text is the same.
    expect(visibleNeedle('**按步**就班')).toBe('按步就班');
    const ranges = placeInHtml(html, { text: '按步就班', occurrence: 1, sourceCount: 2 })!;
    expect(ranges.map((r) => html.slice(r.start, r.end))).toEqual(['按步', '就班']);
    expect(occurrenceIndex(source, '按步', second)).toBe(1);
  });

  it('counts extra occurrences in a composed text as coming before (a title ahead of the body)', () => {
    const text = '【通告】按时 正文里也要按时';
    expect(placeInText(text, { text: '按时', occurrence: 0, sourceCount: 1 })).toEqual({ start: 12, end: 14 });
    expect(placeInText(text, { text: '不在', occurrence: 0, sourceCount: 1 })).toBeNull();
  });

  it('maps entities and whitespace back to the HTML', () => {
    const html = '<p>A&amp;B\n  公司</p>';
    const [r] = placeInHtml(html, { text: 'A&B 公司', occurrence: 0, sourceCount: 1 })!;
    expect(html.slice(r!.start, r!.end)).toBe('A&amp;B\n  公司');
  });
});

describe('renderPreview with the content checks', () => {
  const html = renderPreview(outputs, {
    findings,
    article,
    accounts: [
      { id: 'wx-main', channel: 'wechat', name: '滨江发布', default: true },
      { id: 'wb-main', channel: 'weibo', name: '@滨江发布' },
    ],
  });

  it('says at the top that it cannot be published, and why, in Chinese with codes beside', () => {
    const summary = html.slice(html.indexOf('id="summary"'), html.indexOf('</section>', html.indexOf('id="summary"')));
    expect(summary).toContain('data-verdict="blocked"');
    expect(summary).toMatch(/不能发布：\d+ 个问题须先解决/);
    expect(summary).toContain('错别字：“按步就班”应为“按部就班”');
    expect(summary).toContain('<code>zh-gov/common-typos</code>');
    expect(summary).toContain('微信公众号（滨江发布）');
    expect(summary).toContain('微博（@滨江发布）');
    expect(html.indexOf('id="summary"')).toBeLessThan(html.indexOf('class="grid"'));
  });

  it('highlights each occurrence where it is, in every channel that shows it', () => {
    const typos = findings.filter((f) => f.ruleId === 'zh-gov/common-typos');
    expect(typos).toHaveLength(2);
    const wechat = sectionOf(html, 'wechat');
    const website = sectionOf(html, 'website');
    for (const section of [wechat, website]) {
      const marks = [...section.matchAll(/<mark class="error" data-n="(\d+)"[^>]*>按步就班<\/mark>/g)].map((m) => Number(m[1]));
      expect(marks).toHaveLength(2);
      expect(new Set(marks).size).toBe(2);
    }
    expect(wechat).toContain('>13912345678</mark>');
    expect(sectionOf(html, 'weibo')).not.toContain('<mark');
    // The summary says where each was highlighted.
    expect(html).toMatch(/已在微信公众号、网站中标出/);
  });

  it('names the accounts beside their channel and shows the whole WeChat article', () => {
    expect(sectionOf(html, 'wechat')).toContain('账号：滨江发布（默认）');
    expect(html).not.toMatch(/\.phone\{[^}]*[{;]height:/);
    expect(html).not.toMatch(/\.phone\{[^}]*overflow:(auto|hidden|scroll)/);
    expect(sectionOf(html, 'wechat')).toContain('王工负责');
  });

  it('lists a finding no rendering shows as not placed', () => {
    const stray: Finding = { ruleId: 'house/tag', severity: 'error', message: '标签不合规', start: 0, end: 2, line: 1, column: 1, excerpt: '内部', details: { field: 'tags' } };
    const page = renderPreview(outputs, { findings: [stray], article });
    const item = page.slice(page.indexOf('data-n="1" data-placed="false"'));
    expect(item).toContain('未能在渠道呈现中定位');
    expect(page).not.toContain('<mark class="error" data-n="1"');
  });

  it('says it can be published when nothing blocks, and speaks English on request', () => {
    const clean = formatAll({ title: '停水通知', body: '明天停水。', url: 'https://www.example.gov.cn/b.html' }, ['wechat', 'website']);
    expect(renderPreview(clean)).toContain('可以发布');
    const en = renderPreview(clean, { locale: 'en' });
    expect(en).toContain('Can be published');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('WeChat');
  });

  it('validates its options', () => {
    expect(() => renderPreview(outputs, { locale: 'fr' } as never)).toThrow(/preview options/);
    expect(() => renderPreview(outputs, { accounts: [{ id: 'x' }] } as never)).toThrow(/preview options/);
  });
});
