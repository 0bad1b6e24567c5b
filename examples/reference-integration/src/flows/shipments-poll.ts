import { PRIORITY } from '../runtime/priorities.ts';
import type { Runtime } from '../runtime/runtime.ts';

/** The cursor of the ShipBob read: the `LastUpdateStartDate` the next pass starts from. */
export const SHIPMENTS_CURSOR = 'shipbob.shipments.since';

/** How far back each pass reaches before the previous pass's start: clock skew between us and ShipBob. */
const OVERLAP_MS = 5 * 60_000;
/** Where the very first pass starts. */
const FIRST_LOOKBACK_MS = 86_400_000;

/** What one polling pass did. */
export interface ShipmentPollReport {
  pages: number;
  read: number;
  queued: number;
  confirmed: number;
  deadLettered: number;
}

/**
 * The fallback for missed webhooks: lists ShipBob shipments updated since the stored cursor and
 * queues `shipment.confirm` for each, under the webhook's key (`shipment:<id>`) so a shipment seen
 * both ways is applied once (a pending duplicate is not queued; a finished one is a recorded
 * no-op). The cursor moves to this pass's start (less an overlap) only after every queued step has
 * finished, so a crash reads the same window again.
 *
 * @example
 * const report = await pollShipments(runtime, { signal });
 */
export async function pollShipments(
  runtime: Runtime,
  options: { readonly signal?: AbortSignal } = {},
): Promise<ShipmentPollReport> {
  const report: ShipmentPollReport = { pages: 0, read: 0, queued: 0, confirmed: 0, deadLettered: 0 };
  const startedAt = runtime.now().getTime();
  const stored = await runtime.stores.cursors.get(SHIPMENTS_CURSOR);
  const since = stored?.value ?? new Date(startedAt - FIRST_LOOKBACK_MS).toISOString();
  const pending: Promise<void>[] = [];
  let cursor: string | undefined;
  do {
    options.signal?.throwIfAborted();
    const page = await runtime.warehouses.shipbob.shipments.list(
      { since, ...(cursor === undefined ? {} : { cursor }) },
      { correlationId: 'crossdock.shipments.poll', ...(options.signal ? { signal: options.signal } : {}) },
    );
    report.pages++;
    report.read += page.items.length;
    for (const shipment of page.items) {
      const correlationId = await runtime.correlations.of(
        shipment.requestId ?? shipment.id,
        `shipment:${shipment.id}`,
      );
      const queued = await runtime.queue.enqueue({
        kind: 'shipment.confirm',
        payload: { shipment, remainder: {}, eventId: `poll:${shipment.id}` },
        correlationId,
        key: `shipment:${shipment.id}`,
        priority: PRIORITY.shipment,
      });
      if (!queued.duplicate) report.queued++;
      pending.push(
        queued.done.then((outcome) => {
          if (outcome.status === 'completed') report.confirmed++;
          else report.deadLettered++;
        }),
      );
    }
    cursor = page.next;
  } while (cursor !== undefined);
  await Promise.all(pending);
  await runtime.stores.cursors.set(SHIPMENTS_CURSOR, new Date(startedAt - OVERLAP_MS).toISOString(), {
    expectedVersion: stored?.version ?? 0,
  });
  return report;
}
