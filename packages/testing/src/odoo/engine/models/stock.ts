import { faults } from '../faults.js';
import { browseStrict } from '../orm.js';
import type { Env, MethodSpec, ModelSpec } from '../registry.js';
import type { Raw } from '../store.js';
import { displayName, recordsWhere } from '../values.js';
import { productUom } from './product.js';
import {
  checkSomethingToValidate,
  computePickingState,
  confirmPickings,
  donePickings,
  moveQuant,
  needsBackorder,
  nextPickingName,
  quantFor,
  reserveMove,
  splitRest,
  syncMoveLines,
  unreserve,
} from './stock-ops.js';
import { num, related, round } from './util.js';

const BACKORDER_VIEW_ID: Readonly<Record<number, number>> = { 17: 904, 18: 904, 19: 939 };

/** The `ir.actions.act_window` dict `button_validate` answers on a partial pick. */
export function backorderWizardAction(env: Env, pickingIds: readonly number[]): Record<string, unknown> {
  const viewId = BACKORDER_VIEW_ID[env.version] ?? 904;
  return {
    name: 'Create Backorder?',
    type: 'ir.actions.act_window',
    view_mode: 'form',
    res_model: 'stock.backorder.confirmation',
    views: [[viewId, 'form']],
    view_id: viewId,
    target: 'new',
    context: {
      ...env.context,
      button_validate_picking_ids: [...pickingIds],
      default_show_transfers: pickingIds.length > 1,
      default_pick_ids: pickingIds.map((id) => [4, id]),
    },
  };
}

function pickingMoves(env: Env, picking: Raw): Raw[] {
  return recordsWhere(env, 'stock.move', 'picking_id', picking.id);
}

/** `button_validate`: `true`, or the backorder wizard action when something is left. */
function buttonValidate(env: Env, ids: number[]): unknown {
  const pickings = browseStrict(env, 'stock.picking', ids).filter(
    (p) => p.state !== 'done' && p.state !== 'cancel',
  );
  for (const picking of pickings) {
    if (picking.state === 'draft') confirmPickings(env, [picking]);
    checkSomethingToValidate(env, picking);
  }
  const skip = env.context.skip_backorder === true;
  const notToBackorder = Array.isArray(env.context.picking_ids_not_to_backorder)
    ? (env.context.picking_ids_not_to_backorder as number[])
    : [];
  const short = pickings.filter((p) => needsBackorder(env, p));
  if (!skip && short.length > 0)
    return backorderWizardAction(
      env,
      short.map((p) => p.id),
    );
  for (const picking of short) {
    splitRest(env, picking, notToBackorder.includes(picking.id) ? 'cancel' : 'backorder');
  }
  donePickings(env, pickings);
  return true;
}

const pickingMethods: Readonly<Record<string, MethodSpec>> = {
  action_confirm: {
    api: 'records',
    params: [],
    owner: 'Picking',
    run: (env, ids) => {
      confirmPickings(env, browseStrict(env, 'stock.picking', ids));
      return true;
    },
  },
  action_assign: {
    api: 'records',
    params: [],
    owner: 'Picking',
    run: (env, ids) => {
      for (const picking of browseStrict(env, 'stock.picking', ids)) {
        for (const move of pickingMoves(env, picking)) reserveMove(env, move);
        computePickingState(env, picking);
      }
      return true;
    },
  },
  do_unreserve: {
    api: 'records',
    params: [],
    owner: 'Picking',
    run: (env, ids) => {
      for (const picking of browseStrict(env, 'stock.picking', ids)) {
        for (const move of pickingMoves(env, picking)) {
          if (move.state === 'done' || move.state === 'cancel') continue;
          unreserve(env, move);
          move.quantity = 0;
          move.state = 'confirmed';
          syncMoveLines(env, move);
        }
        computePickingState(env, picking);
      }
      return true;
    },
  },
  button_validate: { api: 'records', params: [], owner: 'Picking', run: buttonValidate },
  action_cancel: {
    api: 'records',
    params: [],
    owner: 'Picking',
    run: (env, ids) => {
      for (const picking of browseStrict(env, 'stock.picking', ids)) {
        for (const move of pickingMoves(env, picking)) {
          if (move.state === 'done') continue;
          unreserve(env, move);
          move.state = 'cancel';
          move.quantity = 0;
          syncMoveLines(env, move);
        }
        computePickingState(env, picking);
        if (pickingMoves(env, picking).length === 0) picking.state = 'cancel';
      }
      return true;
    },
  },
};

/** stock.picking: names from the type's sequence, states from the moves, validation. */
export const picking: ModelSpec = {
  name: 'stock.picking',
  description: 'Transfer',
  order: 'priority desc, scheduled_date asc, id desc',
  computes: {
    picking_type_code: (env, rec) => related(env, 'stock.picking.type', rec.picking_type_id)?.code ?? false,
    return_count: (env, rec) => recordsWhere(env, 'stock.picking', 'return_id', rec.id).length,
  },
  defaults: (env, vals) => {
    const typeId = typeof vals.picking_type_id === 'number' ? vals.picking_type_id : undefined;
    const type = typeId === undefined ? undefined : env.store.get('stock.picking.type', typeId);
    return {
      state: 'draft',
      priority: '0',
      move_type: 'direct',
      company_id: 1,
      user_id: env.uid,
      scheduled_date: env.store.now(),
      ...(type
        ? { location_id: type.default_location_src_id, location_dest_id: type.default_location_dest_id }
        : {}),
    };
  },
  beforeCreate(env, vals) {
    if (vals.name === undefined || vals.name === '/' || vals.name === false) {
      vals.name = typeof vals.picking_type_id === 'number' ? nextPickingName(env, vals.picking_type_id) : '/';
    }
    return undefined;
  },
  afterCreate(env, rec) {
    for (const move of pickingMoves(env, rec)) {
      move.location_id = move.location_id ?? rec.location_id;
      move.location_dest_id = move.location_dest_id ?? rec.location_dest_id;
    }
  },
  beforeUnlink(_env, recs) {
    for (const rec of recs) {
      if (rec.state === 'done') throw faults.user('You cannot delete a done transfer.');
    }
  },
  methods: pickingMethods,
};

/** stock.move: `origin/CODE: Stock>Customers` names, quantity writes kept in the move lines. */
export const move: ModelSpec = {
  name: 'stock.move',
  description: 'Stock Move',
  order: 'sequence, id',
  displayName: (env, rec) => {
    const picking = related(env, 'stock.picking', rec.picking_id);
    const product = related(env, 'product.product', rec.product_id);
    const origin = picking && typeof picking.origin === 'string' ? `${picking.origin}/` : '';
    const code = product && typeof product.default_code === 'string' ? `${product.default_code}: ` : '';
    const from = related(env, 'stock.location', rec.location_id);
    const to = related(env, 'stock.location', rec.location_dest_id);
    return `${origin}${code}${String(from?.name ?? '')}>${String(to?.name ?? '')}`;
  },
  computes: {
    reference: (env, rec) => related(env, 'stock.picking', rec.picking_id)?.name ?? false,
    location_usage: (env, rec) => related(env, 'stock.location', rec.location_id)?.usage ?? false,
    location_dest_usage: (env, rec) => related(env, 'stock.location', rec.location_dest_id)?.usage ?? false,
    product_qty: (_env, rec) => num(rec.product_uom_qty),
  },
  defaults: (env, vals) => {
    const picking = related(env, 'stock.picking', vals.picking_id);
    const product = related(env, 'product.product', vals.product_id);
    return {
      state: 'draft',
      quantity: 0,
      picked: false,
      company_id: 1,
      date: env.store.now(),
      product_uom: productUom(env, vals.product_id),
      ...(env.version === 19 ? {} : { name: product ? String(product.name) : '/' }),
      ...(picking
        ? {
            location_id: picking.location_id,
            location_dest_id: picking.location_dest_id,
            picking_type_id: picking.picking_type_id,
            partner_id: picking.partner_id ?? false,
          }
        : {}),
    };
  },
  afterCreate(env, rec) {
    const picking = related(env, 'stock.picking', rec.picking_id);
    if (picking && picking.state !== 'draft' && rec.state === 'draft') {
      rec.state = 'confirmed';
      reserveMove(env, rec);
      computePickingState(env, picking);
    }
  },
  afterWrite(env, recs, vals) {
    for (const rec of recs) {
      if ('quantity' in vals) {
        const total = num(rec.quantity);
        const held = Array.isArray(rec._reservations) ? (rec._reservations as [number, number][]) : [];
        const reserved = held.reduce((s, [, q]) => s + q, 0);
        if (total < reserved) {
          unreserve(env, rec);
          rec.quantity = total;
        }
        if (rec.state !== 'done' && rec.state !== 'cancel' && rec.state !== 'draft') {
          const demand = num(rec.product_uom_qty);
          rec.state =
            total >= demand && demand > 0 ? 'assigned' : total > 0 ? 'partially_available' : 'confirmed';
        }
      }
      if ('quantity' in vals || 'picked' in vals) syncMoveLines(env, rec);
      const picking = related(env, 'stock.picking', rec.picking_id);
      if (picking) computePickingState(env, picking);
    }
  },
};

function syncMoveFromLines(env: Env, moveId: unknown): void {
  const parent = related(env, 'stock.move', moveId);
  if (!parent) return;
  const lines = recordsWhere(env, 'stock.move.line', 'move_id', parent.id);
  parent.quantity = round(lines.reduce((s, l) => s + num(l.quantity), 0));
  if (lines.length > 0 && lines.every((l) => l.picked === true)) parent.picked = true;
  env.store.touch(parent, env.uid);
}

/** stock.move.line: lot and quantity per line, summed back into the move. */
export const moveLine: ModelSpec = {
  name: 'stock.move.line',
  description: 'Product Moves (Stock Move Line)',
  order: 'result_package_id desc, id',
  displayName: (env, rec) => {
    const product = related(env, 'product.product', rec.product_id);
    return product ? displayName(env, 'product.product', product) : String(rec.id);
  },
  defaults: (env, vals) => {
    const parent = related(env, 'stock.move', vals.move_id);
    return {
      company_id: 1,
      picked: false,
      date: env.store.now(),
      ...(parent
        ? {
            picking_id: parent.picking_id ?? false,
            product_id: parent.product_id,
            product_uom_id: parent.product_uom,
            location_id: parent.location_id,
            location_dest_id: parent.location_dest_id,
            state: parent.state,
          }
        : {}),
    };
  },
  afterCreate(env, rec) {
    if (typeof rec.lot_name === 'string' && rec.lot_name && !rec.lot_id) {
      const existing = env.store
        .all('stock.lot')
        .find((l) => l.name === rec.lot_name && l.product_id === rec.product_id);
      rec.lot_id =
        existing?.id ??
        env.store.insert(
          'stock.lot',
          { name: rec.lot_name, product_id: rec.product_id, company_id: 1 },
          env.uid,
        ).id;
    }
    syncMoveFromLines(env, rec.move_id);
  },
  afterWrite(env, recs) {
    for (const rec of recs) syncMoveFromLines(env, rec.move_id);
  },
};

/** Fields a user may set on a quant in inventory mode. */
const INVENTORY_FIELDS = new Set([
  'product_id',
  'location_id',
  'lot_id',
  'package_id',
  'owner_id',
  'inventory_quantity',
  'inventory_date',
  'user_id',
  'inventory_quantity_auto_apply',
]);

function applyInventory(env: Env, quant: Raw): void {
  if (quant.inventory_quantity_set !== true) return;
  const delta = round(num(quant.inventory_quantity) - num(quant.quantity));
  const adjustment = env.store.all('stock.location').find((l) => l.usage === 'inventory');
  if (delta !== 0 && adjustment) {
    const [from, to] = delta > 0 ? [adjustment.id, quant.location_id] : [quant.location_id, adjustment.id];
    const m = env.store.insert(
      'stock.move',
      {
        product_id: quant.product_id,
        product_uom: productUom(env, quant.product_id),
        product_uom_qty: Math.abs(delta),
        quantity: Math.abs(delta),
        location_id: from,
        location_dest_id: to,
        is_inventory: true,
        picked: true,
        state: 'done',
        company_id: 1,
        date: env.store.now(),
        ...(env.version === 19 ? {} : { name: 'Product Quantity Updated' }),
      },
      env.uid,
    );
    env.store.insert(
      'stock.move.line',
      {
        move_id: m.id,
        product_id: quant.product_id,
        quantity: Math.abs(delta),
        lot_id: quant.lot_id ?? false,
        location_id: from,
        location_dest_id: to,
        state: 'done',
        picked: true,
        company_id: 1,
        date: env.store.now(),
      },
      env.uid,
    );
  }
  const lotId = typeof quant.lot_id === 'number' ? quant.lot_id : false;
  moveQuant(env, num(quant.product_id), num(quant.location_id), lotId, delta);
  quant.inventory_quantity = 0;
  quant.inventory_quantity_set = false;
  quant.inventory_date = env.store.now().slice(0, 10);
  env.store.touch(quant, env.uid);
}

/** stock.quant: on hand and reserved quantities; counts through `inventory_mode`. */
export const quant: ModelSpec = {
  name: 'stock.quant',
  description: 'Quants',
  order: 'id',
  displayName: (env, rec) => {
    const loc = related(env, 'stock.location', rec.location_id);
    return loc ? displayName(env, 'stock.location', loc) : String(rec.id);
  },
  computes: {
    available_quantity: (_env, rec) => round(num(rec.quantity) - num(rec.reserved_quantity)),
    inventory_diff_quantity: (_env, rec) =>
      rec.inventory_quantity_set === true ? round(num(rec.inventory_quantity) - num(rec.quantity)) : 0,
    product_uom_id: (env, rec) => productUom(env, rec.product_id),
    warehouse_id: (env, rec) => {
      const loc = related(env, 'stock.location', rec.location_id);
      return loc?.warehouse_id ?? false;
    },
  },
  beforeCreate(env, vals) {
    if (env.context.inventory_mode !== true) {
      throw faults.user("Quant's creation is restricted, you can't do this operation.");
    }
    for (const key of Object.keys(vals)) {
      if (!INVENTORY_FIELDS.has(key)) {
        throw faults.user(`Quant's creation is restricted, you can't do this operation.`);
      }
    }
    const productId = num(vals.product_id);
    const locationId = num(vals.location_id);
    const lotId = typeof vals.lot_id === 'number' ? vals.lot_id : false;
    const existing = quantFor(env, productId, locationId, lotId);
    if ('inventory_quantity' in vals) {
      existing.inventory_quantity = num(vals.inventory_quantity);
      existing.inventory_quantity_set = true;
    }
    env.store.touch(existing, env.uid);
    return existing.id;
  },
  beforeWrite(_env, _recs, vals) {
    if (Object.keys(vals).some((k) => !INVENTORY_FIELDS.has(k))) {
      throw faults.user("Quant's editing is restricted, you can't do this operation.");
    }
    if ('inventory_quantity' in vals) vals.inventory_quantity_set = true;
  },
  methods: {
    action_apply_inventory: {
      api: 'records',
      params: [],
      owner: 'StockQuant',
      run: (env, ids) => {
        for (const rec of browseStrict(env, 'stock.quant', ids)) applyInventory(env, rec);
        return null;
      },
    },
    action_set_inventory_quantity_to_zero: {
      api: 'records',
      params: [],
      owner: 'StockQuant',
      run: (env, ids) => {
        for (const rec of browseStrict(env, 'stock.quant', ids)) {
          rec.inventory_quantity = 0;
          rec.inventory_quantity_set = false;
        }
        return null;
      },
    },
  },
};
