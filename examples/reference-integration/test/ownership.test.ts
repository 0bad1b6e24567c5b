import { type CatalogEvent, defaultOwnershipPolicy, defineOwnershipPolicy } from '@crossdock/canonical';
import { deliverWebhooks } from '@crossdock/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedSystems, embeddedService, startEmbeddedSystems } from '../src/demo/environment.ts';
import { seedCustomer, seedOrder, seedProducts, seedWarehouse } from '../src/demo/seed.ts';
import { pollReleases } from '../src/flows/release.ts';
import type { Service } from '../src/service.ts';

describe('the system-of-record policy', () => {
  let systems: EmbeddedSystems;
  let service: Service;
  const raised: CatalogEvent[] = [];

  beforeAll(async () => {
    systems = await startEmbeddedSystems();
    const products = [{ sku: 'OWN-LAMP', name: 'Lamp', stock: 10 }];
    await seedProducts(systems.odooClient, 19, products);
    seedWarehouse(systems.shipbob.control, products);
    // A business where Odoo, not the warehouse, is right about picked quantities.
    const policy = defineOwnershipPolicy({
      ...defaultOwnershipPolicy,
      records: {
        ...defaultOwnershipPolicy.records,
        fulfillment: { owner: 'erp', fields: { externalRef: 'warehouse', handshake: 'warehouse' } },
      },
    });
    service = await embeddedService(systems, { policy });
    service.runtime.events.on('event', (event) => raised.push(event));
    await service.start();
  });
  afterAll(async () => {
    await service?.stop();
    await systems?.close();
  });

  it('refuses a shipment from a warehouse that does not own picked quantities: reported, never applied', async () => {
    const [productId] = (await systems.odooClient
      .model('product.product')
      .search({ domain: [['default_code', '=', 'OWN-LAMP']] })) as [number];
    const customer = await seedCustomer(systems.odooClient, 'Policy Customer');
    const order = await seedOrder(systems.odooClient, customer, [[productId, 2]]);
    await pollReleases(service.runtime);
    const held = systems.shipbob.control
      .orders()
      .find((o) => o.reference_id === `stock.picking:${order.pickingId}`);
    const delivery = systems.shipbob.control.ship(held?.id as number, {
      lines: [{ sku: 'OWN-LAMP', quantity: 2 }],
    });
    await deliverWebhooks([delivery], { url: `${service.url()}/webhooks/shipbob` });
    await service.runtime.queue.onIdle();

    const [picking] = await systems.odooClient
      .model('stock.picking')
      .read([order.pickingId], { fields: ['state'] });
    expect(picking?.state).not.toBe('done');
    const refusal = raised.find(
      (event) =>
        event.type === 'crossdock.exception.raised.v1' && event.data.code === 'crossdock.ownership.refused',
    );
    expect(refusal?.type === 'crossdock.exception.raised.v1' && refusal.data.message).toMatch(
      /shipbob may not update fulfillment: shipped \(erp\)/,
    );
    const { items } = await service.runtime.stores.audit.trace(`order:${order.name}`);
    expect(items.map((entry) => entry.action)).toContain('write.refused');
    expect(items.map((entry) => entry.action)).not.toContain('stock.picking.apply_shipment');
  });
});
