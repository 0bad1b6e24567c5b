import { faults } from '../faults.js';
import { browseStrict, create } from '../orm.js';
import type { Env, MethodSpec, ModelSpec } from '../registry.js';
import type { Raw } from '../store.js';
import { recordsWhere } from '../values.js';
import { confirmPickings, donePickings, nextPickingName, splitRest } from './stock-ops.js';
import { num, related } from './util.js';

function wizardPickings(env: Env, wizard: Raw): Raw[] {
  const ids = Array.isArray(wizard.pick_ids) ? (wizard.pick_ids as number[]) : [];
  const fromContext = Array.isArray(env.context.button_validate_picking_ids)
    ? (env.context.button_validate_picking_ids as number[])
    : [];
  return browseStrict(env, 'stock.picking', ids.length > 0 ? ids : fromContext);
}

function processWizard(mode: 'backorder' | 'cancel'): MethodSpec {
  return {
    api: 'records',
    params: [],
    owner: 'StockBackorderConfirmation',
    run: (env, ids) => {
      for (const wizard of browseStrict(env, 'stock.backorder.confirmation', ids)) {
        const pickings = wizardPickings(env, wizard).filter(
          (p) => p.state !== 'done' && p.state !== 'cancel',
        );
        for (const picking of pickings) splitRest(env, picking, mode);
        donePickings(env, pickings);
      }
      return true;
    },
  };
}

/** stock.backorder.confirmation: `process` keeps the rest as a backorder, `process_cancel_backorder` drops it. */
export const backorderConfirmation: ModelSpec = {
  name: 'stock.backorder.confirmation',
  description: 'Backorder Confirmation',
  defaults: () => ({ show_transfers: false }),
  methods: {
    process: processWizard('backorder'),
    process_cancel_backorder: processWizard('cancel'),
  },
};

function createReturns(env: Env, ids: number[]): Record<string, unknown> {
  const [wizard] = browseStrict(env, 'stock.return.picking', ids);
  if (!wizard) throw faults.user('Please specify at least one non-zero quantity.');
  const original = related(env, 'stock.picking', wizard.picking_id);
  if (!original) throw faults.user('Please specify at least one non-zero quantity.');
  const lines = env.store
    .all('stock.return.picking.line')
    .filter((l) => l.wizard_id === wizard.id && num(l.quantity) > 0);
  if (lines.length === 0) throw faults.user('Please specify at least one non-zero quantity.');
  const type = related(env, 'stock.picking.type', original.picking_type_id);
  const returnTypeId =
    typeof type?.return_picking_type_id === 'number' ? type.return_picking_type_id : type?.id;
  const name = returnTypeId !== undefined ? nextPickingName(env, returnTypeId) : '/';
  const pickingId = create(env, 'stock.picking', {
    name,
    picking_type_id: returnTypeId ?? false,
    partner_id: original.partner_id ?? false,
    origin: `Return of ${String(original.name)}`,
    location_id: original.location_dest_id,
    location_dest_id: typeof wizard.location_id === 'number' ? wizard.location_id : original.location_id,
    return_id: original.id,
    ...(original.sale_id ? { sale_id: original.sale_id } : {}),
  });
  for (const line of lines) {
    const move = related(env, 'stock.move', line.move_id);
    create(env, 'stock.move', {
      picking_id: pickingId,
      product_id: line.product_id,
      product_uom_qty: num(line.quantity),
      origin_returned_move_id: line.move_id ?? false,
      to_refund: true,
      ...(move?.sale_line_id ? { sale_line_id: move.sale_line_id } : {}),
    });
  }
  const picking = env.store.get('stock.picking', pickingId);
  if (picking) confirmPickings(env, [picking]);
  return {
    name: 'Returned Picking',
    view_mode: 'form',
    res_model: 'stock.picking',
    res_id: pickingId,
    type: 'ir.actions.act_window',
    context: { ...env.context },
  };
}

const createReturnsMethod: MethodSpec = {
  api: 'records',
  params: [],
  owner: 'StockReturnPicking',
  run: createReturns,
};

/** stock.return.picking: lines for the done moves of the picking, `action_create_returns`. */
export const returnPicking: ModelSpec = {
  name: 'stock.return.picking',
  description: 'Return Picking',
  defaults: (env) => {
    const active = env.context.active_model === 'stock.picking' ? env.context.active_id : undefined;
    return typeof active === 'number' ? { picking_id: active } : {};
  },
  afterCreate(env, rec) {
    const picking = related(env, 'stock.picking', rec.picking_id);
    if (!picking) return;
    if (rec.location_id === undefined || rec.location_id === false) rec.location_id = picking.location_id;
    const existing = recordsWhere(env, 'stock.return.picking.line', 'wizard_id', rec.id).length > 0;
    if (existing) return;
    for (const move of recordsWhere(env, 'stock.move', 'picking_id', picking.id)) {
      if (move.state !== 'done') continue;
      env.store.insert(
        'stock.return.picking.line',
        {
          wizard_id: rec.id,
          product_id: move.product_id,
          quantity: 0,
          move_id: move.id,
          uom_id: move.product_uom,
        },
        env.uid,
      );
    }
  },
  methods: { action_create_returns: createReturnsMethod, create_returns: createReturnsMethod },
};

/** stock.return.picking.line: display as the product. */
export const returnPickingLine: ModelSpec = {
  name: 'stock.return.picking.line',
  description: 'Return Picking Line',
};
