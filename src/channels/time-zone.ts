import { tzOffset } from '@date-fns/tz';
import * as z from 'zod';

/** The zone dates are printed in unless a channel or feed is told otherwise: China Standard Time. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** True when `zone` is a time zone the platform knows (IANA name such as `Asia/Shanghai`, or `UTC`). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone === '' || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return Number.isFinite(tzOffset(zone, new Date(0)));
  } catch {
    return false;
  }
}

/** Schema of a `timeZone` option. */
export const timeZoneSchema = z.string().refine(isTimeZone, { message: 'must be an IANA time zone such as Asia/Shanghai' });

/**
 * Minutes east of UTC that `zone` is at the instant `date` (daylight saving included), read
 * from the time zone database through `@date-fns/tz`, never from the host's `TZ`.
 */
export function offsetMinutesAt(date: Date, zone: string): number {
  return tzOffset(zone, date);
}
