import { describe, expect, it } from 'vitest';
import { isGovpubError } from '../../src/errors/index';
import { compareWithRevision, renderTrace } from '../../src/trace/index';
import { WATER_NOTICE } from './fixtures';

describe('renderTrace', () => {
  const copy = WATER_NOTICE.body.replace('3.2万户', '5.2万户') + '\n<script>alert(1)</script>网友称停水安排合理 & 及时。';
  const result = compareWithRevision(copy, WATER_NOTICE);

  it('puts the verdict and the changed facts in the summary box, before the texts', () => {
    const html = renderTrace(result);
    expect(html).toContain('<html lang="zh-CN">');
    const summary = html.indexOf('id="summary"');
    const texts = html.indexOf('id="original"');
    expect(summary).toBeGreaterThan(0);
    expect(summary).toBeLessThan(texts);
    const box = html.slice(summary, texts);
    expect(box).toContain('内容被改动');
    expect(box).toContain('<td class="was">约3.2万户</td><td class="now">约5.2万户</td>');
    expect(html).toMatch(/<div class="text" id="original">.*class="[^"]*\bfact fact-0\b/s);
    expect(html).toMatch(/<div class="text" id="copy">.*class="[^"]*\bfact fact-0\b/s);
  });

  it('escapes everything from the texts; no script, no external resource', () => {
    const html = renderTrace(result);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&amp; 及时');
    expect(html).not.toMatch(/\b(?:src|href)=/);
    // The page shell (channels/page-shell.ts, shared with the preview and the inspection report) escapes the CSP attribute.
    expect(html).toContain('default-src &#39;none&#39;');
  });

  it('English on request', () => {
    const html = renderTrace(result, { locale: 'en' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Altered');
  });

  it('refuses a malformed result with VALIDATION', () => {
    try {
      renderTrace({ ...result, verdict: 'maybe' } as never);
      expect.unreachable();
    } catch (e) {
      expect(isGovpubError(e) && e.code).toBe('VALIDATION');
      expect((e as { details: { issues: { path: unknown[] }[] } }).details.issues[0]!.path).toEqual(['verdict']);
    }
  });
});
