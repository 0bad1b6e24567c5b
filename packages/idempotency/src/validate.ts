/** `value` if it is a positive whole number, or a `RangeError` naming `name`. */
export function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

/**
 * `value` as a positive whole number of ms, or a `RangeError` naming `name`. Every store checks
 * leases and TTLs alike: Redis `PEXPIRE` and PostgreSQL intervals take nothing else.
 */
export function positiveMs(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive integer in ms, got ${value}`);
  }
  return value;
}
