import type { DayOrder, Progress } from './facts.ts';
import { type DemoWorld, deliver } from './world.ts';

/**
 * How many Odoo calls answer 503 during the outage: more than the Odoo client's own retries of a
 * read (3), so the step itself fails and the queue retries it with its backoff.
 */
const OUTAGE_CALLS = 8;

/**
 * Odoo goes down (its next calls answer 503 Service Unavailable) just as a shipment webhook
 * arrives: the webhook is acknowledged (it only queues), the step fails with a retryable error, the
 * queue retries it with backoff, and once Odoo answers again the shipment is applied, once.
 */
export async function shipThroughOutage(
  world: DemoWorld,
  order: DayOrder,
  trackingNumber: string,
  progress: Progress,
): Promise<{ retries: number; faults: number }> {
  const { runtime } = world.service;
  let retries = 0;
  let clientRetries = 0;
  const onRetry = () => {
    retries++;
  };
  const onClientRetry = () => {
    clientRetries++;
  };
  runtime.queue.on('retrying', onRetry);
  runtime.odooClient.on('retry', onClientRetry);
  const faults = world.systems.odoo.handlers.faults;
  const rule = faults.add({ effect: { kind: 'http', status: 503 }, times: OUTAGE_CALLS });
  try {
    await deliver(world, 'shipbob', [
      world.systems.shipbob.control.ship(order.shipbobId, {
        lines: [{ sku: 'TEA-EARL', quantity: 1 }],
        trackingNumber,
        carrier: 'UPS',
      }),
    ]);
  } finally {
    faults.remove(rule);
    runtime.queue.off('retrying', onRetry);
    runtime.odooClient.off('retry', onClientRetry);
  }
  progress(
    `Odoo outage: ${OUTAGE_CALLS} Odoo calls answered 503 while ${order.name} shipped; the Odoo client retried ${clientRetries} read(s), the queue retried the step ${retries} time(s) with backoff, then applied it`,
  );
  return { retries, faults: OUTAGE_CALLS };
}
