/**
 * A named cursor as stored: an opaque value (a connector's page cursor, `write_date|id`, a sync
 * token), the version that counts its moves, and when it last moved.
 *
 * @example
 * const cursor: StoredCursor = { name: 'odoo.stock.picking', value: '2025-06-01 09:30:00|4711', version: 12, updatedAt: '2025-06-01T09:30:02.120Z' };
 */
export interface StoredCursor {
  readonly name: string;
  /** Opaque to the store: compared and returned exactly as set. */
  readonly value: string;
  /** 1 after the first `set`, one more after each move. */
  readonly version: number;
  /** ISO-8601 UTC with milliseconds. */
  readonly updatedAt: string;
}

/**
 * Options of `CursorStore.set`.
 *
 * @example
 * await cursors.set('odoo.stock.picking', next, { expectedVersion: current?.version ?? 0 });
 */
export interface SetCursorOptions {
  /**
   * Move the cursor only if it is still at this version (compare-and-set); `0` means "only if no
   * cursor has this name yet". Otherwise a `CursorConflictError` is thrown and nothing changes.
   * Default: no check, the last writer wins.
   *
   * @example 12
   */
  readonly expectedVersion?: number;
}

/**
 * Where durable read positions live, so a poller restarts where it stopped (Odoo read by
 * `write_date` + `id`, a WMS's page token). `set` with `expectedVersion` is a compare-and-set: when
 * two instances poll the same source, the one that read a stale cursor is refused instead of
 * moving it backwards.
 *
 * @example
 * const current = await cursors.get('odoo.stock.picking');
 * const page = await readPickingsAfter(current?.value);
 * await cursors.set('odoo.stock.picking', page.cursor, { expectedVersion: current?.version ?? 0 });
 */
export interface CursorStore {
  /** The cursor named `name`, or `undefined` if it was never set. */
  get(name: string): Promise<StoredCursor | undefined>;
  /** Moves the cursor to `value`; returns it as stored, with its new version. */
  set(name: string, value: string, options?: SetCursorOptions): Promise<StoredCursor>;
  /** Every cursor, by name, for a status command. */
  list(): Promise<StoredCursor[]>;
}
