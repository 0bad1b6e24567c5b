import type { OdooContext } from './context.js';
import type { OdooRecord } from './records.js';
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
  const answer = (await ctx.client.model('stock.move').call('web_search_read', {
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
  const records = Array.isArray(answer?.records) ? (answer.records as OdooRecord[]) : [];
  return SHIP_MOVE.check(records.map(asClientRecord));
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
