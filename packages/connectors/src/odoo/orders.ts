import {
  decimal,
  type ExternalRef,
  parseCanonical,
  type SalesOrder,
  SalesOrderSchema,
} from '@crossdock/canonical';
import type { OdooContext } from './context.js';
import { type KeysetQuery, readKeysetPage } from './cursor.js';
import { refusal } from './errors.js';
import { readParties } from './parties.js';
import {
  byId,
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
import { mapOrSkip, type OdooPage } from './skipped.js';
import { saleLineUomField } from './version.js';

const ORDER_FIELDS = {
  name: 'text!',
  state: 'text!',
  partner_id: 'm2o!',
  partner_shipping_id: 'm2o',
  currency_id: 'm2o',
  date_order: 'time',
  order_line: 'ids',
  client_order_ref: 'text',
  note: 'text',
  write_date: 'time!',
} as const;
const ORDER = recordShape('sale.order', ORDER_FIELDS);
const ORDER_WITH_PICKINGS = recordShape('sale.order', { ...ORDER_FIELDS, picking_ids: 'ids' });
const PRODUCT = recordShape('product.product', { default_code: 'text', name: 'text' });

/** The sale order line fields; the unit field is `product_uom` up to 18, `product_uom_id` from 19. */
function lineShape(uomField: string) {
  return recordShape('sale.order.line', {
    order_id: 'm2o!',
    product_id: 'm2o',
    product_uom_qty: 'number',
    [uomField]: 'm2o',
    price_unit: 'number',
    discount: 'number',
    display_type: 'text',
  });
}

/**
 * Reads a page of confirmed sale orders (`state = 'sale'`) by `(write_date, id)` keyset: orders,
 * lines, products, partners and countries are each read once per page.
 *
 * @example const { items, next } = await readOrders(ctx, {});
 */
export async function readOrders(ctx: OdooContext, query: KeysetQuery): Promise<OdooPage<SalesOrder>> {
  const base: unknown[] = [
    ['state', '=', 'sale'],
    ...(ctx.warehouseId === undefined ? [] : [['warehouse_id', '=', ctx.warehouseId]]),
  ];
  const { records: orders, page } = await readKeysetPage(ctx, ORDER, base, query);
  return page(await mapOrders(ctx, orders));
}

/** A sale order (any state) and its pickings (delivery, backorders, returns), by ref. */
export interface OrderWithPickings {
  readonly order: SalesOrder;
  /** `{ system: 'odoo', id: 'stock.picking:<id>' }` per picking of the order, oldest first. */
  readonly pickings: readonly { readonly system: 'odoo'; readonly id: string }[];
}

/**
 * One sale order by its ref (`sale.order:<id>`), mapped as `readOrders` maps a page, with its
 * pickings: five calls (order, lines, products, partners, countries).
 *
 * @example const { order, pickings } = await readOrder(ctx, { system: 'odoo', id: 'sale.order:42' }, 'c-1');
 */
export async function readOrder(
  ctx: OdooContext,
  ref: ExternalRef,
  correlationId: string | undefined,
): Promise<OrderWithPickings> {
  const id = ref.system === 'odoo' ? parseRefId(ref.id, 'sale.order') : undefined;
  if (id === undefined)
    throw refusal(
      'orders.get',
      'unknown_ref',
      `${ref.system} ${ref.id} is not an Odoo sale order`,
      correlationId,
    );
  const externalId = `sale.order:${id}`;
  const [record] = ORDER_WITH_PICKINGS.check(
    await ctx.client.model('sale.order').read([id], { fields: ORDER_WITH_PICKINGS.fields }),
  );
  if (!record)
    throw refusal('orders.get', 'not_found', `sale order ${id} does not exist`, correlationId, externalId);
  const { items, skipped } = await mapOrders(ctx, [record]);
  const [order] = items;
  if (!order) {
    throw refusal(
      'orders.get',
      'bad_record',
      skipped[0]?.reason ?? 'unreadable order',
      correlationId,
      externalId,
    );
  }
  return {
    order,
    pickings: ids(record.picking_ids)
      .sort((x, y) => x - y)
      .map((p) => odooRef('stock.picking', p)),
  };
}

/** Maps sale orders: lines, products, partners and countries are each read once. */
async function mapOrders(ctx: OdooContext, orders: readonly OdooRecord[]) {
  if (orders.length === 0) return { items: [] as SalesOrder[], skipped: [] };
  const uomField = saleLineUomField(await ctx.major());
  const lineIds = orders.flatMap((o) => ids(o.order_line));
  const LINE = lineShape(uomField);
  const lines =
    lineIds.length === 0
      ? []
      : LINE.check(await ctx.client.model('sale.order.line').read(lineIds, { fields: LINE.fields }));
  const products = byId(
    PRODUCT.check(
      await ctx.client.model('product.product').read(unique(lines.map((l) => m2oId(l.product_id))), {
        fields: PRODUCT.fields,
      }),
    ),
  );
  const parties = await readParties(
    ctx,
    unique(orders.flatMap((o) => [m2oId(o.partner_id), m2oId(o.partner_shipping_id)])),
  );
  return mapOrSkip('sale.order', orders, (order) => {
    const own = lines.filter((line) => m2oId(line.order_id) === order.id && !str(line.display_type));
    return toOrder(order, own, products, parties, uomField);
  });
}

/** Odoo's sale order states as canonical statuses (`sent` is a quotation e-mailed, still a draft). */
const STATUS: Readonly<Record<string, SalesOrder['status']>> = {
  draft: 'draft',
  sent: 'draft',
  sale: 'confirmed',
  done: 'done',
  cancel: 'cancelled',
};

function toOrder(
  order: OdooRecord,
  lines: readonly OdooRecord[],
  products: Map<number, OdooRecord>,
  parties: Map<number, import('@crossdock/canonical').Party>,
  uomField: string,
): SalesOrder {
  const currency = m2oName(order.currency_id) ?? 'USD';
  const customer = parties.get(m2oId(order.partner_id) ?? -1);
  const shipTo = parties.get(m2oId(order.partner_shipping_id) ?? m2oId(order.partner_id) ?? -1);
  const note = str(order.note);
  return parseCanonical(SalesOrderSchema, {
    id: `sale.order:${String(order.id)}`,
    number: str(order.name) ?? String(order.id),
    status: STATUS[String(order.state)] ?? 'confirmed',
    channel: 'odoo',
    customer,
    shipTo,
    currency,
    orderedAt: isoTime(order.date_order) ?? isoTime(order.write_date),
    lines: lines
      .filter((line) => decimal.gt(qty(line.product_uom_qty), '0'))
      .map((line) => {
        const discount = qty(line.discount);
        return {
          lineId: `sale.order.line:${String(line.id)}`,
          item: itemOf(line.product_id, products),
          quantity: qty(line.product_uom_qty),
          uom: uomCode(line[uomField]),
          unitPrice: { amount: qty(line.price_unit), currency },
          ...(decimal.isZero(discount) ? {} : { discountPercent: discount }),
          refs: [odooRef('sale.order.line', line.id as number)],
        };
      }),
    ...(note === undefined ? {} : { note: note.replace(/<[^>]*>/g, '').slice(0, 4000) }),
    refs: [odooRef('sale.order', order.id as number)],
  });
}
