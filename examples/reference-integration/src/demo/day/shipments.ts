import type { DayOrder, Progress } from './facts.ts';
import { type DemoWorld, deliver } from './world.ts';

/**
 * The warehouse ships the lot order in full (two lots of honey, one tracking number) and ShipBob
 * sends its webhook twice: the service applies it once.
 */
export async function shipWithLots(
  world: DemoWorld,
  order: DayOrder,
  trackingNumber: string,
  progress: Progress,
): Promise<Record<string, number>> {
  const lots = { 'HONEY-2611-A': 2, 'HONEY-2611-B': 1 };
  const delivery = world.systems.shipbob.control.ship(order.shipbobId, {
    lines: [
      { sku: 'MUG-BLUE', quantity: 2 },
      ...Object.entries(lots).map(([lot, quantity]) => ({ sku: 'HONEY-500', quantity, lot })),
    ],
    trackingNumber,
    carrier: 'UPS',
  });
  const sent = await deliver(world, 'shipbob', [delivery], { duplicate: 2 });
  progress(
    `full shipment with lots: ${order.name} shipped 2 mugs and 3 honey from 2 lots (${Object.keys(lots).join(', ')}), tracking ${trackingNumber}; ShipBob sent the webhook ${sent} times (duplicate)`,
  );
  return lots;
}

/** A partial pick: 3 of 5 now (Odoo keeps a backorder), the other 2 later in the day. */
export async function shipPartial(world: DemoWorld, order: DayOrder, progress: Progress): Promise<void> {
  await deliver(world, 'shipbob', [
    world.systems.shipbob.control.ship(order.shipbobId, { lines: [{ sku: 'TEA-EARL', quantity: 3 }] }),
  ]);
  progress(`partial shipment: ${order.name} shipped 3 of 5 Earl Grey; Odoo keeps a backorder for 2`);
}

/** The rest of the partial order ships: the second shipment lands on the backorder. */
export async function shipBackorder(world: DemoWorld, order: DayOrder, progress: Progress): Promise<void> {
  await deliver(world, 'shipbob', [
    world.systems.shipbob.control.ship(order.shipbobId, { lines: [{ sku: 'TEA-EARL', quantity: 2 }] }),
  ]);
  progress(`backorder shipped later: the last 2 Earl Grey of ${order.name} shipped`);
}

/** The warehouse ships 1 of 4 mugs and closes the rest short (`order.shipped`, then `order.shipment.cancelled`). */
export async function shipShort(world: DemoWorld, order: DayOrder, progress: Progress): Promise<void> {
  const [shipped, cancelled] = world.systems.shipbob.control.shortClose(order.shipbobId, {
    lines: [{ sku: 'MUG-BLUE', quantity: 1 }],
  });
  await deliver(world, 'shipbob', [shipped]);
  await deliver(world, 'shipbob', [cancelled]);
  progress(`short close: ${order.name} shipped 1 of 4 mugs; ShipBob cancelled the rest (closed short)`);
}
