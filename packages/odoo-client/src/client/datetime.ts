/**
 * Odoo stores datetimes as naive UTC strings, `YYYY-MM-DD HH:MM:SS`. The client reads them as ISO
 * 8601 with a `Z` and writes `Date`s and ISO strings back in Odoo's form.
 */
const ODOO_DATETIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;

/** `'2026-11-25 14:00:00'` → `'2026-11-25T14:00:00Z'`; anything else is returned as it is. */
export function fromOdooDatetime(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const match = ODOO_DATETIME.exec(value);
  return match ? `${match[1]}T${match[2]}Z` : value;
}

/**
 * A `Date` or an ISO 8601 string with an offset → Odoo's naive UTC form. Other values pass through
 * (Odoo's own form, `false`).
 *
 * @example
 * toOdooDatetime(new Date('2026-11-25T15:00:00+01:00')); // '2026-11-25 14:00:00'
 */
export function toOdooDatetime(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ');
  if (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)
  ) {
    return new Date(value).toISOString().slice(0, 19).replace('T', ' ');
  }
  return value;
}
