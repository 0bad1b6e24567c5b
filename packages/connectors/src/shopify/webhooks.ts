import { createEvent, type EventEnvelope, type SalesOrder } from '@crossdock/canonical';
import { z } from 'zod';
import type { InboundWebhook } from '../contract/capabilities.js';
import { verifyHmacBase64 } from '../webhooks/hmac.js';
import { describeIssues } from './client.js';
import { shopifyRef } from './context.js';
import { shopifyError } from './errors.js';
import { toSalesOrder } from './orders.js';

const RestAddressSchema = z
  .object({
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    name: z.string().nullish(),
    company: z.string().nullish(),
    address1: z.string().nullish(),
    address2: z.string().nullish(),
    city: z.string().nullish(),
    province_code: z.string().nullish(),
    zip: z.string().nullish(),
    country_code: z.string().nullish(),
    phone: z.string().nullish(),
  })
  .loose();

/** The fields of an `orders/create` payload the connector reads. */
export const OrderWebhookSchema = z
  .object({
    id: z.number(),
    admin_graphql_api_id: z.string(),
    name: z.string(),
    created_at: z.string(),
    currency: z.string(),
    email: z.string().nullish(),
    cancelled_at: z.string().nullish(),
    closed_at: z.string().nullish(),
    shipping_address: RestAddressSchema.nullish(),
    line_items: z.array(
      z
        .object({
          id: z.number(),
          admin_graphql_api_id: z.string().optional(),
          sku: z.string().nullish(),
          name: z.string(),
          quantity: z.number().int(),
          price: z.string().optional(),
        })
        .loose(),
    ),
  })
  .loose();

/**
 * Whether a delivery is authentic: the base64 HMAC-SHA256 of the raw body with the app's client
 * secret in `X-Shopify-Hmac-Sha256`, compared in constant time. False without a secret.
 *
 * @example if (!verifyShopifyWebhook(webhook, [apiSecret])) return new Response(null, { status: 401 });
 */
export function verifyShopifyWebhook(webhook: InboundWebhook, secrets: readonly string[]): boolean {
  if (secrets.length === 0) return false;
  return verifyHmacBase64(webhook, { secrets }).valid;
}

/** The fields of an `orders/cancelled` payload the connector reads (the whole order is sent). */
export const OrderCancelledWebhookSchema = z
  .object({
    admin_graphql_api_id: z.string(),
    name: z.string().nullish(),
    cancelled_at: z.string(),
    cancel_reason: z.string().nullish(),
  })
  .loose();

/** A `fulfillment_orders/cancellation_request_submitted` payload. */
export const CancellationRequestWebhookSchema = z
  .object({
    fulfillment_order: z.object({ id: z.string(), status: z.string(), request_status: z.string() }).loose(),
    fulfillment_order_merchant_request: z
      .object({ id: z.string().nullish(), message: z.string().nullish() })
      .loose()
      .nullish(),
  })
  .loose();

/**
 * The topics {@link parseShopifyWebhook} turns into canonical events; subscribe the receiver to
 * these only. Any other topic is refused with `UNSUPPORTED_TOPIC`.
 *
 * - `orders/create` → `crossdock.order.received.v1`: the channel took an order.
 * - `orders/cancelled` → `crossdock.order.cancelled.v1` (`orderRef` the order).
 * - `fulfillment_orders/cancellation_request_submitted` → `crossdock.order.cancelled.v1`
 *   (`orderRef` the fulfillment order): the merchant wants a fulfillment order that was already
 *   accepted cancelled downstream.
 */
export const SHOPIFY_WEBHOOK_TOPICS = [
  'orders/create',
  'orders/cancelled',
  'fulfillment_orders/cancellation_request_submitted',
] as const;
export type ShopifyWebhookTopic = (typeof SHOPIFY_WEBHOOK_TOPICS)[number];

const isTopic = (topic: string): topic is ShopifyWebhookTopic =>
  (SHOPIFY_WEBHOOK_TOPICS as readonly string[]).includes(topic);

function bad(message: string, correlationId: string, vendorCode = 'INVALID_WEBHOOK'): never {
  throw shopifyError('webhooks.parse', {
    message,
    vendorCode,
    retryable: false,
    executed: 'no',
    correlationId,
  });
}

function body<T>(webhook: InboundWebhook, schema: z.ZodType<T>, correlationId: string): T {
  let json: unknown;
  try {
    json = JSON.parse(webhook.rawBody);
  } catch {
    bad('body: not JSON', correlationId);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) bad(`body: ${describeIssues(parsed.error.issues)}`, correlationId);
  return parsed.data;
}

/** An ISO instant from a Shopify timestamp, or a ConnectorError naming the field. */
function instant(value: string, field: string, correlationId: string): string {
  const time = new Date(value);
  if (Number.isNaN(time.getTime()))
    bad(`${field}: ${JSON.stringify(value)} is not a timestamp`, correlationId);
  return time.toISOString();
}

function receivedOrder(webhook: InboundWebhook, correlationId: string, shop: string): SalesOrder {
  const order = body(webhook, OrderWebhookSchema, correlationId);
  const address = order.shipping_address;
  return toSalesOrder(
    { shop },
    {
      id: order.admin_graphql_api_id,
      name: order.name,
      createdAt: order.created_at,
      cancelledAt: order.cancelled_at,
      closedAt: order.closed_at,
      currencyCode: order.currency,
      email: order.email,
      shippingAddress: address
        ? {
            firstName: address.first_name,
            lastName: address.last_name,
            name: address.name,
            company: address.company,
            address1: address.address1,
            address2: address.address2,
            city: address.city,
            provinceCode: address.province_code,
            zip: address.zip,
            countryCode: address.country_code,
            phone: address.phone,
          }
        : null,
      lines: order.line_items.map((line) => ({
        id: line.admin_graphql_api_id ?? `gid://shopify/LineItem/${line.id}`,
        sku: line.sku,
        name: line.name,
        quantity: line.quantity,
        ...(line.price === undefined ? {} : { price: line.price }),
      })),
    },
  );
}

/**
 * The delivery id (`X-Shopify-Webhook-Id`) and canonical events of a delivery, by its
 * `X-Shopify-Topic` (see {@link SHOPIFY_WEBHOOK_TOPICS}); every event is keyed by the delivery id,
 * so a redelivery deduplicates. A topic not listed there is not dropped silently: it throws a
 * `ConnectorError` `UNSUPPORTED_TOPIC` naming the header, so the receiver answers 400 and keeps
 * the delivery as a dead letter (Shopify retries it, then stops).
 *
 * @example const { deliveryId, events } = parseShopifyWebhook(webhook, { correlationId }, 'acme.myshopify.com');
 */
export function parseShopifyWebhook(
  webhook: InboundWebhook,
  op: { readonly correlationId: string },
  shop: string,
  now: () => number = Date.now,
): {
  readonly deliveryId: string;
  readonly topic: ShopifyWebhookTopic;
  readonly events: readonly EventEnvelope[];
} {
  const { correlationId } = op;
  const deliveryId = webhook.headers.get('x-shopify-webhook-id')?.trim();
  if (!deliveryId) bad('header x-shopify-webhook-id: missing', correlationId);
  const topic = webhook.headers.get('x-shopify-topic')?.trim();
  if (!topic) bad('header x-shopify-topic: missing', correlationId);
  if (!isTopic(topic)) {
    bad(
      `header x-shopify-topic: ${topic} is not a topic this connector parses (${SHOPIFY_WEBHOOK_TOPICS.join(', ')})`,
      correlationId,
      'UNSUPPORTED_TOPIC',
    );
  }
  const source = `/shopify/${shop}`;
  if (topic === 'orders/create') {
    const order = receivedOrder(webhook, correlationId, shop);
    const event = createEvent(
      'crossdock.order.received.v1',
      { order },
      {
        source,
        correlationId,
        subject: order.id,
        idempotencyKey: deliveryId,
        sourceUpdatedAt: order.orderedAt,
      },
    );
    return { deliveryId, topic, events: [event] };
  }
  if (topic === 'orders/cancelled') {
    const order = body(webhook, OrderCancelledWebhookSchema, correlationId);
    const cancelledAt = instant(order.cancelled_at, 'body: cancelled_at', correlationId);
    const event = createEvent(
      'crossdock.order.cancelled.v1',
      {
        orderRef: shopifyRef({ shop }, order.admin_graphql_api_id),
        ...(order.name ? { orderNumber: order.name } : {}),
        ...(order.cancel_reason ? { reason: order.cancel_reason } : {}),
        cancelledAt,
      },
      {
        source,
        correlationId,
        subject: order.admin_graphql_api_id,
        idempotencyKey: deliveryId,
        sourceUpdatedAt: cancelledAt,
      },
    );
    return { deliveryId, topic, events: [event] };
  }
  const request = body(webhook, CancellationRequestWebhookSchema, correlationId);
  const triggeredAt = webhook.headers.get('x-shopify-triggered-at')?.trim();
  const requestedAt = triggeredAt
    ? instant(triggeredAt, 'header x-shopify-triggered-at', correlationId)
    : new Date(now()).toISOString();
  const fulfillmentOrderId = request.fulfillment_order.id;
  const message = request.fulfillment_order_merchant_request?.message?.trim();
  const event = createEvent(
    'crossdock.order.cancelled.v1',
    {
      orderRef: shopifyRef({ shop }, fulfillmentOrderId),
      reason:
        `the merchant requested cancellation of fulfillment order ${fulfillmentOrderId}${message ? `: ${message}` : ''}`.slice(
          0,
          2000,
        ),
      cancelledAt: requestedAt,
    },
    {
      source,
      correlationId,
      subject: fulfillmentOrderId,
      idempotencyKey: deliveryId,
      sourceUpdatedAt: requestedAt,
    },
  );
  return { deliveryId, topic, events: [event] };
}
