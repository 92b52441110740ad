import { escapeUTF8 as esc } from 'entities';

/**
 * A 24-bar histogram of publications by local hour; bars from 0:00 to 6:00 (unreasonable
 * hours to publish) are red.
 */
export function hoursSvg(hours: readonly number[], label: string): string {
  const W = 20;
  const H = 120;
  const max = Math.max(1, ...hours);
  const width = 24 * W + 40;
  const height = H + 36;
  let body = '';
  hours.forEach((n, h) => {
    const bh = (n / max) * H;
    const x = 30 + h * W;
    body += `<rect class="hour-bar" x="${x}" y="${10 + H - bh}" width="${W - 4}" height="${Math.max(bh, n > 0 ? 1 : 0)}" fill="${h < 6 ? '#cf222e' : '#0969da'}"><title>${h}:00 — ${n}</title></rect>`;
    if (h % 3 === 0) body += `<text x="${x + 2}" y="${H + 26}" font-size="10" fill="#57606a">${h}</text>`;
  });
  body += `<line x1="28" x2="${30 + 24 * W}" y1="${10 + H}" y2="${10 + H}" stroke="#8c959f"/>`;
  body += `<text x="0" y="18" font-size="10" fill="#57606a">${max}</text>`;
  return `<svg class="chart hours" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
}
