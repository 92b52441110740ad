import { escapeUTF8 as esc } from 'entities';
import { OfficeClock } from './office-clock';

const CELL = 11;
const STEP = 13;
const LEFT = 22;
const TOP = 16;

/** Fill of a day with `n` publications (none, one, two or three, more). */
function shade(n: number): string {
  return n === 0 ? '#ebedf0' : n === 1 ? '#9be9a8' : n <= 3 ? '#40c463' : '#216e39';
}

/**
 * A calendar heat map, one column per week (Monday on top) from `fromDay` to `toDay`: each
 * day's square shaded by its publications, with a `<title>` for the exact count. Pure SVG.
 */
export function calendarSvg(days: Readonly<Record<string, number>>, fromDay: number, toDay: number, weekdayLabels: readonly string[], label: string): string {
  const firstMonday = fromDay - OfficeClock.weekday(fromDay);
  const weeks = Math.floor((toDay - firstMonday) / 7) + 1;
  const width = LEFT + weeks * STEP + 4;
  const height = TOP + 7 * STEP + 4;
  let cells = '';
  let months = '';
  let lastMonth = '';
  for (let day = fromDay; day <= toDay; day++) {
    const week = Math.floor((day - firstMonday) / 7);
    const date = OfficeClock.date(day);
    const n = days[date] ?? 0;
    const x = LEFT + week * STEP;
    const y = TOP + OfficeClock.weekday(day) * STEP;
    cells += `<rect class="day" x="${x}" y="${y}" width="${CELL}" height="${CELL}" rx="2" fill="${shade(n)}"><title>${date}: ${n}</title></rect>`;
    const month = date.slice(0, 7);
    if (month !== lastMonth) {
      months += `<text x="${x}" y="${TOP - 5}" font-size="10" fill="#57606a">${Number(date.slice(5, 7))}</text>`;
      lastMonth = month;
    }
  }
  const labels = weekdayLabels
    .map((w, i) => (i % 2 === 0 ? `<text x="0" y="${TOP + i * STEP + 9}" font-size="9" fill="#57606a">${esc(w)}</text>` : ''))
    .join('');
  return `<svg class="chart calendar" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${months}${labels}${cells}</svg>`;
}
