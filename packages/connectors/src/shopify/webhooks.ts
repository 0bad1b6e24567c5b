import {
  createEvent,
  type EventEnvelope,
  FulfillmentRequestSchema,
  parseCanonical,
} from '@crossdock/canonical';
import { z } from 'zod';
import type { InboundWebhook } from '../contract/capabilities.js';
import { verifyHmacBase64 } from '../webhooks/hmac.js';
import { describeIssues } from './client.js';
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

function bad(message: string, correlationId: string): never {
  throw shopifyError('webhooks.parse', {
    message,
    vendorCode: 'INVALID_WEBHOOK',
    retryable: false,
    executed: 'no',
    correlationId,
  });
}

/**
 * The delivery id (`X-Shopify-Webhook-Id`) and canonical events of a delivery. `orders/create`
 * becomes `crossdock.fulfillment.released.v1` carrying the order as an unsubmitted request to the
 * shop (the event catalogue has no order event yet); other topics yield no events.
 *
 * @example const { deliveryId, events } = parseShopifyWebhook(webhook, { correlationId }, 'acme.myshopify.com');
 */
export function parseShopifyWebhook(
  webhook: InboundWebhook,
  op: { readonly correlationId: string },
  shop: string,
): { readonly deliveryId: string; readonly events: readonly EventEnvelope[] } {
  const deliveryId = webhook.headers.get('x-shopify-webhook-id')?.trim();
  if (!deliveryId) bad('header x-shopify-webhook-id: missing', op.correlationId);
  const topic = webhook.headers.get('x-shopify-topic')?.trim();
  if (!topic) bad('header x-shopify-topic: missing', op.correlationId);
  if (topic !== 'orders/create') return { deliveryId, events: [] };
  let json: unknown;
  try {
    json = JSON.parse(webhook.rawBody);
  } catch {
    bad('body: not JSON', op.correlationId);
  }
  const parsed = OrderWebhookSchema.safeParse(json);
  if (!parsed.success) bad(`body: ${describeIssues(parsed.error.issues)}`, op.correlationId);
  const body = parsed.data;
  const address = body.shipping_address;
  const order = toSalesOrder(
    { shop },
    {
      id: body.admin_graphql_api_id,
      name: body.name,
      createdAt: body.created_at,
      cancelledAt: body.cancelled_at,
      closedAt: body.closed_at,
      currencyCode: body.currency,
      email: body.email,
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
      lines: body.line_items.map((line) => ({
        id: line.admin_graphql_api_id ?? `gid://shopify/LineItem/${line.id}`,
        sku: line.sku,
        name: line.name,
        quantity: line.quantity,
        ...(line.price === undefined ? {} : { price: line.price }),
      })),
    },
  );
  const request = parseCanonical(FulfillmentRequestSchema, {
    id: order.id,
    orderId: order.id,
    orderNumber: order.number,
    warehouse: { id: shop, name: shop },
    handshake: 'unsubmitted',
    shipTo: order.shipTo,
    serviceLevel: order.serviceLevel,
    createdAt: order.orderedAt,
    lines: order.lines.map((line) => ({
      lineId: line.lineId,
      orderLineId: line.lineId,
      item: line.item,
      uom: line.uom,
      ledger: { ordered: line.quantity },
      refs: line.refs,
    })),
    refs: order.refs,
  });
  const event = createEvent(
    'crossdock.fulfillment.released.v1',
    { request },
    {
      source: `/shopify/${shop}`,
      correlationId: op.correlationId,
      subject: order.id,
      idempotencyKey: deliveryId,
      sourceUpdatedAt: order.orderedAt,
    },
  );
  return { deliveryId, events: [event] };
}
