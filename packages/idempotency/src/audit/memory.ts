import {
  checkRetention,
  type NormalizedEntry,
  noRetention,
  normalizeEntry,
  type PagePosition,
  pageCursor,
  pageLimit,
  parsePageCursor,
} from './entry.js';
import type {
  AuditEntry,
  AuditEntryInput,
  AuditLog,
  AuditLogOptions,
  AuditPage,
  AuditPageOptions,
  AuditQuery,
  PruneAuditOptions,
} from './types.js';

/**
 * Options of `MemoryAuditLog`.
 *
 * @example
 * const options: MemoryAuditLogOptions = { maxEntries: 10_000, retentionMs: 86_400_000 };
 */
export interface MemoryAuditLogOptions extends AuditLogOptions {
  /**
   * The most entries kept; appending beyond it evicts the entries appended first. Default 100,000.
   *
   * @example 10_000
   */
  readonly maxEntries?: number;
  /** The clock that stamps entries without `at`. Default `() => new Date()`. @example () => clock.date() */
  readonly now?: () => Date;
}

interface Stored {
  readonly entry: AuditEntry;
  readonly atMs: number;
  readonly id: bigint;
}

const byTimeThenId = (a: Stored, b: Stored) => a.atMs - b.atMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const isAfter = (item: Stored, position: PagePosition | undefined) =>
  position === undefined ||
  item.atMs > position.atMs ||
  (item.atMs === position.atMs && item.id > position.id);

/**
 * The audit log in process memory, bounded by `maxEntries` (the earliest appended go first). For
 * tests, development and single-instance services that accept losing the log on restart; use
 * `PostgresAuditLog` otherwise. `list` scans every entry, `trace` one correlation id's.
 *
 * @example
 * const audit = new MemoryAuditLog({ retentionMs: 7 * 86_400_000 });
 * await audit.append({ correlationId: 'order-S00042', kind: 'decision', actor: 'crossdock.release', action: 'order.released' });
 * const { items } = await audit.trace('order-S00042');
 */
export class MemoryAuditLog implements AuditLog {
  /** Every entry by id, in the order appended (a Map keeps insertion order). */
  readonly #entries = new Map<bigint, Stored>();
  readonly #byCorrelation = new Map<string, Set<bigint>>();
  readonly #options: AuditLogOptions;
  readonly #maxEntries: number;
  readonly #now: () => Date;
  #nextId = 1n;

  constructor(options: MemoryAuditLogOptions = {}) {
    const { maxEntries = 100_000, now = () => new Date(), ...common } = options;
    if (!Number.isSafeInteger(maxEntries) || maxEntries <= 0) {
      throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
    }
    checkRetention(common.retentionMs);
    this.#options = common;
    this.#maxEntries = maxEntries;
    this.#now = now;
  }

  async append(entries: AuditEntryInput | readonly AuditEntryInput[]): Promise<AuditEntry[]> {
    const inputs: readonly AuditEntryInput[] = Array.isArray(entries)
      ? entries
      : [entries as AuditEntryInput];
    // Check every entry before storing any, so a bad one leaves the log as it was.
    const normalized = inputs.map((input) => normalizeEntry(input, this.#options));
    const nowMs = this.#now().getTime();
    return normalized.map((entry) => structuredClone(this.#store(entry, nowMs)));
  }

  async trace(correlationId: string, options: AuditPageOptions = {}): Promise<AuditPage> {
    const ids = this.#byCorrelation.get(correlationId) ?? new Set<bigint>();
    const items = [...ids].map((id) => this.#entries.get(id)).filter((item) => item !== undefined);
    return page(items, pageLimit(options.limit, 1_000), parsePageCursor(options.after));
  }

  async list(query: AuditQuery = {}): Promise<AuditPage> {
    const limit = pageLimit(query.limit, 100);
    const after = parsePageCursor(query.after);
    const since = query.since?.getTime();
    const until = query.until?.getTime();
    const matching = [...this.#entries.values()].filter(
      ({ entry, atMs }) =>
        (since === undefined || atMs >= since) &&
        (until === undefined || atMs < until) &&
        (query.actor === undefined || entry.actor === query.actor) &&
        (query.kind === undefined || entry.kind === query.kind),
    );
    return page(matching, limit, after);
  }

  async prune(options: PruneAuditOptions = {}): Promise<number> {
    const { retentionMs } = this.#options;
    const cutoff =
      options.olderThan?.getTime() ??
      (retentionMs === undefined ? undefined : this.#now().getTime() - retentionMs);
    if (cutoff === undefined) throw noRetention();
    let removed = 0;
    for (const item of [...this.#entries.values()]) {
      if (item.atMs >= cutoff) continue;
      this.#remove(item);
      removed++;
    }
    return removed;
  }

  #store(normalized: NormalizedEntry, nowMs: number): AuditEntry {
    const { atMs = nowMs, ...fields } = normalized;
    const id = this.#nextId++;
    const entry: AuditEntry = { id: String(id), ...fields, at: new Date(atMs).toISOString() };
    this.#entries.set(id, { entry, atMs, id });
    let ids = this.#byCorrelation.get(entry.correlationId);
    if (!ids) {
      ids = new Set();
      this.#byCorrelation.set(entry.correlationId, ids);
    }
    ids.add(id);
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.values().next().value;
      if (oldest) this.#remove(oldest);
    }
    return entry;
  }

  #remove(item: Stored): void {
    this.#entries.delete(item.id);
    const ids = this.#byCorrelation.get(item.entry.correlationId);
    ids?.delete(item.id);
    if (ids?.size === 0) this.#byCorrelation.delete(item.entry.correlationId);
  }
}

function page(items: Stored[], limit: number, after: PagePosition | undefined): AuditPage {
  const ordered = items.filter((item) => isAfter(item, after)).sort(byTimeThenId);
  const chosen = ordered.slice(0, limit).map((item) => structuredClone(item.entry));
  const last = chosen.at(-1);
  return ordered.length > limit && last
    ? { items: chosen, next: pageCursor(last.at, last.id) }
    : { items: chosen };
}
