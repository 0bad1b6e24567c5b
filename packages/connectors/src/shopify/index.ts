/**
 * The Shopify connector: orders and fulfillment orders as canonical objects, fulfillments with
 * tracking, inventory snapshots, compare-and-set and idempotent delta stock writes, cost-based
 * throttling on an injectable clock, and webhook verification and parsing, over the GraphQL Admin API.
 *
 * @example
 * import { createShopifyConnector } from '@crossdock/connectors/shopify';
 * const shopify = createShopifyConnector({ shop: 'acme.myshopify.com', accessToken, apiSecret });
 *
 * @module
 */
export { toParty } from './address.js';
export {
  createGraphqlClient,
  describeIssues,
  type GraphqlCall,
  type GraphqlClient,
  type GraphqlClientOptions,
} from './client.js';
export {
  createShopifyConnector,
  SHOPIFY_API_VERSION,
  type ShopifyConnector,
  type ShopifyConnectorOptions,
} from './connector.js';
export { type ShopifyErrorInit, shopifyError, type UserError, userErrorsToError } from './errors.js';
export {
  HOLD_REASON_TO_HOLD,
  mapFulfillmentOrderState,
  REQUEST_STATUS_TO_HANDSHAKE,
  toFulfillmentRequest,
} from './fulfillment-orders.js';
export type { FulfillmentInput, MultipleTracking, SingleTracking } from './fulfillments.js';
export {
  type InventoryLevelsQuery,
  type InventorySnapshot,
  QUANTITY_NAMES,
  toInventoryLevel,
} from './inventory.js';
export { type OrderInput, toSalesOrder } from './orders.js';
export type { FulfillmentOrderRequestStatus, FulfillmentOrderStatus } from './schemas.js';
export { CostBudget, type Reservation, type ThrottleStatus } from './throttle.js';
export {
  CancellationRequestWebhookSchema,
  OrderCancelledWebhookSchema,
  OrderWebhookSchema,
  parseShopifyWebhook,
  SHOPIFY_WEBHOOK_TOPICS,
  type ShopifyWebhookTopic,
  verifyShopifyWebhook,
} from './webhooks.js';
