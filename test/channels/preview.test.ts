import { describe, expect, it } from 'vitest';
import { formatAll, renderPreview } from '../../src/index';
import { notice } from './fixtures';

describe('renderPreview', () => {
  const outputs = formatAll({ ...notice, title: '政'.repeat(34) }, ['wechat', 'weibo', 'website', 'push', 'sms', 'rss'], {});

  it('is one self-contained page with a section per channel and no scripts', () => {
    const html = renderPreview(outputs, { title: '预览 <测试>' });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<title>预览 &lt;测试&gt;</title>');
    expect(html).toContain('default-src &#39;none&#39;');
    for (const id of ['wechat', 'weibo', 'website', 'push', 'sms', 'rss']) expect(html).toContain(`data-channel="${id}"`);
    expect(html).not.toMatch(/<script|<link |@import/);
    expect(html).toContain('class="phone"');
    expect(html).toContain('class="sms"');
    expect(html).toContain('class="banner"');
  });

  it('marks blocked channels and highlights the text past a limit', () => {
    const html = renderPreview(outputs);
    const wechat = html.slice(html.indexOf('data-channel="wechat"'), html.indexOf('data-channel="weibo"'));
    expect(wechat).toContain('不可发布');
    // The span past the limit is marked, numbered, with its message (and code) on hover.
    expect(wechat).toMatch(/<mark class="error" data-n="(\d+)" title="[^"]*（channel\/too_long）">政政<\/mark><sup class="fn error">\1<\/sup>/);
    const sms = html.slice(html.indexOf('data-channel="sms"'), html.indexOf('data-channel="rss"'));
    expect(sms).toContain('missing_signature');
  });

  it('shows custom channels as a field table and validates its input', () => {
    const html = renderPreview([{ channel: 'intranet', payload: { title: '<b>x</b>' }, findings: [], ok: true, contentHash: 'ab'.repeat(32) }]);
    expect(html).toContain('<th>title</th><td>&lt;b&gt;x&lt;/b&gt;</td>');
    expect(() => renderPreview([{ channel: 'x' }] as never)).toThrow(/preview outputs/);
  });
});
