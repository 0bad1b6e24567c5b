/**
 * `@crossdock/connectors/webhooks`: signature verifiers for the common webhook schemes and a
 * framework-agnostic receiver that verifies, parses, deduplicates and dead-letters deliveries.
 *
 * @example
 * import { createWebhookReceiver, verifyStandardWebhook } from '@crossdock/connectors/webhooks';
 * import { MemoryDeadLetterStore, MemoryStore } from '@crossdock/idempotency';
 *
 * const receive = createWebhookReceiver({
 *   source: 'shipbob.webhook',
 *   verify: (webhook) => verifyStandardWebhook(webhook, { secrets: [current, previous] }),
 *   parse: (webhook) => shipbob.webhooks.parse(webhook, { correlationId: crypto.randomUUID() }),
 *   store: new MemoryStore(),
 *   deadLetters: new MemoryDeadLetterStore(),
 *   handle: async (events) => { for (const event of events) await apply(event); },
 * });
 * const response = await receive(request); // a Fetch API Request
 *
 * @module
 */
export type { InboundWebhook } from '../contract/capabilities.js';
export { type HmacBase64Options, type HmacHexOptions, verifyHmacBase64, verifyHmacHex } from './hmac.js';
export { type FetchHandler, type NodeListenerOptions, toNodeListener } from './node.js';
export {
  createWebhookReceiver,
  type ParsedDelivery,
  type WebhookReceiver,
  type WebhookReceiverOptions,
  type WebhookReceiverStage,
} from './receiver.js';
export { constantTimeEqual, type VerifyFailureReason, type VerifyResult } from './result.js';
export { type StandardWebhookOptions, verifyStandardWebhook } from './standard.js';
