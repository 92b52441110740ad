import { escapeUTF8 as esc } from 'entities';
import * as z from 'zod';
import { htmlPage } from '../channels/index';
import { parseOrThrow } from '../errors/index';
import { annotateHtml, type Annotation } from './annotate-html';
import { TRACE_LABELS, type TraceLocale } from './messages';
import type { TraceResult } from './types';
import { htmlLang, localeSchema } from '../text/index';

const spanSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
const resultSchema = z.object({
  verdict: z.enum(['faithful', 'abridged', 'altered', 'unrelated']),
  reasons: z.array(z.object({ code: z.string(), message: z.string() })),
  original: z.string(),
  copy: z.string(),
  coverage: z.number().min(0).max(1),
  passages: z.array(z.object({ original: spanSchema, copy: spanSchema, kind: z.enum(['same', 'changed']), removed: z.array(spanSchema), inserted: z.array(spanSchema) })),
  dropped: z.array(spanSchema),
  added: z.array(spanSchema),
  surrounding: z.array(spanSchema),
  changes: z.array(z.object({ kind: z.enum(['figure', 'date', 'name', 'title']), original: z.string(), copy: z.string(), originalSpan: spanSchema.nullable(), copySpan: spanSchema.nullable() })),
});
const optionsSchema = z.strictObject({ locale: localeSchema.optional() }).optional();

/** Options of {@link renderTrace}. */
export interface RenderTraceOptions {
  /** Page language; default `'zh-CN'`. */
  locale?: TraceLocale;
}

const STYLE = `
body{font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#1f2328;background:#fff;line-height:1.7}
h1{font-size:22px;margin:0 0 12px}
.summary{border:2px solid #d0d7de;border-radius:8px;padding:12px 16px;margin-bottom:16px;background:#f6f8fa}
.summary.altered{border-color:#cf222e;background:#fff5f5}.summary.abridged{border-color:#bf8700;background:#fffbea}
.summary.faithful{border-color:#1a7f37;background:#f0fff4}
.verdict{display:inline-block;font-weight:700;font-size:18px;padding:2px 10px;border-radius:4px;color:#fff;background:#57606a}
.verdict.altered{background:#cf222e}.verdict.abridged{background:#9a6700}.verdict.faithful{background:#1a7f37}
table{border-collapse:collapse;margin-top:8px}th,td{border:1px solid #d0d7de;padding:4px 10px;text-align:left}
td.was{color:#82071e;text-decoration:line-through}td.now{color:#cf222e;font-weight:700}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:8px 0}dt{color:#57606a}dd{margin:0}
.legend span{margin-right:12px;padding:0 4px}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:16px}
.text{white-space:pre-wrap;border:1px solid #d0d7de;border-radius:6px;padding:12px;font-size:15px}
h2{font-size:16px;margin:8px 0}
.same{background:#eef6ff}.changed{background:#fff8c5}.del{background:#ffcecb;text-decoration:line-through}.ins{background:#abf2bc}
.dropped{background:#ffebe9;color:#82071e;text-decoration:line-through}.added{background:#dafbe1;outline:1px dashed #1a7f37}
.surrounding{color:#8c959f}
.fact{background:#cf222e;color:#fff;font-weight:700;text-decoration:none}.fact.del,.fact.ins{text-decoration:underline 2px}
`;

/**
 * A self-contained HTML page (no script, no network) showing a {@link TraceResult} (or a
 * `compareWithRevision` result): a summary
 * box with the verdict, its reasons and the changed facts side by side first, then the
 * original and the copy next to each other with aligned, reworded, dropped and added
 * sentences marked. Every piece of text is escaped.
 *
 * @example
 * ```ts
 * writeFileSync('trace.html', renderTrace(await trace(text, { index, revisions })));
 * ```
 */
export function renderTrace(result: Omit<TraceResult, 'candidates' | 'similarity' | 'containment'>, options?: RenderTraceOptions): string {
  parseOrThrow(resultSchema, result, 'trace result');
  const locale = htmlLang(parseOrThrow(optionsSchema, options, 'renderTrace options')?.locale);
  const L = TRACE_LABELS[locale];

  const originalMarks: Annotation[] = [];
  const copyMarks: Annotation[] = [];
  for (const p of result.passages) {
    originalMarks.push({ ...p.original, className: p.kind });
    copyMarks.push({ ...p.copy, className: p.kind });
    for (const s of p.removed) originalMarks.push({ ...s, className: 'del' });
    for (const s of p.inserted) copyMarks.push({ ...s, className: 'ins' });
  }
  for (const s of result.dropped) originalMarks.push({ ...s, className: 'dropped' });
  for (const s of result.added) copyMarks.push({ ...s, className: 'added' });
  for (const s of result.surrounding) copyMarks.push({ ...s, className: 'surrounding' });
  // Each fact also gets its own class, so both sides of one change can be found together
  // (a fact can be cut into several spans by the character marks inside it).
  result.changes.forEach((c, i) => {
    if (c.originalSpan) originalMarks.push({ ...c.originalSpan, className: `fact fact-${i}` });
    if (c.copySpan) copyMarks.push({ ...c.copySpan, className: `fact fact-${i}` });
  });

  const factRows = result.changes
    .map((c) => `<tr><td>${esc(L.kinds[c.kind])}</td><td class="was">${esc(c.original) || esc(L.none)}</td><td class="now">${esc(c.copy) || esc(L.none)}</td></tr>`)
    .join('');
  const facts = result.changes.length
    ? `<table class="facts"><thead><tr><th>${esc(L.kind)}</th><th>${esc(L.originalSide)}</th><th>${esc(L.copySide)}</th></tr></thead><tbody>${factRows}</tbody></table>`
    : `<p>${esc(L.noChangedFacts)}</p>`;
  const revision = result.revision
    ? `<dt>${esc(L.revision)}</dt><dd>${esc(result.revision.documentId)} · r${result.revision.revision} (${esc(result.revision.id)})</dd><dt>${esc(L.publishedAt)}</dt><dd>${esc(result.revision.publishedAt)}</dd>`
    : '';
  const legend = (['same', 'changed', 'fact', 'dropped', 'added', 'surrounding'] as const)
    .map((k) => `<span class="${k}">${esc(L.legendItems[k])}</span>`)
    .join('');

  return htmlPage({ lang: locale, title: L.title, style: STYLE, body: `<h1>${esc(L.title)}</h1>
<section class="summary ${result.verdict}" id="summary">
<div><span>${esc(L.summary)}：</span><span class="verdict ${result.verdict}">${esc(L.verdicts[result.verdict])}</span></div>
<ul>${result.reasons.map((r) => `<li data-code="${esc(r.code)}">${esc(r.message)}</li>`).join('')}</ul>
<h2>${esc(L.changedFacts)}</h2>${facts}
<dl>${revision}<dt>${esc(L.coverage)}</dt><dd>${Math.round(result.coverage * 100)}%</dd>
<dt>${esc(L.dropped)}</dt><dd>${result.dropped.length}</dd><dt>${esc(L.added)}</dt><dd>${result.added.length}</dd></dl>
</section>
<p class="legend">${esc(L.legend)}：${legend}</p>
<div class="cols">
<section><h2>${esc(L.originalSide)}</h2><div class="text" id="original">${annotateHtml(result.original, originalMarks)}</div></section>
<section><h2>${esc(L.copySide)}</h2><div class="text" id="copy">${annotateHtml(result.copy, copyMarks)}</div></section>
</div>` });
}
