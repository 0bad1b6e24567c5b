import type { OdooContext } from './context.js';
import { refusal } from './errors.js';
import { naiveTime, type OdooRecord } from './records.js';
import type { RecordShape } from './shape.js';
import type { OdooPage, SkippedRecord } from './skipped.js';

/** A keyset position: the last record's `write_date` (naive UTC) and id. */
export interface Keyset {
  readonly ts: string;
  readonly id: number;
}

/**
 * The opaque cursor string of a keyset position.
 *
 * @example encodeCursor({ ts: '2026-11-25 12:00:00', id: 42 }); // 'MjAyNi0x…'
 */
export function encodeCursor(keyset: Keyset): string {
  return Buffer.from(JSON.stringify([keyset.ts, keyset.id]), 'utf8').toString('base64url');
}

/** The keyset of a cursor; throws `TypeError` on a cursor this connector did not write. */
export function decodeCursor(cursor: string): Keyset {
  const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'number') {
    throw new TypeError('not an Odoo connector cursor');
  }
  return { ts: parsed[0], id: parsed[1] };
}

/**
 * The domain of records after a keyset position in `write_date asc, id asc` order, so records
 * sharing a timestamp are never skipped.
 *
 * @example afterKeyset({ ts: '2026-11-25 12:00:00', id: 7 });
 * // ['|', ['write_date', '>', ts], '&', ['write_date', '=', ts], ['id', '>', 7]]
 */
export function afterKeyset(keyset: Keyset | undefined): unknown[] {
  if (!keyset) return [];
  return ['|', ['write_date', '>', keyset.ts], '&', ['write_date', '=', keyset.ts], ['id', '>', keyset.id]];
}

/** The order that goes with `afterKeyset`. */
export const KEYSET_ORDER = 'write_date asc, id asc';

/** The keyset of a record read with `write_date`. */
export function keysetOf(record: Record<string, unknown>): Keyset {
  return { ts: naiveTime(String(record.write_date ?? '')), id: record.id as number };
}

/** `domain` and the keyset condition joined with `&` (both as one term each). */
export function withKeyset(domain: readonly unknown[], cursor: string | undefined): unknown[] {
  const keyset = cursor === undefined ? [] : afterKeyset(decodeCursor(cursor));
  if (keyset.length === 0) return [...domain];
  if (domain.length === 0) return keyset;
  return ['&', ...keyset, ...andAll(domain)];
}

/** A list of leaves made one term: `[a, b, c]` → `['&', '&', a, b, c]`. Domains using operators are kept as given. */
function andAll(domain: readonly unknown[]): unknown[] {
  if (domain.some((term) => typeof term === 'string')) return [...domain];
  return [...Array.from({ length: domain.length - 1 }, () => '&'), ...domain];
}

/**
 * The domain leaf of records written at or after `since` (an ISO 8601 timestamp), or none. An
 * unreadable timestamp is refused before anything is sent.
 *
 * @example
 * sinceDomain('2026-11-25T12:00:00Z', 'shipments.list', 'c-1');
 * // [['write_date', '>=', '2026-11-25 12:00:00']]
 */
export function sinceDomain(
  since: string | undefined,
  operation: string,
  correlationId: string | undefined,
): unknown[] {
  if (since === undefined) return [];
  const at = new Date(since);
  if (Number.isNaN(at.getTime())) {
    throw refusal(operation, 'invalid_since', `since is not a timestamp: ${since}`, correlationId);
  }
  return [['write_date', '>=', naiveTime(at.toISOString())]];
}

/** A keyset read as callers ask for it. */
export interface KeysetQuery {
  readonly cursor?: string;
  /** Records per page. Default 100. */
  readonly pageSize?: number;
}

/** A keyset read from a time on: `since` (ISO 8601) keeps records written at or after it. */
export interface SinceQuery extends KeysetQuery {
  readonly since?: string;
}

/**
 * Reads the page after `query.cursor` of the records of `shape.model` matching `domain`, in keyset
 * order and checked against `shape`. `page(mapped)` makes the answer: the mapped items and skipped
 * records, with the cursor of the next page when this one is full.
 *
 * @example
 * const { records, page } = await readKeysetPage(ctx, ORDER, [['state', '=', 'sale']], query);
 * return page(mapOrSkip('sale.order', records, toOrder));
 */
export async function readKeysetPage(
  ctx: OdooContext,
  shape: RecordShape,
  domain: readonly unknown[],
  query: KeysetQuery,
): Promise<{
  records: OdooRecord[];
  page: <T>(mapped: { items: T[]; skipped: SkippedRecord[] }) => OdooPage<T>;
}> {
  const pageSize = query.pageSize ?? 100;
  const records = shape.check(
    await ctx.client.model(shape.model).searchRead({
      domain: withKeyset(domain, query.cursor),
      fields: shape.fields,
      order: KEYSET_ORDER,
      limit: pageSize,
    }),
  );
  const last = records.at(-1);
  const next = records.length < pageSize || !last ? undefined : encodeCursor(keysetOf(last));
  return { records, page: (mapped) => (next === undefined ? mapped : { ...mapped, next }) };
}
