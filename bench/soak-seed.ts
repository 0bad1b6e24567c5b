// Seeding for the soak bench: products and a customer through the Odoo client, as the demo does;
// then the orders straight through the fake Odoo's engine (the same model code the RPC routes run,
// without 20,000 loopback round trips), in batches of one create and one action_confirm.

import type { EmbeddedSystems } from '@crossdock/reference-integration/src/demo/environment.ts';
import { seedCustomer, seedProducts } from '@crossdock/reference-integration/src/demo/seed.ts';

/** The two products of every soak order: 2 mugs and 1 tea, so a partial pick can ship 1 of 2 mugs. */
export const SOAK_PRODUCTS = { mug: 'SOAK-MUG', tea: 'SOAK-TEA' } as const;

/** A seeded, confirmed order and its outgoing picking. */
export interface SoakOrder {
  readonly orderId: number;
  readonly pickingId: number;
}

const BATCH = 500;

/** Runs one model method on the fake Odoo's engine as the admin (uid 2), JSON-2 style. */
function execute(
  systems: EmbeddedSystems,
  model: string,
  method: string,
  kwargs: Record<string, unknown>,
  ids?: readonly number[],
): unknown {
  return systems.odoo.engine.execute({
    model,
    method,
    style: 'named',
    args: [],
    ...(ids === undefined ? {} : { ids }),
    kwargs,
    uid: 2,
  });
}

/**
 * Creates `count` confirmed two-line sale orders (their deliveries reserved) with stock for all of
 * them in Odoo and at ShipBob; answers the orders in creation order.
 */
export async function seedSoak(systems: EmbeddedSystems, count: number): Promise<SoakOrder[]> {
  const stock = { [SOAK_PRODUCTS.mug]: count * 2, [SOAK_PRODUCTS.tea]: count };
  const products = await seedProducts(systems.odooClient, 19, [
    { sku: SOAK_PRODUCTS.mug, name: 'Soak mug', stock: stock[SOAK_PRODUCTS.mug] as number },
    { sku: SOAK_PRODUCTS.tea, name: 'Soak tea', stock: stock[SOAK_PRODUCTS.tea] as number },
  ]);
  for (const [sku, quantity] of Object.entries(stock)) {
    systems.shipbob.control.changeStock(sku, { onHand: quantity, fulfillable: quantity, name: sku });
  }
  const customer = await seedCustomer(systems.odooClient, 'Soak Customer');
  const mug = products.get(SOAK_PRODUCTS.mug) as number;
  const tea = products.get(SOAK_PRODUCTS.tea) as number;
  const orderIds: number[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const size = Math.min(BATCH, count - start);
    const vals = Array.from({ length: size }, () => ({
      partner_id: customer,
      order_line: [
        [0, 0, { product_id: mug, product_uom_qty: 2 }],
        [0, 0, { product_id: tea, product_uom_qty: 1 }],
      ],
    }));
    const ids = execute(systems, 'sale.order', 'create', { vals_list: vals }) as number[];
    execute(systems, 'sale.order', 'action_confirm', {}, ids);
    orderIds.push(...ids);
    process.stdout.write(`  seeding: ${orderIds.length}/${count} orders\n`);
  }
  const rows = execute(systems, 'stock.picking', 'search_read', {
    domain: [['sale_id', 'in', orderIds]],
    fields: ['sale_id'],
  }) as { id: number; sale_id: number | [number, string] }[];
  const pickingOf = new Map(
    rows.map((row) => [Array.isArray(row.sale_id) ? row.sale_id[0] : row.sale_id, row.id]),
  );
  return orderIds.map((orderId) => {
    const pickingId = pickingOf.get(orderId);
    if (pickingId === undefined) throw new Error(`sale.order ${orderId} has no delivery after confirmation`);
    return { orderId, pickingId };
  });
}
