import { sellOnShopify } from './day/channel.ts';
import type { DayFacts, Progress } from './day/facts.ts';
import { applyStockVariance } from './day/inventory.ts';
import { shipThroughOutage } from './day/outage.ts';
import { releaseOrders } from './day/release.ts';
import { poisonAndReplay, receiveReturn } from './day/returns.ts';
import { shipBackorder, shipPartial, shipShort, shipWithLots } from './day/shipments.ts';
import { shipSubstitute } from './day/substitution.ts';
import { trackOutOfOrder, trackToDelivered } from './day/tracking.ts';
import type { DemoWorld } from './day/world.ts';

export type { DayFacts, Progress } from './day/facts.ts';
export { type DemoWorld, startDemoWorld } from './day/world.ts';

/**
 * A realistic day of a distribution business, driven through the fakes' control APIs against the
 * running service: orders released; full and partial shipments with lots; a backorder shipped later;
 * a short close; a substitution; tracking to delivery; a duplicate and an out-of-order webhook; an
 * Odoo outage with 503s; a stock variance; a return; a poison message dead-lettered and replayed
 * after a fix. One progress line per step; answers what happened for the summary to check.
 *
 * @example
 * const world = await startDemoWorld();
 * const facts = await runDay(world, (line) => console.log(line));
 */
export async function runDay(world: DemoWorld, progress: Progress): Promise<DayFacts> {
  const tracking = { inOrder: '1ZDEMO0000000001', reversed: '1ZDEMO0000000002' };
  const { orders, released } = await releaseOrders(world, progress);
  const lots = await shipWithLots(world, orders.lots, tracking.inOrder, progress);
  await shipPartial(world, orders.partial, progress);
  await shipShort(world, orders.short, progress);
  const substitution = await shipSubstitute(world, orders.substitution, progress);
  const outage = await shipThroughOutage(world, orders.outage, tracking.reversed, progress);
  await trackToDelivered(world, orders.lots, tracking.inOrder, progress);
  await trackOutOfOrder(world, orders.outage, tracking.reversed, progress);
  await shipBackorder(world, orders.partial, progress);
  const channel = await sellOnShopify(world, progress);
  const returned = await receiveReturn(world, orders.lots, progress);
  const poison = await poisonAndReplay(world, orders.lost, progress);
  const variance = await applyStockVariance(world, progress);
  return {
    orders,
    released,
    lots,
    substitution,
    outageRetries: outage.retries,
    outageFaults: outage.faults,
    tracking,
    variance,
    returned,
    poison,
    channel,
  };
}
