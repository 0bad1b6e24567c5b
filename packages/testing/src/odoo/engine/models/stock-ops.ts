import { faults } from '../faults.js';
import { create } from '../orm.js';
import type { Env } from '../registry.js';
import type { Raw } from '../store.js';
import { recordsWhere } from '../values.js';
import { childLocations, isInternal } from './locations.js';
import { isStorable, num, pad, related, round } from './util.js';

/** Reservations a move holds on quants: `[quant id, quantity]` (internal, not an Odoo field). */
type Reservations = [number, number][];

function reservations(move: Raw): Reservations {
  return Array.isArray(move._reservations) ? (move._reservations as Reservations) : [];
}

/** The quant of a product at a location (and lot), created empty when missing. */
export function quantFor(env: Env, productId: number, locationId: number, lotId: number | false): Raw {
  const found = env.store
    .all('stock.quant')
    .find(
      (q) =>
        q.product_id === productId &&
        q.location_id === locationId &&
        (q.lot_id ?? false) === lotId &&
        !q.package_id,
    );
  if (found) return found;
  return env.store.insert(
    'stock.quant',
    {
      product_id: productId,
      location_id: locationId,
      lot_id: lotId,
      quantity: 0,
      reserved_quantity: 0,
      inventory_quantity: 0,
      inventory_quantity_set: false,
      company_id: 1,
      in_date: env.store.now(),
    },
    env.uid,
  );
}

/** Adds `delta` to the on-hand quantity of a product at an internal location. */
export function moveQuant(
  env: Env,
  productId: number,
  locationId: number,
  lotId: number | false,
  delta: number,
) {
  if (!isInternal(env, locationId)) return;
  const product = env.store.get('product.product', productId);
  if (!isStorable(env, product)) return;
  const quant = quantFor(env, productId, locationId, lotId);
  quant.quantity = round(num(quant.quantity) + delta);
  env.store.touch(quant, env.uid);
}

/** Releases what a move reserved on quants. */
export function unreserve(env: Env, move: Raw): void {
  for (const [quantId, qty] of reservations(move)) {
    const quant = env.store.get('stock.quant', quantId);
    if (quant) {
      quant.reserved_quantity = round(Math.max(0, num(quant.reserved_quantity) - qty));
      env.store.touch(quant, env.uid);
    }
  }
  move._reservations = [];
}

function reservedTotal(move: Raw): number {
  return reservations(move).reduce((s, [, q]) => s + q, 0);
}

/** Sets a move's single move line to the move's quantity (creating or dropping it). */
export function syncMoveLines(env: Env, move: Raw): void {
  const lines = recordsWhere(env, 'stock.move.line', 'move_id', move.id);
  const qty = num(move.quantity);
  if (lines.length > 1) {
    const sum = lines.reduce((s, l) => s + num(l.quantity), 0);
    if (round(sum) === round(qty)) return;
  }
  const [first, ...others] = lines;
  for (const other of others) env.store.remove('stock.move.line', other.id);
  if (qty <= 0 && first && !first.lot_id) {
    env.store.remove('stock.move.line', first.id);
    return;
  }
  if (first) {
    first.quantity = qty;
    first.picked = move.picked === true;
    env.store.touch(first, env.uid);
  } else if (qty > 0) {
    const [firstHeld] = reservations(move);
    const heldQuant = firstHeld ? env.store.get('stock.quant', firstHeld[0]) : undefined;
    env.store.insert(
      'stock.move.line',
      {
        move_id: move.id,
        picking_id: move.picking_id ?? false,
        product_id: move.product_id,
        product_uom_id: move.product_uom,
        location_id: move.location_id,
        location_dest_id: move.location_dest_id,
        quantity: qty,
        picked: move.picked === true,
        lot_id: heldQuant?.lot_id ?? false,
        state: move.state,
        company_id: 1,
        date: env.store.now(),
      },
      env.uid,
    );
  }
}

function moveStateFor(move: Raw): string {
  const qty = num(move.quantity);
  const demand = num(move.product_uom_qty);
  if (qty >= demand && demand > 0) return 'assigned';
  if (qty > 0) return 'partially_available';
  return 'confirmed';
}

/** Reserves what is available for a move at its source location. */
export function reserveMove(env: Env, move: Raw): void {
  if (move.state === 'done' || move.state === 'cancel' || move.state === 'draft') return;
  const product = env.store.get('product.product', num(move.product_id));
  const demand = num(move.product_uom_qty);
  const source = num(move.location_id);
  if (!isStorable(env, product) || !isInternal(env, source)) {
    move.quantity = Math.max(num(move.quantity), demand);
  } else {
    let needed = round(demand - Math.max(num(move.quantity), reservedTotal(move)));
    const scope = childLocations(env, source);
    const held = reservations(move);
    for (const quant of env.store.all('stock.quant')) {
      if (needed <= 0) break;
      if (quant.product_id !== move.product_id || !scope.has(num(quant.location_id))) continue;
      const free = round(num(quant.quantity) - num(quant.reserved_quantity));
      if (free <= 0) continue;
      const take = Math.min(free, needed);
      quant.reserved_quantity = round(num(quant.reserved_quantity) + take);
      env.store.touch(quant, env.uid);
      held.push([quant.id, take]);
      needed = round(needed - take);
    }
    move._reservations = held;
    move.quantity = round(Math.max(num(move.quantity), reservedTotal(move)));
  }
  move.state = moveStateFor(move);
  syncMoveLines(env, move);
}

/** The picking state from its moves, as Odoo computes it. */
export function computePickingState(env: Env, picking: Raw): void {
  const moves = recordsWhere(env, 'stock.move', 'picking_id', picking.id);
  const states = moves.map((m) => String(m.state));
  let state: string;
  if (moves.length === 0) state = picking.state === 'cancel' ? 'cancel' : 'draft';
  else if (states.every((s) => s === 'cancel')) state = 'cancel';
  else if (states.every((s) => s === 'done' || s === 'cancel')) state = 'done';
  else if (states.includes('draft')) state = 'draft';
  else {
    const live = states.filter((s) => s !== 'done' && s !== 'cancel');
    if (live.every((s) => s === 'assigned')) state = 'assigned';
    else if (picking.move_type !== 'one' && live.some((s) => s === 'assigned' || s === 'partially_available'))
      state = 'assigned';
    else state = 'confirmed';
  }
  picking.state = state;
}

/** Confirms the draft moves of pickings and reserves them. */
export function confirmPickings(env: Env, pickings: readonly Raw[]): void {
  for (const picking of pickings) {
    const moves = recordsWhere(env, 'stock.move', 'picking_id', picking.id);
    for (const move of moves) if (move.state === 'draft') move.state = 'confirmed';
    for (const move of moves) reserveMove(env, move);
    computePickingState(env, picking);
    env.store.touch(picking, env.uid);
  }
}

/** The next name of a picking type's sequence: `WH/OUT/00015`. */
export function nextPickingName(env: Env, pickingTypeId: number): string {
  const type = env.store.get('stock.picking.type', pickingTypeId);
  const wh = related(env, 'stock.warehouse', type?.warehouse_id);
  const prefix = `${String(wh?.code ?? 'WH')}/${String(type?.sequence_code ?? 'PICK')}/`;
  return `${prefix}${pad(env.store.nextSequence(`picking.${pickingTypeId}`))}`;
}

/** Whether a move counts as processed in its picking (picked, or nothing picked at all and a quantity set). */
function processedQty(move: Raw, anyPicked: boolean): number {
  if (anyPicked) return move.picked === true ? num(move.quantity) : 0;
  return num(move.quantity);
}

/** The pickings whose processed quantities fall short of the demand (they need the backorder wizard). */
export function needsBackorder(env: Env, picking: Raw): boolean {
  const moves = liveMoves(env, picking);
  const anyPicked = moves.some((m) => m.picked === true);
  return moves.some((m) => round(processedQty(m, anyPicked)) < round(num(m.product_uom_qty)));
}

function liveMoves(env: Env, picking: Raw): Raw[] {
  return recordsWhere(env, 'stock.move', 'picking_id', picking.id).filter(
    (m) => m.state !== 'done' && m.state !== 'cancel',
  );
}

/** Raises when a picking has nothing to validate. */
export function checkSomethingToValidate(env: Env, picking: Raw): void {
  const moves = liveMoves(env, picking);
  if (!moves.some((m) => num(m.quantity) > 0)) {
    throw faults.user(
      'You cannot validate a transfer if no quantities are reserved nor done. You can use the info button to see the reserved quantities.',
    );
  }
  for (const move of moves) {
    const product = env.store.get('product.product', num(move.product_id));
    if (!product || product.tracking === 'none' || product.tracking === undefined || num(move.quantity) === 0)
      continue;
    const lines = recordsWhere(env, 'stock.move.line', 'move_id', move.id);
    if (lines.some((l) => !l.lot_id && !l.lot_name)) {
      throw faults.user(`You need to supply a Lot/Serial number for product:\n- ${String(product.name)}`);
    }
  }
}

/**
 * Splits the unprocessed rest of each move: into a backorder picking (`backorder`) or into
 * cancelled moves (`cancel`). Returns the backorder picking, if one was made.
 */
export function splitRest(env: Env, picking: Raw, mode: 'backorder' | 'cancel'): Raw | undefined {
  const moves = liveMoves(env, picking);
  const anyPicked = moves.some((m) => m.picked === true);
  const rest: [Raw, number][] = [];
  for (const move of moves) {
    const done = round(processedQty(move, anyPicked));
    const remaining = round(num(move.product_uom_qty) - done);
    if (remaining > 0) rest.push([move, remaining]);
  }
  if (rest.length === 0) return undefined;
  let backorder: Raw | undefined;
  if (mode === 'backorder') {
    const id = create(env, 'stock.picking', {
      picking_type_id: picking.picking_type_id,
      partner_id: picking.partner_id ?? false,
      origin: picking.origin ?? false,
      location_id: picking.location_id,
      location_dest_id: picking.location_dest_id,
      scheduled_date: picking.scheduled_date,
      backorder_id: picking.id,
      move_type: picking.move_type ?? 'direct',
      ...(picking.sale_id ? { sale_id: picking.sale_id } : {}),
      carrier_id: picking.carrier_id ?? false,
    });
    backorder = env.store.get('stock.picking', id);
  }
  for (const [move, remaining] of rest) {
    const done = round(num(move.product_uom_qty) - remaining);
    if (done <= 0 && !backorder) {
      unreserve(env, move);
      move.state = 'cancel';
      move.quantity = 0;
      continue;
    }
    if (done <= 0 && backorder) {
      unreserve(env, move);
      move.picking_id = backorder.id;
      move.quantity = 0;
      move.picked = false;
      move.state = 'confirmed';
      for (const line of recordsWhere(env, 'stock.move.line', 'move_id', move.id)) {
        env.store.remove('stock.move.line', line.id);
      }
      continue;
    }
    env.store.insert(
      'stock.move',
      {
        ...Object.fromEntries(
          Object.entries(move).filter(
            ([k]) => !['id', 'create_date', 'write_date', '_reservations'].includes(k),
          ),
        ),
        picking_id: backorder ? backorder.id : move.picking_id,
        product_uom_qty: remaining,
        quantity: 0,
        picked: false,
        state: backorder ? 'confirmed' : 'cancel',
        _reservations: [],
      },
      env.uid,
    );
    move.product_uom_qty = done;
  }
  if (backorder) {
    confirmPickings(env, [backorder]);
  }
  return backorder;
}

/** Validates pickings: processed quantities leave the source, arrive at the destination. */
export function donePickings(env: Env, pickings: readonly Raw[]): void {
  for (const picking of pickings) {
    const moves = liveMoves(env, picking);
    const anyPicked = moves.some((m) => m.picked === true);
    for (const move of moves) {
      const qty = round(processedQty(move, anyPicked));
      unreserve(env, move);
      if (qty <= 0) {
        move.state = 'cancel';
        move.quantity = 0;
        continue;
      }
      move.quantity = qty;
      move.picked = true;
      syncMoveLines(env, move);
      const lines = recordsWhere(env, 'stock.move.line', 'move_id', move.id);
      for (const line of lines) {
        const lotId = typeof line.lot_id === 'number' ? line.lot_id : false;
        moveQuant(env, num(move.product_id), num(move.location_id), lotId, -num(line.quantity));
        moveQuant(env, num(move.product_id), num(move.location_dest_id), lotId, num(line.quantity));
        line.state = 'done';
        line.picked = true;
      }
      move.state = 'done';
      move.date = env.store.now();
      env.store.touch(move, env.uid);
    }
    computePickingState(env, picking);
    picking.date_done = env.store.now();
    env.store.touch(picking, env.uid);
  }
}
