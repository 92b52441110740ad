import { escapeUTF8 as esc } from 'entities';

/** Publications of one month, split by originality. */
export interface MonthShare {
  month: string;
  original: number;
  reposted: number;
}

/** Stacked bars per month: original (green) below reposted (grey), with the original share above. */
export function originalitySvg(months: readonly MonthShare[], labels: { original: string; reposted: string; title: string }): string {
  const W = 44;
  const H = 120;
  const max = Math.max(1, ...months.map((m) => m.original + m.reposted));
  const width = Math.max(240, months.length * W + 40);
  const height = H + 56;
  let body = '';
  months.forEach((m, i) => {
    const x = 30 + i * W;
    const oh = (m.original / max) * H;
    const rh = (m.reposted / max) * H;
    const base = 20 + H;
    body += `<rect class="month-bar original" x="${x}" y="${base - oh}" width="${W - 10}" height="${oh}" fill="#2da44e"><title>${esc(m.month)} ${esc(labels.original)}: ${m.original}</title></rect>`;
    body += `<rect class="month-bar reposted" x="${x}" y="${base - oh - rh}" width="${W - 10}" height="${rh}" fill="#afb8c1"><title>${esc(m.month)} ${esc(labels.reposted)}: ${m.reposted}</title></rect>`;
    const total = m.original + m.reposted;
    if (total) body += `<text x="${x}" y="${base - oh - rh - 4}" font-size="10" fill="#1f2328">${Math.round((m.original / total) * 100)}%</text>`;
    body += `<text x="${x}" y="${base + 14}" font-size="10" fill="#57606a">${esc(m.month.slice(2))}</text>`;
  });
  const ly = height - 6;
  body += `<rect x="30" y="${ly - 9}" width="12" height="10" fill="#2da44e"/><text x="46" y="${ly}" font-size="11">${esc(labels.original)}</text>`;
  body += `<rect x="120" y="${ly - 9}" width="12" height="10" fill="#afb8c1"/><text x="136" y="${ly}" font-size="11">${esc(labels.reposted)}</text>`;
  return `<svg class="chart originality" role="img" aria-label="${esc(labels.title)}" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
}
