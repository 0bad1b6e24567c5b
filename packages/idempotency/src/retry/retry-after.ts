/**
 * Reads an HTTP `Retry-After` value, delay-seconds (`"120"`) or an HTTP date
 * (`"Wed, 25 Nov 2026 14:00:00 GMT"`), as milliseconds from `now`. Undefined when unreadable;
 * never negative.
 *
 * @example
 * parseRetryAfter('2'); // 2000
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Only an HTTP date (IMF-fixdate, RFC 850 or asctime, all starting with a day name): Date.parse alone reads "1.5" or "-1" as dates.
  if (!/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
