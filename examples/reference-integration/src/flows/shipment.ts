import { createEvent, type EventData, type Shipment } from '@crossdock/canonical';
import { picking } from '../runtime/audit.ts';
import { guardWrite } from '../runtime/ownership.ts';
import { PRIORITY } from '../runtime/priorities.ts';
import type { Runtime, StepHandler } from '../runtime/runtime.ts';
import { queueChannelFulfillment } from './channel-fulfillments.ts';
import { type AppliedShipment, shipmentRecords } from './shipment-records.ts';
import { carrierCodeOf } from './tracking.ts';

type Reason = 'BP' | 'CP' | 'IC';
type ShortShip = EventData<'crossdock.shipment.short_shipped.v1'>;

const ACTOR = 'crossdock.shipment';

/** A step failure the queue must not retry: it is dead-lettered with its payload at once. */
function permanent(message: string): Error {
  return Object.assign(new Error(message), { retryable: false });
}

/** The Odoo picking id of a request id (`stock.picking:21`), or undefined for anything else. */
export function pickingIdOfRequest(requestId: string | undefined): number | undefined {
  const match = /^stock\.picking:(\d+)$/.exec(requestId ?? '');
  return match ? Number(match[1]) : undefined;
}

/** The system a shipment came from (its first ref), `shipbob` when it names none. */
const sourceOf = (shipment: Shipment): string => shipment.refs[0]?.system ?? 'shipbob';

/** The `fulfillment` fields a shipment writes, for the ownership check. */
function fieldsOf(shipment: Shipment, remainder: Readonly<Record<string, Reason>>): string[] {
  const fields = ['shipped', 'packages'];
  if (shipment.contents.some((content) => content.lot !== undefined)) fields.push('lots');
  if (shipment.contents.some((content) => content.serials.length > 0)) fields.push('serials');
  if (shipment.trackingNumbers.length > 0) fields.push('trackingNumber');
  if (Object.keys(remainder).length > 0) fields.push('remainder');
  return fields;
}

/** Checks the write against the ownership policy (a refusal is audited and raised, never applied). */
async function allowed(
  runtime: Runtime,
  correlationId: string,
  intent: { system: string; record: string; fields: string[] },
  subject: ReturnType<typeof picking>,
): Promise<boolean> {
  return (await guardWrite(runtime, { correlationId, actor: ACTOR, intent, subject })).allowed;
}

/**
 * Closes a request's open backorder short, as the warehouse said (`CP`/`IC`): the backorder picking
 * is cancelled in Odoo and the picking's chatter says why. The Odoo connector has no "close the
 * rest" operation, so this goes through the Odoo client (`stock.picking.action_cancel`, a no-op on a
 * picking already cancelled).
 */
async function closeBackorder(
  runtime: Runtime,
  requestId: string,
  backorderId: number,
  reasons: Readonly<Record<string, Reason>>,
  correlationId: string,
  signal: AbortSignal,
): Promise<void> {
  const records = shipmentRecords(runtime.stores.cursors);
  const subject = picking(backorderId);
  if (
    !(await allowed(
      runtime,
      correlationId,
      { system: 'shipbob', record: 'fulfillment', fields: ['remainder'] },
      subject,
    ))
  )
    return;
  await runtime.odooClient.model('stock.picking').call('action_cancel', { ids: [backorderId], signal });
  await records.setOpenBackorder(requestId, undefined);
  await runtime.audit.outbound(correlationId, ACTOR, 'stock.picking.action_cancel', {
    subject,
    before: { state: 'open backorder' },
    after: { state: 'cancel', reasons },
  });
  const lines = Object.entries(reasons)
    .map(([line, reason]) => `${line} ${reason}`)
    .join(', ');
  await runtime.odoo.fulfillment.note(backorderId, `the rest was closed short by the warehouse (${lines}).`, {
    correlationId,
    idempotencyKey: `shipment.close:${requestId}:${backorderId}`,
    signal,
  });
}

/** Publishes a short ship and the exception that asks a person to look at it. */
function publishShortShip(runtime: Runtime, data: ShortShip, correlationId: string, key: string): void {
  const options = { source: '/crossdock/shipbob', correlationId, subject: data.requestId };
  runtime.events.publish(
    createEvent('crossdock.shipment.short_shipped.v1', data, { ...options, idempotencyKey: key }),
  );
  runtime.events.publish(
    createEvent(
      'crossdock.exception.raised.v1',
      {
        code: 'crossdock.shipment.short_shipped',
        severity: 'warning',
        message: `${data.requestId} shipped short: ${data.lines.map((l) => `${l.lineId} ${l.short} ${l.reason}`).join(', ')}`,
        entity: { type: 'fulfillment_request', id: data.requestId },
        details: { shipmentId: data.shipmentId ?? null, lines: data.lines },
      },
      { ...options, idempotencyKey: `exception:${key}` },
    ),
  );
}

/**
 * Applies one warehouse shipment to its Odoo picking, once.
 *
 * - **Stale** (ordering guard, entity `shipment:<id>`, position `shippedAt`): a message about the
 *   same shipment with an older `shippedAt` than one already seen is audited and dropped. The same
 *   position again is a repeat, not stale: it goes on to the applied check below.
 * - **Repeat** (webhook retried, or seen by webhook and by the polling fallback): the shipment's
 *   applied record says so; audited, nothing sent to Odoo.
 * - **Where**: the request's picking (`stock.picking:<id>`), or its open backorder when an earlier
 *   shipment of the same request left one.
 * - **The rest**: the event's remainder plus any decision the warehouse sent before the shipment
 *   (a cancelled shipment, see {@link shipmentShortStep}); `BP` or none keeps a backorder, `CP`/`IC`
 *   close short.
 *
 * @example
 * await runtime.queue.enqueue({ kind: 'shipment.confirm', payload: { shipment, remainder: {}, eventId }, correlationId, key: `shipment:${shipment.id}`, priority: PRIORITY.shipment });
 */
export const shipmentConfirmStep: StepHandler = async (runtime, payload, { correlationId, signal }) => {
  const { shipment, remainder, eventId } = payload as {
    shipment: Shipment;
    remainder: Record<string, Reason>;
    eventId: string;
  };
  const records = shipmentRecords(runtime.stores.cursors);
  const requestId = shipment.requestId ?? '';
  const requestPicking = pickingIdOfRequest(shipment.requestId);
  if (requestPicking === undefined) {
    const error = permanent(
      `shipment ${shipment.id} names no Odoo picking (requestId ${requestId || 'absent'})`,
    );
    await runtime.audit.error(correlationId, ACTOR, 'shipment.unmatched', error, {
      detail: { shipmentId: shipment.id, eventId },
    });
    throw error;
  }
  const subject = picking(requestPicking);
  const at = shipment.shippedAt === undefined ? Number.NaN : Date.parse(shipment.shippedAt);
  if (!Number.isNaN(at)) {
    const order = await runtime.stores.ordering.acceptIfNewer(`shipment:${shipment.id}`, { sourceTs: at });
    if (!order.accepted && order.current > BigInt(at)) {
      await runtime.audit.decision(correlationId, ACTOR, 'shipment.stale', {
        subject,
        detail: {
          shipmentId: shipment.id,
          eventId,
          shippedAt: shipment.shippedAt,
          newestSeen: Number(order.current),
        },
      });
      return;
    }
  }
  const seen = await records.applied(shipment.id);
  const decided = { ...remainder, ...(await records.shortDecisions(requestId)) };
  if (seen !== undefined) {
    await runtime.audit.decision(correlationId, ACTOR, 'shipment.duplicate', {
      subject: picking(seen.pickingId),
      detail: { shipmentId: shipment.id, eventId, applied: seen },
    });
    // Applied, but an attempt failed after it (a 503 closing the backorder): finish what follows.
    if (seen.finished === false)
      await finishApplied(runtime, shipment, requestPicking, seen, decided, correlationId, signal);
    return;
  }
  const intent = { system: sourceOf(shipment), record: 'fulfillment', fields: fieldsOf(shipment, decided) };
  if (!(await allowed(runtime, correlationId, intent, subject))) return;

  const target = (await records.openBackorder(requestId)) ?? requestPicking;
  await runtime.audit.decision(correlationId, ACTOR, 'shipment.apply', {
    subject: picking(target),
    detail: { shipmentId: shipment.id, eventId, remainder: decided, backorder: target !== requestPicking },
  });
  const result = await runtime.odoo.fulfillment.applyShipment(target, shipment, {
    remainder: decided,
    correlationId,
    idempotencyKey: `shipment:${shipment.id}`,
    signal,
  });
  if (result.applied && result.noteFailure !== undefined) {
    // The shipment stands; only its note is missing: on the trail, for a person to see.
    await runtime.audit.error(correlationId, ACTOR, 'stock.picking.note', new Error(result.noteFailure), {
      subject: picking(target),
    });
  }
  const applied: AppliedShipment = result.applied
    ? {
        pickingId: target,
        outcome: result.outcome,
        ...(result.backorderId === undefined ? {} : { backorderId: result.backorderId }),
        finished: false,
      }
    : { pickingId: target, outcome: result.reason };
  await records.markApplied(shipment.id, applied);
  await runtime.audit.outbound(correlationId, ACTOR, 'stock.picking.apply_shipment', {
    subject: picking(target),
    before: { picking: `stock.picking:${target}`, remainder: decided },
    after: result,
  });
  if (!result.applied) {
    await notApplied(runtime, shipment, result.reason, target, correlationId);
    return;
  }
  await finishApplied(runtime, shipment, requestPicking, applied, decided, correlationId, signal);
};

/**
 * What follows an applied shipment: the request's open backorder recorded (and closed if the
 * warehouse cancelled the rest meanwhile), the events, the trackers and the channel fulfillment;
 * then the shipment is marked finished. Each part is idempotent (keys, a cancel that is a no-op on
 * a cancelled picking), so a retry after a failure here runs them again safely.
 */
async function finishApplied(
  runtime: Runtime,
  shipment: Shipment,
  requestPicking: number,
  result: AppliedShipment,
  decided: Record<string, Reason>,
  correlationId: string,
  signal: AbortSignal,
): Promise<void> {
  const records = shipmentRecords(runtime.stores.cursors);
  const requestId = shipment.requestId ?? '';
  const target = result.pickingId;
  if (result.outcome === 'backorder' && result.backorderId !== undefined) {
    await records.setOpenBackorder(requestId, result.backorderId);
    // A cancellation handled while this shipment was being applied closes the new backorder now.
    const late = await records.shortDecisions(requestId);
    const closing = Object.fromEntries(Object.entries(late).filter(([, reason]) => reason !== 'BP'));
    if (Object.keys(closing).length > 0)
      await closeBackorder(runtime, requestId, result.backorderId, closing, correlationId, signal);
  } else if (target !== requestPicking) {
    await records.setOpenBackorder(requestId, undefined);
  }
  runtime.events.publish(
    createEvent(
      'crossdock.shipment.confirmed.v2',
      { shipment, remainder: decided },
      {
        source: `/crossdock/${sourceOf(shipment)}`,
        correlationId,
        subject: requestId,
        idempotencyKey: `shipment:${shipment.id}`,
      },
    ),
  );
  if (result.outcome === 'closed_short') {
    runtime.events.publish(
      createEvent(
        'crossdock.exception.raised.v1',
        {
          code: 'crossdock.shipment.closed_short',
          severity: 'warning',
          message: `${requestId} was closed short by the warehouse (${Object.values(decided).join(', ')})`,
          entity: { type: 'fulfillment_request', id: requestId },
          details: { shipmentId: shipment.id, remainder: decided, pickingId: target },
        },
        {
          source: '/crossdock',
          correlationId,
          subject: requestId,
          idempotencyKey: `closed-short:${shipment.id}`,
        },
      ),
    );
  }
  await startTracking(runtime, shipment, target, correlationId);
  await queueChannelFulfillment(runtime, shipment, correlationId);
  await records.markApplied(shipment.id, { ...result, finished: true });
}

/** A shipment Odoo did not take: audited; goods shipped on a cancelled picking need a person. */
async function notApplied(
  runtime: Runtime,
  shipment: Shipment,
  reason: 'already_done' | 'cancelled',
  pickingId: number,
  correlationId: string,
): Promise<void> {
  await runtime.audit.decision(correlationId, ACTOR, `shipment.not_applied.${reason}`, {
    subject: picking(pickingId),
    detail: { shipmentId: shipment.id },
  });
  if (reason !== 'cancelled') return;
  runtime.events.publish(
    createEvent(
      'crossdock.exception.raised.v1',
      {
        code: 'crossdock.shipment.picking_cancelled',
        severity: 'error',
        message: `shipment ${shipment.id} left the warehouse but stock.picking:${pickingId} is cancelled in Odoo`,
        entity: { type: 'stock.picking', id: String(pickingId) },
        details: { shipmentId: shipment.id },
      },
      { source: '/crossdock', correlationId, subject: `stock.picking:${pickingId}` },
    ),
  );
}

/**
 * Queues flow 3 for a shipment: one tracker per tracking number, when a carrier is configured. The
 * tracking number → picking link is kept in the cursor store first, so the tracker's webhooks find
 * the picking on any instance without an Odoo read.
 */
async function startTracking(
  runtime: Runtime,
  shipment: Shipment,
  pickingId: number,
  correlationId: string,
): Promise<void> {
  if (runtime.carrier === undefined || shipment.trackingNumbers.length === 0) return;
  const records = shipmentRecords(runtime.stores.cursors);
  const carrier = carrierCodeOf(shipment.carrierService?.carrier);
  for (const trackingNumber of shipment.trackingNumbers) {
    await records.linkTracking(trackingNumber, {
      pickingId,
      requestId: shipment.requestId ?? `stock.picking:${pickingId}`,
      correlationId,
      ...(carrier === undefined ? {} : { carrier }),
    });
    await runtime.queue.enqueue({
      kind: 'tracking.start',
      payload: { trackingNumber, ...(carrier === undefined ? {} : { carrier }) },
      correlationId,
      key: `tracker:${trackingNumber}`,
      priority: PRIORITY.tracking,
    });
  }
}

/**
 * A warehouse's cancelled shipment on its own (ShipBob sends `order.shipment.cancelled` apart from
 * `order.shipped`): the decision is kept for the request, so a shipment arriving later closes short
 * in one go; when the shipment was applied already and left a backorder, the backorder is closed.
 * The short ship and an exception are published either way.
 *
 * @example
 * await runtime.queue.enqueue({ kind: 'shipment.short', payload: { shortShip, eventId }, correlationId, key: `shipment-short:${shortShip.shipmentId}`, priority: PRIORITY.shipment });
 */
export const shipmentShortStep: StepHandler = async (runtime, payload, { correlationId, signal }) => {
  const { shortShip, eventId } = payload as { shortShip: ShortShip; eventId: string };
  const records = shipmentRecords(runtime.stores.cursors);
  const pickingId = pickingIdOfRequest(shortShip.requestId);
  const reasons = Object.fromEntries(shortShip.lines.map((line) => [line.lineId, line.reason]));
  await runtime.audit.decision(correlationId, ACTOR, 'shipment.short.recorded', {
    ...(pickingId === undefined ? {} : { subject: picking(pickingId) }),
    detail: { eventId, shipmentId: shortShip.shipmentId ?? null, reasons },
  });
  await records.addShortDecisions(shortShip.requestId, reasons);
  publishShortShip(runtime, shortShip, correlationId, `short:${shortShip.shipmentId ?? eventId}`);
  const backorder = await records.openBackorder(shortShip.requestId);
  const closing = Object.fromEntries(Object.entries(reasons).filter(([, reason]) => reason !== 'BP'));
  if (backorder !== undefined && Object.keys(closing).length > 0)
    await closeBackorder(runtime, shortShip.requestId, backorder, closing, correlationId, signal);
};
