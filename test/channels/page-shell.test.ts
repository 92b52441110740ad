import { describe, expect, it } from 'vitest';
import { formatAll, htmlPage, renderPreview } from '../../src/index';
import { inspect, renderInspectionReport } from '../../src/inspection/index';
import { compareWithRevision, renderTrace } from '../../src/trace/index';
import { ACCOUNTS, YEAR, yearOfRecords } from '../inspection/fixtures';
import { WATER_NOTICE } from '../trace/fixtures';

/** The head of a page with its title, lang and CSP taken out: what the three pages must share. */
function shell(html: string): string {
  const head = html.slice(0, html.indexOf('<style>'));
  return head.replace(/<title>.*<\/title>/, '<title/>').replace(/lang="[^"]*"/, 'lang').replace(/content="default-src[^"]*"/, 'content="csp"');
}

describe('htmlPage', () => {
  it('writes the one shell: doctype, charset, CSP, viewport, referrer, escaped title', () => {
    const html = htmlPage({ lang: 'zh-CN', title: '预览 <“测试”> & \'x\'', style: 'body{margin:0}', body: '<p>内容</p>' });
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;">`);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
    expect(html).toContain('<title>预览 &lt;“测试”&gt; &amp; &#39;x&#39;</title>');
    expect(html).toContain('<body>\n<p>内容</p>\n</body>\n</html>\n');
  });

  it('is the shell of the preview, the inspection report and the trace view alike', () => {
    const preview = renderPreview(formatAll({ title: '通知', body: '正文。' }, ['website']));
    const report = renderInspectionReport(inspect({ records: yearOfRecords(), accounts: ACCOUNTS, ...YEAR }));
    const trace = renderTrace(compareWithRevision(WATER_NOTICE.body, WATER_NOTICE));
    const expected = shell(htmlPage({ lang: 'x', title: 'x', style: '', body: '' }));
    for (const html of [preview, report, trace]) expect(shell(html)).toBe(expected);
  });
});
