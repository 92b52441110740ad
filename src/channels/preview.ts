import * as z from 'zod';
import { parseOrThrow } from '../errors/index';
import { escapeHtml } from './escape';
import { sanitizeChannelHtml } from './sanitize';
import type { ChannelFinding, ChannelOutput } from './types';

/** Options of {@link renderPreview}. */
export interface PreviewOptions {
  /** The page title. Default `渠道预览`. */
  title?: string;
  /** `lang` of the page. Default `zh-CN`. */
  lang?: string;
}

const outputSchema = z.object({
  channel: z.string(),
  payload: z.record(z.string(), z.unknown()),
  findings: z.array(z.object({ severity: z.enum(['error', 'warning', 'info']), message: z.string(), field: z.string() }).passthrough()),
  ok: z.boolean(),
  contentHash: z.string(),
  sourceRevision: z.number().optional(),
});
const optionsSchema = z.object({ title: z.string().optional(), lang: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).optional() }).strict();

// No scripts at all, and nothing loaded but images: even if a payload slipped something
// through, the page could not run or fetch it.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http:; frame-src 'none'; form-action 'none'; base-uri 'none'";

const STYLE = `
*{box-sizing:border-box}body{margin:0;padding:24px;font:14px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#eef0f3;color:#222}
h1{font-size:20px;margin:0 0 16px}.grid{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
.channel{background:#fff;border-radius:8px;padding:16px;width:420px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
.channel h2{font-size:16px;margin:0 0 4px;display:flex;gap:8px;align-items:center}
.badge{font-size:12px;padding:1px 8px;border-radius:10px;color:#fff}.badge.ok{background:#2e7d32}.badge.blocked{background:#c62828}
.meta{font-size:12px;color:#777;margin-bottom:12px;word-break:break-all}
.phone{width:375px;height:667px;margin:0 auto;border:12px solid #111;border-radius:36px;overflow:auto;background:#fff;padding:16px}
.phone .wx-title{font-size:22px;font-weight:bold;line-height:1.4;margin:0 0 8px}.phone .wx-meta{color:#576b95;font-size:15px;margin-bottom:16px}
.phone .wx-digest{background:#f7f7f7;color:#888;font-size:13px;padding:8px;margin-bottom:16px}
.card{border:1px solid #e6e6e6;border-radius:6px;padding:12px;background:#fff}.card .who{font-weight:bold;color:#eb7350;margin-bottom:6px}
.card .text{white-space:pre-wrap;word-break:break-all}
.sms{background:#e9e9eb;border-radius:18px;padding:10px 14px;max-width:300px;white-space:pre-wrap;word-break:break-all}
.banner{background:rgba(245,245,245,.95);border-radius:14px;padding:10px 14px;box-shadow:0 2px 8px rgba(0,0,0,.15)}
.banner .app{font-size:12px;color:#888}.banner .t{font-weight:bold}
.page{border:1px solid #ddd;padding:16px;max-height:600px;overflow:auto}.page h1{font-size:22px}
pre.xml{background:#f6f8fa;padding:8px;max-height:400px;overflow:auto;white-space:pre-wrap;word-break:break-all;font-size:12px}
table.fields{border-collapse:collapse;width:100%}table.fields td,table.fields th{border:1px solid #ddd;padding:4px;text-align:left;vertical-align:top;word-break:break-all}
mark.error{background:#ffcdd2}mark.warning{background:#ffe0b2}mark.info{background:#e3f2fd}
ul.findings{padding-left:18px;margin:12px 0 0}ul.findings li.error{color:#c62828}ul.findings li.warning{color:#e65100}ul.findings li.info{color:#1565c0}
.count{font-size:12px;color:#777;margin-top:4px}
`;

/**
 * One self-contained HTML page showing each output as a reader would see it: the WeChat
 * article in a phone frame, the Weibo card, the SMS bubble, the push banner, the website
 * page, the feed item, any custom channel as a field table, with findings listed and the
 * offending text highlighted. No scripts, no external assets; every value is escaped and
 * every HTML payload is sanitised again before it is embedded.
 *
 * @example
 * ```ts
 * writeFileSync('preview.html', renderPreview(formatAll(article, ['wechat', 'weibo', 'sms'], { sms: { signature: '某市政府' } })));
 * ```
 */
export function renderPreview(outputs: readonly ChannelOutput<any>[], options: PreviewOptions = {}): string {
  const list = parseOrThrow(z.array(outputSchema), outputs, 'preview outputs') as unknown as ChannelOutput[];
  const opts = parseOrThrow(optionsSchema, options, 'preview options');
  const title = opts.title ?? '渠道预览';
  const sections = list.map(section).join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(opts.lang ?? 'zh-CN')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<div class="grid">
${sections}
</div>
</body>
</html>
`;
}

function section(out: ChannelOutput): string {
  const badge = out.ok ? '<span class="badge ok">可发布</span>' : '<span class="badge blocked">不可发布</span>';
  const meta = [`sha256 ${out.contentHash.slice(0, 16)}…`];
  if (out.sourceRevision !== undefined) meta.push(`revision ${out.sourceRevision}`);
  return `<section class="channel" data-channel="${escapeHtml(out.channel)}">
<h2>${escapeHtml(out.channel)} ${badge}</h2>
<div class="meta">${escapeHtml(meta.join(' · '))}</div>
${body(out)}
${findingsList(out.findings)}
</section>`;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v));

function body(out: ChannelOutput): string {
  const p = out.payload;
  const text = (field: string) => highlighted(str(p[field]), field, out.findings);
  switch (out.channel) {
    case 'wechat':
      return `<div class="phone">
<div class="wx-title">${text('title')}</div>
<div class="wx-meta">${text('author')}</div>
<div class="wx-digest">摘要：${text('digest')}</div>
${sanitizeChannelHtml(str(p.content), { kind: 'styled' })}
</div>`;
    case 'weibo':
      return `<div class="card"><div class="who">@政务微博</div><div class="text">${text('text')}</div></div>`;
    case 'sms':
      return `<div class="sms">${text('text')}</div><div class="count">${escapeHtml(str(p.segments))} 条计费</div>`;
    case 'push':
      return `<div class="banner"><div class="app">通知 · 现在</div><div class="t">${text('title')}</div><div>${text('body')}</div></div>`;
    case 'website':
      return `<div class="page"><h1>${text('title')}</h1>${sanitizeChannelHtml(str(p.html), { kind: 'website' })}</div>`;
    case 'rss':
      return `<pre class="xml">${escapeHtml(str(p.xml))}</pre>`;
    default:
      return `<table class="fields">${Object.keys(p)
        .map((k) => `<tr><th>${escapeHtml(k)}</th><td>${highlighted(str(p[k]), k, out.findings)}</td></tr>`)
        .join('')}</table>`;
  }
}

/**
 * Escapes `value` and marks the spans findings point at, when their offsets index into
 * this very text (`payload.<field>`, or a source field whose text the payload kept as is).
 */
function highlighted(value: string, field: string, findings: readonly ChannelFinding[]): string {
  const spans = findings
    .filter((f) => f.field === field && f.end > f.start && f.end <= value.length && value.slice(f.start, f.end) === f.excerpt)
    .sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue;
    out += escapeHtml(value.slice(at, f.start));
    out += `<mark class="${f.severity}" title="${escapeHtml(f.message)}">${escapeHtml(value.slice(f.start, f.end))}</mark>`;
    at = f.end;
  }
  return out + escapeHtml(value.slice(at));
}

function findingsList(findings: readonly ChannelFinding[]): string {
  if (!findings.length) return '';
  return `<ul class="findings">${findings
    .map((f) => {
      const numbers = f.limit !== undefined ? ` (${f.actual ?? '?'} / ${f.limit})` : '';
      return `<li class="${f.severity}"><strong>${escapeHtml(f.severity)}</strong> ${escapeHtml(f.field)} · ${escapeHtml(f.code)}${escapeHtml(numbers)}: ${escapeHtml(f.message)}</li>`;
    })
    .join('')}</ul>`;
}
