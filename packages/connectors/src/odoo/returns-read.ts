import { decimal, parseCanonical, type Return, type ReturnLine, ReturnSchema } from '@crossdock/canonical';
import type { OdooContext } from './context.js';
import { readKeysetPage, type SinceQuery, sinceDomain } from './cursor.js';
import { readPickingMoves } from './picking-moves.js';
import { isoTime, itemOf, m2oId, m2oName, type OdooRecord, odooRef, qty, str, uomCode } from './records.js';
import { pickingRef } from './requests.js';
import { recordShape } from './shape.js';
import { mapOrSkip, type OdooPage } from './skipped.js';

const RETURN_PICKING = recordShape('stock.picking', {
  name: 'text!',
  sale_id: 'm2o',
  return_id: 'm2o!',
  location_dest_id: 'm2o!',
  carrier_tracking_ref: 'text',
  date_done: 'time',
  create_date: 'time',
  write_date: 'time!',
});
const MOVE = recordShape('stock.move', {
  picking_id: 'm2o!',
  product_id: 'm2o!',
  product_uom: 'm2o',
  product_uom_qty: 'number',
  quantity: 'number',
  state: 'text!',
  sale_line_id: 'm2o',
  location_dest_usage: 'text',
});

/**
 * What Odoo knows of a returned line's fate, from where it was put: back in stock (an internal
 * location) is `restock`, an inventory-loss (scrap) location is `scrap`. Odoo records no condition;
 * `new` (fit to restock) and `damaged` (scrapped) stand for it, `pending` for anywhere else.
 */
function fateOf(usage: string | undefined): Pick<ReturnLine, 'condition' | 'disposition'> {
  if (usage === 'internal') return { condition: 'new', disposition: 'restock' };
  if (usage === 'inventory') return { condition: 'damaged', disposition: 'scrap' };
  return { condition: 'used', disposition: 'pending' };
}

/**
 * Reads a page of validated customer returns: done incoming pickings that return a delivery
 * (`return_id` on an outgoing picking), as received canonical `Return`s with their lines (lots and
 * serials from the move lines), the receipt (when, into which location) and the delivery they came
 * from. Pickings, moves, move lines and products are each read once per page; paged by
 * `(write_date, id)`, `since` keeping pickings written at or after it. The RMA is the return
 * picking's name (Odoo has no RMA of its own).
 *
 * @example const { items } = await readReturns(ctx, {}, 'c-1'); // items[0].shipmentId === 'stock.picking:21'
 */
export async function readReturns(
  ctx: OdooContext,
  query: SinceQuery,
  correlationId: string | undefined,
): Promise<OdooPage<Return>> {
  const base: unknown[] = [
    ['picking_type_code', '=', 'incoming'],
    ['state', '=', 'done'],
    ['return_id.picking_type_code', '=', 'outgoing'],
    ...sinceDomain(query.since, 'returns.list', correlationId),
    ...(ctx.warehouseId === undefined ? [] : [['picking_type_id.warehouse_id', '=', ctx.warehouseId]]),
  ];
  const { records: pickings, page } = await readKeysetPage(ctx, RETURN_PICKING, base, query);
  if (pickings.length === 0) return page({ items: [], skipped: [] });
  // A cancelled move was authorised and never came back: a line received 0.
  const { movesByPicking, linesByMove, products } = await readPickingMoves(
    ctx,
    pickings.map((p) => p.id as number),
    MOVE,
    ['done', 'cancel'],
  );
  return page(
    mapOrSkip('stock.picking', pickings, (picking) =>
      toReturn(picking, movesByPicking.get(picking.id as number) ?? [], linesByMove, products),
    ),
  );
}

function toReturn(
  picking: OdooRecord,
  moves: readonly OdooRecord[],
  linesByMove: Map<number, OdooRecord[]>,
  products: Map<number, OdooRecord>,
): Return {
  const saleId = m2oId(picking.sale_id);
  const locationId = m2oId(picking.location_dest_id) ?? 0;
  const tracking = str(picking.carrier_tracking_ref);
  return parseCanonical(ReturnSchema, {
    id: `stock.picking:${String(picking.id)}`,
    rma: str(picking.name),
    state: 'received',
    ...(saleId === undefined ? {} : { orderId: `sale.order:${saleId}` }),
    shipmentId: `stock.picking:${String(m2oId(picking.return_id))}`,
    lines: moves.flatMap((move) => linesOf(move, linesByMove.get(move.id as number) ?? [], products)),
    receipt: {
      receivedAt: isoTime(picking.date_done) ?? isoTime(picking.write_date),
      location: {
        id: m2oName(picking.location_dest_id) ?? `stock.location:${locationId}`,
        refs: [odooRef('stock.location', locationId)],
      },
    },
    ...(tracking === undefined ? {} : { trackingNumber: tracking.slice(0, 64) }),
    createdAt: isoTime(picking.create_date) ?? isoTime(picking.write_date),
    refs: [pickingRef(picking)],
  });
}

/**
 * The return lines of one move: one line, with its serials for a serial-tracked product; one line
 * per lot for a lot-tracked one. A cancelled move was authorised and never came (`received: 0`).
 */
function linesOf(
  move: OdooRecord,
  lines: readonly OdooRecord[],
  products: Map<number, OdooRecord>,
): ReturnLine[] {
  const product = products.get(m2oId(move.product_id) ?? -1);
  const saleLine = m2oId(move.sale_line_id);
  const received = move.state === 'done';
  const base = {
    lineId: `stock.move:${String(move.id)}`,
    ...(saleLine === undefined ? {} : { orderLineId: `sale.order.line:${saleLine}` }),
    item: itemOf(move.product_id, products),
    uom: uomCode(move.product_uom),
    ...(received ? fateOf(str(move.location_dest_usage)) : { disposition: 'pending' as const }),
  };
  const expected = decimal.max(qty(move.product_uom_qty), qty(move.quantity));
  if (!received) return [{ ...base, expected, received: '0', serials: [] }];
  const tracking = str(product?.tracking) ?? 'none';
  const lots = lines.flatMap((line) => {
    const lot = m2oName(line.lot_id);
    return lot === undefined ? [] : [{ lot, quantity: qty(line.quantity) }];
  });
  if (tracking === 'serial' && lots.length > 0) {
    return [{ ...base, expected, received: qty(move.quantity), serials: lots.map((l) => l.lot) }];
  }
  if (tracking === 'lot' && lots.length > 0) {
    const byLot = new Map<string, string>();
    for (const { lot, quantity } of lots) byLot.set(lot, decimal.add(byLot.get(lot) ?? '0', quantity));
    return [...byLot].map(([lot, quantity]) => ({
      ...base,
      lineId: byLot.size === 1 ? base.lineId : `${base.lineId}/${lot}`,
      expected: quantity,
      received: quantity,
      lot: { number: lot },
      serials: [],
    }));
  }
  return [{ ...base, expected, received: qty(move.quantity), serials: [] }];
}
