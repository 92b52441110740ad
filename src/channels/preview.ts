import * as z from 'zod';
import { parseOrThrow } from '../errors/index';
import type { Finding } from '../findings/index';
import { escapeHtml } from './escape';
import type { ChannelLocale } from './locale';
import { htmlPage } from './page-shell';
import { channelLabel, fieldLabel, previewLabels, type PreviewLabels } from './preview-labels';
import { drawnMarks, markHtml, markText, type Mark } from './preview-marks';
import { occurrenceIndex, placeInHtml, placeInText, visibleNeedle, type Needle, type Range } from './preview-place';
import { PREVIEW_STYLE } from './preview-style';
import { sanitizeChannelHtml } from './sanitize';
import type { ChannelFinding, ChannelOutput } from './types';
import { htmlLang, localeSchema } from '../text/index';

/** A delivery account shown beside its channel in the preview (the fields of `Account` the page needs). */
export interface PreviewAccount {
  id: string;
  channel: string;
  /** The name readers know the account by, e.g. `滨江发布`. */
  name: string;
  default?: boolean;
}

/** Something other than a finding that stops publishing (a clearance, a state), already in the reader's language. */
export interface PreviewBlocker {
  code: string;
  message: string;
}

/** Options of {@link renderPreview}. */
export interface PreviewOptions {
  /** The page title. Default `渠道预览` (`Channel preview` in English). */
  title?: string;
  /** `lang` of the page. Default `zh-CN` (`en` in English). */
  lang?: string;
  /** The language of the page's own words. Default `zh`. Finding messages are shown as they were written. */
  locale?: ChannelLocale;
  /**
   * Findings of the content checks on the source (caliber, confidentiality, duplicates):
   * each is highlighted where its span shows in every channel, and listed in the summary.
   * `details.field` names the article field its offsets refer to (default `body`).
   */
  findings?: readonly Finding[];
  /**
   * The source fields the findings' offsets index into, so a span that occurs more than once
   * is highlighted at the same occurrence in each rendering. Without it, the first one.
   */
  article?: { title?: string; summary?: string; body?: string; author?: string; source?: string };
  /** Delivery accounts, shown beside their channel (every account of the channel; the default marked). */
  accounts?: readonly PreviewAccount[];
  /** What else stops publishing (the publisher passes clearance refusals here). */
  blockers?: readonly PreviewBlocker[];
}

const findingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  start: z.number(),
  end: z.number(),
  excerpt: z.string(),
}).loose();
const outputSchema = z.object({
  channel: z.string(),
  payload: z.record(z.string(), z.unknown()),
  findings: z.array(z.object({ severity: z.enum(['error', 'warning', 'info']), message: z.string(), field: z.string() }).loose()),
  ok: z.boolean(),
  contentHash: z.string(),
  sourceRevision: z.number().optional(),
});
const optionsSchema = z.strictObject({
  title: z.string().optional(),
  lang: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).optional(),
  locale: localeSchema.optional(),
  findings: z.array(findingSchema).optional(),
  article: z.object({ title: z.string(), summary: z.string(), body: z.string(), author: z.string(), source: z.string() }).partial().loose().optional(),
  accounts: z.array(z.object({ id: z.string(), channel: z.string(), name: z.string(), default: z.boolean().optional() }).loose()).optional(),
  blockers: z.array(z.object({ code: z.string(), message: z.string() })).optional(),
});

// No scripts at all, and nothing loaded but images: even if a payload slipped something
// through, the page could not run or fetch it.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http:; frame-src 'none'; form-action 'none'; base-uri 'none'";

/** A rendered field of a channel: plain text or HTML, and which source fields it shows. */
interface Target {
  field: string;
  kind: 'text' | 'html';
  carries: readonly string[];
}

const ALL_SOURCE = ['title', 'summary', 'body', 'author', 'source'];
const TARGETS: Record<string, readonly Target[]> = {
  wechat: [
    { field: 'title', kind: 'text', carries: ['title'] },
    { field: 'author', kind: 'text', carries: ['author'] },
    { field: 'digest', kind: 'text', carries: ['summary', 'body'] },
    { field: 'content', kind: 'html', carries: ['body'] },
  ],
  website: [
    { field: 'title', kind: 'text', carries: ['title'] },
    { field: 'html', kind: 'html', carries: ['body', 'source', 'author'] },
  ],
  weibo: [{ field: 'text', kind: 'text', carries: ALL_SOURCE }],
  sms: [{ field: 'text', kind: 'text', carries: ALL_SOURCE }],
  push: [
    { field: 'title', kind: 'text', carries: ['title'] },
    { field: 'body', kind: 'text', carries: ['summary', 'body'] },
  ],
  rss: [],
};

/** One numbered finding on the page: a content check's (scope `source`) or a channel's. */
interface Entry {
  n: number;
  finding: Finding;
  /** `source` for the content checks, else the channel id. */
  scope: string;
  /** The text its offsets index into: an article field, or `payload.<field>`. */
  textField: string;
  placedIn: Set<string>;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v));
const textFieldOf = (f: Finding, fallback: string): string => {
  const named = f.details?.field;
  return typeof named === 'string' && named ? named : fallback;
};

/**
 * One self-contained HTML page reviewers read before they sign: a summary at the top (can
 * this be published, to which channels and accounts, what blocks it), then each output as a
 * reader would see it (the whole WeChat article in a phone frame, the Weibo card, the SMS
 * bubble, the push banner, the website page, the feed item, a custom channel as a field
 * table) with every finding highlighted in place, numbered, its message on hover and listed
 * beside. A finding whose span no rendering shows is listed in the summary as not placed.
 * No scripts, no external assets but images; every value is escaped and every HTML payload
 * sanitised again before it is embedded.
 *
 * @example
 * ```ts
 * const article = { title: '停水通知', body: '……' };
 * const html = renderPreview(formatAll(article, ['wechat', 'weibo', 'sms'], { sms: { signature: '某市政府' } }), {
 *   findings: checkCaliber(article.body, zhGovRules),
 *   article,
 *   accounts: [{ id: 'wx-main', channel: 'wechat', name: '某市发布' }],
 * });
 * ```
 */
export function renderPreview(outputs: readonly ChannelOutput<any>[], options: PreviewOptions = {}): string {
  const list = parseOrThrow(z.array(outputSchema), outputs, 'preview outputs') as unknown as ChannelOutput[];
  const opts = parseOrThrow(optionsSchema, options, 'preview options') as PreviewOptions;
  const locale = opts.locale ?? 'zh';
  const L = previewLabels(locale);
  const title = opts.title ?? L.pageTitle;

  let n = 0;
  const sourceEntries: Entry[] = (opts.findings ?? []).map((finding) => ({ n: ++n, finding, scope: 'source', textField: textFieldOf(finding, 'body'), placedIn: new Set() }));
  const channelEntries = new Map<string, Entry[]>();
  for (const out of list) {
    channelEntries.set(
      out.channel,
      out.findings.map((finding) => ({ n: ++n, finding, scope: out.channel, textField: textFieldOf(finding, finding.field), placedIn: new Set<string>() })),
    );
  }

  const sections = list.map((out) => section(out, [...sourceEntries, ...(channelEntries.get(out.channel) ?? [])], opts, L)).join('\n');
  const summary = summarySection(list, sourceEntries, channelEntries, opts, L);
  return htmlPage({
    lang: opts.lang ?? htmlLang(locale),
    title,
    csp: CSP,
    style: PREVIEW_STYLE,
    body: `<h1>${escapeHtml(title)}</h1>\n${summary}\n<div class="grid">\n${sections}\n</div>`,
  });
}

/** The needle of an entry: its excerpt as a reader sees it, and which occurrence in its source text. */
function needleOf(entry: Entry, sourceText: string | undefined): Needle | null {
  const { excerpt, start, end } = entry.finding;
  if (end <= start) return null;
  const text = visibleNeedle(excerpt);
  if (!text) return null;
  if (sourceText === undefined || sourceText.slice(start, end) !== excerpt) return { text, occurrence: 0, sourceCount: 1 };
  let count = 0;
  for (let at = sourceText.indexOf(excerpt); at >= 0; at = sourceText.indexOf(excerpt, at + 1)) count++;
  return { text, occurrence: occurrenceIndex(sourceText, excerpt, start), sourceCount: count };
}

/** The marks of every entry that shows in `value` (payload field `target.field` of `out`). */
function marksFor(out: ChannelOutput, target: Target, value: string, entries: readonly Entry[], opts: PreviewOptions): Mark[] {
  const marks: Mark[] = [];
  for (const entry of entries) {
    const f = entry.finding;
    const payloadField = entry.textField.startsWith('payload.') ? entry.textField.slice('payload.'.length) : null;
    if (payloadField !== null ? payloadField !== target.field : !target.carries.includes(entry.textField)) continue;
    let ranges: Range[] | null = null;
    // Offsets straight into this very text (a payload field, or a source field the channel kept as is).
    if (target.kind === 'text' && f.end > f.start && value.slice(f.start, f.end) === f.excerpt && (payloadField !== null || (f as ChannelFinding).field === target.field)) {
      ranges = [{ start: f.start, end: f.end }];
    } else {
      const sourceText = payloadField !== null ? str(out.payload[payloadField]) : opts.article?.[entry.textField as keyof NonNullable<PreviewOptions['article']>];
      const needle = needleOf(entry, sourceText);
      if (needle) {
        const one = target.kind === 'html' ? placeInHtml(value, needle) : placeInText(value, needle);
        ranges = one === null ? null : Array.isArray(one) ? one : [one];
      }
    }
    if (ranges) marks.push({ ranges, severity: f.severity, n: entry.n, label: `${f.message}（${f.ruleId}）` });
  }
  const drawn = drawnMarks(marks);
  for (const mark of drawn) entries.find((e) => e.n === mark.n)?.placedIn.add(out.channel);
  return [...drawn];
}

function section(out: ChannelOutput, entries: readonly Entry[], opts: PreviewOptions, L: PreviewLabels): string {
  const badge = out.ok ? `<span class="badge ok">${escapeHtml(L.ok)}</span>` : `<span class="badge blocked">${escapeHtml(L.blocked)}</span>`;
  const meta: string[] = [];
  const accounts = (opts.accounts ?? []).filter((a) => a.id === out.channel || a.channel === out.channel);
  if (accounts.length) meta.push(`${L.accounts}：${accounts.map((a) => (a.default ? `${a.name}（${L.defaultAccount}）` : a.name)).join('、')}`);
  if (out.sourceRevision !== undefined) meta.push(`${L.revision} ${out.sourceRevision}`);
  meta.push(`sha256 ${out.contentHash.slice(0, 12)}…`);
  const rendered = body(out, entries, opts, L);
  const shown = entries.filter((e) => e.placedIn.has(out.channel) || e.scope === out.channel);
  return `<section class="channel" data-channel="${escapeHtml(out.channel)}">
<h2>${escapeHtml(channelLabel(L, out.channel))} ${badge}</h2>
<div class="meta">${escapeHtml(meta.join(' · '))}</div>
${rendered}
${shown.length ? entryList(shown, L, L.channelFindings) : ''}
</section>`;
}

function body(out: ChannelOutput, entries: readonly Entry[], opts: PreviewOptions, L: PreviewLabels): string {
  const p = out.payload;
  const targets = TARGETS[out.channel] ?? Object.keys(p).map((field): Target => ({ field, kind: 'text', carries: ALL_SOURCE }));
  const render = (field: string): string => {
    const target = targets.find((t) => t.field === field) ?? { field, kind: 'text', carries: [] };
    const raw = str(p[field]);
    if (target.kind === 'html') {
      const clean = sanitizeChannelHtml(raw, { kind: out.channel === 'website' ? 'website' : 'styled' });
      return markHtml(clean, marksFor(out, target, clean, entries, opts));
    }
    return markText(raw, marksFor(out, target, raw, entries, opts));
  };
  switch (out.channel) {
    case 'wechat':
      return `<div class="phone">
<div class="wx-title">${render('title')}</div>
<div class="wx-meta">${render('author')}</div>
<div class="wx-digest">${escapeHtml(L.digest)}：${render('digest')}</div>
<div class="wx-content">${render('content')}</div>
</div>`;
    case 'weibo':
      return `<div class="card"><div class="who">@政务微博</div><div class="text">${render('text')}</div></div>`;
    case 'sms':
      return `<div class="sms">${render('text')}</div><div class="count">${escapeHtml(L.smsSegments(str(p.segments)))}</div>`;
    case 'push':
      return `<div class="banner"><div class="app">${escapeHtml(L.pushApp)}</div><div class="t">${render('title')}</div><div>${render('body')}</div></div>`;
    case 'website':
      return `<div class="page"><h1>${render('title')}</h1>${render('html')}</div>`;
    case 'rss':
      return `<pre class="xml">${escapeHtml(str(p.xml))}</pre>`;
    default:
      return `<table class="fields">${Object.keys(p)
        .map((k) => `<tr><th>${escapeHtml(k)}</th><td>${render(k)}</td></tr>`)
        .join('')}</table>`;
  }
}

/** Where a finding is, for readers: `微信公众号 · 标题 · 第 3 行`. */
function where(entry: Entry, L: PreviewLabels): string {
  const parts: string[] = [];
  if (entry.scope !== 'source') parts.push(channelLabel(L, entry.scope));
  parts.push(fieldLabel(L, entry.textField));
  const f = entry.finding;
  if (f.end > f.start && f.line > 0 && !entry.textField.startsWith('payload.')) parts.push(L.at(f.line, f.column));
  return parts.join(' · ');
}

function entryList(entries: readonly Entry[], L: PreviewLabels, heading: string): string {
  const items = entries
    .map((e) => {
      const f = e.finding;
      return `<li class="${f.severity}" data-n="${e.n}"><span class="fn ${f.severity}">${e.n}</span> <span class="sev">${escapeHtml(L.severities[f.severity])}</span> <span class="where">${escapeHtml(where(e, L))}</span>：${escapeHtml(f.message)} <code>${escapeHtml(f.ruleId)}</code></li>`;
    })
    .join('');
  return `<h3>${escapeHtml(heading)}</h3><ul class="findings">${items}</ul>`;
}

function summarySection(
  list: readonly ChannelOutput[],
  sourceEntries: readonly Entry[],
  channelEntries: ReadonlyMap<string, readonly Entry[]>,
  opts: PreviewOptions,
  L: PreviewLabels,
): string {
  const all = [...sourceEntries, ...[...channelEntries.values()].flat()];
  const blocking = all.filter((e) => e.finding.severity === 'error');
  const notes = all.filter((e) => e.finding.severity !== 'error');
  const blockers = opts.blockers ?? [];
  const count = blocking.length + blockers.length;
  const ok = count === 0 && list.every((o) => o.ok);
  const channels = list
    .map((o) => {
      const accounts = (opts.accounts ?? []).filter((a) => a.id === o.channel || a.channel === o.channel).map((a) => a.name);
      const who = accounts.length ? `（${accounts.join('、')}）` : '';
      return `<li class="${o.ok ? 'ok' : 'blocked'}">${escapeHtml(channelLabel(L, o.channel) + who)} <span class="badge ${o.ok ? 'ok' : 'blocked'}">${escapeHtml(o.ok ? L.ok : L.blocked)}</span></li>`;
    })
    .join('');
  const line = (e: Entry): string => {
    const f = e.finding;
    const placed = f.end <= f.start
      ? `<span class="whole">${escapeHtml(L.wholeField)}</span>`
      : e.placedIn.size
      ? `<span class="placed">${escapeHtml(L.placedIn([...e.placedIn].map((c) => channelLabel(L, c)).join(L.listSep)))}</span>`
      : `<span class="unplaced">${escapeHtml(L.notPlaced)}</span>`;
    return `<li class="${f.severity}" data-n="${e.n}" data-placed="${e.placedIn.size > 0}"><span class="fn ${f.severity}">${e.n}</span> <span class="where">${escapeHtml(where(e, L))}</span>：${escapeHtml(f.message)} <code>${escapeHtml(f.ruleId)}</code> ${placed}</li>`;
  };
  const blockerLines = blockers.map((b) => `<li class="error" data-code="${escapeHtml(b.code)}">${escapeHtml(b.message)} <code>${escapeHtml(b.code)}</code></li>`).join('');
  return `<section class="summary ${ok ? 'ok' : 'blocked'}" id="summary" data-verdict="${ok ? 'ok' : 'blocked'}">
<h2 class="verdict">${escapeHtml(ok ? L.canPublish : L.cannotPublish(Math.max(count, 1)))}</h2>
<div class="to"><span>${escapeHtml(L.publishTo)}：</span><ul class="targets">${channels}</ul></div>
<h3>${escapeHtml(L.mustFix)}（${count}）</h3>${count ? `<ol class="blocking">${blockerLines}${blocking.map(line).join('')}</ol>` : `<p>${escapeHtml(L.none)}</p>`}
${notes.length ? `<h3>${escapeHtml(L.notes)}（${notes.length}）</h3><ol class="notes">${notes.map(line).join('')}</ol>` : ''}
</section>`;
}
