import { deliverWebhooks } from '@crossdock/testing';
import { pollReleases } from '../../flows/release.ts';
import type { DayFacts, Progress } from './facts.ts';
import { type DemoWorld, deliver, shipbobOrderOf } from './world.ts';

/**
 * A web order: a customer buys two blue mugs on Shopify. The `orders/create` webhook (sent twice,
 * as Shopify retries do) becomes one confirmed Odoo sale order with its customer; the next release
 * pass sends its delivery to ShipBob; when ShipBob ships it, the Shopify order is fulfilled with
 * the tracking number.
 *
 * @example const channel = await sellOnShopify(world, progress);
 */
export async function sellOnShopify(world: DemoWorld, progress: Progress): Promise<DayFacts['channel']> {
  const { runtime } = world.service;
  const trackingNumber = '1ZDEMOSHOP000001';
  const shop = world.systems.shopify.control;
  const { order, fulfillmentOrder, delivery } = shop.addOrder({
    email: 'ada@example.com',
    lines: [{ sku: 'MUG-BLUE', quantity: 2, price: '14.00' }],
  });
  const again = shop.webhook('orders/create', order).delivery;
  for (const result of await deliverWebhooks([delivery.delivery, again], {
    url: `${world.service.url()}/webhooks/shopify`,
  })) {
    if (result.status >= 300)
      throw new Error(`the shopify webhook answered ${result.status}: ${result.body}`);
  }
  await runtime.queue.onIdle();
  const [odooOrder] = await world.systems.odooClient
    .model('sale.order')
    .searchRead({ domain: [['client_order_ref', '=', order.name]], fields: ['name', 'picking_ids'] });
  const pickingId = (odooOrder?.picking_ids as number[] | undefined)?.[0];
  if (odooOrder === undefined || pickingId === undefined)
    throw new Error(`Shopify order ${order.name} did not become an Odoo order with a delivery`);
  await pollReleases(runtime);
  await runtime.queue.onIdle();
  await deliver(world, 'shipbob', [
    world.systems.shipbob.control.ship(shipbobOrderOf(world, pickingId), {
      lines: [{ sku: 'MUG-BLUE', quantity: 2 }],
      trackingNumber,
      carrier: 'UPS',
    }),
  ]);
  progress(
    `channel order: Shopify ${order.name} (webhook sent twice) → Odoo ${String(odooOrder.name)}, released, shipped ${trackingNumber}, fulfilled in Shopify`,
  );
  return {
    shopifyOrder: order.name,
    odooOrder: String(odooOrder.name),
    pickingId,
    fulfillmentOrderId: fulfillmentOrder.id,
    trackingNumber,
  };
}
