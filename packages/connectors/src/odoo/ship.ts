import { decimal, type Shipment } from '@crossdock/canonical';
import type { OdooContext } from './context.js';
import { refusal } from './errors.js';
import { addParts, type LineParts, type MovePlan, moveCommands } from './move-lines.js';
import {
  type RestOutcome,
  shipmentAppliedText,
  shipmentNotAppliedText,
  shipmentNoteHead,
} from './note-texts.js';
import { postNoteAfterWrite, postNoteOnce } from './notes.js';
import { pickingState } from './picking-state.js';
import { byId, m2oId, type OdooRecord, qty, str, unique } from './records.js';
import { requestLineId } from './requests.js';
import { recordShape } from './shape.js';
import { readShipMoves } from './ship-moves.js';
import { type ShortLine, shortLines } from './short-lines.js';

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
      /** The substitutions shipped as extra moves on the picking (empty when none). */
      readonly substitutions: readonly AppliedSubstitution[];
      /**
       * The lines that shipped less than this picking asked for, with what became of their rest
       * (`BP` backordered, `CP`/`IC` closed short); empty when the picking shipped in full.
       */
      readonly short: readonly ShortLine[];
      /** Why the picking's note could not be posted; the shipment is applied all the same. */
      readonly noteFailure?: string;
    }
  | { readonly applied: false; readonly pickingId: number; readonly reason: 'already_done' | 'cancelled' };

/**
 * A substitution as applied: Odoo has no substitution on a move, so the substitute ships as an
 * extra move (`moveId`) on the picking and the ordered move ships nothing; its open rest follows
 * `remainder` (backorder or close short).
 */
export interface AppliedSubstitution {
  readonly requestLineId: string;
  readonly reason: 'CS' | 'IS';
  readonly orderedSku: string;
  readonly orderedMoveId: number;
  readonly sku: string;
  readonly productId: number;
  readonly moveId: number;
  readonly quantity: string;
}

/** One substitute to ship: the ordered move it stands in for, what shipped, its lots and packages. */
interface SubstitutePlan {
  readonly orderedMove: OdooRecord;
  readonly requestLineId: string;
  readonly reason: 'CS' | 'IS';
  readonly orderedSku: string;
  readonly sku: string;
  quantity: string;
  parts: LineParts;
}

const BACKORDER = recordShape('stock.picking', { name: 'text!' });
const MOVE = recordShape('stock.move', {
  product_id: 'm2o!',
  product_uom_qty: 'number',
  quantity: 'number',
  state: 'text!',
  sale_line_id: 'm2o',
  move_line_ids: 'ids',
  picking_id: 'm2o',
});

/**
 * Writes a canonical shipment onto its picking (quantities and `picked` per move, lots and
 * destination packages on the move lines, tracking reference), validates it and answers the
 * backorder wizard: any `BP` in `remainder` (or none given) keeps the rest as a backorder, `CP`/`IC`
 * close the picking short. A picking already done is reported, never changed. A substitution
 * (`substitution` with `orderedItem`) ships the substitute as an extra move on the picking; the
 * ordered move ships none of it and its rest follows `remainder`. Serials become one lot and one
 * move line (quantity 1) each.
 *
 * Every call leaves one note in the picking's chatter per shipment: what shipped and what became
 * of the rest when it is applied; that it was not applied when the picking was already done or
 * cancelled (posted once: a repeated call finds the note and posts nothing).
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
  const moves = await readShipMoves(ctx, pickingId);
  const picking = { id: pickingId, state: await pickingState(ctx, pickingId, moves) };
  if (picking.state === undefined) {
    throw refusal(
      'fulfillment.applyShipment',
      'not_found',
      `picking ${pickingId} does not exist`,
      options.correlationId,
      `stock.picking:${pickingId}`,
    );
  }
  if (picking.state === 'done' || picking.state === 'cancel') {
    const reason = picking.state === 'done' ? 'already_done' : 'cancelled';
    const head = shipmentNoteHead(shipment);
    await postNoteOnce(
      ctx,
      pickingId,
      shipmentNotAppliedText(shipment, reason),
      options.correlationId,
      (old) => old.startsWith(head),
    );
    return { applied: false, pickingId, reason };
  }
  const result = await applyToOpenPicking(ctx, pickingId, moves, shipment, options);
  const rest: RestOutcome =
    result.outcome === 'closed_short'
      ? { kind: 'closed_short', reason: closeReason(options.remainder) }
      : result.outcome === 'backorder'
        ? {
            kind: 'backorder',
            ...(result.backorderName === undefined ? {} : { backorder: result.backorderName }),
          }
        : { kind: 'full' };
  const note = await postNoteAfterWrite(
    ctx,
    pickingId,
    shipmentAppliedText(shipment, rest),
    options.correlationId,
  );
  const { backorderName: _, ...applied } = result;
  return note.failure === undefined ? applied : { ...applied, noteFailure: note.failure };
}

/** `IC` when the warehouse cancelled the rest and nothing says `CP`, else `CP`. */
function closeReason(remainder: Readonly<Record<string, Remainder>> | undefined): 'CP' | 'IC' {
  const decisions = Object.values(remainder ?? {});
  return decisions.includes('IC') && !decisions.includes('CP') ? 'IC' : 'CP';
}

/**
 * Applies a shipment to a picking that is neither done nor cancelled: quantities, lots, packages and the tracking reference go in one
 * `stock.picking` write; then one `button_validate` that says what becomes of the rest.
 */
async function applyToOpenPicking(
  ctx: OdooContext,
  pickingId: number,
  moves: readonly OdooRecord[],
  shipment: Shipment,
  options: { readonly remainder?: Readonly<Record<string, Remainder>>; readonly correlationId?: string },
): Promise<Extract<ApplyShipmentResult, { applied: true }> & { readonly backorderName?: string }> {
  const pickings = ctx.client.model('stock.picking');
  const live = moves.filter((m) => m.state !== 'done' && m.state !== 'cancel');
  // The moves carry their product's internal reference (`readShipMoves`): no product read.
  const products = byId(
    live.map((m) => ({
      id: m2oId(m.product_id),
      default_code: (m.product_id as OdooRecord).default_code ?? null,
    })),
  );
  const { plans, substitutes } = planMoves(shipment, live, products, options.correlationId);
  const substitutions = await addSubstituteMoves(
    ctx,
    pickingId,
    substitutes,
    plans,
    products,
    options.correlationId,
  );

  await pickings.write([pickingId], {
    move_ids: await moveCommands(ctx, plans),
    ...(shipment.trackingNumbers.length > 0
      ? { carrier_tracking_ref: shipment.trackingNumbers.join(',') }
      : {}),
  });

  const decisions = Object.values(options.remainder ?? {});
  const keep = decisions.length === 0 || decisions.includes('BP');
  // The rest's fate is known up front, so validate as the backorder wizard's own buttons do
  // (`process` / `process_cancel_backorder` call `button_validate` with this context): one call,
  // no wizard round trip.
  await pickings.call('button_validate', {
    ids: [pickingId],
    context: { skip_backorder: true, ...(keep ? {} : { picking_ids_not_to_backorder: [pickingId] }) },
  });
  const short = shortLines(
    live,
    plans,
    substitutions,
    keep ? 'BP' : closeReason(options.remainder),
    options.remainder,
  );
  // Odoo leaves a rest when any open move got less than its demand (an ordered move a substitute
  // stood in for included), whatever the request lines add up to.
  const rest = live.some((move) => decimal.gt(qty(move.product_uom_qty), plans.get(move)?.quantity ?? '0'));
  if (!rest) return { applied: true, pickingId, outcome: 'full', substitutions, short };
  if (!keep) return { applied: true, pickingId, outcome: 'closed_short', substitutions, short };
  const [backorder] = BACKORDER.check(
    await pickings.searchRead({
      domain: [['backorder_id', '=', pickingId]],
      fields: BACKORDER.fields,
      order: 'id desc',
      limit: 1,
    }),
  );
  return {
    applied: true,
    pickingId,
    outcome: 'backorder',
    substitutions,
    short,
    ...(backorder === undefined
      ? {}
      : { backorderId: backorder.id as number, backorderName: String(backorder.name) }),
  };
}

/** Whether a shipment content names this move by its request line (sale order line) or move id. */
function namesMove(content: Shipment['contents'][number], move: OdooRecord): boolean {
  return (
    requestLineId(move) === content.requestLineId || `stock.move:${String(move.id)}` === content.requestLineId
  );
}

/**
 * The quantity, lots and packages per live move: contents matched by request line id, else by sku. A
 * substitution (`orderedItem`) matches the ordered move, which ships nothing of it, and becomes a
 * substitute to ship as an extra move.
 */
function planMoves(
  shipment: Shipment,
  moves: readonly OdooRecord[],
  products: Map<number, OdooRecord>,
  correlationId: string | undefined,
): { plans: Map<OdooRecord, MovePlan>; substitutes: SubstitutePlan[] } {
  const plans = new Map<OdooRecord, MovePlan>();
  const substitutes: SubstitutePlan[] = [];
  const skuOf = (move: OdooRecord) => str(products.get(m2oId(move.product_id) ?? -1)?.default_code);
  for (const content of shipment.contents) {
    const orderedSku = content.orderedItem?.sku;
    const matchSku = content.substitution && orderedSku !== undefined ? orderedSku : content.item.sku;
    const move = moves.find((m) => namesMove(content, m)) ?? moves.find((m) => skuOf(m) === matchSku);
    if (!move) {
      throw refusal(
        'fulfillment.applyShipment',
        'unknown_line',
        `no open move for line ${content.requestLineId} (${matchSku})`,
        correlationId,
      );
    }
    const plan = plans.get(move) ?? { quantity: '0', parts: new Map() };
    plans.set(move, plan);
    if (content.substitution && orderedSku !== undefined) {
      const existing = substitutes.find((s) => s.orderedMove === move && s.sku === content.item.sku);
      const substitute = existing ?? {
        orderedMove: move,
        requestLineId: requestLineId(move),
        reason: content.substitution,
        orderedSku,
        sku: content.item.sku,
        quantity: '0',
        parts: new Map(),
      };
      substitute.quantity = decimal.add(substitute.quantity, content.quantity);
      addParts(substitute.parts, content);
      if (!existing) substitutes.push(substitute);
      continue;
    }
    plan.quantity = decimal.add(plan.quantity, content.quantity);
    addParts(plan.parts, content);
  }
  return { plans, substitutes };
}

/**
 * Adds one move per substitute on the picking (its locations, the substitute product, the shipped
 * quantity as demand), confirms it and plans it like any other move.
 */
async function addSubstituteMoves(
  ctx: OdooContext,
  pickingId: number,
  substitutes: readonly SubstitutePlan[],
  plans: Map<OdooRecord, MovePlan>,
  products: Map<number, OdooRecord>,
  correlationId: string | undefined,
): Promise<AppliedSubstitution[]> {
  if (substitutes.length === 0) return [];
  const found = await ctx.client.model('product.product').searchRead({
    domain: [['default_code', 'in', unique(substitutes.map((s) => s.sku))]],
    fields: ['default_code', 'tracking', 'name'],
  });
  const bySku = new Map(found.map((p) => [str(p.default_code) ?? '', p]));
  const [picking] = await ctx.client.model('stock.picking').read([pickingId], {
    fields: ['location_id', 'location_dest_id', 'picking_type_id', 'partner_id', 'state'],
  });
  const major = await ctx.major();
  const moveModel = ctx.client.model('stock.move');
  const applied: AppliedSubstitution[] = [];
  for (const substitute of substitutes) {
    const product = bySku.get(substitute.sku);
    if (!product) {
      throw refusal(
        'fulfillment.applyShipment',
        'unknown_sku',
        `no product with internal reference ${substitute.sku} to substitute for ${substitute.orderedSku}`,
        correlationId,
      );
    }
    const productId = product.id as number;
    products.set(productId, product);
    const partnerId = m2oId(picking?.partner_id);
    const [moveId] = await moveModel.create({
      ...(major < 19 ? { name: str(product.name) ?? substitute.sku } : {}),
      picking_id: pickingId,
      product_id: productId,
      product_uom_qty: Number(substitute.quantity),
      location_id: m2oId(picking?.location_id),
      location_dest_id: m2oId(picking?.location_dest_id),
      picking_type_id: m2oId(picking?.picking_type_id),
      ...(partnerId === undefined ? {} : { partner_id: partnerId }),
    });
    const readMove = async () =>
      MOVE.check(await moveModel.read([moveId as number], { fields: MOVE.fields }))[0];
    let created = await readMove();
    if (created?.state === 'draft') {
      // A move added to a confirmed picking stays draft until the picking confirms it.
      await ctx.client.model('stock.picking').call('action_confirm', { ids: [pickingId] });
      created = await readMove();
    }
    plans.set(created ?? { id: moveId, product_id: productId, move_line_ids: [] }, {
      quantity: substitute.quantity,
      parts: substitute.parts,
    });
    applied.push({
      requestLineId: substitute.requestLineId,
      reason: substitute.reason,
      orderedSku: substitute.orderedSku,
      orderedMoveId: substitute.orderedMove.id as number,
      sku: substitute.sku,
      productId,
      moveId: moveId as number,
      quantity: substitute.quantity,
    });
  }
  return applied;
}
