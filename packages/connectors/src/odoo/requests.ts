import {
  decimal,
  type ExternalRef,
  type FulfillmentLine,
  type FulfillmentRequest,
  FulfillmentRequestSchema,
  parseCanonical,
  type WarehouseRef,
} from '@crossdock/canonical';
import type { OdooContext } from './context.js';
import { type KeysetQuery, readKeysetPage } from './cursor.js';
import { refusal } from './errors.js';
import { readParties } from './parties.js';
import {
  byId,
  groupBy,
  ids,
  isoTime,
  itemOf,
  m2oId,
  m2oName,
  type OdooRecord,
  odooRef,
  parseRefId,
  qty,
  str,
  unique,
  uomCode,
} from './records.js';
import { recordShape } from './shape.js';
import { mapOrSkip, type OdooPage, type SkippedRecord } from './skipped.js';

const PICKING = recordShape('stock.picking', {
  name: 'text!',
  state: 'text!',
  origin: 'text',
  sale_id: 'm2o',
  partner_id: 'm2o',
  picking_type_id: 'm2o!',
  move_ids: 'ids',
  scheduled_date: 'time',
  carrier_id: 'm2o',
  carrier_tracking_ref: 'text',
  backorder_id: 'm2o',
  create_date: 'time',
  write_date: 'time!',
});
const MOVE = recordShape('stock.move', {
  product_id: 'm2o!',
  product_uom_qty: 'number',
  quantity: 'number',
  product_uom: 'm2o',
  state: 'text!',
  sale_line_id: 'm2o',
  picking_id: 'm2o',
});
const PRODUCT = recordShape('product.product', { default_code: 'text', name: 'text', barcode: 'text' });
const PICKING_TYPE = recordShape('stock.picking.type', { code: 'text', warehouse_id: 'm2o' });

/** A picking: its id, or its ref (`{ system: 'odoo', id: 'stock.picking:21' }`, a request's `refs` entry). */
export type PickingTarget = number | ExternalRef;

/** The picking id of a target, or a refusal for a ref that is not an Odoo picking. */
export function pickingIdOf(
  target: PickingTarget,
  operation: string,
  correlationId: string | undefined,
): number {
  if (typeof target === 'number') return target;
  const id = target.system === 'odoo' ? parseRefId(target.id, 'stock.picking') : undefined;
  if (id === undefined) {
    throw refusal(
      operation,
      'unknown_ref',
      `${target.system} ${target.id} is not an Odoo picking`,
      correlationId,
    );
  }
  return id;
}

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
  query: KeysetQuery,
): Promise<OdooPage<FulfillmentRequest>> {
  const base: unknown[] = [
    ['picking_type_code', '=', 'outgoing'],
    ['sale_id.state', '=', 'sale'],
    ...(ctx.warehouseId === undefined ? [] : [['picking_type_id.warehouse_id', '=', ctx.warehouseId]]),
  ];
  const { records: pickings, page } = await readKeysetPage(ctx, PICKING, base, query);
  const { items, skipped } = await requestsOf(ctx, pickings);
  return page({ items, skipped });
}

/**
 * The fulfillment request of one outgoing picking, by its ref (`stock.picking:<id>`), mapped as a
 * page of `readRequests` maps it. A ref that is not an Odoo picking, a picking that does not exist
 * or is not a delivery, or one that cannot be expressed canonically is a `ConnectorError`.
 *
 * @example const request = await readRequest(ctx, { system: 'odoo', id: 'stock.picking:21' }, 'c-1');
 */
export async function readRequest(
  ctx: OdooContext,
  ref: ExternalRef,
  correlationId: string | undefined,
): Promise<FulfillmentRequest> {
  const operation = 'fulfillment.get';
  const pickingId = pickingIdOf(ref, operation, correlationId);
  const externalId = `stock.picking:${pickingId}`;
  const pickings = PICKING.check(
    await ctx.client.model('stock.picking').read([pickingId], { fields: PICKING.fields }),
  );
  if (pickings.length === 0)
    throw refusal(operation, 'not_found', `${externalId} does not exist`, correlationId, externalId);
  const { items, skipped, types } = await requestsOf(ctx, pickings);
  const code = types.get(m2oId(pickings[0]?.picking_type_id) ?? -1)?.code;
  if (code !== 'outgoing') {
    throw refusal(operation, 'not_a_delivery', `${externalId} is not a delivery`, correlationId, externalId);
  }
  const [request] = items;
  if (request) return request;
  throw refusal(
    operation,
    'unmappable',
    `${externalId} cannot be expressed as a fulfillment request: ${skipped[0]?.reason ?? 'unknown'}`,
    correlationId,
    externalId,
  );
}

/** The picking types of pickings (their `code` and warehouse), by id, in one read. */
export async function readPickingTypes(
  ctx: OdooContext,
  pickings: readonly OdooRecord[],
): Promise<Map<number, OdooRecord>> {
  const typeIds = unique(pickings.map((p) => m2oId(p.picking_type_id)));
  if (typeIds.length === 0) return new Map();
  return byId(
    PICKING_TYPE.check(
      await ctx.client.model('stock.picking.type').read(typeIds, { fields: PICKING_TYPE.fields }),
    ),
  );
}

/** Maps pickings to requests with one read each of their moves, products, picking types and partners. */
async function requestsOf(
  ctx: OdooContext,
  pickings: readonly OdooRecord[],
): Promise<{ items: FulfillmentRequest[]; skipped: SkippedRecord[]; types: Map<number, OdooRecord> }> {
  if (pickings.length === 0) return { items: [], skipped: [], types: new Map() };
  const moveIds = pickings.flatMap((p) => ids(p.move_ids));
  const moves =
    moveIds.length === 0
      ? []
      : MOVE.check(await ctx.client.model('stock.move').read(moveIds, { fields: MOVE.fields }));
  const products = byId(
    PRODUCT.check(
      await ctx.client.model('product.product').read(unique(moves.map((m) => m2oId(m.product_id))), {
        fields: PRODUCT.fields,
      }),
    ),
  );
  const types = await readPickingTypes(ctx, pickings);
  const parties = await readParties(ctx, unique(pickings.map((p) => m2oId(p.partner_id))));
  const movesByPicking = groupBy(moves, 'picking_id');
  const { items, skipped } = mapOrSkip('stock.picking', pickings, (picking) =>
    toRequest(picking, movesByPicking.get(picking.id as number) ?? [], products, types, parties),
  );
  return { items, skipped, types };
}

function toRequest(
  picking: OdooRecord,
  moves: readonly OdooRecord[],
  products: Map<number, OdooRecord>,
  types: Map<number, OdooRecord>,
  parties: Map<number, import('@crossdock/canonical').Party>,
): FulfillmentRequest {
  const carrier = m2oName(picking.carrier_id);
  const saleId = m2oId(picking.sale_id);
  const orderNumber = m2oName(picking.sale_id);
  const partner = parties.get(m2oId(picking.partner_id) ?? -1);
  const request = {
    id: `stock.picking:${String(picking.id)}`,
    ...(saleId === undefined ? {} : { orderId: `sale.order:${saleId}` }),
    ...(orderNumber === undefined ? {} : { orderNumber }),
    warehouse: warehouseOf(picking, types),
    handshake: picking.state === 'cancel' ? 'cancel_accepted' : 'accepted',
    shipTo: partner ?? { name: 'Unknown', refs: [] },
    ...(carrier === undefined ? {} : { carrierService: { carrier } }),
    lines: toLines(moves, products),
    createdAt: isoTime(picking.create_date) ?? isoTime(picking.write_date),
    updatedAt: isoTime(picking.write_date),
    refs: [pickingRef(picking)],
  };
  return parseCanonical(FulfillmentRequestSchema, request);
}

/** The warehouse of a picking, through its picking type (`default` when the type has none). */
export function warehouseOf(picking: OdooRecord, types: Map<number, OdooRecord>): WarehouseRef {
  const warehouse = types.get(m2oId(picking.picking_type_id) ?? -1)?.warehouse_id;
  const warehouseId = m2oId(warehouse);
  const name = m2oName(warehouse);
  return {
    id: warehouseId === undefined ? 'default' : `stock.warehouse:${warehouseId}`,
    ...(name === undefined ? {} : { name }),
    refs: warehouseId === undefined ? [] : [odooRef('stock.warehouse', warehouseId)],
  };
}

/** The ref of a picking, its `write_date` as the etag. */
export function pickingRef(picking: OdooRecord): ExternalRef {
  const at = str(picking.write_date);
  return { ...odooRef('stock.picking', picking.id as number), ...(at === undefined ? {} : { etag: at }) };
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
      item: itemOf(first.product_id, products),
      uom: uomCode(first.product_uom),
      ledger: { ordered, shipped, cancelled, allocated, backordered: '0', returned: '0' },
      differences: decimal.isZero(cancelled) ? [] : [{ reason: 'CP' as const, quantity: cancelled }],
      // A line's Odoo record is its sale order line; a line without one is a single move.
      refs: [
        saleLine === undefined
          ? odooRef('stock.move', first.id as number)
          : odooRef('sale.order.line', saleLine),
      ],
    };
  });
}
