import { decimal, type Shipment } from '@crossdock/canonical';
import { x2many } from '@crossdock/odoo-client';
import type { OdooContext } from './context.js';
import { refusal } from './errors.js';
import { byId, ids, m2oId, type OdooRecord, str, unique } from './records.js';
import { requestLineId } from './requests.js';

/** What the warehouse said about the open rest of a line: backorder (`BP`), close short (`CP`), cancel (`IC`). */
export type Remainder = 'BP' | 'CP' | 'IC';

/** The outcome of applying a shipment to its picking. */
export type ApplyShipmentResult =
  | {
      readonly applied: true;
      readonly pickingId: number;
      /** `full`: nothing was left; `backorder`: the rest went to `backorderId`; `closed_short`: the rest was cancelled. */
      readonly outcome: 'full' | 'backorder' | 'closed_short';
      readonly backorderId?: number;
    }
  | { readonly applied: false; readonly pickingId: number; readonly reason: 'already_done' | 'cancelled' };

/** One move's part of a shipment: the quantity and, for tracked products, the lots. */
interface MovePlan {
  quantity: string;
  lots: Map<string, string>;
}

/**
 * Writes a canonical shipment onto its picking (quantities and `picked` per move, lots, tracking
 * reference), validates it and answers the backorder wizard: any `BP` in `remainder` (or none
 * given) keeps the rest as a backorder, `CP`/`IC` close the picking short. A picking already done
 * is reported, never changed.
 *
 * @example
 * await applyShipmentToPicking(ctx, 21, shipment, { remainder: { 'sale.order.line:51': 'BP' } });
 */
export async function applyShipmentToPicking(
  ctx: OdooContext,
  pickingId: number,
  shipment: Shipment,
  options: { readonly remainder?: Readonly<Record<string, Remainder>>; readonly correlationId?: string },
): Promise<ApplyShipmentResult> {
  const pickings = ctx.client.model('stock.picking');
  const [picking] = await pickings.read([pickingId], { fields: ['state', 'move_ids', 'name'] });
  if (!picking) {
    throw refusal(
      'fulfillment.applyShipment',
      'not_found',
      `picking ${pickingId} does not exist`,
      options.correlationId,
      `stock.picking:${pickingId}`,
    );
  }
  if (picking.state === 'done') return { applied: false, pickingId, reason: 'already_done' };
  if (picking.state === 'cancel') return { applied: false, pickingId, reason: 'cancelled' };

  const moves = await ctx.client.model('stock.move').read(ids(picking.move_ids), {
    fields: ['product_id', 'product_uom_qty', 'quantity', 'state', 'sale_line_id', 'move_line_ids'],
  });
  const live = moves.filter((m) => m.state !== 'done' && m.state !== 'cancel');
  const products = byId(
    await ctx.client.model('product.product').read(unique(live.map((m) => m2oId(m.product_id))), {
      fields: ['default_code', 'tracking'],
    }),
  );
  const plans = planMoves(shipment, live, products, options.correlationId);

  const tracked = [...plans.entries()].filter(([, plan]) => plan.lots.size > 0);
  const lotIds = await ensureLots(
    ctx,
    tracked.map(([move, plan]) => [m2oId(move.product_id) ?? 0, [...plan.lots.keys()]] as const),
  );
  for (const [move, plan] of plans) {
    if (plan.lots.size === 0) {
      await ctx.client
        .model('stock.move')
        .write([move.id as number], { quantity: Number(plan.quantity), picked: true });
      continue;
    }
    const productId = m2oId(move.product_id) ?? 0;
    const oldLines = ids(move.move_line_ids);
    if (oldLines.length > 0) await ctx.client.model('stock.move.line').unlink(oldLines);
    await ctx.client.model('stock.move.line').create(
      [...plan.lots.entries()].map(([lot, quantity]) => ({
        move_id: move.id,
        lot_id: lotIds.get(`${productId}\u0000${lot}`),
        quantity: Number(quantity),
        picked: true,
      })),
    );
  }
  if (shipment.trackingNumbers.length > 0) {
    await pickings.write([pickingId], { carrier_tracking_ref: shipment.trackingNumbers.join(',') });
  }

  const answer = await pickings.call('button_validate', { ids: [pickingId] });
  if (!isBackorderWizard(answer)) return { applied: true, pickingId, outcome: 'full' };
  const decisions = Object.values(options.remainder ?? {});
  const keep = decisions.length === 0 || decisions.includes('BP');
  const wizard = ctx.client.model('stock.backorder.confirmation');
  const [wizardId] = await wizard.create({ pick_ids: [x2many.link(pickingId)] }, { context: answer.context });
  await wizard.call(keep ? 'process' : 'process_cancel_backorder', {
    ids: [wizardId as number],
    context: answer.context,
  });
  if (!keep) return { applied: true, pickingId, outcome: 'closed_short' };
  const [backorder] = await pickings.search({
    domain: [['backorder_id', '=', pickingId]],
    order: 'id desc',
    limit: 1,
  });
  return {
    applied: true,
    pickingId,
    outcome: 'backorder',
    ...(backorder === undefined ? {} : { backorderId: backorder }),
  };
}

function isBackorderWizard(
  answer: unknown,
): answer is { res_model: string; context: Record<string, unknown> } {
  return (
    typeof answer === 'object' &&
    answer !== null &&
    (answer as { res_model?: unknown }).res_model === 'stock.backorder.confirmation'
  );
}

/** The quantity and lots per live move: contents matched by request line id, else by sku. */
function planMoves(
  shipment: Shipment,
  moves: readonly OdooRecord[],
  products: Map<number, OdooRecord>,
  correlationId: string | undefined,
): Map<OdooRecord, MovePlan> {
  const plans = new Map<OdooRecord, MovePlan>();
  for (const content of shipment.contents) {
    const move =
      moves.find(
        (m) =>
          requestLineId(m) === content.requestLineId ||
          `stock.move:${String(m.id)}` === content.requestLineId,
      ) ?? moves.find((m) => str(products.get(m2oId(m.product_id) ?? -1)?.default_code) === content.item.sku);
    if (!move) {
      throw refusal(
        'fulfillment.applyShipment',
        'unknown_line',
        `no open move for line ${content.requestLineId} (${content.item.sku})`,
        correlationId,
      );
    }
    const plan = plans.get(move) ?? { quantity: '0', lots: new Map<string, string>() };
    plan.quantity = decimal.add(plan.quantity, content.quantity);
    const tracking = str(products.get(m2oId(move.product_id) ?? -1)?.tracking) ?? 'none';
    const lots =
      content.serials.length > 0
        ? content.serials.map((s) => [s, '1'] as const)
        : content.lot
          ? [[content.lot.number, content.quantity] as const]
          : [];
    if (tracking !== 'none' || content.lot || content.serials.length > 0) {
      for (const [lot, amount] of lots) plan.lots.set(lot, decimal.add(plan.lots.get(lot) ?? '0', amount));
    }
    plans.set(move, plan);
  }
  return plans;
}

/** Finds `stock.lot`s by name and product, creating the missing ones; keys are `productId\0name`. */
async function ensureLots(
  ctx: OdooContext,
  wanted: readonly (readonly [number, readonly string[]])[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (wanted.length === 0) return found;
  const lotModel = ctx.client.model('stock.lot');
  const existing = await lotModel.searchRead({
    domain: [
      ['product_id', 'in', unique(wanted.map(([product]) => product))],
      ['name', 'in', unique(wanted.flatMap(([, names]) => names))],
    ],
    fields: ['name', 'product_id'],
  });
  for (const lot of existing)
    found.set(`${String(m2oId(lot.product_id))}\u0000${String(lot.name)}`, lot.id as number);
  const missing = wanted.flatMap(([product, names]) =>
    names
      .filter((name) => !found.has(`${product}\u0000${name}`))
      .map((name) => ({ product_id: product, name })),
  );
  if (missing.length > 0) {
    const created = await lotModel.create(missing);
    for (const [index, lot] of missing.entries()) {
      found.set(`${lot.product_id}\u0000${lot.name}`, created[index] as number);
    }
  }
  return found;
}
