import { Parser } from 'htmlparser2';
import type { Article } from '../../src/channels/index';

/** A typical municipal notice. */
export const notice: Article = {
  title: '关于做好2025年元旦春节期间有关工作的通知',
  body: [
    '# 一、总体要求',
    '',
    '各区县人民政府，市政府各部门：为做好元旦春节期间各项工作，现将有关事项通知如下。详见[国务院通知](https://www.gov.cn/zhengce/content/2024-12/01/content_1.htm)和[本号往期文章](https://mp.weixin.qq.com/s/abc123)。',
    '',
    '## 二、具体安排',
    '',
    '![值班安排表](https://mmbiz.qpic.cn/mmbiz_png/abc/0 "2025年值班安排")',
    '',
    '| 日期 | 值班单位 |',
    '|---|---|',
    '| 1月1日 | 市政府办公室 |',
    '',
    '1. 严格落实值班制度。',
    '2. 做好安全生产工作。',
  ].join('\n'),
  summary: '做好节日期间安全生产、值班值守等工作。',
  author: '市政府办公室',
  source: '某某市人民政府',
  url: 'https://www.example.gov.cn/zwgk/tzgg/2025/0101.html',
  tags: ['元旦', '春节'],
  publishedAt: '2025-01-01T08:00:00+08:00',
};

/** The global every hostile payload calls; a browser test exposes it to catch execution. */
export const PWN = '__pwned';

/**
 * Hostile Markdown/HTML: script tags, encoded script schemes, event handlers, parser tricks
 * (`xmp`, `noscript`, comments, CDATA, mXSS through svg/math), broken markup, CSS vectors.
 */
export const HOSTILE: readonly string[] = [
  `<script>${PWN}()</script>`,
  `<SCRIPT SRC=https://evil.example/x.js></SCRIPT>`,
  `<scr<script>ipt>${PWN}()</scr</script>ipt>`,
  `<img src=x onerror=${PWN}()>`,
  `<img src="x" onerror="${PWN}()"`,
  `<img src=x:x onerror=${PWN}() />`,
  `<svg onload=${PWN}()>`,
  `<svg><script>${PWN}()</script></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${PWN}()></style></mglyph></table></mtext></math>`,
  `<xmp><p title="</xmp><img src=x onerror=${PWN}()>">`,
  `<noscript><p title="</noscript><img src=x onerror=${PWN}()>"></noscript>`,
  `<noembed><img title="</noembed><img src=x onerror=${PWN}()>"></noembed>`,
  `<!--><img src=x onerror=${PWN}()>-->`,
  `<![CDATA[><img src=x onerror=${PWN}()>]]>`,
  `<template><script>${PWN}()</script></template>`,
  `<iframe src="javascript:${PWN}()"></iframe>`,
  `<iframe srcdoc="<script>parent.${PWN}()</script>"></iframe>`,
  `<object data="javascript:${PWN}()"></object>`,
  `<embed src="javascript:${PWN}()">`,
  `<form action="javascript:${PWN}()"><button>提交</button></form>`,
  `<button formaction="javascript:${PWN}()">x</button>`,
  `<input autofocus onfocus=${PWN}()>`,
  `<select autofocus onfocus=${PWN}()></select>`,
  `<details open ontoggle=${PWN}()>`,
  `<video><source onerror=${PWN}()></video>`,
  `<audio src=x onerror=${PWN}()>`,
  `<body onload=${PWN}()>`,
  `<marquee onstart=${PWN}()>x</marquee>`,
  `<div onmouseover="${PWN}()">hover</div>`,
  `<a href="javascript:${PWN}()">click</a>`,
  `<a href="JaVaScRiPt:${PWN}()">click</a>`,
  `<a href="&#106;avascript:${PWN}()">click</a>`,
  `<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;${PWN}()">click</a>`,
  `<a href="java&#x09;script:${PWN}()">click</a>`,
  `<a href="jav&#x0A;ascript:${PWN}()">click</a>`,
  `<a href=" &#14; javascript:${PWN}()">click</a>`,
  `<a href="javascript&colon;${PWN}()">click</a>`,
  `<a href="vbscript:msgbox(1)">click</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZCgpPC9zY3JpcHQ+">click</a>`,
  `<a href="//evil.example/">protocol-relative</a>`,
  `<a href="\\\\evil.example/">backslashes</a>`,
  `<img src="data:image/svg+xml,<svg onload=${PWN}()>">`,
  `<img srcset="javascript:${PWN}() 1x">`,
  `<div style="background:url(javascript:${PWN}())">css</div>`,
  `<div style="width: expression(${PWN}())">css</div>`,
  `<p style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</p>`,
  `<style>@import 'https://evil.example/x.css'; body{background:url(javascript:${PWN}())}</style>`,
  `<link rel=stylesheet href="https://evil.example/x.css">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${PWN}()">`,
  `<base href="javascript:${PWN}()//">`,
  `<table background="javascript:${PWN}()"><tr><td>x</td></tr></table>`,
  `<isindex action=javascript:${PWN}() type=image>`,
  `<plaintext><img src=x onerror=${PWN}()>`,
  `<textarea><img src=x onerror=${PWN}()></textarea>`,
  `<a xlink:href="javascript:${PWN}()">x</a>`,
  `[click](javascript:${PWN}())`,
  `[click](JAVASCRIPT:${PWN}())`,
  `[click](&#106;avascript:${PWN}())`,
  `[click](java%0Ascript:${PWN}())`,
  `[click](<javascript:${PWN}()>)`,
  `[click](vbscript:msgbox)`,
  `[click](data:text/html,<script>${PWN}()</script>)`,
  `[click](//evil.example)`,
  `[click](https://example.gov.cn/" onclick="${PWN}())`,
  `[click](https://example.gov.cn/ "\\" onmouseover=\\"${PWN}()")`,
  `![x](javascript:${PWN}())`,
  `![x" onerror="${PWN}()](https://example.gov.cn/a.png)`,
  `![x](https://example.gov.cn/a.png" onerror="${PWN}())`,
  `<javascript:${PWN}()>`,
  `[ref]\n\n[ref]: javascript:${PWN}()`,
  '`<script>' + PWN + '()</script>`',
  '```html\n<script>' + PWN + '()</script>\n```',
  `| a | b |\n|---|---|\n| <img src=x onerror=${PWN}()> | <script>${PWN}()</script> |`,
  `> <img src=x onerror=${PWN}()>`,
  `- [ ] <img src=x onerror=${PWN}()>`,
  `<a href="https://example.gov.cn" target="_blank" rel="opener">opener</a>`,
  `<img src="https://example.gov.cn/a.png" alt="ok" onload="${PWN}()">`,
  `<frameset onload=${PWN}()>`,
  `<keygen autofocus onfocus=${PWN}()>`,
  `<img src=\`x\`onerror=${PWN}()>`,
  `<img/src="x"/onerror=${PWN}()>`,
  `<a href="  javascript:${PWN}()">spaces</a>`,
  `<a\nhref\n=\njavascript:${PWN}()>newlines</a>`,
];

/** Everything an HTML output must not contain, found by parsing it as a browser would. */
export function activeContent(html: string): string[] {
  const problems: string[] = [];
  const forbiddenTags = new Set([
    'script', 'iframe', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select', 'textarea', 'svg', 'math',
    'style', 'link', 'meta', 'base', 'frame', 'frameset', 'xmp', 'noscript', 'noembed', 'plaintext', 'template',
    'isindex', 'keygen', 'video', 'audio', 'source', 'marquee', 'details',
  ]);
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (forbiddenTags.has(name)) problems.push(`<${name}>`);
        for (const [attr, value] of Object.entries(attribs)) {
          if (/^on/i.test(attr)) problems.push(`${name}[${attr}]`);
          if (['srcset', 'background', 'formaction', 'action', 'xlink:href', 'data', 'target'].includes(attr)) problems.push(`${name}[${attr}]`);
          if (['href', 'src', 'cite'].includes(attr)) {
            const v = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
            if (/^(javascript|vbscript|data):/.test(v) || v.startsWith('//') || v.startsWith('\\')) problems.push(`${name}[${attr}=${value}]`);
          }
          if (attr === 'style' && /url\(|expression|position|javascript/i.test(value)) problems.push(`${name}[style=${value}]`);
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return problems;
}
