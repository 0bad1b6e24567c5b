import { decimal } from '@crossdock/canonical';
import type { OdooContext } from './context.js';
import { refusal } from './errors.js';
import { postNoteAfterWrite } from './notes.js';
import { pickingState } from './picking-state.js';
import { m2oName, type OdooRecord, qty } from './records.js';
import { requestLineId } from './requests.js';
import { recordShape } from './shape.js';

const MOVE = recordShape('stock.move', {
  product_id: 'm2o!',
  product_uom_qty: 'number',
  state: 'text!',
  sale_line_id: 'm2o',
});

/**
 * Closes the open rest of a picking (a backorder the warehouse will not ship): cancels the picking
 * (`action_cancel`) and posts a note saying which lines closed and why (`CP` closed short, `IC` item
 * cancelled; a line not in `reasons` is `CP`). A picking already cancelled answers `closed: false`
 * and changes nothing; a done one is refused (it shipped: there is no rest to close). Three calls.
 *
 * @example await closeRest(ctx, 22, { 'sale.order.line:51': 'IC' }, 'c-1'); // { closed: true }
 */
export async function closeRest(
  ctx: OdooContext,
  pickingId: number,
  reasons: Readonly<Record<string, 'CP' | 'IC'>>,
  correlationId: string | undefined,
): Promise<{ readonly closed: boolean; readonly noteFailure?: string }> {
  const moves = MOVE.check(
    await ctx.client.model('stock.move').searchRead({
      domain: [['picking_id', '=', pickingId]],
      fields: MOVE.fields,
      order: 'id asc',
    }),
  );
  const state = await pickingState(ctx, pickingId, moves);
  const externalId = `stock.picking:${pickingId}`;
  if (state === undefined)
    throw refusal(
      'fulfillment.closeRest',
      'not_found',
      `picking ${pickingId} does not exist`,
      correlationId,
      externalId,
    );
  if (state === 'cancel') return { closed: false };
  if (state === 'done') {
    throw refusal(
      'fulfillment.closeRest',
      'already_done',
      `picking ${pickingId} is done: it has no open rest to close`,
      correlationId,
      externalId,
    );
  }
  const open = moves.filter((m) => m.state !== 'done' && m.state !== 'cancel');
  const unknown = Object.keys(reasons).filter((lineId) => !open.some((m) => requestLineId(m) === lineId));
  if (unknown.length > 0) {
    throw refusal(
      'fulfillment.closeRest',
      'unknown_line',
      `picking ${pickingId} has no open line ${unknown.join(', ')}`,
      correlationId,
      externalId,
    );
  }
  await ctx.client.model('stock.picking').call('action_cancel', { ids: [pickingId] });
  const note = await postNoteAfterWrite(ctx, pickingId, closeText(open, reasons), correlationId);
  return note.failure === undefined ? { closed: true } : { closed: true, noteFailure: note.failure };
}

/** `Crossdock: the rest was closed as the warehouse will not ship it: 2 Widget (IC), …` */
function closeText(open: readonly OdooRecord[], reasons: Readonly<Record<string, 'CP' | 'IC'>>): string {
  const lines = open.map((move) => {
    const reason = reasons[requestLineId(move)] ?? 'CP';
    return `${decimal.normalize(qty(move.product_uom_qty))} ${m2oName(move.product_id) ?? 'product'} (${reason})`;
  });
  return `Crossdock: the rest was closed as the warehouse will not ship it: ${lines.join(', ')}.`;
}
