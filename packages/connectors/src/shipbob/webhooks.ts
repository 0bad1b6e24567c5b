import { createEvent, type EventEnvelope, ShipmentSchema, safeParseCanonical } from '@crossdock/canonical';
import type { InboundWebhook } from '../contract/capabilities.js';
import type { OperationOptions } from '../contract/operation.js';
import { verifyStandardWebhook } from '../webhooks/standard.js';
import { shipbobError } from './errors.js';
import { validate } from './http.js';
import { toShipment } from './map.js';
import { VendorShipmentSchema } from './schemas.js';

/** The topic header ShipBob sends with every delivery. */
export const TOPIC_HEADER = 'x-webhook-topic';

/** Topics that mean goods left a ShipBob fulfillment center. */
export const SHIPPED_TOPICS: ReadonlySet<string> = new Set(['order.shipped', 'order_shipped']);

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

/**
 * The canonical events of a delivery: `order.shipped` becomes `crossdock.shipment.confirmed.v1`;
 * other topics produce no event. A malformed body is a `ConnectorError` naming the field.
 *
 * @example
 * const { deliveryId, events } = parseShipBobWebhook(webhook, { correlationId }, 'shipbob/123');
 */
export function parseShipBobWebhook(
  webhook: InboundWebhook,
  options: OperationOptions,
  source: string,
): { readonly deliveryId: string; readonly events: readonly EventEnvelope[] } {
  const init = { operation: 'webhooks.parse', correlationId: options.correlationId };
  const deliveryId = webhook.headers.get('webhook-id');
  const topic = webhook.headers.get(TOPIC_HEADER);
  if (!deliveryId || !topic) {
    throw shipbobError({
      ...init,
      message: `missing header ${deliveryId ? TOPIC_HEADER : 'webhook-id'}`,
      vendorCode: 'invalid_payload',
      executed: 'no',
    });
  }
  if (!SHIPPED_TOPICS.has(topic)) return { deliveryId, events: [] };
  let json: unknown;
  try {
    json = JSON.parse(webhook.rawBody);
  } catch {
    throw shipbobError({
      ...init,
      message: 'body is not JSON',
      vendorCode: 'invalid_payload',
      executed: 'no',
    });
  }
  const vendor = validate(VendorShipmentSchema, json, init);
  const parsed = safeParseCanonical(ShipmentSchema, toShipment(vendor, undefined));
  if (!parsed.success) {
    throw shipbobError({
      ...init,
      message: parsed.error.message,
      vendorCode: 'invalid_payload',
      executed: 'no',
    });
  }
  const shipment = parsed.data;
  const event = createEvent(
    'crossdock.shipment.confirmed.v1',
    { shipment },
    {
      source,
      correlationId: options.correlationId,
      ...(shipment.requestId === undefined ? {} : { subject: shipment.requestId }),
      idempotencyKey: deliveryId,
    },
  );
  return { deliveryId, events: [event] };
}
