import { pollReleases } from '../../flows/release.ts';
import { seedCustomer, seedOrder } from '../seed.ts';
import type { DayOrder, OrderRole, Progress } from './facts.ts';
import { type DemoWorld, shipbobOrderOf } from './world.ts';

/** The day's orders: which lines each role orders. */
const ORDERS: Readonly<Record<OrderRole, readonly (readonly [sku: string, quantity: number])[]>> = {
  lots: [
    ['MUG-BLUE', 2],
    ['HONEY-500', 3],
  ],
  partial: [['TEA-EARL', 5]],
  short: [['MUG-BLUE', 4]],
  substitution: [['TEA-GREEN', 2]],
  outage: [['TEA-EARL', 1]],
  lost: [['KETTLE-1', 1]],
};

/**
 * Morning: customers order in Odoo (confirmed sale orders with reserved deliveries), and one
 * release pass sends every ready picking to ShipBob.
 */
export async function releaseOrders(
  world: DemoWorld,
  progress: Progress,
): Promise<{ orders: Record<OrderRole, DayOrder>; released: number }> {
  const client = world.systems.odooClient;
  const customers = [
    await seedCustomer(client, 'Grace Hopper'),
    await seedCustomer(client, 'Katherine Johnson'),
  ];
  const seeded = [] as [OrderRole, Awaited<ReturnType<typeof seedOrder>>][];
  for (const [index, [role, lines]] of Object.entries(ORDERS).entries()) {
    const order = await seedOrder(
      client,
      customers[index % customers.length] as number,
      lines.map(([sku, quantity]) => [world.products.get(sku) as number, quantity] as const),
    );
    seeded.push([role as OrderRole, order]);
  }
  const report = await pollReleases(world.service.runtime);
  await world.service.runtime.queue.onIdle();
  const orders = Object.fromEntries(
    seeded.map(([role, order]) => [role, { ...order, shipbobId: shipbobOrderOf(world, order.pickingId) }]),
  ) as Record<OrderRole, DayOrder>;
  progress(
    `orders released: ${seeded.length} confirmed in Odoo (${seeded.map(([, order]) => order.name).join(', ')}), ${report.released} released to ShipBob in one pass`,
  );
  return { orders, released: report.released };
}
