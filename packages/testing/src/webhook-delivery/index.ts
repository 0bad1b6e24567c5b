/**
 * Webhook delivery for tests: POSTs the signed deliveries a vendor fake's control API produces
 * (`{ headers, body }`) to a real receiver URL, optionally late, several times or out of order, the
 * way a vendor's at-least-once sender does.
 *
 * @example
 * const delivery = shipbob.control.ship(orderId, { lines: [{ sku: 'MUG-1', quantity: 2 }] });
 * const results = await deliverWebhooks([delivery], { url, duplicate: 2, order: 'shuffled', seed: 7 });
 * expect(results.map((result) => result.status)).toEqual([200, 200]);
 *
 * @module
 */
export {
  type DeliverWebhooksOptions,
  type DeliveryOrder,
  type DeliveryResult,
  deliverWebhooks,
  deliveryPlan,
  type PlannedDelivery,
  type WebhookDelivery,
} from './deliver.js';
