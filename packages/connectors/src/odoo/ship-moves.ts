import { isOdooError } from '@crossdock/odoo-client';
import type { OdooContext } from './context.js';
import { byId, m2oId, type OdooRecord, unique } from './records.js';
import { recordShape } from './shape.js';

/** A move as applying a shipment needs it; `product_id` also carries the product's `default_code`. */
export const SHIP_MOVE = recordShape('stock.move', {
  product_id: 'm2o!',
  product_uom_qty: 'number',
  quantity: 'number',
  state: 'text!',
  sale_line_id: 'm2o',
  move_line_ids: 'ids',
});

/** A many2one as `web_read` answers it with `display_name` asked: `{ id, display_name, …fields }`. */
const many2one = (fields: Readonly<Record<string, object>> = {}) => ({
  fields: { display_name: {}, ...fields },
});

/**
 * The moves of a picking and their products' internal references in one call: `web_search_read`
 * (Odoo 17+, every model, what the web client reads with) follows `product_id` to `default_code`,
 * which `search_read` cannot. Many2ones come back as `{ id, name }` like the client's other reads,
 * the product with its `default_code`.
 *
 * @example const moves = await readShipMoves(ctx, 21); // [{ id: 40, product_id: { id: 7, name: '[A-1] Chair', default_code: 'A-1' }, … }]
 */
export async function readShipMoves(ctx: OdooContext, pickingId: number): Promise<OdooRecord[]> {
  let answer: { records?: unknown } | null;
  try {
    answer = await webSearchMoves(ctx, pickingId);
  } catch (error) {
    // The client retries only the methods it knows read (`search_read`…), not `web_search_read`:
    // after a transient failure, read the same thing the way it retries.
    if (!isOdooError(error) || !error.retryable) throw error;
    return readShipMovesPlainly(ctx, pickingId);
  }
  const records = Array.isArray(answer?.records) ? (answer.records as OdooRecord[]) : [];
  return SHIP_MOVE.check(records.map(asClientRecord));
}

/** `web_search_read` of a picking's moves with their products' internal references. */
async function webSearchMoves(ctx: OdooContext, pickingId: number) {
  return (await ctx.client.model('stock.move').call('web_search_read', {
    params: {
      domain: [['picking_id', '=', pickingId]],
      specification: {
        product_id: many2one({ default_code: {} }),
        product_uom_qty: {},
        quantity: {},
        state: {},
        sale_line_id: many2one(),
        move_line_ids: {},
      },
      order: 'id asc',
    },
  })) as { records?: unknown } | null;
}

const PRODUCT = recordShape('product.product', { default_code: 'text' });

/** The same moves by `search_read` and their products by `read` (two calls the client retries as reads). */
async function readShipMovesPlainly(ctx: OdooContext, pickingId: number): Promise<OdooRecord[]> {
  const moves = SHIP_MOVE.check(
    await ctx.client.model('stock.move').searchRead({
      domain: [['picking_id', '=', pickingId]],
      fields: SHIP_MOVE.fields,
      order: 'id asc',
    }),
  );
  if (moves.length === 0) return moves;
  const products = byId(
    PRODUCT.check(
      await ctx.client.model('product.product').read(unique(moves.map((m) => m2oId(m.product_id))), {
        fields: PRODUCT.fields,
      }),
    ),
  );
  return moves.map((move) => ({
    ...move,
    product_id: {
      ...(move.product_id as OdooRecord),
      default_code: products.get(m2oId(move.product_id) ?? -1)?.default_code ?? null,
    },
  }));
}

/** `{ id, display_name, … }` many2ones as `{ id, name, … }`; `false` as `null`. */
function asClientRecord(record: OdooRecord): OdooRecord {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => {
      if (value === false && key !== 'picked') return [key, null];
      if (value && typeof value === 'object' && !Array.isArray(value) && 'display_name' in value) {
        const { display_name: name, ...rest } = value as Record<string, unknown>;
        return [key, { ...rest, name }];
      }
      return [key, value];
    }),
  );
}
