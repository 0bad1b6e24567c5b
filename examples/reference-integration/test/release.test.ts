import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedSystems, embeddedService, startEmbeddedSystems } from '../src/demo/environment.ts';
import { type SeededOrder, seedCustomer, seedOrder, seedProducts } from '../src/demo/seed.ts';
import { pollReleases } from '../src/flows/release.ts';
import type { Service } from '../src/service.ts';

describe('order release', () => {
  let systems: EmbeddedSystems;
  let service: Service;
  let ready: SeededOrder[];
  let waiting: SeededOrder;

  beforeAll(async () => {
    systems = await startEmbeddedSystems();
    const client = systems.odooClient;
    const products = await seedProducts(client, 19, [
      { sku: 'REL-MUG', name: 'Mug', stock: 50 },
      { sku: 'REL-NONE', name: 'Out of stock lamp', stock: 0 },
    ]);
    const customer = await seedCustomer(client, 'Ada Lovelace');
    const mug = products.get('REL-MUG') as number;
    ready = [await seedOrder(client, customer, [[mug, 2]]), await seedOrder(client, customer, [[mug, 3]])];
    waiting = await seedOrder(client, customer, [[products.get('REL-NONE') as number, 1]]);
    service = await embeddedService(systems);
  });
  afterAll(async () => {
    await service?.stop();
    await systems?.close();
  });

  it('releases every ready picking to ShipBob once, keyed by the picking, and leaves the unreserved one', async () => {
    const report = await pollReleases(service.runtime);
    expect(report).toMatchObject({ queued: 2, released: 2, notReady: 1, deadLettered: 0 });
    const references = systems.shipbob.control
      .orders()
      .map((order) => order.reference_id)
      .sort();
    expect(references).toEqual(ready.map((order) => `stock.picking:${order.pickingId}`).sort());
    expect(references).not.toContain(`stock.picking:${waiting.pickingId}`);
  });

  it('releases nothing twice when a restarted service with no state reads Odoo from the start', async () => {
    const restarted = await embeddedService(systems);
    try {
      const again = await pollReleases(restarted.runtime);
      expect(again).toMatchObject({ released: 2, deadLettered: 0 });
      expect(systems.shipbob.control.orders()).toHaveLength(2);
    } finally {
      await restarted.stop();
    }
  });

  it('posts the warehouse reference on each released picking and records the timeline under the order', async () => {
    const [first] = ready as [SeededOrder];
    const messages = await systems.odooClient.model('mail.message').searchRead({
      domain: [
        ['model', '=', 'stock.picking'],
        ['res_id', '=', first.pickingId],
      ],
      fields: ['body'],
    });
    expect(messages.map((message) => String(message.body)).join('\n')).toMatch(/ShipBob/i);
    const { items } = await service.runtime.stores.audit.trace(`order:${first.name}`);
    expect(items.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['release.routed', 'shipbob.order.create', 'stock.picking.note']),
    );
  });
});
