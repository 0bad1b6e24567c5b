import { createEvent, type TrackingEvent, type TrackingStatus } from '@crossdock/canonical';
import { picking } from '../runtime/audit.ts';
import { guardWrite } from '../runtime/ownership.ts';
import type { StepHandler } from '../runtime/runtime.ts';
import { shipmentRecords } from './shipment-records.ts';

const ACTOR = 'crossdock.tracking';

/**
 * EasyPost's carrier codes for the carrier names warehouses send (ShipBob says `ups`); an unknown
 * name is left out and EasyPost detects the carrier from the number.
 */
const EASYPOST_CARRIERS: Readonly<Record<string, string>> = {
  ups: 'UPS',
  usps: 'USPS',
  fedex: 'FedEx',
  dhl: 'DHLExpress',
  dhlexpress: 'DHLExpress',
  ontrac: 'OnTrac',
};

/** EasyPost's code for a carrier name, or undefined to let EasyPost detect it. */
export function carrierCodeOf(carrier: string | undefined): string | undefined {
  return carrier === undefined ? undefined : EASYPOST_CARRIERS[carrier.toLowerCase().replace(/[^a-z]/g, '')];
}

/**
 * How far along a parcel is, to order two scans of the same instant: a `delivered` and an
 * `in_transit` stamped the same millisecond are not a tie.
 */
const STAGE: Readonly<Record<TrackingStatus, number>> = {
  unknown: 0,
  pre_transit: 1,
  in_transit: 2,
  available_for_pickup: 3,
  delivery_attempted: 3,
  out_for_delivery: 4,
  exception: 5,
  cancelled: 6,
  returned_to_sender: 7,
  delivered: 8,
};

/**
 * The ordering position of a tracking event: the scan time in ms, then its stage. A scan is stale
 * when the tracking number has already seen a later scan (or the same instant at a later stage): a
 * late `in_transit` after `delivered` is dropped, whatever order the webhooks came in.
 */
export function trackingPosition(event: Pick<TrackingEvent, 'occurredAt' | 'status'>): bigint {
  return BigInt(Date.parse(event.occurredAt)) * 16n + BigInt(STAGE[event.status]);
}

/** The note posted on the picking for a scan. */
export function trackingNoteText(event: TrackingEvent): string {
  const where = [event.location?.city, event.location?.region, event.location?.countryCode]
    .filter(Boolean)
    .join(', ');
  return [
    `tracking ${event.trackingNumber} (${event.carrier}): ${event.status.replaceAll('_', ' ')}`,
    event.carrierDetail ? ` (${event.carrierDetail})` : '',
    where ? ` in ${where}` : '',
    ` at ${event.occurredAt}`,
    event.signedBy ? `, signed by ${event.signedBy}` : '',
    '.',
  ].join('');
}

/**
 * Creates (or finds) the carrier's tracker for a tracking number: EasyPost deduplicates trackers by
 * code and carrier, so a retry finds the same one. Its updates then arrive as `tracker.updated`
 * webhooks (step `tracking.update`).
 *
 * @example
 * await runtime.queue.enqueue({ kind: 'tracking.start', payload: { trackingNumber: '1Z…', carrier: 'UPS' }, correlationId, key: 'tracker:1Z…', priority: PRIORITY.tracking });
 */
export const trackingStartStep: StepHandler = async (runtime, payload, { correlationId, signal }) => {
  const { trackingNumber, carrier } = payload as { trackingNumber: string; carrier?: string };
  const link = await shipmentRecords(runtime.stores.cursors).trackingLink(trackingNumber);
  if (runtime.carrier === undefined) {
    await runtime.audit.decision(correlationId, ACTOR, 'tracker.no_carrier', { detail: { trackingNumber } });
    return;
  }
  const events = await runtime.carrier.tracking.get(trackingNumber, {
    correlationId,
    idempotencyKey: `tracker:${trackingNumber}`,
    signal,
    ...(carrier === undefined ? {} : { carrier }),
  });
  await runtime.audit.outbound(correlationId, ACTOR, 'easypost.tracker.create', {
    ...(link === undefined ? {} : { subject: picking(link.pickingId) }),
    after: { trackingNumber, carrier: carrier ?? null, status: events.at(-1)?.status ?? null },
  });
};

/**
 * One carrier scan: ordered per tracking number (stale scans audited and dropped), posted as a note
 * on the picking the tracking number belongs to, published as `crossdock.tracking.updated.v1`, and a
 * delivery exception (or a return to sender) raised as `crossdock.exception.raised.v1`.
 *
 * A tracking number no shipment of ours named is dead-lettered (not retried): once the link exists
 * it can be replayed from the dead-letter store.
 */
export const trackingUpdateStep: StepHandler = async (
  runtime,
  payload,
  { correlationId: received, signal },
) => {
  const { tracking, eventId } = payload as { tracking: TrackingEvent; eventId: string };
  const link = await shipmentRecords(runtime.stores.cursors).trackingLink(tracking.trackingNumber);
  if (link === undefined) {
    const error = Object.assign(
      new Error(`tracking number ${tracking.trackingNumber} belongs to no shipment Crossdock applied`),
      { retryable: false },
    );
    await runtime.audit.error(received, ACTOR, 'tracking.unlinked', error, {
      detail: { eventId, trackingNumber: tracking.trackingNumber },
    });
    throw error;
  }
  const { correlationId, pickingId } = link;
  const subject = picking(pickingId);
  await runtime.audit.inbound(correlationId, ACTOR, 'tracking.scan', {
    subject,
    detail: {
      eventId,
      trackingNumber: tracking.trackingNumber,
      status: tracking.status,
      occurredAt: tracking.occurredAt,
    },
  });
  const position = trackingPosition(tracking);
  const order = await runtime.stores.ordering.acceptIfNewer(`tracking:${tracking.trackingNumber}`, {
    version: position,
  });
  if (!order.accepted && order.current > position) {
    await runtime.audit.decision(correlationId, ACTOR, 'tracking.stale', {
      subject,
      detail: { eventId, status: tracking.status, occurredAt: tracking.occurredAt },
    });
    return;
  }
  const intent = { system: 'easypost', record: 'tracking', fields: ['status'] };
  if (!(await guardWrite(runtime, { correlationId, actor: ACTOR, intent, subject })).allowed) return;
  const key = `tracking:${tracking.trackingNumber}:${tracking.status}:${tracking.occurredAt}`;
  const note = await runtime.odoo.fulfillment.note(pickingId, trackingNoteText(tracking), {
    correlationId,
    idempotencyKey: key,
    signal,
  });
  await runtime.audit.outbound(correlationId, ACTOR, 'stock.picking.message_post', {
    subject,
    after: { status: tracking.status, posted: note.posted, messageId: note.messageId ?? null },
  });
  const options = { source: '/crossdock/easypost', correlationId, subject: link.requestId };
  runtime.events.publish(
    createEvent('crossdock.tracking.updated.v1', { tracking }, { ...options, idempotencyKey: key }),
  );
  if (tracking.status === 'exception' || tracking.status === 'returned_to_sender') {
    runtime.events.publish(
      createEvent(
        'crossdock.exception.raised.v1',
        {
          code: `carrier.${tracking.status}`,
          severity: 'error',
          message: `parcel ${tracking.trackingNumber} of ${link.requestId}: ${tracking.carrierDetail ?? tracking.status}`,
          entity: { type: 'fulfillment_request', id: link.requestId },
          details: {
            trackingNumber: tracking.trackingNumber,
            carrier: tracking.carrier,
            occurredAt: tracking.occurredAt,
            pickingId,
          },
        },
        { ...options, idempotencyKey: `exception:${key}` },
      ),
    );
  }
};
