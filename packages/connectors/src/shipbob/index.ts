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
export type { InventorySnapshot } from './map.js';
export type { ShipBobReturns } from './returns.js';
export {
  CANCELLED_TOPICS,
  EXCEPTION_TOPICS,
  ON_HOLD_TOPICS,
  parseShipBobWebhook,
  RETURN_COMPLETED_TOPICS,
  SHIPBOB_TOPICS,
  SHIPPED_TOPICS,
  type ShipBobParsedDelivery,
  TOPIC_HEADER,
  verifyShipBobWebhook,
} from './webhooks.js';
