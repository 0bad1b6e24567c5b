import type { OdooContext } from './context.js';
import { byId, groupBy, m2oId, type OdooRecord, unique } from './records.js';
import { type RecordShape, recordShape } from './shape.js';

const MOVE_LINE = recordShape('stock.move.line', {
  move_id: 'm2o',
  lot_id: 'm2o',
  quantity: 'number',
  result_package_id: 'm2o',
});
const PRODUCT = recordShape('product.product', { default_code: 'text', name: 'text', tracking: 'text' });

/** What pickings moved: their moves by picking, the done move lines by move, and the products by id. */
export interface PickingMoves {
  readonly movesByPicking: Map<number, OdooRecord[]>;
  readonly linesByMove: Map<number, OdooRecord[]>;
  readonly products: Map<number, OdooRecord>;
}

/**
 * The moves of pickings in one of `states` (fields as `move` says; it must have `picking_id` and
 * `product_id`), their done move lines (lot, quantity, destination package) and their products
 * (internal reference, name, tracking): three reads whatever the number of pickings.
 *
 * @example const { movesByPicking, linesByMove, products } = await readPickingMoves(ctx, [21, 22], MOVE, ['done']);
 */
export async function readPickingMoves(
  ctx: OdooContext,
  pickingIds: readonly number[],
  move: RecordShape,
  states: readonly string[],
): Promise<PickingMoves> {
  const moves = move.check(
    await ctx.client.model('stock.move').searchRead({
      domain: [
        ['picking_id', 'in', [...pickingIds]],
        ['state', 'in', [...states]],
      ],
      fields: move.fields,
      order: 'id asc',
    }),
  );
  const lines = MOVE_LINE.check(
    await ctx.client.model('stock.move.line').searchRead({
      domain: [
        ['picking_id', 'in', [...pickingIds]],
        ['state', '=', 'done'],
      ],
      fields: MOVE_LINE.fields,
      order: 'id asc',
    }),
  );
  const products = byId(
    PRODUCT.check(
      await ctx.client.model('product.product').read(unique(moves.map((m) => m2oId(m.product_id))), {
        fields: PRODUCT.fields,
      }),
    ),
  );
  return { movesByPicking: groupBy(moves, 'picking_id'), linesByMove: groupBy(lines, 'move_id'), products };
}
