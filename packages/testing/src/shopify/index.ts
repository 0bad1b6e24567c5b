/**
 * A stateful fake Shopify GraphQL Admin API as msw handlers, with a cost bucket on an injectable
 * clock and a control API that plays the channel and signs the matching webhooks.
 *
 * @example
 * import { createShopifyHandlers } from '@crossdock/testing';
 * const shop = createShopifyHandlers();
 * const server = setupServer(...shop);
 *
 * @module
 */
export { type BucketClock, type BucketOptions, CostBucket, type ThrottleStatus } from './bucket.js';
export {
  type AddOrderInput,
  type CancelReason,
  type DeliveryOptions,
  ShopControl,
  type ShopifyWebhookTopic,
  type SignedDelivery,
} from './control.js';
export {
  actualCost,
  type ParsedOperation,
  parseOperation,
  requestedCost,
  type SelectedField,
  SINGLE_QUERY_MAX_COST,
} from './cost.js';
export {
  createShopifyHandlers,
  type FakeShopifyRequest,
  type ShopifyHandlers,
  type ShopifyHandlersOptions,
} from './handlers.js';
export { INVENTORY_REASONS } from './operations.js';
export type {
  FakeAddress,
  FakeFulfillment,
  FakeFulfillmentOrder,
  FakeFulfillmentOrderLine,
  FakeFulfillmentOrderStatus,
  FakeInventoryLevel,
  FakeLineItem,
  FakeOrder,
  FakeRequestStatus,
  FakeShopState,
  IdempotentRecord,
} from './state.js';
