/**
 * A stateful fake Shopify GraphQL Admin API as msw handlers, with a cost bucket and a control API.
 *
 * @example
 * import { createShopifyHandlers } from '@crossdock/testing';
 * const shop = createShopifyHandlers();
 * const server = setupServer(...shop);
 *
 * @module
 */
export { type BucketOptions, CostBucket, type ThrottleStatus } from './bucket.js';
export { type AddOrderInput, ShopControl, type SignedDelivery } from './control.js';
export { createShopifyHandlers, type ShopifyHandlers, type ShopifyHandlersOptions } from './handlers.js';
export type {
  FakeAddress,
  FakeFulfillmentOrder,
  FakeFulfillmentOrderLine,
  FakeFulfillmentOrderStatus,
  FakeInventoryLevel,
  FakeLineItem,
  FakeOrder,
  FakeRequestStatus,
  FakeShopState,
} from './state.js';
