import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deliver,
  notesOf,
  releasedOrder,
  type ShipmentWorld,
  startShipmentWorld,
} from './shipment-fixture.ts';

describe('carrier tracking', () => {
  let world: ShipmentWorld;

  beforeAll(async () => {
    world = await startShipmentWorld([{ sku: 'TRK-MUG', name: 'Mug', stock: 100 }]);
  });
  afterAll(async () => {
    await world?.close();
  });

  /** Ships an order with `trackingNumber` through the ShipBob webhook: the shipment flow starts the tracker. */
  async function shipped(trackingNumber: string) {
    const order = await releasedOrder(world, [['TRK-MUG', 1]]);
    await deliver(world, 'shipbob', [
      world.systems.shipbob.control.ship(order.shipbobId, {
        lines: [{ sku: 'TRK-MUG', quantity: 1 }],
        trackingNumber,
        carrier: 'UPS',
      }),
    ]);
    return order;
  }
  const eventsFor = (type: string, requestId: string) =>
    world.service.runtime.events
      .recent()
      .filter((event) => event.type === type && event.subject === requestId);

  it('creates a carrier tracker for every tracking number of an applied shipment', async () => {
    await shipped('1ZTRACKSTART1');
    const tracker = world.systems.easypost.control
      .trackers()
      .find((candidate) => candidate.tracking_code === '1ZTRACKSTART1');
    expect(tracker).toBeDefined();
  });

  it('follows a parcel to delivered: a note per scan on the picking and a delivered event', async () => {
    const order = await shipped('1ZDELIVER0001');
    await deliver(
      world,
      'easypost',
      world.systems.easypost.control.advanceThrough('1ZDELIVER0001', [
        'in_transit',
        'out_for_delivery',
        { status: 'delivered', detail: 'arrived_at_destination' },
      ]),
    );
    const notes = await notesOf(world, order.pickingId);
    expect(notes).toMatch(/1ZDELIVER0001 \(ups\): in transit/);
    expect(notes).toMatch(/1ZDELIVER0001 \(ups\): delivered/);
    const statuses = eventsFor('crossdock.tracking.updated.v1', `stock.picking:${order.pickingId}`).map(
      (event) => (event.data as { tracking: { status: string } }).tracking.status,
    );
    expect(statuses).toContain('delivered');
    const { items } = await world.service.runtime.stores.audit.trace(`order:${order.name}`);
    expect(items.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['easypost.tracker.create', 'tracking.scan', 'stock.picking.message_post']),
    );
  });

  it('drops a late in_transit that arrives after delivered as stale: no note, no event', async () => {
    const order = await shipped('1ZLATESCAN001');
    const [inTransit, delivered] = world.systems.easypost.control.advanceThrough('1ZLATESCAN001', [
      'in_transit',
      'delivered',
    ]);
    await deliver(world, 'easypost', [delivered as never]);
    await deliver(world, 'easypost', [inTransit as never]);
    const notes = await notesOf(world, order.pickingId);
    expect(notes).toMatch(/1ZLATESCAN001 \(ups\): delivered/);
    expect(notes).not.toMatch(/1ZLATESCAN001 \(ups\): in transit/);
    const statuses = eventsFor('crossdock.tracking.updated.v1', `stock.picking:${order.pickingId}`).map(
      (event) => (event.data as { tracking: { status: string } }).tracking.status,
    );
    expect(statuses).toEqual(['delivered']);
    const { items } = await world.service.runtime.stores.audit.trace(`order:${order.name}`);
    expect(items.map((entry) => entry.action)).toContain('tracking.stale');
  });

  it('raises an exception event for a delivery exception and notes it on the picking', async () => {
    const order = await shipped('1ZEXCEPTION01');
    await deliver(world, 'easypost', [
      world.systems.easypost.control.raiseException('1ZEXCEPTION01', { message: 'Address not found' }),
    ]);
    const raised = eventsFor('crossdock.exception.raised.v1', `stock.picking:${order.pickingId}`);
    expect(raised.map((event) => (event.data as { code: string }).code)).toContain('carrier.exception');
    expect(await notesOf(world, order.pickingId)).toMatch(/1ZEXCEPTION01 \(ups\): exception/);
  });

  it('dead-letters an update for a tracking number no shipment named, with its payload', async () => {
    await deliver(world, 'easypost', [world.systems.easypost.control.advance('1ZSTRANGER001', 'in_transit')]);
    const letters = await world.service.runtime.stores.deadLetters.list();
    expect(JSON.stringify(letters)).toMatch(/1ZSTRANGER001/);
  });
});
