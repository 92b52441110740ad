const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since the epoch of a rule's `since`/`until`, or `undefined` when the string is
 * not an ISO date or date-time with an offset. A bare date means 00:00 UTC of that day, so the
 * result does not depend on the host's time zone.
 */
export function parseWhen(value: string): number | undefined {
  if (!DATE.test(value) && !DATE_TIME.test(value)) return undefined;
  const ms = Date.parse(DATE.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(ms)) return undefined;
  // Date.parse rolls 2024-02-30 over to March; a real calendar date round-trips.
  if (DATE.test(value) && new Date(ms).toISOString().slice(0, 10) !== value) return undefined;
  return ms;
}
