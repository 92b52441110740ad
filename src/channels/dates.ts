import { addMinutes, formatRFC7231 } from 'date-fns';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function zone(offsetMinutes: number, colon: boolean): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

/**
 * An RFC 822 date-time as RSS 2.0 requires (with the four-digit year RFC 1123 allows),
 * e.g. `Wed, 01 Jan 2025 08:00:00 GMT`, or with `offsetMinutes` `Wed, 01 Jan 2025 16:00:00 +0800`.
 *
 * Output never depends on the host's time zone, so the same article always hashes the same.
 */
export function rfc822(date: Date, offsetMinutes = 0): string {
  if (offsetMinutes === 0) return formatRFC7231(date);
  // Shift the instant, then read the UTC fields: they are the wall clock at that offset.
  const d = addMinutes(date, offsetMinutes);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${zone(offsetMinutes, false)}`;
}

/**
 * An RFC 3339 date-time as Atom requires, e.g. `2025-01-01T08:00:00Z` or with `offsetMinutes`
 * `2025-01-01T16:00:00+08:00`. Seconds only; no fraction.
 */
export function rfc3339(date: Date, offsetMinutes = 0): string {
  const d = addMinutes(date, offsetMinutes);
  const stamp = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return offsetMinutes === 0 ? `${stamp}Z` : `${stamp}${zone(offsetMinutes, true)}`;
}
