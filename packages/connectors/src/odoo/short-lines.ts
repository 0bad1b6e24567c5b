import { decimal } from '@crossdock/canonical';
import type { MovePlan } from './move-lines.js';
import { type OdooRecord, qty } from './records.js';
import { requestLineId } from './requests.js';

/**
 * A line that shipped less than its picking asked for, and what became of its rest: `BP` it stays
 * open in a backorder, `CP` closed short, `IC` cancelled. Enough for `crossdock.shipment.short_shipped.v1`.
 */
export interface ShortLine {
  /** The request line: `sale.order.line:<id>`, or `stock.move:<id>` for a move without one. */
  readonly lineId: string;
  /** What this picking asked for on the line (its open moves' demand). @example '5' */
  readonly ordered: string;
  /** What this shipment shipped for it, substitutes included. @example '3' */
  readonly shipped: string;
  /** `ordered - shipped`. @example '2' */
  readonly short: string;
  readonly reason: 'BP' | 'CP' | 'IC';
}

/**
 * The short lines of a shipment applied with a rest: per request line of the picking's open moves,
 * the demand against what shipped (a substitute counts for the line it stands in for). `outcome` is
 * what Odoo did with the rest (its wizard decides for the whole picking); a closed line keeps the
 * warehouse's own `CP`/`IC` when it gave one.
 *
 * @example shortLines(live, plans, [], 'BP', { 'sale.order.line:51': 'BP' });
 * // [{ lineId: 'sale.order.line:51', ordered: '5', shipped: '3', short: '2', reason: 'BP' }]
 */
export function shortLines(
  live: readonly OdooRecord[],
  plans: ReadonlyMap<OdooRecord, MovePlan>,
  substitutions: readonly { readonly requestLineId: string; readonly quantity: string }[],
  outcome: 'BP' | 'CP' | 'IC',
  remainder: Readonly<Record<string, 'BP' | 'CP' | 'IC'>> | undefined,
): ShortLine[] {
  const lines = new Map<string, { ordered: string; shipped: string }>();
  for (const move of live) {
    const lineId = requestLineId(move);
    const line = lines.get(lineId) ?? { ordered: '0', shipped: '0' };
    line.ordered = decimal.add(line.ordered, qty(move.product_uom_qty));
    line.shipped = decimal.add(line.shipped, plans.get(move)?.quantity ?? '0');
    lines.set(lineId, line);
  }
  for (const substitution of substitutions) {
    const line = lines.get(substitution.requestLineId);
    if (line) line.shipped = decimal.add(line.shipped, substitution.quantity);
  }
  return [...lines.entries()]
    .filter(([, line]) => decimal.gt(line.ordered, line.shipped))
    .map(([lineId, line]) => {
      const own = remainder?.[lineId];
      return {
        lineId,
        ordered: line.ordered,
        shipped: line.shipped,
        short: decimal.sub(line.ordered, line.shipped),
        reason: outcome !== 'BP' && (own === 'CP' || own === 'IC') ? own : outcome,
      };
    });
}
