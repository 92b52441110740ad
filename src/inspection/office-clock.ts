import { TZDate, tzOffset } from '@date-fns/tz';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const DATE_CACHE = new Map<number, string>();

/**
 * Day and hour arithmetic in the office's time zone, whatever the host's `TZ`. An instant is
 * shifted by the zone's offset at that instant (from `@date-fns/tz`); local calendar fields
 * are then read with UTC getters on the shifted value.
 *
 * `tzOffset` goes through `Intl` and is slow next to a record's other work, so offsets are
 * cached per UTC day when the offset is the same at both ends of that day (every day of the
 * year in China), and per UTC hour on the days a zone changes its clocks.
 */
export class OfficeClock {
  /** Per UTC day: the offset in ms, or NaN when it changes within the day. */
  private readonly dayOffsets = new Map<number, number>();
  private readonly hourOffsets = new Map<number, number>();

  constructor(readonly timeZone: string) {}

  /** Milliseconds of local wall-clock time (as if the zone were UTC). */
  local(ms: number): number {
    const utcDay = Math.floor(ms / DAY_MS);
    let offset = this.dayOffsets.get(utcDay);
    if (offset === undefined) {
      const start = this.offsetAt(utcDay * DAY_MS);
      const end = this.offsetAt((utcDay + 1) * DAY_MS - 1);
      offset = start === end ? start : Number.NaN;
      this.dayOffsets.set(utcDay, offset);
    }
    if (!Number.isNaN(offset)) return ms + offset;
    const hour = Math.floor(ms / HOUR_MS);
    let hourly = this.hourOffsets.get(hour);
    if (hourly === undefined) this.hourOffsets.set(hour, (hourly = this.offsetAt(hour * HOUR_MS)));
    return ms + hourly;
  }

  private offsetAt(ms: number): number {
    return tzOffset(this.timeZone, new Date(ms)) * 60_000;
  }

  /** Local day number (days since 1970-01-01 in the office's calendar). */
  day(ms: number): number {
    return Math.floor(this.local(ms) / DAY_MS);
  }

  /** Local hour, 0–23. */
  hour(ms: number): number {
    return new Date(this.local(ms)).getUTCHours();
  }

  /** `yyyy-MM-dd` of a local day number (memoised: a year of records names ~366 days). */
  static date(day: number): string {
    let s = DATE_CACHE.get(day);
    if (s === undefined) {
      if (DATE_CACHE.size > 100_000) DATE_CACHE.clear();
      DATE_CACHE.set(day, (s = new Date(day * DAY_MS).toISOString().slice(0, 10)));
    }
    return s;
  }

  /** Local day number of a `yyyy-MM-dd` date. */
  static dayOf(date: string): number {
    return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
  }

  /** `yyyy-MM` of a local day number. */
  static month(day: number): string {
    return OfficeClock.date(day).slice(0, 7);
  }

  /** Weekday of a local day number, Monday = 0 … Sunday = 6. */
  static weekday(day: number): number {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    return (((day + 3) % 7) + 7) % 7;
  }

  /** ISO instant (with the zone's offset) of local midnight starting `day`. */
  midnight(day: number): string {
    const d = new Date(day * DAY_MS);
    return new TZDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), this.timeZone).toISOString();
  }

  /** ISO 8601 of an instant with the office zone's offset (`…T10:00:00.000+08:00`). */
  iso(ms: number): string {
    return new TZDate(ms, this.timeZone).toISOString();
  }

  /** True when `timeZone` is an IANA zone or offset the runtime knows. */
  static isValidZone(timeZone: string): boolean {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      return Number.isFinite(tzOffset(timeZone, new Date(0)));
    } catch {
      return false;
    }
  }
}
