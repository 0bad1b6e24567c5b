import { deliverWebhooks } from '@crossdock/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backordersOf, releasedOrder, type ShipmentWorld, startShipmentWorld } from './shipment-fixture.ts';

describe('a shipment whose follow-up fails after Odoo applied it', () => {
  let world: ShipmentWorld;

  beforeAll(async () => {
    world = await startShipmentWorld([{ sku: 'FIN-MUG', name: 'Mug', stock: 20 }]);
  });
  afterAll(async () => {
    await world?.close();
  });

  it('is finished on retry: the late short close cancels the backorder and the parcel is tracked', async () => {
    const order = await releasedOrder(world, [['FIN-MUG', 2]]);
    const [shipped, cancelled] = world.systems.shipbob.control.shortClose(order.shipbobId, {
      lines: [{ sku: 'FIN-MUG', quantity: 1 }],
      trackingNumber: '1ZFINISH0001',
      carrier: 'UPS',
    });
    const faults = world.systems.odoo.handlers.faults;
    // Validation is slow, so the warehouse's cancellation is recorded while the shipment is being
    // applied (the late close); then Odoo refuses the backorder's cancel once, after the apply.
    const slow = faults.add({
      model: 'stock.picking',
      method: 'button_validate',
      effect: { kind: 'latency', ms: 400 },
      times: 1,
    });
    const refused = faults.add({
      model: 'stock.picking',
      method: 'action_cancel',
      effect: { kind: 'http', status: 503 },
      times: 1,
    });
    const url = `${world.service.url()}/webhooks/shipbob`;
    try {
      const first = deliverWebhooks([shipped], { url });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await deliverWebhooks([cancelled], { url });
      await first;
      await world.service.runtime.queue.onIdle();
    } finally {
      faults.remove(slow);
      faults.remove(refused);
    }
    const backorders = await backordersOf(world, order.pickingId);
    expect(backorders.map((picking) => picking.state)).toEqual(['cancel']);
    expect(world.systems.easypost.control.trackers().map((tracker) => tracker.tracking_code)).toContain(
      '1ZFINISH0001',
    );
    expect((await world.service.runtime.stores.deadLetters.list({})).items).toHaveLength(0);
  });
});
