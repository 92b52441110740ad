import { escapeUTF8 as esc } from 'entities';

/** One account's row in the gap chart. */
export interface GapRow {
  name: string;
  longest: number;
  current: number | null;
  limit: number;
}

const ROW = 34;
const LABEL = 190;
const PLOT = 460;
const AXIS_CAP = 60;

/**
 * Horizontal bars per account: the longest silence in the window and the current one,
 * against a dashed line at each account's limit (14 days unless a local rule is stricter).
 * Bars past the limit are red.
 */
export function gapsSvg(rows: readonly GapRow[], labels: { longest: string; current: string; days: string; title: string }): string {
  // The axis stops at 60 days so that a dormant account's year of silence does not flatten
  // every other bar; longer bars run to the edge and their label gives the true length.
  const max = Math.min(AXIS_CAP, Math.max(21, ...rows.map((r) => Math.max(r.longest, r.current ?? 0, r.limit)))) * 1.1;
  const scale = (d: number) => (Math.min(d, AXIS_CAP * 1.1) / max) * PLOT;
  const height = rows.length * ROW + 30;
  const width = LABEL + PLOT + 60;
  let body = '';
  rows.forEach((r, i) => {
    const y = 8 + i * ROW;
    const limitX = LABEL + scale(r.limit);
    body += `<text x="${LABEL - 6}" y="${y + 16}" font-size="12" text-anchor="end" fill="#1f2328">${esc(truncate(r.name, 14))}</text>`;
    body += `<rect class="gap-bar" x="${LABEL}" y="${y + 2}" width="${Math.max(1, scale(r.longest))}" height="11" fill="${r.longest > r.limit ? '#cf222e' : '#0969da'}"><title>${esc(labels.longest)}: ${r.longest} ${esc(labels.days)}</title></rect>`;
    if (r.current !== null) {
      body += `<rect class="gap-bar current" x="${LABEL}" y="${y + 15}" width="${Math.max(1, scale(r.current))}" height="9" fill="${r.current > r.limit ? '#ff8182' : '#80ccff'}"><title>${esc(labels.current)}: ${r.current} ${esc(labels.days)}</title></rect>`;
    }
    body += `<text x="${LABEL + Math.max(scale(r.longest), scale(r.current ?? 0)) + 4}" y="${y + 13}" font-size="11" fill="#57606a">${r.longest}/${r.current ?? '—'}</text>`;
    body += `<line class="limit" x1="${limitX}" x2="${limitX}" y1="${y}" y2="${y + ROW - 4}" stroke="#cf222e" stroke-width="2" stroke-dasharray="4 2"/>`;
  });
  const legendY = rows.length * ROW + 22;
  body += `<rect x="${LABEL}" y="${legendY - 9}" width="12" height="10" fill="#0969da"/><text x="${LABEL + 16}" y="${legendY}" font-size="11">${esc(labels.longest)}</text>`;
  body += `<rect x="${LABEL + 170}" y="${legendY - 9}" width="12" height="10" fill="#80ccff"/><text x="${LABEL + 186}" y="${legendY}" font-size="11">${esc(labels.current)}</text>`;
  return `<svg class="chart gaps" role="img" aria-label="${esc(labels.title)}" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
}

function truncate(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : s;
}
