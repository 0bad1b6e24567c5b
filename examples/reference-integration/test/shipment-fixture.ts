import { deliverWebhooks } from '@crossdock/testing';
import { type EmbeddedSystems, embeddedService, startEmbeddedSystems } from '../src/demo/environment.ts';
import {
  type SeededOrder,
  type SeedProduct,
  seedCustomer,
  seedOrder,
  seedProducts,
  seedWarehouse,
} from '../src/demo/seed.ts';
import { pollReleases } from '../src/flows/release.ts';
import type { Service } from '../src/service.ts';

const HOUR_MS = 3_600_000;

/** The fakes, a started service (webhook endpoint on loopback) and seeded products by sku. */
export interface ShipmentWorld {
  readonly systems: EmbeddedSystems;
  readonly service: Service;
  readonly products: Map<string, number>;
  readonly customer: number;
  close(): Promise<void>;
}

/** Starts the fakes and the service; pollers wait an hour between passes so tests drive them. */
export async function startShipmentWorld(products: readonly SeedProduct[]): Promise<ShipmentWorld> {
  const systems = await startEmbeddedSystems({
    config: { releaseIntervalMs: HOUR_MS, shipmentPollIntervalMs: HOUR_MS, snapshotIntervalMs: HOUR_MS },
  });
  const seeded = await seedProducts(systems.odooClient, 19, products);
  seedWarehouse(systems.shipbob.control, products);
  const customer = await seedCustomer(systems.odooClient, 'Grace Hopper');
  const service = await embeddedService(systems);
  await service.start();
  return {
    systems,
    service,
    products: seeded,
    customer,
    async close() {
      await service.stop();
      await systems.close();
    },
  };
}

/** Creates a confirmed order, releases it to ShipBob and answers it with its ShipBob order id. */
export async function releasedOrder(
  world: ShipmentWorld,
  lines: readonly (readonly [sku: string, quantity: number])[],
): Promise<SeededOrder & { readonly shipbobId: number }> {
  const order = await seedOrder(
    world.systems.odooClient,
    world.customer,
    lines.map(([sku, quantity]) => [world.products.get(sku) as number, quantity] as const),
  );
  await pollReleases(world.service.runtime);
  await world.service.runtime.queue.onIdle();
  const held = world.systems.shipbob.control
    .orders()
    .find((candidate) => candidate.reference_id === `stock.picking:${order.pickingId}`);
  if (held === undefined) throw new Error(`stock.picking:${order.pickingId} was not released to ShipBob`);
  return { ...order, shipbobId: held.id };
}

/** POSTs signed deliveries to the service's webhook endpoint, then waits for every queued step. */
export async function deliver(
  world: ShipmentWorld,
  system: 'shipbob' | 'easypost',
  deliveries: readonly { readonly headers: Record<string, string>; readonly body: string }[],
): Promise<void> {
  const results = await deliverWebhooks(deliveries, { url: `${world.service.url()}/webhooks/${system}` });
  for (const result of results) {
    if (result.status >= 300) throw new Error(`webhook answered ${result.status}`);
  }
  await world.service.runtime.queue.onIdle();
}

/** A picking as Odoo holds it now. */
export async function readPicking(world: ShipmentWorld, pickingId: number) {
  const [record] = await world.systems.odooClient.model('stock.picking').read([pickingId], {
    fields: ['state', 'carrier_tracking_ref', 'backorder_id', 'move_ids'],
  });
  return record as Record<string, unknown>;
}

/** The backorders Odoo created for a picking. */
export async function backordersOf(world: ShipmentWorld, pickingId: number) {
  return world.systems.odooClient.model('stock.picking').searchRead({
    domain: [['backorder_id', '=', pickingId]],
    fields: ['state', 'move_ids'],
  });
}

/** The chatter notes of a picking, as text. */
export async function notesOf(world: ShipmentWorld, pickingId: number): Promise<string> {
  const messages = await world.systems.odooClient.model('mail.message').searchRead({
    domain: [
      ['model', '=', 'stock.picking'],
      ['res_id', '=', pickingId],
    ],
    fields: ['body'],
  });
  return messages.map((message) => String(message.body)).join('\n');
}
