import { IdempotencyError } from '../errors.js';

/**
 * A compare-and-set of a cursor found it at another version than expected: another writer moved
 * it (or created it) since this one read it. Read it again and redo the work from there. The
 * message names the cursor and both versions, never its value.
 *
 * @example
 * try {
 *   await cursors.set('odoo.stock.picking', next, { expectedVersion: 12 });
 * } catch (error) {
 *   if (error instanceof CursorConflictError) console.warn(error.cursor, error.actualVersion);
 * }
 */
export class CursorConflictError extends IdempotencyError {
  override name = 'CursorConflictError';
  readonly cursor: string;
  readonly expectedVersion: number;
  /** The version found; 0 when no cursor has the name. */
  readonly actualVersion: number;

  constructor(cursor: string, expectedVersion: number, actualVersion: number) {
    super(
      `cursor "${cursor}" is at version ${actualVersion}, not ${expectedVersion}: another writer moved it; read it again`,
    );
    this.cursor = cursor;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }
}

/** Checks a cursor name and an `expectedVersion` the same way in every store. */
export function checkCursorArguments(name: string, expectedVersion: number | undefined): void {
  if (typeof name !== 'string' || name.length === 0)
    throw new TypeError('cursor name must be a non-empty string');
  if (expectedVersion !== undefined && (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0)) {
    throw new RangeError(`expectedVersion must be a non-negative integer, got ${expectedVersion}`);
  }
}
