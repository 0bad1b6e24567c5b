import {
  decimal,
  type Package,
  type Party,
  parseCanonical,
  type Shipment,
  type ShipmentContent,
  ShipmentSchema,
} from '@crossdock/canonical';
import type { OdooContext } from './context.js';
import { readKeysetPage, type SinceQuery, sinceDomain } from './cursor.js';
import { readParties } from './parties.js';
import { readPickingMoves } from './picking-moves.js';
import { isoTime, itemOf, m2oId, m2oName, type OdooRecord, qty, str, unique, uomCode } from './records.js';
import { pickingRef, readPickingTypes, requestLineId, warehouseOf } from './requests.js';
import { recordShape } from './shape.js';
import { mapOrSkip, type OdooPage } from './skipped.js';

const PICKING = recordShape('stock.picking', {
  name: 'text!',
  sale_id: 'm2o',
  partner_id: 'm2o',
  picking_type_id: 'm2o!',
  carrier_id: 'm2o',
  carrier_tracking_ref: 'text',
  date_done: 'time',
  write_date: 'time!',
});
const MOVE = recordShape('stock.move', {
  picking_id: 'm2o!',
  product_id: 'm2o!',
  product_uom: 'm2o',
  quantity: 'number',
  sale_line_id: 'm2o',
});

/**
 * Reads a page of done outgoing pickings (deliveries, not returns) as the shipments that left:
 * what shipped per order line, lots and serials from the move lines, destination packages, the
 * tracking reference, when (`date_done`) and to whom. Pickings, moves, move lines, products,
 * picking types, partners and countries are each read once per page; paged by `(write_date, id)`
 * like the other reads, `since` keeping pickings written at or after it.
 *
 * @example const { items, next } = await readShipments(ctx, { since: '2026-11-25T00:00:00Z' }, 'c-1');
 */
export async function readShipments(
  ctx: OdooContext,
  query: SinceQuery,
  correlationId: string | undefined,
): Promise<OdooPage<Shipment>> {
  const base: unknown[] = [
    ['picking_type_code', '=', 'outgoing'],
    ['state', '=', 'done'],
    ['return_id', '=', false],
    ...sinceDomain(query.since, 'shipments.list', correlationId),
    ...(ctx.warehouseId === undefined ? [] : [['picking_type_id.warehouse_id', '=', ctx.warehouseId]]),
  ];
  const { records: pickings, page } = await readKeysetPage(ctx, PICKING, base, query);
  if (pickings.length === 0) return page({ items: [], skipped: [] });
  const { movesByPicking, linesByMove, products } = await readPickingMoves(
    ctx,
    pickings.map((p) => p.id as number),
    MOVE,
    ['done'],
  );
  const types = await readPickingTypes(ctx, pickings);
  const parties = await readParties(ctx, unique(pickings.map((p) => m2oId(p.partner_id))));
  return page(
    mapOrSkip('stock.picking', pickings, (picking) =>
      toShipment(
        picking,
        movesByPicking.get(picking.id as number) ?? [],
        linesByMove,
        products,
        types,
        parties,
      ),
    ),
  );
}

function toShipment(
  picking: OdooRecord,
  moves: readonly OdooRecord[],
  linesByMove: Map<number, OdooRecord[]>,
  products: Map<number, OdooRecord>,
  types: Map<number, OdooRecord>,
  parties: Map<number, Party>,
): Shipment {
  const contents = moves.flatMap((move) =>
    contentsOf(move, linesByMove.get(move.id as number) ?? [], products),
  );
  const packages = unique(contents.map((c) => c.packageId)).map((id): Package => ({ id, type: 'other' }));
  const saleId = m2oId(picking.sale_id);
  const carrier = m2oName(picking.carrier_id);
  const shipTo = parties.get(m2oId(picking.partner_id) ?? -1);
  const tracking = unique(
    (str(picking.carrier_tracking_ref) ?? '')
      .split(',')
      .map((number) => number.trim())
      .filter((number) => number !== ''),
  );
  return parseCanonical(ShipmentSchema, {
    id: `stock.picking:${String(picking.id)}`,
    requestId: `stock.picking:${String(picking.id)}`,
    ...(saleId === undefined ? {} : { orderId: `sale.order:${saleId}` }),
    warehouse: warehouseOf(picking, types),
    state: 'shipped',
    ...(carrier === undefined ? {} : { carrierService: { carrier } }),
    trackingNumbers: tracking,
    shippedAt: isoTime(picking.date_done) ?? isoTime(picking.write_date),
    ...(shipTo === undefined ? {} : { shipTo }),
    packages,
    contents,
    refs: [pickingRef(picking)],
  });
}

/**
 * What one done move shipped: one content per lot and destination package (a serial-tracked
 * product: one content per package with its serials), from its move lines; the move's own
 * quantity when it has none.
 */
function contentsOf(
  move: OdooRecord,
  lines: readonly OdooRecord[],
  products: Map<number, OdooRecord>,
): ShipmentContent[] {
  const product = products.get(m2oId(move.product_id) ?? -1);
  const serial = str(product?.tracking) === 'serial';
  const saleLine = m2oId(move.sale_line_id);
  const base = {
    requestLineId: requestLineId(move),
    ...(saleLine === undefined ? {} : { orderLineId: `sale.order.line:${saleLine}` }),
    item: itemOf(move.product_id, products),
    uom: uomCode(move.product_uom),
  };
  const parts = lines.length > 0 ? lines : [{ id: move.id, quantity: move.quantity }];
  const groups = new Map<string, { quantity: string; lot?: string; pkg?: string; serials: string[] }>();
  for (const line of parts) {
    const lot = m2oName(line.lot_id);
    const pkg = m2oName(line.result_package_id);
    const key = `${serial ? '' : (lot ?? '')}\u0000${pkg ?? ''}`;
    const group = groups.get(key) ?? {
      quantity: '0',
      ...(lot === undefined || serial ? {} : { lot }),
      ...(pkg === undefined ? {} : { pkg }),
      serials: [],
    };
    group.quantity = decimal.add(group.quantity, qty(line.quantity));
    if (serial && lot !== undefined) group.serials.push(lot);
    groups.set(key, group);
  }
  return [...groups.values()]
    .filter((group) => decimal.gt(group.quantity, '0'))
    .map((group) => ({
      ...base,
      quantity: group.quantity,
      ...(group.lot === undefined ? {} : { lot: { number: group.lot } }),
      ...(group.pkg === undefined ? {} : { packageId: group.pkg }),
      serials: group.serials,
    }));
}
