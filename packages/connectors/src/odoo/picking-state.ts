import type { OdooContext } from './context.js';
import type { OdooRecord } from './records.js';
import { recordShape } from './shape.js';

const PICKING = recordShape('stock.picking', { state: 'text!' });

/**
 * The picking's state from its moves, as Odoo computes it (`_compute_state`): all cancelled →
 * `cancel`; all done or cancelled → `done`; else open. Only a picking without moves is read (to tell
 * one that does not exist, `undefined`, from an empty draft).
 *
 * @example const state = await pickingState(ctx, 21, moves); // 'open' | 'done' | 'cancel' | 'draft' | undefined
 */
export async function pickingState(
  ctx: OdooContext,
  pickingId: number,
  moves: readonly OdooRecord[],
): Promise<string | undefined> {
  if (moves.length > 0) {
    if (moves.every((m) => m.state === 'cancel')) return 'cancel';
    if (moves.every((m) => m.state === 'done' || m.state === 'cancel')) return 'done';
    return 'open';
  }
  const [picking] = PICKING.check(
    await ctx.client.model('stock.picking').read([pickingId], { fields: PICKING.fields }),
  );
  return picking === undefined ? undefined : String(picking.state);
}
