import { faults } from '../faults.js';
import { browseStrict, create } from '../orm.js';
import type { Env, ModelSpec } from '../registry.js';
import type { Raw } from '../store.js';
import { displayName, recordsWhere } from '../values.js';
import { productUom } from './product.js';
import { confirmPickings } from './stock-ops.js';
import { lineUomField, num, pad, related, round } from './util.js';

function orderLines(env: Env, order: Raw): Raw[] {
  return recordsWhere(env, 'sale.order.line', 'order_id', order.id);
}

function orderPickings(env: Env, order: Raw): Raw[] {
  return recordsWhere(env, 'stock.picking', 'sale_id', order.id);
}

function subtotal(line: Raw): number {
  return round(num(line.product_uom_qty) * num(line.price_unit) * (1 - num(line.discount) / 100));
}

/** Delivered quantity of a line: done outgoing moves minus done returns. */
function qtyDelivered(env: Env, line: Raw): number {
  let total = 0;
  for (const move of recordsWhere(env, 'stock.move', 'sale_line_id', line.id)) {
    if (move.state !== 'done') continue;
    const to = related(env, 'stock.location', move.location_dest_id);
    const from = related(env, 'stock.location', move.location_id);
    if (to?.usage === 'customer') total += num(move.quantity);
    else if (from?.usage === 'customer' && move.to_refund === true) total -= num(move.quantity);
  }
  return round(total);
}

/** `delivery_status` as sale_stock computes it from the states of the order's pickings. */
function deliveryStatus(env: Env, order: Raw): string | false {
  const pickings = orderPickings(env, order);
  if (pickings.length === 0 || pickings.every((p) => p.state === 'cancel')) return false;
  if (pickings.every((p) => p.state === 'done' || p.state === 'cancel')) return 'full';
  if (pickings.some((p) => p.state === 'done')) return 'partial';
  return 'pending';
}

/** `action_confirm`: state `sale` and a delivery picking with one move per storable/consumable line. */
function actionConfirm(env: Env, ids: number[]): true {
  for (const order of browseStrict(env, 'sale.order', ids)) {
    if (order.state !== 'draft' && order.state !== 'sent') {
      throw faults.user('Some orders are not in a state requiring confirmation.');
    }
    order.state = 'sale';
    order.date_order = env.store.now();
    env.store.touch(order, env.uid);
    const lines = orderLines(env, order).filter((l) => {
      const p = related(env, 'product.product', l.product_id);
      return p !== undefined && p.type !== 'service' && !l.display_type;
    });
    if (lines.length === 0) continue;
    const wh = related(env, 'stock.warehouse', order.warehouse_id) ?? env.store.all('stock.warehouse')[0];
    const typeId = typeof wh?.out_type_id === 'number' ? wh.out_type_id : undefined;
    const type = typeId === undefined ? undefined : env.store.get('stock.picking.type', typeId);
    const customers = env.store.all('stock.location').find((l) => l.usage === 'customer');
    const ref = typeof order.client_order_ref === 'string' ? order.client_order_ref : '';
    const pickingId = create(env, 'stock.picking', {
      picking_type_id: typeId ?? false,
      partner_id: order.partner_shipping_id ?? order.partner_id ?? false,
      origin: ref ? `${String(order.name)} - ${ref}` : order.name,
      location_id: type?.default_location_src_id ?? wh?.lot_stock_id ?? false,
      location_dest_id: customers?.id ?? false,
      sale_id: order.id,
      carrier_id: order.carrier_id ?? false,
      state: 'draft',
    });
    for (const line of lines) {
      create(env, 'stock.move', {
        picking_id: pickingId,
        product_id: line.product_id,
        product_uom_qty: num(line.product_uom_qty),
        product_uom: line[lineUomField(env)] ?? productUom(env, line.product_id),
        sale_line_id: line.id,
        origin: order.name,
      });
    }
    const picking = env.store.get('stock.picking', pickingId);
    if (picking) confirmPickings(env, [picking]);
  }
  return true;
}

/** sale.order: `S00025` names, totals, confirmation into a delivery, `delivery_status`. */
export const saleOrder: ModelSpec = {
  name: 'sale.order',
  description: 'Sales Order',
  order: 'date_order desc, id desc',
  computes: {
    amount_untaxed: (env, rec) => round(orderLines(env, rec).reduce((s, l) => s + subtotal(l), 0)),
    amount_total: (env, rec) => round(orderLines(env, rec).reduce((s, l) => s + subtotal(l), 0)),
    amount_tax: () => 0,
    delivery_status: deliveryStatus,
    delivery_count: (env, rec) => orderPickings(env, rec).length,
    invoice_status: (_env, rec) => (rec.state === 'sale' ? 'to invoice' : 'no'),
  },
  defaults: (env, vals) => ({
    state: 'draft',
    date_order: env.store.now(),
    company_id: 1,
    currency_id: 1,
    user_id: env.uid,
    warehouse_id: env.store.all('stock.warehouse')[0]?.id ?? false,
    partner_invoice_id: vals.partner_id ?? false,
    partner_shipping_id: vals.partner_id ?? false,
  }),
  beforeCreate(env, vals) {
    if (vals.name === undefined || vals.name === '/' || vals.name === false) {
      vals.name = `S${pad(env.store.nextSequence('sale.order'))}`;
    }
    return undefined;
  },
  beforeUnlink(_env, recs) {
    for (const rec of recs) {
      if (rec.state !== 'draft' && rec.state !== 'cancel') {
        throw faults.user(
          'You can not delete a sent quotation or a confirmed sales order. You must first cancel it.',
        );
      }
    }
  },
  methods: {
    action_confirm: { api: 'records', params: [], owner: 'SaleOrder', run: actionConfirm },
    action_cancel: {
      api: 'records',
      params: [],
      owner: 'SaleOrder',
      run: (env, ids) => {
        for (const order of browseStrict(env, 'sale.order', ids)) {
          if (orderPickings(env, order).some((p) => p.state === 'done')) {
            throw faults.user('You cannot cancel a sales order that has been partially delivered.');
          }
          order.state = 'cancel';
          for (const picking of orderPickings(env, order)) {
            picking.state = 'cancel';
            for (const move of recordsWhere(env, 'stock.move', 'picking_id', picking.id)) {
              move.state = 'cancel';
            }
          }
        }
        return true;
      },
    },
    action_draft: {
      api: 'records',
      params: [],
      owner: 'SaleOrder',
      run: (env, ids) => {
        for (const order of browseStrict(env, 'sale.order', ids)) {
          if (order.state === 'cancel' || order.state === 'sent') order.state = 'draft';
        }
        return true;
      },
    },
  },
};

/** sale.order.line: price from the product, subtotals, `qty_delivered` from done moves. */
export const saleOrderLine: ModelSpec = {
  name: 'sale.order.line',
  description: 'Sales Order Line',
  order: 'order_id, sequence, id',
  displayName: (env, rec) => {
    const order = related(env, 'sale.order', rec.order_id);
    const partner = related(env, 'res.partner', order?.partner_id);
    const label = typeof rec.name === 'string' ? (rec.name.split('\n')[0] ?? '') : '';
    const base = `${String(order?.name ?? '')} - ${label}`;
    return partner ? `${base} (${displayName(env, 'res.partner', partner)})` : base;
  },
  computes: {
    price_subtotal: (_env, rec) => subtotal(rec),
    price_total: (_env, rec) => subtotal(rec),
    price_tax: () => 0,
    qty_delivered: qtyDelivered,
    qty_invoiced: () => 0,
    qty_to_deliver: (env, rec) => round(num(rec.product_uom_qty) - qtyDelivered(env, rec)),
    state: (env, rec) => related(env, 'sale.order', rec.order_id)?.state ?? false,
    order_partner_id: (env, rec) => related(env, 'sale.order', rec.order_id)?.partner_id ?? false,
    currency_id: () => 1,
    company_id: () => 1,
  },
  defaults: (env, vals) => {
    const product = related(env, 'product.product', vals.product_id);
    return {
      sequence: 10,
      product_uom_qty: 1,
      discount: 0,
      customer_lead: 0,
      [lineUomField(env)]: productUom(env, vals.product_id),
      ...(product
        ? { name: displayName(env, 'product.product', product), price_unit: num(product.list_price) }
        : {}),
    };
  },
};
