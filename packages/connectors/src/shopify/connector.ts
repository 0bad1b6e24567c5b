import type {
  EventEnvelope,
  FulfillmentRequest,
  InventoryAdjustment,
  SalesOrder,
} from '@crossdock/canonical';
import { type Clock, systemClock } from '@crossdock/idempotency';
import type { Connector, InboundWebhook, Page, WebhooksCapability } from '../contract/capabilities.js';
import type { OperationOptions } from '../contract/operation.js';
import { createGraphqlClient } from './client.js';
import type { ShopifyContext } from './context.js';
import {
  fulfillmentOrdersOfOrder,
  getFulfillmentOrder,
  listFulfillmentOrders,
} from './fulfillment-orders.js';
import { createFulfillment, type FulfillmentInput } from './fulfillments.js';
import { guard, toShopifyError } from './guard.js';
import {
  adjustInventory,
  type InventoryLevelsQuery,
  type InventorySnapshot,
  listInventoryLevels,
} from './inventory.js';
import { listOrders } from './orders.js';
import { parseShopifyWebhook, type ShopifyWebhookTopic, verifyShopifyWebhook } from './webhooks.js';

/** The GraphQL Admin API version the connector is written and tested against. */
export const SHOPIFY_API_VERSION = '2026-10';

/** Options of {@link createShopifyConnector}. */
export interface ShopifyConnectorOptions {
  /** The shop's permanent domain, e.g. `acme.myshopify.com`. */
  readonly shop: string;
  /** The Admin API access token (`shpat_…`); sent as `X-Shopify-Access-Token`, never put in errors. */
  readonly accessToken: string;
  /** Pinned GraphQL Admin API version. Default {@link SHOPIFY_API_VERSION}. */
  readonly apiVersion?: string;
  /** The app's client secret, for webhook signatures; `webhooks.verify` is false without it. */
  readonly apiSecret?: string;
  readonly fetch?: typeof fetch;
  /** How often a `THROTTLED` answer is retried after the restore time. Default 3. */
  readonly maxThrottleRetries?: number;
  /**
   * The clock the cost bucket is timed and waited on, and snapshots are taken at. Default the
   * system clock; a `ManualClock` in tests.
   */
  readonly clock?: Clock;
}

type Options = Partial<OperationOptions>;
type Query = { readonly cursor?: string; readonly pageSize?: number };

/** The Shopify connector: orders, fulfillment orders, fulfillments, stock writes and webhooks. */
export interface ShopifyConnector extends Pick<Connector, 'system'> {
  readonly system: 'shopify';
  readonly shop: string;
  readonly apiVersion: string;
  readonly orders: { list(query?: Query, options?: Options): Promise<Page<SalesOrder>> };
  readonly fulfillmentOrders: {
    list(query?: Query, options?: Options): Promise<Page<FulfillmentRequest>>;
    get(id: string, options?: Options): Promise<FulfillmentRequest>;
    /**
     * Every fulfillment order of one order (`gid://shopify/Order/…`), closed ones included, mapped
     * as `list` maps them; `NOT_FOUND` when the order does not exist.
     */
    ofOrder(orderId: string, options?: Options): Promise<readonly FulfillmentRequest[]>;
  };
  readonly fulfillments: {
    create(
      fulfillmentOrderId: string,
      input: FulfillmentInput,
      options?: Options,
    ): Promise<{ readonly id: string }>;
  };
  readonly inventory: {
    /** Inventory levels, always `kind: 'snapshot'`, a page of inventory items at a time. */
    levels(query?: InventoryLevelsQuery, options?: Options): Promise<Page<InventorySnapshot>>;
    adjust(adjustment: InventoryAdjustment, options?: Options): Promise<{ readonly applied: boolean }>;
  };
  readonly webhooks: Omit<WebhooksCapability, 'parse'> & {
    /** The delivery id, its topic and canonical events; a topic it does not parse throws `UNSUPPORTED_TOPIC`. */
    parse(
      webhook: InboundWebhook,
      options: OperationOptions,
    ): {
      readonly deliveryId: string;
      readonly topic: ShopifyWebhookTopic;
      readonly events: readonly EventEnvelope[];
    };
  };
  /** Milliseconds spent waiting for the cost bucket so far. */
  readonly throttledMs: () => number;
}

/**
 * The Shopify connector over the GraphQL Admin API (`POST https://{shop}/admin/api/{version}/graphql.json`),
 * with cost-based throttling. Every failure is a `ConnectorError` of system `shopify`.
 *
 * @example
 * const shopify = createShopifyConnector({ shop: 'acme.myshopify.com', accessToken, apiSecret });
 * for (let page = await shopify.orders.list(); ; page = await shopify.orders.list({ cursor: page.next })) {
 *   handle(page.items);
 *   if (!page.next) break;
 * }
 * await shopify.fulfillments.create(foId, { trackingNumber: '1Z999', company: 'UPS' });
 */
export function createShopifyConnector(options: ShopifyConnectorOptions): ShopifyConnector {
  const apiVersion = options.apiVersion ?? SHOPIFY_API_VERSION;
  const clock = options.clock ?? systemClock;
  const client = createGraphqlClient({
    shop: options.shop,
    accessToken: options.accessToken,
    apiVersion,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.maxThrottleRetries === undefined ? {} : { maxThrottleRetries: options.maxThrottleRetries }),
    clock,
  });
  const ctx: ShopifyContext = { client, clock, shop: options.shop, apiVersion };
  const secrets = options.apiSecret === undefined ? [] : [options.apiSecret];
  return {
    system: 'shopify',
    shop: options.shop,
    apiVersion,
    orders: {
      list: (query = {}, op = {}) => guard('orders.list', op.correlationId, () => listOrders(ctx, query, op)),
    },
    fulfillmentOrders: {
      list: (query = {}, op = {}) =>
        guard('fulfillmentOrders.list', op.correlationId, () => listFulfillmentOrders(ctx, query, op)),
      get: (id, op = {}) =>
        guard('fulfillmentOrders.get', op.correlationId, () => getFulfillmentOrder(ctx, id, op)),
      ofOrder: (orderId, op = {}) =>
        guard('fulfillmentOrders.ofOrder', op.correlationId, () =>
          fulfillmentOrdersOfOrder(ctx, orderId, op),
        ),
    },
    fulfillments: {
      create: (id, input, op = {}) =>
        guard('fulfillments.create', op.correlationId, () => createFulfillment(ctx, id, input, op)),
    },
    inventory: {
      levels: (query = {}, op = {}) =>
        guard('inventory.levels', op.correlationId, () => listInventoryLevels(ctx, query, op)),
      adjust: (adjustment, op = {}) =>
        guard('inventory.adjust', op.correlationId, () => adjustInventory(ctx, adjustment, op)),
    },
    webhooks: {
      verify: (webhook: InboundWebhook) => verifyShopifyWebhook(webhook, secrets),
      parse: (webhook: InboundWebhook, op: OperationOptions) => {
        try {
          return parseShopifyWebhook(webhook, op, options.shop, () => clock.now());
        } catch (error) {
          throw toShopifyError('webhooks.parse', op.correlationId, error);
        }
      },
    },
    throttledMs: () => client.waited(),
  };
}
