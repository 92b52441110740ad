import { escapeUTF8 as esc } from 'entities';
import * as z from 'zod';
import { htmlPage } from '../channels/index';
import { parseOrThrow } from '../errors/index';
import { calendarSvg } from './chart-calendar';
import { gapsSvg } from './chart-gaps';
import { hoursSvg } from './chart-hours';
import { originalitySvg, type MonthShare } from './chart-originality';
import { VERDICT_LABELS, type InspectionLocale } from './messages';
import { OfficeClock } from './office-clock';
import { REPORT_LABELS } from './report-labels';
import type { InspectionResult } from './types';
import { htmlLang, localeSchema } from '../text/index';

/** Options of {@link renderInspectionReport}. */
export interface RenderInspectionOptions {
  /** Page language; default `'zh-CN'`. Reasons keep the language `inspect` wrote them in. */
  locale?: InspectionLocale;
}

const resultSchema = z.object({
  from: z.string(),
  to: z.string(),
  now: z.string(),
  timeZone: z.string(),
  fromDay: z.iso.date(),
  toDay: z.iso.date(),
  accounts: z.array(
    z
      .object({
        accountId: z.string(),
        name: z.string(),
        verdict: z.enum(['pass', 'at-risk', 'fail']),
        hours: z.array(z.number()).length(24),
        months: z.array(z.object({ month: z.string(), original: z.number(), reposted: z.number() }).loose()),
        days: z.record(z.string(), z.number()),
      })
      .loose(),
  ),
  totals: z.object({ accounts: z.number(), pass: z.number(), atRisk: z.number(), fail: z.number() }).loose(),
});

const STYLE = `
body{font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#1f2328;background:#fff;line-height:1.5}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px}h3{font-size:14px;margin:12px 0 4px}
.meta{color:#57606a;font-size:13px}.totals{font-size:15px;margin:8px 0 16px;font-weight:600}
table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-weight:700;white-space:nowrap}
.badge.fail{background:#cf222e}.badge.at-risk{background:#bf8700}.badge.pass{background:#1a7f37}
tr.fail td:first-child{border-left:4px solid #cf222e}tr.at-risk td:first-child{border-left:4px solid #bf8700}
ul.reasons{margin:0;padding-left:18px}li.info{color:#57606a}
.charts{display:flex;flex-wrap:wrap;gap:24px}.charts figure{margin:0}figcaption{font-size:13px;color:#57606a}
.calendars figure{margin:0 0 10px;overflow-x:auto}
`;

/**
 * A self-contained HTML page (inline SVG charts, no script, no network) of an
 * {@link InspectionResult}: totals, a table of accounts with verdicts, days left and reasons,
 * gap bars against the 14-day line, an hour-of-day histogram, originality per month, and a
 * publication calendar per account. Everything from the data is escaped.
 *
 * @example
 * ```ts
 * writeFileSync('inspection.html', renderInspectionReport(inspect({ records, accounts, from, to, now })));
 * ```
 */
export function renderInspectionReport(result: InspectionResult, options?: RenderInspectionOptions): string {
  parseOrThrow(resultSchema, result, 'inspection result');
  const locale = htmlLang(parseOrThrow(z.strictObject({ locale: localeSchema.optional() }).optional(), options, 'renderInspectionReport options')?.locale);
  const L = REPORT_LABELS[locale];
  const V = VERDICT_LABELS[locale];
  const fromDay = OfficeClock.dayOf(result.fromDay);
  const toDay = OfficeClock.dayOf(result.toDay);

  const rows = result.accounts
    .map((a) => {
      const share = a.originality.share === null ? '—' : `${Math.round(a.originality.share * 100)}%`;
      const target = a.perWeek.target === null ? '' : ` / ${a.perWeek.target}`;
      const reasons = a.reasons.map((r) => `<li class="${r.severity}" data-code="${esc(r.code)}">${esc(r.message)}</li>`).join('');
      return `<tr class="${a.verdict}"><td>${esc(a.name)}</td><td>${esc(a.channel)}</td><td><span class="badge ${a.verdict}">${esc(V[a.verdict])}</span></td>` +
        `<td class="num">${a.daysSinceLast ?? esc(L.never)}</td><td class="num">${a.daysLeft ?? '—'}</td><td>${a.failsOn ?? '—'}</td>` +
        `<td class="num">${a.publications}</td><td class="num">${a.perWeek.actual}${target}</td><td class="num">${share}</td>` +
        `<td><ul class="reasons">${reasons}</ul></td></tr>`;
    })
    .join('');

  const hours = new Array<number>(24).fill(0);
  const months = new Map<string, MonthShare>();
  const findings = new Map<string, { caught: number; waived: number }>();
  for (const a of result.accounts) {
    a.hours.forEach((n, h) => (hours[h]! += n));
    for (const m of a.months) {
      const t = months.get(m.month) ?? { month: m.month, original: 0, reposted: 0 };
      t.original += m.original;
      t.reposted += m.reposted;
      months.set(m.month, t);
    }
    for (const [category, f] of Object.entries(a.findings)) {
      const t = findings.get(category) ?? { caught: 0, waived: 0 };
      t.caught += f.caught;
      t.waived += f.waived;
      findings.set(category, t);
    }
  }
  const gapChart = gapsSvg(
    result.accounts.map((a) => ({ name: a.name, longest: a.longestGap?.days ?? 0, current: a.daysSinceLast, limit: a.limitDays })),
    { longest: L.longestGap, current: L.currentSilence, days: L.days, title: L.gaps },
  );
  const findingRows = [...findings]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([c, f]) => `<tr><td>${esc(c)}</td><td class="num">${f.caught}</td><td class="num">${f.waived}</td></tr>`)
    .join('');
  const calendars = result.accounts
    .map((a) => `<figure><figcaption>${esc(a.name)} · ${a.publications}</figcaption>${calendarSvg(a.days, fromDay, toDay, L.weekdays, `${L.calendar}: ${a.name}`)}</figure>`)
    .join('');

  return htmlPage({ lang: locale, title: L.title, style: STYLE, body: `<h1>${esc(L.title)}</h1>
<p class="meta">${esc(L.window)}：${esc(result.fromDay)} — ${esc(result.toDay)} · ${esc(L.generated)}：${esc(result.now)} · ${esc(L.timeZone)}：${esc(result.timeZone)}</p>
<p class="totals">${esc(L.totals(result.totals))}</p>
<table class="accounts"><thead><tr><th>${esc(L.account)}</th><th>${esc(L.channel)}</th><th>${esc(L.verdict)}</th><th>${esc(L.daysSince)}</th><th>${esc(L.daysLeft)}</th><th>${esc(L.failsOn)}</th><th>${esc(L.publications)}</th><th>${esc(L.perWeek)}</th><th>${esc(L.originality)}</th><th>${esc(L.reasons)}</th></tr></thead>
<tbody>${rows}</tbody></table>
<div class="charts">
<figure id="gaps"><h2>${esc(L.gaps)}</h2><figcaption>${esc(L.gapsNote)}</figcaption>${gapChart}</figure>
<figure id="hours"><h2>${esc(L.hours)}</h2><figcaption>${esc(L.hoursNote)}</figcaption>${hoursSvg(hours, L.hours)}</figure>
<figure id="originality"><h2>${esc(L.originalityByMonth)}</h2>${originalitySvg([...months.values()].sort((a, b) => a.month.localeCompare(b.month)), { original: L.original, reposted: L.reposted, title: L.originalityByMonth })}</figure>
<figure id="findings"><h2>${esc(L.findings)}</h2>${findingRows ? `<table><thead><tr><th></th><th>${esc(L.caught)}</th><th>${esc(L.waived)}</th></tr></thead><tbody>${findingRows}</tbody></table>` : `<p>${esc(L.none)}</p>`}</figure>
</div>
<h2>${esc(L.calendar)}</h2>
<div class="calendars" id="calendars">${calendars}</div>` });
}
