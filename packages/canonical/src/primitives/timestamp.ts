import { z } from 'zod';

/**
 * An ISO-8601 instant with an explicit offset (`Z` or `+02:00`). Naive times such as Odoo's
 * `"2026-11-25 14:00:00"` are refused: convert them where the time zone is known.
 */
export const TimestampSchema = z.iso.datetime({
  offset: true,
  error:
    'must be an ISO-8601 timestamp with an offset, like "2026-11-25T14:00:00Z" or "2026-11-25T15:00:00+01:00"',
});
export type Timestamp = z.infer<typeof TimestampSchema>;

/** A calendar date, `YYYY-MM-DD` (expiry dates, requested ship dates). */
export const CalendarDateSchema = z.iso.date({
  error: 'must be a calendar date written YYYY-MM-DD, like "2027-03-31"',
});
export type CalendarDate = z.infer<typeof CalendarDateSchema>;
