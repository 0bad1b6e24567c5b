import {
  createEvent,
  type EventData,
  type EventEnvelope,
  type EventType,
  isCanonicalError,
  ReturnSchema,
  ShipmentSchema,
} from '@crossdock/canonical';
import type { InboundWebhook } from '../contract/capabilities.js';
import type { OperationOptions } from '../contract/operation.js';
import { verifyStandardWebhook } from '../webhooks/standard.js';
import { shipbobError } from './errors.js';
import { toCanonical, validate } from './http.js';
import { returnState, toReturn, toShipment } from './map.js';
import { VendorReturnSchema, type VendorShipment, VendorShipmentSchema } from './schemas.js';

/** The topic header ShipBob sends with every delivery. */
export const TOPIC_HEADER = 'x-webhook-topic';

/** Topics that mean goods left a ShipBob fulfillment center (`order_shipped` is the 1.0/2.0 name). */
export const SHIPPED_TOPICS: ReadonlySet<string> = new Set(['order.shipped', 'order_shipped']);
/** A shipment was cancelled: what it held will not ship (a short close, or a cancelled order). */
export const CANCELLED_TOPICS: ReadonlySet<string> = new Set([
  'order.shipment.cancelled',
  'shipment_cancelled',
]);
/** A shipment stopped: exception (out of stock, …) or on hold (address, payment, …). */
export const EXCEPTION_TOPICS: ReadonlySet<string> = new Set([
  'order.shipment.exception',
  'shipment_exception',
]);
export const ON_HOLD_TOPICS: ReadonlySet<string> = new Set(['order.shipment.on_hold', 'shipment_onhold']);
/** A return was processed at the fulfillment center. */
export const RETURN_COMPLETED_TOPICS: ReadonlySet<string> = new Set(['return.completed']);

/**
 * Every topic ShipBob publishes for 2026-07 subscriptions (the `topics` of `POST /2026-07/webhook`),
 * plus the 1.0/2.0 names. None is about stock: ShipBob has no inventory webhook, so inventory
 * changes are read with `inventory.levels`. The `wro.*` and `billing.*` names come from the
 * 2026-01 topic list; the 2026-07 reference lists them after the return topics.
 */
export const SHIPBOB_TOPICS: ReadonlySet<string> = new Set([
  'order.shipped',
  'order.delivered',
  'order.shipment.delivered',
  'order.shipment.exception',
  'order.shipment.on_hold',
  'order.shipment.cancelled',
  'order.shipment.tracking.updated',
  'order.shipment.address.updated',
  'order.shipment.line_item.added',
  'order.shipment.line_item.removed',
  'order.shipment.line_item.updated',
  'order.shipment.shipping_service.updated',
  'return.created',
  'return.updated',
  'return.completed',
  'wro.created',
  'wro.updated',
  'wro.completed',
  'wro.box.arrived',
  'wro.box.scanned',
  'wro.box.stowed',
  'billing.charge.created',
  'billing.refund.created',
  'billing.credit.created',
  'order_shipped',
  'shipment_delivered',
  'shipment_exception',
  'shipment_onhold',
  'shipment_cancelled',
]);

/** What `parse` makes of a delivery. */
export interface ShipBobParsedDelivery {
  /** `webhook-id`: stable across ShipBob's retries of one delivery. */
  readonly deliveryId: string;
  readonly topic: string;
  readonly events: readonly EventEnvelope[];
  /**
   * False for a published topic that has no canonical event (deliveries, tracking scans, line-item
   * edits, WROs, billing): the delivery is acknowledged and nothing is to be done.
   */
  readonly handled: boolean;
}

/**
 * True only for an authentic, fresh Standard Webhooks delivery signed with one of the secrets.
 *
 * @example
 * verifyShipBobWebhook({ headers, rawBody }, ['whsec_…']); // true | false
 */
export function verifyShipBobWebhook(
  webhook: InboundWebhook,
  secrets: readonly string[],
  now?: Date,
): boolean {
  return verifyStandardWebhook(webhook, { secrets, ...(now === undefined ? {} : { now }) }).valid;
}

type Init = { readonly operation: string; readonly correlationId: string };

function invalid(init: Init, message: string): never {
  throw shipbobError({ ...init, message, vendorCode: 'invalid_payload', executed: 'no' });
}

const iso = (value: string | null | undefined) => (value ? new Date(value).toISOString() : undefined);

/** Units per request line in a shipment (a line picked from two lots is one line). */
function unitsByLine(shipment: VendorShipment): Map<string, number> {
  const units = new Map<string, number>();
  for (const product of shipment.products) {
    const quantity = product.inventory_items.reduce((sum, item) => sum + item.quantity, 0);
    units.set(product.reference_id, (units.get(product.reference_id) ?? 0) + quantity);
  }
  return units;
}

/**
 * A cancelled shipment as a short ship: every unit it held is short, reason `IC` (item cancelled).
 * The payload is that shipment alone, so `ordered` and `shipped` count within it (`shipped` is 0);
 * what did ship arrived as its own `order.shipped`.
 */
function shortShipped(shipment: VendorShipment, init: Init) {
  if (!shipment.reference_id) invalid(init, 'unexpected ShipBob payload: reference_id: required');
  const lines = [...unitsByLine(shipment)]
    .filter(([, units]) => units > 0)
    .map(([lineId, units]) => ({
      lineId,
      uom: 'EA',
      ordered: String(units),
      shipped: '0',
      short: String(units),
      reason: 'IC' as const,
    }));
  if (lines.length === 0) return undefined;
  return { requestId: shipment.reference_id, shipmentId: String(shipment.id), lines };
}

/** A shipment in exception or on hold as `crossdock.exception.raised.v1` data. */
function raised(shipment: VendorShipment, onHold: boolean) {
  const details = shipment.status_details ?? [];
  const name = details.find((detail) => detail.name)?.name ?? (onHold ? 'OnHold' : 'Exception');
  const described = details.map((detail) => detail.description ?? detail.name).filter(Boolean);
  const itemsBySku = shipment.products.flatMap((product) =>
    product.inventory_items.map((item) => ({ sku: product.sku ?? product.reference_id, item })),
  );
  const shortages = itemsBySku
    .filter(({ item }) => item.quantity_committed != null && item.quantity_committed < item.quantity)
    .map(({ sku, item }) => ({
      sku,
      inventoryId: item.id,
      quantity: item.quantity,
      committed: item.quantity_committed,
    }));
  return {
    code: `shipbob.${name}`.slice(0, 128),
    severity: onHold ? ('warning' as const) : ('error' as const),
    message: (
      described.join('; ') || `ShipBob shipment ${shipment.id} is ${onHold ? 'on hold' : 'in exception'}`
    ).slice(0, 4000),
    entity: shipment.reference_id
      ? { type: 'fulfillment_request', id: shipment.reference_id }
      : { type: 'shipbob_shipment', id: String(shipment.id) },
    details: {
      shipmentId: String(shipment.id),
      orderId: String(shipment.order_id),
      status: shipment.status,
      statusDetails: details.map((detail) => ({
        name: detail.name ?? null,
        description: detail.description ?? null,
        inventoryId: detail.inventory_id ?? null,
      })),
      shortages,
    },
  };
}

/**
 * The canonical events of a delivery:
 *
 * | topic | events |
 * |---|---|
 * | `order.shipped` | `crossdock.shipment.confirmed.v1` |
 * | `order.shipment.cancelled` | `crossdock.shipment.short_shipped.v1` (what the shipment held, reason `IC`) |
 * | `order.shipment.exception` | `crossdock.exception.raised.v1` (severity `error`) |
 * | `order.shipment.on_hold` | `crossdock.exception.raised.v1` (severity `warning`) |
 * | `return.completed` | `crossdock.return.received.v1` |
 * | other published topics | none, `handled: false` |
 * | a topic ShipBob does not publish | `ConnectorError` `unknown_topic` |
 *
 * An unknown topic is an error, not an empty result, so that a receiver answers 400 and
 * dead-letters the raw delivery (ShipBob retries it) instead of acknowledging something nobody
 * read. A malformed body is a `ConnectorError` naming the field.
 *
 * @example
 * const { deliveryId, events, handled } = parseShipBobWebhook(webhook, { correlationId }, '/shipbob/123');
 */
export function parseShipBobWebhook(
  webhook: InboundWebhook,
  options: OperationOptions,
  source: string,
): ShipBobParsedDelivery {
  const init: Init = { operation: 'webhooks.parse', correlationId: options.correlationId };
  const deliveryId = webhook.headers.get('webhook-id');
  const topic = webhook.headers.get(TOPIC_HEADER);
  if (!deliveryId || !topic) {
    invalid(init, `missing header ${deliveryId ? TOPIC_HEADER : 'webhook-id'}`);
  }
  if (!SHIPBOB_TOPICS.has(topic)) {
    throw shipbobError({
      ...init,
      message: `unknown ShipBob webhook topic "${topic.slice(0, 100)}"`,
      vendorCode: 'unknown_topic',
      executed: 'no',
    });
  }
  const shipmentTopic =
    SHIPPED_TOPICS.has(topic) ||
    CANCELLED_TOPICS.has(topic) ||
    EXCEPTION_TOPICS.has(topic) ||
    ON_HOLD_TOPICS.has(topic);
  if (!shipmentTopic && !RETURN_COMPLETED_TOPICS.has(topic)) {
    return { deliveryId, topic, events: [], handled: false };
  }
  let json: unknown;
  try {
    json = JSON.parse(webhook.rawBody);
  } catch {
    invalid(init, 'body is not JSON');
  }
  const event = <T extends EventType>(
    type: T,
    data: EventData<T>,
    subject: string | undefined,
    updatedAt: string | undefined,
  ): EventEnvelope => {
    try {
      return createEvent(type, data, {
        source,
        correlationId: options.correlationId,
        idempotencyKey: deliveryId,
        ...(subject === undefined ? {} : { subject }),
        ...(updatedAt === undefined ? {} : { sourceUpdatedAt: updatedAt }),
      });
    } catch (error) {
      if (isCanonicalError(error)) invalid(init, error.message);
      throw error;
    }
  };

  if (RETURN_COMPLETED_TOPICS.has(topic)) {
    const vendor = validate(VendorReturnSchema, json, init);
    const state = returnState(vendor.status);
    if (state === undefined) {
      invalid(init, `unexpected ShipBob payload: status: unknown return status "${vendor.status}"`);
    }
    const ret = toCanonical(ReturnSchema, toReturn(vendor, state), init);
    const events = [
      event('crossdock.return.received.v1', { return: ret }, ret.rma, iso(vendor.completed_date)),
    ];
    return { deliveryId, topic, events, handled: true };
  }

  const vendor = validate(VendorShipmentSchema, json, init);
  const updatedAt = iso(vendor.last_updated_date ?? vendor.actual_fulfillment_date);
  const subject = vendor.reference_id ?? undefined;
  if (SHIPPED_TOPICS.has(topic)) {
    const shipment = toCanonical(ShipmentSchema, toShipment(vendor, undefined), init);
    const events = [event('crossdock.shipment.confirmed.v1', { shipment }, shipment.requestId, updatedAt)];
    return { deliveryId, topic, events, handled: true };
  }
  if (CANCELLED_TOPICS.has(topic)) {
    const data = shortShipped(vendor, init);
    const events = data ? [event('crossdock.shipment.short_shipped.v1', data, subject, updatedAt)] : [];
    return { deliveryId, topic, events, handled: true };
  }
  const data = raised(vendor, ON_HOLD_TOPICS.has(topic));
  return {
    deliveryId,
    topic,
    events: [event('crossdock.exception.raised.v1', data, subject, updatedAt)],
    handled: true,
  };
}
