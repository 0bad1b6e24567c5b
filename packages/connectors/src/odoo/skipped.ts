import { isCanonicalError } from '@crossdock/canonical';
import type { Page } from '../contract/capabilities.js';
import { odooRef } from './records.js';

/** An Odoo record a page could not express canonically (e.g. a ship-to without an address). */
export interface SkippedRecord {
  readonly ref: { readonly system: 'odoo'; readonly id: string };
  readonly reason: string;
}

/** A page that also names the records it had to leave out; the cursor moves past them. */
export type OdooPage<T> = Page<T> & { readonly skipped: readonly SkippedRecord[] };

/**
 * Maps records, keeping those that fail canonical validation aside instead of failing the page.
 *
 * @example const { items, skipped } = mapOrSkip('sale.order', orders, toOrder);
 */
export function mapOrSkip<R extends { readonly id?: unknown }, T>(
  model: string,
  records: readonly R[],
  map: (record: R) => T,
): { items: T[]; skipped: SkippedRecord[] } {
  const items: T[] = [];
  const skipped: SkippedRecord[] = [];
  for (const record of records) {
    try {
      items.push(map(record));
    } catch (error) {
      if (!isCanonicalError(error)) throw error;
      skipped.push({ ref: odooRef(model, record.id as number), reason: error.message });
    }
  }
  return { items, skipped };
}
