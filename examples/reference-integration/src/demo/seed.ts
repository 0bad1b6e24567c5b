import { type OdooClient, x2many } from '@crossdock/odoo-client';

/** A product to create in Odoo, with its on-hand stock in the main warehouse. */
export interface SeedProduct {
  readonly sku: string;
  readonly name: string;
  readonly stock: number;
  readonly tracking?: 'none' | 'lot' | 'serial';
}

/** Storable products differ by version: `detailed_type = 'product'` on 17, `is_storable` from 18. */
function storable(version: number): Record<string, unknown> {
  return version >= 18 ? { type: 'consu', is_storable: true } : { detailed_type: 'product' };
}

/**
 * Creates products with stock in the first internal location, through the client as any Odoo
 * integration would. Answers product ids by SKU.
 *
 * @example
 * const products = await seedProducts(client, 19, [{ sku: 'MUG-1', name: 'Mug', stock: 40 }]);
 */
export async function seedProducts(
  client: OdooClient,
  version: number,
  products: readonly SeedProduct[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const [location] = await client
    .model('stock.location')
    .search({ domain: [['usage', '=', 'internal']], order: 'id asc', limit: 1 });
  for (const product of products) {
    const [id] = (await client.model('product.product').create({
      name: product.name,
      default_code: product.sku,
      tracking: product.tracking ?? 'none',
      ...storable(version),
    })) as [number];
    ids.set(product.sku, id);
    if (product.stock > 0) {
      const context = { inventory_mode: true };
      const [quant] = (await client
        .model('stock.quant')
        .create(
          { product_id: id, location_id: location, inventory_quantity: product.stock },
          { context },
        )) as [number];
      await client.model('stock.quant').call('action_apply_inventory', { ids: [quant], context });
    }
  }
  return ids;
}

/** Creates a customer with a US address; answers the partner id. */
export async function seedCustomer(client: OdooClient, name: string): Promise<number> {
  const [id] = (await client.model('res.partner').create({
    name,
    street: '100 N Racine Ave',
    city: 'Chicago',
    zip: '60607',
    country_id: 233,
  })) as [number];
  return id;
}

/** A confirmed sale order and its outgoing picking. */
export interface SeededOrder {
  readonly orderId: number;
  readonly name: string;
  readonly pickingId: number;
}

/** Creates and confirms a sale order; Odoo creates and reserves its delivery. */
export async function seedOrder(
  client: OdooClient,
  partnerId: number,
  lines: readonly (readonly [productId: number, quantity: number])[],
): Promise<SeededOrder> {
  const [orderId] = (await client.model('sale.order').create({
    partner_id: partnerId,
    order_line: lines.map(([productId, quantity]) =>
      x2many.create({ product_id: productId, product_uom_qty: quantity }),
    ),
  })) as [number];
  await client.model('sale.order').call('action_confirm', { ids: [orderId] });
  const [order] = await client.model('sale.order').read([orderId], { fields: ['name', 'picking_ids'] });
  const pickingId = (order?.picking_ids as number[] | undefined)?.[0];
  if (pickingId === undefined) throw new Error(`sale order ${orderId} has no delivery`);
  return { orderId, name: String(order?.name), pickingId };
}

/**
 * The same products on the 3PL's shelves: the fake ShipBob holds `stock` of each SKU, as a warehouse
 * that received the goods would.
 *
 * @example seedWarehouse(systems.shipbob.control, [{ sku: 'MUG-1', name: 'Mug', stock: 40 }]);
 */
export function seedWarehouse(
  control: {
    changeStock(sku: string, change: { onHand: number; fulfillable: number; name: string }): unknown;
  },
  products: readonly SeedProduct[],
): void {
  for (const product of products) {
    control.changeStock(product.sku, {
      onHand: product.stock,
      fulfillable: product.stock,
      name: product.name,
    });
  }
}

/**
 * A batch of one-line orders of one product, stocked in Odoo and at the 3PL, for one customer: what
 * the failure tests and the soak release.
 *
 * @example const orders = await seedOneProductOrders(systems, 19, { sku: 'MUG', name: 'Mug', stock: 500 }, 30, 'Ada');
 */
export async function seedOneProductOrders(
  systems: {
    readonly odooClient: OdooClient;
    readonly shipbob: { readonly control: Parameters<typeof seedWarehouse>[0] };
  },
  version: number,
  product: SeedProduct,
  count: number,
  customerName: string,
): Promise<SeededOrder[]> {
  const productId = (await seedProducts(systems.odooClient, version, [product])).get(product.sku) as number;
  seedWarehouse(systems.shipbob.control, [product]);
  const customer = await seedCustomer(systems.odooClient, customerName);
  const orders: SeededOrder[] = [];
  for (let index = 0; index < count; index++) {
    orders.push(await seedOrder(systems.odooClient, customer, [[productId, 1]]));
  }
  return orders;
}
