import { type DeadLetter, replayDeadLetters } from '@crossdock/idempotency';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STEPS } from '../src/flows/steps.ts';
import { replayLetter } from '../src/runtime/replay.ts';
import {
  deliver,
  notesOf,
  releasedOrder,
  type ShipmentWorld,
  startShipmentWorld,
} from './shipment-fixture.ts';

describe('a poison message replayed after the cause is fixed', () => {
  let world: ShipmentWorld;

  beforeAll(async () => {
    world = await startShipmentWorld([{ sku: 'PSN-MUG', name: 'Mug', stock: 50 }]);
  });
  afterAll(async () => {
    await world?.close();
  });

  const replay = (ids: readonly string[]) =>
    replayDeadLetters(world.service.runtime.stores.deadLetters, ids, (payload, context) =>
      replayLetter(world.service.runtime, STEPS, payload, context),
    );

  it('keeps a carrier scan that arrived before its shipment, and applies it once when replayed after the shipment', async () => {
    const order = await releasedOrder(world, [['PSN-MUG', 1]]);
    const carrier = world.service.runtime.carrier;
    if (carrier === undefined) throw new Error('the embedded systems configure EasyPost');
    // The carrier scanned the parcel before ShipBob's order.shipped was applied: no link yet.
    await carrier.tracking.get('1ZPOISON00001', { correlationId: 'test.early-scan' });
    await deliver(world, 'easypost', [world.systems.easypost.control.advance('1ZPOISON00001', 'in_transit')]);
    const { items } = await world.service.runtime.stores.deadLetters.list({
      status: 'pending',
      source: 'crossdock.tracking.update',
    });
    expect(items).toHaveLength(1);
    const [letter] = items as [DeadLetter];
    expect(letter.payload).toMatchObject({ tracking: { trackingNumber: '1ZPOISON00001' } });
    expect(await notesOf(world, order.pickingId)).not.toMatch(/1ZPOISON00001 \(\w+\): in transit/);

    // The fix: the shipment is applied, which links its tracking number to the picking.
    await deliver(world, 'shipbob', [
      world.systems.shipbob.control.ship(order.shipbobId, {
        lines: [{ sku: 'PSN-MUG', quantity: 1 }],
        trackingNumber: '1ZPOISON00001',
        carrier: 'UPS',
      }),
    ]);
    const report = await replay([letter.id]);
    expect(report.replayed).toEqual([letter.id]);
    expect((await world.service.runtime.stores.deadLetters.get(letter.id))?.status).toBe('replayed');
    const scanNotes = (await notesOf(world, order.pickingId)).match(/1ZPOISON00001 \(\w+\): in transit/g);
    expect(scanNotes).toHaveLength(1);

    // A second replay of the same letter does nothing: it is no longer pending.
    const again = await replay([letter.id]);
    expect(again.replayed).toEqual([]);
    expect((await notesOf(world, order.pickingId)).match(/1ZPOISON00001 \(\w+\): in transit/g)).toHaveLength(
      1,
    );
  });
});
