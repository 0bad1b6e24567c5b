import { replayDeadLetters } from '@crossdock/idempotency';
import { pollShipments } from '../../flows/shipments-poll.ts';
import { STEPS } from '../../flows/steps.ts';
import { replayLetter } from '../../runtime/replay.ts';
import type { DayFacts, DayOrder, Progress } from './facts.ts';
import { type DemoWorld, deliver } from './world.ts';

/** Opens a return at ShipBob for `quantity` of `sku` of the order's first shipment; answers the ShipBob return id. */
async function openReturn(
  world: DemoWorld,
  order: DayOrder,
  rma: string,
  sku: string,
  quantity: number,
): Promise<number | string> {
  const shipment = world.systems.shipbob.control
    .orders()
    .find((candidate) => candidate.id === order.shipbobId)?.shipments[0];
  if (shipment === undefined) throw new Error(`${order.name} has no ShipBob shipment to return`);
  const { ref } = await world.service.runtime.warehouses.shipbob.returns.create(
    {
      id: rma,
      rma,
      state: 'requested',
      shipmentId: String(shipment.id),
      lines: [
        {
          lineId: '1',
          item: { sku, refs: [] },
          expected: String(quantity),
          uom: 'EA',
          disposition: 'pending',
          serials: [],
        },
      ],
      createdAt: new Date().toISOString(),
      refs: [],
    },
    { correlationId: `demo:${rma}` },
  );
  return ref.id;
}

/** A customer sends a mug back: ShipBob receives it, and Odoo gets a validated return of the delivery. */
export async function receiveReturn(
  world: DemoWorld,
  order: DayOrder,
  progress: Progress,
): Promise<DayFacts['returned']> {
  const returned = { rma: `RMA-${order.name}`, sku: 'MUG-BLUE', quantity: 1 };
  const returnId = await openReturn(world, order, returned.rma, returned.sku, returned.quantity);
  await deliver(world, 'shipbob', [world.systems.shipbob.control.receiveReturn(returnId)]);
  progress(
    `return: ${returned.rma} (${returned.quantity} ${returned.sku} of ${order.name}) received at ShipBob`,
  );
  return returned;
}

/**
 * A poison message and its fix. ShipBob's `order.shipped` webhook for the kettle order was lost, so
 * Odoo never heard of that shipment; then the customer returns the kettle. The return receipt names a
 * shipment the service never applied: it cannot be matched to an Odoo delivery and goes to the
 * dead-letter store with its payload, instead of guessing. The fix: the shipment polling fallback
 * finds the missed shipment and applies it; then the dead letter is replayed and the return applied once.
 */
export async function poisonAndReplay(
  world: DemoWorld,
  order: DayOrder,
  progress: Progress,
): Promise<DayFacts['poison']> {
  const { runtime } = world.service;
  const rma = `RMA-${order.name}`;
  world.systems.shipbob.control.ship(order.shipbobId, { lines: [{ sku: 'KETTLE-1', quantity: 1 }] });
  const returnId = await openReturn(world, order, rma, 'KETTLE-1', 1);
  await deliver(world, 'shipbob', [world.systems.shipbob.control.receiveReturn(returnId)]);
  const { items } = await runtime.stores.deadLetters.list({ status: 'pending' });
  const letter = items.find((candidate) => JSON.stringify(candidate.payload).includes(rma));
  if (letter === undefined) throw new Error(`the return ${rma} was not dead-lettered`);
  progress(
    `poison message: the shipment webhook of ${order.name} was lost; return ${rma} could not be matched and was dead-lettered (${letter.source}: ${letter.errors[0]?.message ?? ''})`,
  );
  const poll = await pollShipments(runtime);
  await runtime.queue.onIdle();
  const report = await replayDeadLetters(runtime.stores.deadLetters, [letter.id], (payload, context) =>
    replayLetter(runtime, STEPS, payload, context),
  );
  await runtime.queue.onIdle();
  progress(
    `fix and replay: the shipment poll found ${poll.read} ShipBob shipments and applied the missed one; dead letter ${letter.id} replayed (${report.replayed.length} replayed, ${report.failed.length} failed)`,
  );
  return { rma, letterId: letter.id };
}
