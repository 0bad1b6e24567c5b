import { CursorConflictError, checkCursorArguments } from './errors.js';
import type { CursorStore, SetCursorOptions, StoredCursor } from './types.js';

/**
 * Cursors in process memory, for tests and single-instance services that may re-read from the
 * start after a restart; use `PostgresCursorStore` otherwise.
 *
 * @example
 * const cursors = new MemoryCursorStore();
 * await cursors.set('odoo.stock.picking', '2025-06-01 09:30:00|4711', { expectedVersion: 0 });
 */
export class MemoryCursorStore implements CursorStore {
  readonly #cursors = new Map<string, StoredCursor>();
  readonly #now: () => Date;

  /** `now` stamps `updatedAt`; default `() => new Date()`. */
  constructor(options: { readonly now?: () => Date } = {}) {
    this.#now = options.now ?? (() => new Date());
  }

  async get(name: string): Promise<StoredCursor | undefined> {
    const cursor = this.#cursors.get(name);
    return cursor && { ...cursor };
  }

  async set(name: string, value: string, options: SetCursorOptions = {}): Promise<StoredCursor> {
    const { expectedVersion } = options;
    checkCursorArguments(name, expectedVersion);
    const version = this.#cursors.get(name)?.version ?? 0;
    if (expectedVersion !== undefined && expectedVersion !== version) {
      throw new CursorConflictError(name, expectedVersion, version);
    }
    const cursor = { name, value, version: version + 1, updatedAt: this.#now().toISOString() };
    this.#cursors.set(name, cursor);
    return { ...cursor };
  }

  async list(): Promise<StoredCursor[]> {
    return [...this.#cursors.values()]
      .map((cursor) => ({ ...cursor }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
