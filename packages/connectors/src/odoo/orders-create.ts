import type { ExternalRef, SalesOrder } from '@crossdock/canonical';
import { x2many } from '@crossdock/odoo-client';
import { ConnectorError } from '../contract/errors.js';
import type { OdooContext } from './context.js';
import { refusal } from './errors.js';
import { type CountryCache, orderPartners } from './order-partners.js';
import { ids, type OdooRecord, odooRef, str, unique } from './records.js';
import { recordShape } from './shape.js';

export type { CountryCache } from './order-partners.js';

/** What `orders.create` answers: the Odoo order, its name and deliveries, and whether it was there already. */
export interface CreatedOrder {
  /** `{ system: 'odoo', id: 'sale.order:<id>' }`. */
  readonly ref: ExternalRef;
  /** True when an order with this `client_order_ref` existed: nothing new was created. */
  readonly existing: boolean;
  /** Odoo's name of the order, e.g. `S00042`. */
  readonly name: string;
  /** Its pickings (`stock.picking:<id>`): the delivery Odoo created on confirmation (and any later ones). */
  readonly pickings: readonly ExternalRef[];
}

const ORDER = recordShape('sale.order', { state: 'text!', name: 'text!', picking_ids: 'ids' });
const PRODUCT = recordShape('product.product', { default_code: 'text' });

/** The answer for an order record read with {@link ORDER}'s fields. */
function answer(record: OdooRecord, existing: boolean): CreatedOrder {
  return {
    ref: odooRef('sale.order', record.id as number),
    existing,
    name: str(record.name) as string,
    pickings: ids(record.picking_ids).map((id) => odooRef('stock.picking', id)),
  };
}

/** The order's name and pickings, read once after confirmation (Odoo creates the delivery then). */
async function readConfirmed(
  ctx: OdooContext,
  id: number,
  existing: boolean,
  correlationId: string | undefined,
): Promise<CreatedOrder> {
  const [record] = ORDER.check(await ctx.client.model('sale.order').read([id], { fields: ORDER.fields }));
  if (record !== undefined) return answer(record, existing);
  // Deleted between its confirmation and this read: the order was made, so this is not "nothing done".
  throw new ConnectorError({
    system: 'odoo',
    operation: 'orders.create',
    message: `sale.order ${id} was confirmed but could not be read back`,
    vendorCode: 'missing_record',
    retryable: true,
    executed: 'yes',
    ...(correlationId === undefined ? {} : { correlationId }),
    externalId: `sale.order:${id}`,
  });
}

/**
 * Creates the Odoo sale order of a channel order, once: an order whose `client_order_ref` is the
 * channel's order number is the same order (found, confirmed if a previous attempt stopped before
 * `action_confirm`, and answered with `existing: true`). Products are found by internal reference
 * (`default_code`) in one read, before anything is written: a SKU Odoo does not know refuses the whole
 * order naming the line. The customer and the delivery address come from {@link orderPartners} (one
 * read, at most one create). Prices are the channel's (`price_unit`, `discount`); the order is
 * confirmed so Odoo creates its delivery, then read once for its name and pickings. Six calls for a
 * known customer at the channel's address; seven when a delivery contact or a new customer is
 * created (one more the first time a country is seen); one for an order already there.
 *
 * @example const { ref, name, pickings } = await createSalesOrder(ctx, order, new Map(), 'c-1');
 */
export async function createSalesOrder(
  ctx: OdooContext,
  order: SalesOrder,
  countries: CountryCache,
  correlationId: string | undefined,
): Promise<CreatedOrder> {
  const orders = ctx.client.model('sale.order');
  const [found] = ORDER.check(
    await orders.searchRead({
      domain: [['client_order_ref', '=', order.number]],
      fields: ORDER.fields,
      order: 'id asc',
      limit: 1,
    }),
  );
  if (found) {
    const id = found.id as number;
    if (found.state !== 'draft' && found.state !== 'sent') return answer(found, true);
    await orders.call('action_confirm', { ids: [id] });
    return readConfirmed(ctx, id, true, correlationId);
  }
  const productIds = await productsBySku(ctx, order, correlationId);
  const { customerId, shippingId } = await orderPartners(ctx, order.customer, order.shipTo, countries);
  const [id] = await orders.create({
    partner_id: customerId,
    // Always explicit: Odoo would otherwise pick the customer's first delivery contact.
    partner_shipping_id: shippingId,
    client_order_ref: order.number,
    ...(order.note === undefined ? {} : { note: order.note }),
    order_line: order.lines.map((line) =>
      x2many.create({
        product_id: productIds.get(line.item.sku),
        product_uom_qty: Number(line.quantity),
        ...(line.unitPrice === undefined ? {} : { price_unit: Number(line.unitPrice.amount) }),
        ...(line.discountPercent === undefined ? {} : { discount: Number(line.discountPercent) }),
      }),
    ),
  });
  await orders.call('action_confirm', { ids: [id as number] });
  return readConfirmed(ctx, id as number, false, correlationId);
}

/** Product ids by SKU, in one read; a line whose SKU Odoo does not know refuses the order. */
async function productsBySku(
  ctx: OdooContext,
  order: SalesOrder,
  correlationId: string | undefined,
): Promise<Map<string, number>> {
  const skus = unique(order.lines.map((line) => line.item.sku));
  const products = PRODUCT.check(
    await ctx.client.model('product.product').searchRead({
      domain: [['default_code', 'in', skus]],
      fields: PRODUCT.fields,
      order: 'id asc',
    }),
  );
  const bySku = new Map<string, number>();
  for (const product of products) {
    const sku = str(product.default_code);
    if (sku !== undefined && !bySku.has(sku)) bySku.set(sku, product.id as number);
  }
  const unknown = order.lines.filter((line) => !bySku.has(line.item.sku));
  if (unknown.length > 0) {
    throw refusal(
      'orders.create',
      'unknown_sku',
      `order ${order.number}: no Odoo product with internal reference ${unknown
        .map((line) => `${line.item.sku} (line ${line.lineId})`)
        .join(', ')}; nothing was created`,
      correlationId,
    );
  }
  return bySku;
}
