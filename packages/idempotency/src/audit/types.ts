/**
 * What an audit entry records:
 * - `inbound`: a message arrived (a webhook, a polled record);
 * - `decision`: the integration decided something (release, hold, skip as duplicate or stale);
 * - `outbound`: a write to another system (an Odoo `write`, a WMS order create);
 * - `error`: something failed (the error chain goes in `detail`).
 *
 * @example
 * const kind: AuditKind = 'outbound';
 */
export type AuditKind = 'inbound' | 'decision' | 'outbound' | 'error';

/** Every `AuditKind`, for validation and for CLI filters. */
export const AUDIT_KINDS: readonly AuditKind[] = ['inbound', 'decision', 'outbound', 'error'];

/**
 * The record an entry is about, in the system named by the entry's `actor` or `action`.
 *
 * @example
 * const subject: AuditSubject = { type: 'stock.picking', id: 21 };
 */
export interface AuditSubject {
  /** The record type, e.g. an Odoo model or `shipbob.order`. */
  readonly type: string;
  /** The record's id in that system; stored (and returned) as a string: `21` comes back as `'21'`. */
  readonly id: string | number;
}

/**
 * One thing that happened to one transaction, as the caller appends it. `before`, `after` and
 * `detail` are JSON: they are stored as JSON text (PostgreSQL `jsonb`), so a `Date` comes back as its
 * ISO string, `undefined` properties disappear and object key order is not kept.
 *
 * Never put credentials here: pass redacted values (no API keys, passwords, tokens, signature
 * secrets, full card or bank numbers). The stores' `redact` hook is a last line of defence, not a
 * substitute.
 *
 * @example
 * const entry: AuditEntryInput = {
 *   correlationId: 'order-S00042',
 *   kind: 'outbound',
 *   actor: 'crossdock.release',
 *   action: 'stock.picking.button_validate',
 *   subject: { type: 'stock.picking', id: 21 },
 *   before: { state: 'assigned' },
 *   after: { state: 'done' },
 * };
 */
export interface AuditEntryInput {
  /** The transaction the entry belongs to; `trace` returns one correlation id's entries. Required. */
  readonly correlationId: string;
  readonly kind: AuditKind;
  /** Who acted: the system or component, e.g. `'shipbob.webhook'`, `'odoo'`, `'crossdock.release'`. */
  readonly actor: string;
  /** What was done, e.g. `'stock.picking.button_validate'` or `'order.released'`. */
  readonly action: string;
  readonly subject?: AuditSubject;
  /** The record's state before a write (JSON). */
  readonly before?: unknown;
  /** The record's state after a write (JSON). */
  readonly after?: unknown;
  /** Anything else worth keeping (JSON): a response summary, a reason, an error chain. */
  readonly detail?: unknown;
  /** When it happened, to the millisecond. Default: when the store appends it (the database's clock for PostgreSQL). */
  readonly at?: Date;
}

/**
 * A stored entry: the input plus its `id` and its `at` as an ISO-8601 UTC string with milliseconds.
 * Optional fields are absent, not `undefined`, when they were not given.
 *
 * @example
 * const { items } = await audit.trace('order-S00042');
 * for (const entry of items) console.log(entry.at, entry.actor, entry.action, entry.subject?.id);
 */
export interface AuditEntry {
  /** The store's id, increasing in the order entries were appended. */
  readonly id: string;
  readonly correlationId: string;
  readonly kind: AuditKind;
  readonly actor: string;
  readonly action: string;
  readonly subject?: { readonly type: string; readonly id: string };
  readonly before?: unknown;
  readonly after?: unknown;
  readonly detail?: unknown;
  /** ISO-8601 UTC, e.g. `'2025-06-01T09:30:00.000Z'`. */
  readonly at: string;
}

/**
 * Paging of `trace` and `list`.
 *
 * @example
 * const page = await audit.trace('order-S00042', { limit: 50, after: previous.next });
 */
export interface AuditPageOptions {
  /** Page size. Default 1,000 for `trace`, 100 for `list`. @example 50 */
  readonly limit?: number;
  /** The `next` of the previous page; `undefined` for the first page. @example previous.next */
  readonly after?: string | undefined;
}

/**
 * Filters of `list`; they combine.
 *
 * @example
 * await audit.list({ since: new Date(Date.now() - 3_600_000), actor: 'odoo', kind: 'outbound' });
 */
export interface AuditQuery extends AuditPageOptions {
  /** Entries at or after this instant. Default: no lower bound. @example new Date('2025-06-01') */
  readonly since?: Date;
  /** Entries strictly before this instant. Default: no upper bound. @example new Date('2025-06-02') */
  readonly until?: Date;
  /** Only this actor's entries. Default: every actor. @example 'odoo' */
  readonly actor?: string;
  /** Only entries of this kind. Default: every kind. @example 'error' */
  readonly kind?: AuditKind;
}

/**
 * One page of entries, in the order they happened (`at`, then `id` for equal times).
 *
 * @example
 * let page = await audit.trace(id);
 * while (page.next) page = await audit.trace(id, { after: page.next });
 */
export interface AuditPage {
  readonly items: readonly AuditEntry[];
  /** Pass as `after` for the next page; absent on the last page. */
  readonly next?: string;
}

/**
 * Which entries `prune` removes.
 *
 * @example
 * await audit.prune({ olderThan: new Date(Date.now() - 90 * 86_400_000) });
 */
export interface PruneAuditOptions {
  /** Remove entries whose `at` is before this instant. Default: now minus the store's `retentionMs`. */
  readonly olderThan?: Date;
}

/**
 * Options every audit log takes.
 *
 * @example
 * const options: AuditLogOptions = { retentionMs: 90 * 86_400_000, redact: dropAuthorization };
 */
export interface AuditLogOptions {
  /**
   * How long entries are kept: what `prune()` without `olderThan` removes. Pruning is never
   * implicit: run `prune()` yourself, e.g. on a schedule. Default: none (`prune()` then needs `olderThan`).
   *
   * @example 90 * 86_400_000 // 90 days
   */
  readonly retentionMs?: number;
  /**
   * Called on every entry before it is stored, to strip what must not be kept (headers, tokens).
   * Default: entries are stored as given.
   *
   * @example (entry) => ({ ...entry, detail: omit(entry.detail, ['authorization']) })
   */
  readonly redact?: (entry: AuditEntryInput) => AuditEntryInput;
}

/**
 * An append-only log of what happened to each transaction, keyed by correlation id: every inbound
 * message, decision and outbound write, with before/after for writes. `trace` gives one
 * transaction's timeline; `list` browses by time, actor and kind; `prune` enforces retention when
 * the caller runs it. `append` of several entries is atomic in the PostgreSQL store.
 *
 * @example
 * await audit.append({ correlationId, kind: 'inbound', actor: 'shipbob.webhook', action: 'order.shipped', detail: { shipmentId } });
 * const { items } = await audit.trace(correlationId);
 */
export interface AuditLog {
  /** Stores one entry or several (in the given order); returns them as stored. */
  append(entries: AuditEntryInput | readonly AuditEntryInput[]): Promise<AuditEntry[]>;
  /** One correlation id's entries, in the order they happened. */
  trace(correlationId: string, options?: AuditPageOptions): Promise<AuditPage>;
  /** All entries matching `query`, in the order they happened. */
  list(query?: AuditQuery): Promise<AuditPage>;
  /** Removes entries older than `olderThan` (or the store's retention); returns how many. */
  prune(options?: PruneAuditOptions): Promise<number>;
}
