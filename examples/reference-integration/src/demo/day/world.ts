import { deliverWebhooks } from '@crossdock/testing';
import type { Service } from '../../service.ts';
import { type EmbeddedSystems, embeddedService, startEmbeddedSystems } from '../environment.ts';
import { type SeedProduct, seedProducts, seedWarehouse } from '../seed.ts';

const HOUR_MS = 3_600_000;

/** The products of the demo's day, the same stock in Odoo and on the 3PL's shelves. */
export const DEMO_PRODUCTS: readonly SeedProduct[] = [
  { sku: 'MUG-BLUE', name: 'Blue mug', stock: 120 },
  { sku: 'TEA-EARL', name: 'Earl Grey tea', stock: 80 },
  { sku: 'HONEY-500', name: 'Acacia honey 500 g (lots)', stock: 0, tracking: 'lot' },
  { sku: 'TEA-GREEN', name: 'Green tea', stock: 10 },
  { sku: 'TEA-BLACK', name: 'Black tea', stock: 30 },
  { sku: 'KETTLE-1', name: 'Kettle', stock: 15 },
  { sku: 'CUP-WHITE', name: 'White cup', stock: 40 },
];

/** Where the honey lots sit, in Odoo and at the 3PL: lot-tracked stock is counted per lot. */
export const HONEY_LOTS = { 'HONEY-2611-A': 10, 'HONEY-2611-B': 10 } as const;

/** The fakes, the running service, and the seeded products by SKU. */
export interface DemoWorld {
  readonly systems: EmbeddedSystems;
  readonly service: Service;
  readonly products: ReadonlyMap<string, number>;
  close(): Promise<void>;
}

/**
 * Starts the fake Odoo, ShipBob, EasyPost and Shopify on loopback, seeds the products in Odoo and
 * at ShipBob, and starts the service (webhook endpoint and pollers) on in-memory stores. The
 * pollers wait an hour between passes: the day drives each pass itself, so every step is visible.
 *
 * @example
 * const world = await startDemoWorld();
 * try { await runDay(world, console.log); } finally { await world.close(); }
 */
export async function startDemoWorld(): Promise<DemoWorld> {
  const systems = await startEmbeddedSystems({
    config: { releaseIntervalMs: HOUR_MS, shipmentPollIntervalMs: HOUR_MS, snapshotIntervalMs: HOUR_MS },
  });
  try {
    const products = await seedProducts(systems.odooClient, 19, DEMO_PRODUCTS);
    await seedLots(systems, products.get('HONEY-500') as number);
    seedWarehouse(systems.shipbob.control, DEMO_PRODUCTS);
    const honey = Object.values(HONEY_LOTS).reduce((sum, quantity) => sum + quantity, 0);
    systems.shipbob.control.changeStock('HONEY-500', { onHand: honey, fulfillable: honey });
    const service = await embeddedService(systems);
    await service.start();
    return {
      systems,
      service,
      products,
      async close() {
        await service.stop();
        await systems.close();
      },
    };
  } catch (error) {
    await systems.close();
    throw error;
  }
}

/** Books the honey lots into Odoo's stock, one quant per lot, as a receipt of lot-tracked goods would. */
async function seedLots(systems: EmbeddedSystems, productId: number): Promise<void> {
  const client = systems.odooClient;
  const [location] = await client
    .model('stock.location')
    .search({ domain: [['usage', '=', 'internal']], order: 'id asc', limit: 1 });
  const context = { inventory_mode: true };
  for (const [name, quantity] of Object.entries(HONEY_LOTS)) {
    const [lot] = (await client.model('stock.lot').create({ name, product_id: productId })) as [number];
    const [quant] = (await client
      .model('stock.quant')
      .create(
        { product_id: productId, location_id: location, lot_id: lot, inventory_quantity: quantity },
        { context },
      )) as [number];
    await client.model('stock.quant').call('action_apply_inventory', { ids: [quant], context });
  }
}

/** A signed webhook delivery, as the fakes' control APIs answer them. */
export interface Delivery {
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * POSTs signed deliveries to the service's webhook endpoint (optionally each sent more than once,
 * or in reverse order), checks every answer is 2xx, then waits until every queued step finished.
 */
export async function deliver(
  world: DemoWorld,
  system: 'shipbob' | 'easypost',
  deliveries: readonly Delivery[],
  options: { readonly duplicate?: number; readonly order?: 'in_order' | 'reversed' } = {},
): Promise<number> {
  const results = await deliverWebhooks(deliveries, {
    url: `${world.service.url()}/webhooks/${system}`,
    ...(options.duplicate === undefined ? {} : { duplicate: options.duplicate }),
    ...(options.order === undefined ? {} : { order: options.order }),
  });
  for (const result of results) {
    if (result.status >= 300)
      throw new Error(`the ${system} webhook answered ${result.status}: ${result.body}`);
  }
  await world.service.runtime.queue.onIdle();
  return results.length;
}

/** The ShipBob order the service created for an Odoo picking (`reference_id` `stock.picking:<id>`). */
export function shipbobOrderOf(world: DemoWorld, pickingId: number): number {
  const order = world.systems.shipbob.control
    .orders()
    .find((candidate) => candidate.reference_id === `stock.picking:${pickingId}`);
  if (order === undefined) throw new Error(`stock.picking:${pickingId} was not released to ShipBob`);
  return order.id;
}
