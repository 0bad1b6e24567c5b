import type { Env, ModelSpec } from '../registry.js';
import type { Raw } from '../store.js';
import { recordsWhere } from '../values.js';
import { childLocations, isInternal } from './locations.js';
import { isStorable, num, related, round } from './util.js';

/** The internal locations a product's quantities are counted in (context `location`/`warehouse_id`). */
function countedLocations(env: Env): Set<number> | undefined {
  const location = env.context.location;
  if (typeof location === 'number') return childLocations(env, location);
  const warehouseId = env.context.warehouse_id ?? env.context.warehouse;
  if (typeof warehouseId === 'number') {
    const wh = env.store.get('stock.warehouse', warehouseId);
    const view = typeof wh?.view_location_id === 'number' ? wh.view_location_id : undefined;
    if (view !== undefined) return childLocations(env, view);
  }
  return undefined;
}

function onHand(env: Env, product: Raw, reservedToo: boolean): number {
  const scope = countedLocations(env);
  let total = 0;
  for (const quant of recordsWhere(env, 'stock.quant', 'product_id', product.id)) {
    if (typeof quant.location_id !== 'number') continue;
    if (!isInternal(env, quant.location_id)) continue;
    if (scope && !scope.has(quant.location_id)) continue;
    total += num(quant.quantity) - (reservedToo ? num(quant.reserved_quantity) : 0);
  }
  return round(total);
}

function pending(env: Env, product: Raw, direction: 'in' | 'out'): number {
  let total = 0;
  for (const move of recordsWhere(env, 'stock.move', 'product_id', product.id)) {
    if (move.state === 'done' || move.state === 'cancel' || move.state === 'draft') {
      continue;
    }
    const from = typeof move.location_id === 'number' && isInternal(env, move.location_id);
    const to = typeof move.location_dest_id === 'number' && isInternal(env, move.location_dest_id);
    if (direction === 'out' && from && !to) total += num(move.product_uom_qty);
    if (direction === 'in' && to && !from) total += num(move.product_uom_qty);
  }
  return round(total);
}

/** product.product: `[CODE] Name`, stock quantities computed from quants and moves. */
export const product: ModelSpec = {
  name: 'product.product',
  description: 'Product Variant',
  order: 'default_code, name, id',
  displayName: (_env, rec) =>
    typeof rec.default_code === 'string' && rec.default_code
      ? `[${rec.default_code}] ${String(rec.name ?? '')}`
      : String(rec.name ?? ''),
  computes: {
    qty_available: (env, rec) => (isStorable(env, rec) ? onHand(env, rec, false) : 0),
    free_qty: (env, rec) => (isStorable(env, rec) ? onHand(env, rec, true) : 0),
    incoming_qty: (env, rec) => (isStorable(env, rec) ? pending(env, rec, 'in') : 0),
    outgoing_qty: (env, rec) => (isStorable(env, rec) ? pending(env, rec, 'out') : 0),
    virtual_available: (env, rec) =>
      isStorable(env, rec)
        ? round(onHand(env, rec, false) + pending(env, rec, 'in') - pending(env, rec, 'out'))
        : 0,
    lst_price: (_env, rec) => num(rec.list_price),
    product_tmpl_id: (_env, rec) => rec.product_tmpl_id ?? false,
    uom_po_id: (_env, rec) => rec.uom_po_id ?? rec.uom_id ?? false,
  },
  defaults: (env) => ({
    active: true,
    sale_ok: true,
    purchase_ok: true,
    tracking: 'none',
    uom_id: 1,
    list_price: 1,
    ...(env.version === 17
      ? { type: 'consu', detailed_type: 'consu' }
      : { type: 'consu', is_storable: false }),
  }),
  beforeCreate(env, vals) {
    if (env.version === 17 && typeof vals.detailed_type === 'string') vals.type = vals.detailed_type;
    if (env.version === 17 && vals.type === 'product' && vals.detailed_type === undefined)
      vals.detailed_type = 'product';
    return undefined;
  },
  beforeWrite(env, _recs, vals) {
    if (env.version === 17 && typeof vals.detailed_type === 'string') vals.type = vals.detailed_type;
  },
};

/** uom.uom: names; 18 categories/factors, 19 relative factors. */
export const uom: ModelSpec = {
  name: 'uom.uom',
  description: 'Product Unit of Measure',
  order: 'name',
  defaults: (env) =>
    env.version === 19
      ? { relative_factor: 1, active: true }
      : { factor: 1, uom_type: 'reference', active: true },
};

/** delivery.carrier, res.company, res.country, res.currency, uom.category: plain named records. */
export const carrier: ModelSpec = { name: 'delivery.carrier', order: 'sequence, id' };

/** The product's unit id. */
export function productUom(env: Env, productId: unknown): number | false {
  const p = related(env, 'product.product', productId);
  return typeof p?.uom_id === 'number' ? p.uom_id : false;
}
