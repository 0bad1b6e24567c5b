import {
  decimal,
  type FulfillmentLine,
  type FulfillmentRequest,
  FulfillmentRequestSchema,
  parseCanonical,
} from '@crossdock/canonical';
import type { OdooContext } from './context.js';
import { encodeCursor, KEYSET_ORDER, keysetOf, withKeyset } from './cursor.js';
import { readParties } from './parties.js';
import {
  byId,
  ids,
  isoTime,
  m2oId,
  m2oName,
  type OdooRecord,
  odooRef,
  qty,
  str,
  unique,
  uomCode,
} from './records.js';
import { mapOrSkip, type OdooPage } from './skipped.js';

const PICKING_FIELDS = [
  'name',
  'state',
  'origin',
  'sale_id',
  'partner_id',
  'picking_type_id',
  'move_ids',
  'scheduled_date',
  'carrier_id',
  'carrier_tracking_ref',
  'backorder_id',
  'create_date',
  'write_date',
];
const MOVE_FIELDS = [
  'product_id',
  'product_uom_qty',
  'quantity',
  'product_uom',
  'state',
  'sale_line_id',
  'picking_id',
];

/** The id of a request line: its sale order line, or the move when it has none. */
export function requestLineId(move: OdooRecord): string {
  const saleLine = m2oId(move.sale_line_id);
  return saleLine === undefined ? `stock.move:${String(move.id)}` : `sale.order.line:${saleLine}`;
}

/**
 * Reads a page of outgoing pickings of confirmed sale orders as fulfillment requests: pickings,
 * moves, products, picking types, partners and countries are each read once per page.
 *
 * @example
 * const page = await readRequests(ctx, { pageSize: 50 });
 * const next = page.next ? await readRequests(ctx, { cursor: page.next }) : undefined;
 */
export async function readRequests(
  ctx: OdooContext,
  query: { readonly cursor?: string; readonly pageSize?: number },
): Promise<OdooPage<FulfillmentRequest>> {
  const pageSize = query.pageSize ?? 100;
  const base: unknown[] = [
    ['picking_type_code', '=', 'outgoing'],
    ['sale_id.state', '=', 'sale'],
    ...(ctx.warehouseId === undefined ? [] : [['picking_type_id.warehouse_id', '=', ctx.warehouseId]]),
  ];
  const pickings = await ctx.client.model('stock.picking').searchRead({
    domain: withKeyset(base, query.cursor),
    fields: PICKING_FIELDS,
    order: KEYSET_ORDER,
    limit: pageSize,
  });
  if (pickings.length === 0) return { items: [], skipped: [] };
  const moveIds = pickings.flatMap((p) => ids(p.move_ids));
  const moves =
    moveIds.length === 0 ? [] : await ctx.client.model('stock.move').read(moveIds, { fields: MOVE_FIELDS });
  const products = byId(
    await ctx.client.model('product.product').read(unique(moves.map((m) => m2oId(m.product_id))), {
      fields: ['default_code', 'name', 'barcode'],
    }),
  );
  const types = byId(
    await ctx.client.model('stock.picking.type').read(unique(pickings.map((p) => m2oId(p.picking_type_id))), {
      fields: ['warehouse_id'],
    }),
  );
  const parties = await readParties(ctx, unique(pickings.map((p) => m2oId(p.partner_id))));
  const movesByPicking = new Map<number, OdooRecord[]>();
  for (const move of moves) {
    const pickingId = m2oId(move.picking_id) ?? -1;
    movesByPicking.set(pickingId, [...(movesByPicking.get(pickingId) ?? []), move]);
  }
  const { items, skipped } = mapOrSkip('stock.picking', pickings, (picking) =>
    toRequest(picking, movesByPicking.get(picking.id as number) ?? [], products, types, parties),
  );
  const last = pickings.at(-1);
  return pickings.length < pageSize || !last
    ? { items, skipped }
    : { items, skipped, next: encodeCursor(keysetOf(last)) };
}

function toRequest(
  picking: OdooRecord,
  moves: readonly OdooRecord[],
  products: Map<number, OdooRecord>,
  types: Map<number, OdooRecord>,
  parties: Map<number, import('@crossdock/canonical').Party>,
): FulfillmentRequest {
  const warehouse = types.get(m2oId(picking.picking_type_id) ?? -1)?.warehouse_id;
  const warehouseId = m2oId(warehouse);
  const carrier = m2oName(picking.carrier_id);
  const saleId = m2oId(picking.sale_id);
  const orderNumber = m2oName(picking.sale_id);
  const partner = parties.get(m2oId(picking.partner_id) ?? -1);
  const request = {
    id: `stock.picking:${String(picking.id)}`,
    ...(saleId === undefined ? {} : { orderId: `sale.order:${saleId}` }),
    ...(orderNumber === undefined ? {} : { orderNumber }),
    warehouse: {
      id: warehouseId === undefined ? 'default' : `stock.warehouse:${warehouseId}`,
      ...(m2oName(warehouse) === undefined ? {} : { name: m2oName(warehouse) }),
      refs: warehouseId === undefined ? [] : [odooRef('stock.warehouse', warehouseId)],
    },
    handshake: picking.state === 'cancel' ? 'cancel_accepted' : 'accepted',
    shipTo: partner ?? { name: 'Unknown', refs: [] },
    ...(carrier === undefined ? {} : { carrierService: { carrier } }),
    lines: toLines(moves, products),
    createdAt: isoTime(picking.create_date) ?? isoTime(picking.write_date),
    updatedAt: isoTime(picking.write_date),
    refs: [{ ...odooRef('stock.picking', picking.id as number), ...etag(picking) }],
  };
  return parseCanonical(FulfillmentRequestSchema, request);
}

function etag(record: OdooRecord): { etag?: string } {
  const at = str(record.write_date);
  return at === undefined ? {} : { etag: at };
}

/** Moves grouped by sale order line into ledgers: done moves count as shipped, cancelled ones as closed short. */
function toLines(moves: readonly OdooRecord[], products: Map<number, OdooRecord>): FulfillmentLine[] {
  const lines = new Map<string, { moves: OdooRecord[] }>();
  for (const move of moves) {
    const key = requestLineId(move);
    lines.set(key, { moves: [...(lines.get(key)?.moves ?? []), move] });
  }
  return [...lines.entries()].map(([lineId, { moves: group }]) => {
    const first = group[0] as OdooRecord;
    const product = products.get(m2oId(first.product_id) ?? -1);
    let ordered = '0';
    let shipped = '0';
    let cancelled = '0';
    let allocated = '0';
    for (const move of group) {
      ordered = decimal.add(ordered, qty(move.product_uom_qty));
      if (move.state === 'done') shipped = decimal.add(shipped, qty(move.quantity));
      else if (move.state === 'cancel') cancelled = decimal.add(cancelled, qty(move.product_uom_qty));
      else allocated = decimal.add(allocated, decimal.min(qty(move.quantity), qty(move.product_uom_qty)));
    }
    const saleLine = m2oId(first.sale_line_id);
    return {
      lineId,
      ...(saleLine === undefined ? {} : { orderLineId: `sale.order.line:${saleLine}` }),
      item: {
        sku: str(product?.default_code) ?? `product.product:${String(m2oId(first.product_id))}`,
        ...(str(product?.name) === undefined ? {} : { name: str(product?.name) as string }),
        refs: [odooRef('product.product', m2oId(first.product_id) ?? 0)],
      },
      uom: uomCode(first.product_uom),
      ledger: { ordered, shipped, cancelled, allocated, backordered: '0', returned: '0' },
      differences: decimal.isZero(cancelled) ? [] : [{ reason: 'CP' as const, quantity: cancelled }],
      refs: group.length === 1 ? [odooRef('stock.move', first.id as number)] : [],
    };
  });
}
