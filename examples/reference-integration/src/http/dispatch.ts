import type { CatalogEvent, EventEnvelope } from '@crossdock/canonical';
import type { JobInput } from '@crossdock/idempotency';
import { PRIORITY } from '../runtime/priorities.ts';
import type { Runtime, WorkPayload } from '../runtime/runtime.ts';

type Remainder = Record<string, 'BP' | 'CP' | 'IC'>;

/**
 * Turns the canonical events of one delivery into queued steps. A shipment and the short-ship
 * that came with it become one step carrying the warehouse's remainder decision per line (the
 * `shipment.confirmed.v2` shape), so a partial pick is applied with its backorder or short close in
 * one go. Exceptions are published and audited; an event no step handles is audited as ignored.
 */
export function jobsFor(
  events: readonly EventEnvelope[],
  correlationOf: (requestId: string) => string,
): JobInput<WorkPayload>[] {
  const remainder: Record<string, Remainder> = {};
  for (const event of events as CatalogEvent[]) {
    if (event.type !== 'crossdock.shipment.short_shipped.v1') continue;
    const key = event.data.shipmentId ?? event.data.requestId;
    remainder[key] = {
      ...remainder[key],
      ...Object.fromEntries(event.data.lines.map((line) => [line.lineId, line.reason])),
    };
  }
  const jobs: JobInput<WorkPayload>[] = [];
  const confirmed = new Set<string>();
  for (const event of events as CatalogEvent[]) {
    if (event.type === 'crossdock.shipment.confirmed.v1' || event.type === 'crossdock.shipment.confirmed.v2')
      confirmed.add(event.data.shipment.id).add(event.data.shipment.requestId ?? '');
  }
  for (const event of events as CatalogEvent[]) {
    switch (event.type) {
      case 'crossdock.shipment.short_shipped.v1': {
        // A short ship that came without its shipment (ShipBob's `order.shipment.cancelled`): its own step.
        if (confirmed.has(event.data.shipmentId ?? '') || confirmed.has(event.data.requestId)) break;
        jobs.push({
          kind: 'shipment.short',
          payload: { shortShip: event.data, eventId: event.id },
          correlationId: correlationOf(event.data.requestId),
          key: `shipment-short:${event.data.shipmentId ?? event.idempotencyKey}`,
          priority: PRIORITY.shipment,
        });
        break;
      }
      case 'crossdock.shipment.confirmed.v1':
      case 'crossdock.shipment.confirmed.v2': {
        const { shipment } = event.data;
        const decided =
          'remainder' in event.data
            ? event.data.remainder
            : (remainder[shipment.id] ?? remainder[shipment.requestId ?? '']);
        jobs.push({
          kind: 'shipment.confirm',
          payload: { shipment, remainder: decided ?? {}, eventId: event.id },
          correlationId: correlationOf(shipment.requestId ?? shipment.id),
          key: `shipment:${shipment.id}`,
          priority: PRIORITY.shipment,
        });
        break;
      }
      case 'crossdock.tracking.updated.v1':
        jobs.push({
          kind: 'tracking.update',
          payload: { tracking: event.data.tracking, eventId: event.id },
          correlationId: event.correlationId,
          key: `tracking:${event.idempotencyKey}`,
          priority: PRIORITY.tracking,
        });
        break;
      case 'crossdock.return.received.v1':
        jobs.push({
          kind: 'return.receive',
          payload: { return: event.data.return },
          correlationId: event.correlationId,
          key: `return:${event.data.return.rma}`,
          priority: PRIORITY.return,
        });
        break;
      case 'crossdock.inventory.changed.v1':
        jobs.push({
          kind: 'inventory.apply',
          payload: { levels: event.data.levels, eventId: event.id },
          correlationId: event.correlationId,
          key: `inventory:${event.idempotencyKey}`,
          priority: PRIORITY.inventoryDelta,
        });
        break;
      case 'crossdock.order.received.v1':
        jobs.push({
          kind: 'channel.order',
          payload: { order: event.data.order },
          correlationId: event.correlationId,
          key: `channel-order:${event.data.order.id}`,
          priority: PRIORITY.channelOrder,
        });
        break;
      case 'crossdock.order.cancelled.v1':
        jobs.push({
          kind: 'order.cancel',
          payload: { cancellation: event.data },
          correlationId: event.correlationId,
          key: `order-cancel:${event.data.orderRef.system}:${event.data.orderRef.id}`,
          priority: PRIORITY.cancel,
        });
        break;
      default:
        break;
    }
  }
  return jobs;
}

/**
 * Hands the events of one verified, deduplicated delivery to the queue and answers once they are
 * queued: the webhook is acknowledged fast, and a step that fails later is retried by the queue,
 * then dead-lettered with its payload. Exceptions go to the bus and the trail.
 */
export async function dispatchEvents(
  runtime: Runtime,
  source: string,
  events: readonly EventEnvelope[],
): Promise<void> {
  const correlations = new Map<string, string>();
  for (const event of events as CatalogEvent[]) {
    const requestId =
      event.type === 'crossdock.shipment.confirmed.v1' || event.type === 'crossdock.shipment.confirmed.v2'
        ? event.data.shipment.requestId
        : event.type === 'crossdock.shipment.short_shipped.v1'
          ? event.data.requestId
          : undefined;
    if (requestId !== undefined)
      correlations.set(requestId, await runtime.correlations.of(requestId, event.correlationId));
    await runtime.audit.inbound(
      requestId === undefined ? event.correlationId : (correlations.get(requestId) as string),
      source,
      event.type,
      { detail: { eventId: event.id, subject: event.subject } },
    );
    if (event.type === 'crossdock.exception.raised.v1') runtime.events.publish(event);
  }
  for (const job of jobsFor(events, (requestId) => correlations.get(requestId) ?? requestId)) {
    await runtime.queue.enqueue(job);
  }
}
