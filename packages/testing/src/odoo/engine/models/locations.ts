import type { Env, ModelSpec } from '../registry.js';
import type { Raw } from '../store.js';
import { related } from './util.js';

function completeName(env: Env, rec: Raw): string {
  const name = String(rec.name ?? '');
  const parent = related(env, 'stock.location', rec.location_id);
  if (parent && rec.usage !== 'view') return `${completeName(env, parent)}/${name}`;
  return name;
}

/** Whether a location is internal (stock is counted there). */
export function isInternal(env: Env, id: number): boolean {
  return env.store.get('stock.location', id)?.usage === 'internal';
}

/** A location and all its descendants. */
export function childLocations(env: Env, id: number): Set<number> {
  const result = new Set([id]);
  let changed = true;
  while (changed) {
    changed = false;
    for (const loc of env.store.all('stock.location')) {
      if (typeof loc.location_id === 'number' && result.has(loc.location_id) && !result.has(loc.id)) {
        result.add(loc.id);
        changed = true;
      }
    }
  }
  return result;
}

/** stock.location: `WH/Stock` complete names, parent through `location_id`. */
export const location: ModelSpec = {
  name: 'stock.location',
  description: 'Inventory Locations',
  order: 'complete_name, id',
  parentName: 'location_id',
  displayName: completeName,
  computes: { complete_name: completeName },
  defaults: () => ({ active: true, usage: 'internal', company_id: 1 }),
};

/** stock.warehouse. */
export const warehouse: ModelSpec = {
  name: 'stock.warehouse',
  description: 'Warehouse',
  order: 'sequence, id',
};

/** stock.picking.type: `Warehouse: Delivery Orders`. */
export const pickingType: ModelSpec = {
  name: 'stock.picking.type',
  description: 'Picking Type',
  order: 'sequence, id',
  displayName: (env, rec) => {
    const wh = related(env, 'stock.warehouse', rec.warehouse_id);
    return wh ? `${String(wh.name)}: ${String(rec.name)}` : String(rec.name ?? '');
  },
};

/** stock.lot: quantity from quants. */
export const lot: ModelSpec = {
  name: 'stock.lot',
  description: 'Lot/Serial',
  order: 'name, id',
  defaults: () => ({ company_id: 1 }),
  computes: {
    product_qty: (env, rec) =>
      env.store
        .all('stock.quant')
        .filter(
          (q) => q.lot_id === rec.id && typeof q.location_id === 'number' && isInternal(env, q.location_id),
        )
        .reduce((s, q) => s + (typeof q.quantity === 'number' ? q.quantity : 0), 0),
  },
};
