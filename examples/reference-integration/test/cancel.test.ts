import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releasedOrder, type ShipmentWorld, startShipmentWorld } from './shipment-fixture.ts';

describe('cancellations', () => {
  let world: ShipmentWorld;

  beforeAll(async () => {
    world = await startShipmentWorld([{ sku: 'CAN-VASE', name: 'Vase', stock: 30 }]);
  });
  afterAll(() => world?.close());

  it('cancels at ShipBob a released picking that Odoo cancelled, and notes it on the picking', async () => {
    const order = await releasedOrder(world, [['CAN-VASE', 2]]);
    await world.systems.odooClient.model('stock.picking').call('action_cancel', { ids: [order.pickingId] });
    await world.service.wake('release');
    const report = await import('../src/flows/release.ts').then(({ pollReleases }) =>
      pollReleases(world.service.runtime),
    );
    await world.service.runtime.queue.onIdle();
    expect(report.cancelled).toBe(1);
    const held = world.systems.shipbob.control.orders().find((candidate) => candidate.id === order.shipbobId);
    expect(held?.status).toBe('Cancelled');
    const notes = await world.systems.odooClient.model('mail.message').searchRead({
      domain: [
        ['model', '=', 'stock.picking'],
        ['res_id', '=', order.pickingId],
      ],
      fields: ['body'],
    });
    expect(notes.map((note) => String(note.body)).join('\n')).toMatch(/cancel/i);
  });

  it('cancels at the warehouse once however often Odoo is read again', async () => {
    const order = await releasedOrder(world, [['CAN-VASE', 1]]);
    await world.systems.odooClient.model('stock.picking').call('action_cancel', { ids: [order.pickingId] });
    const { pollReleases } = await import('../src/flows/release.ts');
    await pollReleases(world.service.runtime);
    await world.service.runtime.queue.onIdle();
    const again = await pollReleases(world.service.runtime);
    await world.service.runtime.queue.onIdle();
    expect(again.cancelled).toBe(0);
    const cancels = world.systems.shipbob.control.requests.filter(
      (request) => request.method === 'POST' && request.url.endsWith(`/order/${order.shipbobId}:cancel`),
    );
    expect(cancels).toHaveLength(1);
  });

  it('reports a Shopify cancellation for a person to act on in Odoo instead of cancelling the order Odoo owns', async () => {
    const raised: string[] = [];
    world.service.runtime.events.on('event', (event) => {
      if (event.type === 'crossdock.exception.raised.v1') raised.push(event.data.code);
    });
    const { order } = world.systems.shopify.control.addOrder({ lines: [{ sku: 'CAN-VASE', quantity: 1 }] });
    const { delivery } = world.systems.shopify.control.cancelOrder(order.id, { reason: 'customer' });
    const response = await fetch(`${world.service.url()}/webhooks/shopify`, {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
    });
    expect(response.status).toBe(200);
    await world.service.runtime.queue.onIdle();
    expect(raised).toContain('channel_cancellation');
    const { items } = await world.service.runtime.stores.deadLetters.list({ status: 'pending' });
    expect(items.filter((letter) => letter.source.includes('cancel'))).toEqual([]);
  });
});
