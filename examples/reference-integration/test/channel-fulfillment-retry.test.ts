import { deliverWebhooks } from '@crossdock/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedSystems, embeddedService, startEmbeddedSystems } from '../src/demo/environment.ts';
import { seedProducts, seedWarehouse } from '../src/demo/seed.ts';
import { pollReleases } from '../src/flows/release.ts';
import { fetchVia } from '../src/runtime/connectors.ts';
import type { Service } from '../src/service.ts';

const HOUR_MS = 3_600_000;

describe('channel fulfillments when Shopify answers badly', () => {
  let systems: EmbeddedSystems;
  let service: Service;
  /** How many `fulfillmentCreate` answers to lose after Shopify executed them. */
  let loseFulfillmentAnswers = 0;

  beforeAll(async () => {
    systems = await startEmbeddedSystems({
      config: { releaseIntervalMs: HOUR_MS, shipmentPollIntervalMs: HOUR_MS, snapshotIntervalMs: HOUR_MS },
    });
    const products = [{ sku: 'CHR-VASE', name: 'Vase', stock: 20 }];
    await seedProducts(systems.odooClient, 19, products);
    seedWarehouse(systems.shipbob.control, products);
    const toShop = fetchVia(systems.config.shopify?.baseUrl as string);
    // A proxy that lets Shopify execute a fulfillment, then loses its answer (a 502 from a gateway).
    const shopifyFetch: typeof fetch = async (input, init) => {
      const body = typeof init?.body === 'string' ? init.body : '';
      const response = await toShop(input, init);
      if (body.includes('fulfillmentCreate') && loseFulfillmentAnswers > 0) {
        loseFulfillmentAnswers--;
        return new Response('bad gateway', { status: 502 });
      }
      return response;
    };
    service = await embeddedService(systems, { overrides: { ...systems.overrides, shopifyFetch } });
    await service.start();
  });
  afterAll(async () => {
    await service?.stop();
    await systems?.close();
  });

  it('creates one Shopify fulfillment when the answer to the first one was lost and the step is retried', async () => {
    const shop = systems.shopify.control;
    const { order, fulfillmentOrder, delivery } = shop.addOrder({
      lines: [{ sku: 'CHR-VASE', quantity: 2 }],
    });
    await deliverWebhooks([delivery.delivery], { url: `${service.url()}/webhooks/shopify` });
    await service.runtime.queue.onIdle();
    const [odooOrder] = await systems.odooClient
      .model('sale.order')
      .searchRead({ domain: [['client_order_ref', '=', order.name]], fields: ['name', 'picking_ids'] });
    const pickingId = (odooOrder?.picking_ids as number[] | undefined)?.[0];
    await pollReleases(service.runtime);
    await service.runtime.queue.onIdle();
    const held = systems.shipbob.control
      .orders()
      .find((candidate) => candidate.reference_id === `stock.picking:${pickingId}`);
    expect(held).toBeDefined();

    loseFulfillmentAnswers = 1;
    const shipped = systems.shipbob.control.ship(held?.id as number, {
      lines: [{ sku: 'CHR-VASE', quantity: 2 }],
      trackingNumber: '1ZLOST0001',
    });
    const [result] = await deliverWebhooks([shipped], { url: `${service.url()}/webhooks/shipbob` });
    expect(result?.status).toBe(200);
    await service.runtime.queue.onIdle();

    expect(loseFulfillmentAnswers).toBe(0);
    const fo = shop.fulfillmentOrder(fulfillmentOrder.id);
    expect(fo?.fulfillments.map((f) => f.number)).toEqual(['1ZLOST0001']);
    const { items: letters } = await service.runtime.stores.deadLetters.list({ status: 'pending' });
    expect(letters).toEqual([]);
    const { items } = await service.runtime.stores.audit.trace(`order:${String(odooOrder?.name)}`);
    expect(items.map((entry) => entry.action)).toContain('channel.fulfillment.recovered');
  });
});
