/**
 * `@crossdock/connectors/shipbob`: the ShipBob 3PL connector.
 *
 * @example
 * import { createShipBobConnector } from '@crossdock/connectors/shipbob';
 * const shipbob = createShipBobConnector({ token, channelId, webhookSecrets: [secret] });
 *
 * @module
 */
export {
  createShipBobConnector,
  SHIPBOB_API_VERSION,
  type ShipBobConnector,
  type ShipBobConnectorOptions,
  shipbobRateLimiter,
} from './connector.js';
export { parseShipBobWebhook, SHIPPED_TOPICS, TOPIC_HEADER, verifyShipBobWebhook } from './webhooks.js';
