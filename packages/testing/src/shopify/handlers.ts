import { type HttpHandler, HttpResponse, http } from 'msw';
import { type BucketOptions, CostBucket } from './bucket.js';
import { ShopControl } from './control.js';
import * as ops from './operations.js';
import { emptyState, type FakeShopState } from './state.js';

/** Options of {@link createShopifyHandlers}. */
export interface ShopifyHandlersOptions {
  /** Default `acme.myshopify.com`. */
  readonly shop?: string;
  /** Default `2026-10`. From `2026-04` on, set-quantity writes need `changeFromQuantity` and `@idempotent`. */
  readonly apiVersion?: string;
  /** Default `shpat_test_token`. */
  readonly accessToken?: string;
  /** The app's client secret that signs webhooks. Default `shpss_test_secret`. */
  readonly apiSecret?: string;
  readonly bucket?: BucketOptions;
}

/** The msw handlers of a fake shop, with its state, cost bucket and control API. */
export type ShopifyHandlers = HttpHandler[] & {
  readonly shop: string;
  readonly apiVersion: string;
  readonly endpoint: string;
  readonly state: FakeShopState;
  readonly bucket: CostBucket;
  readonly control: ShopControl;
  /** Operation names in the order they were answered (throttled ones included). */
  readonly calls: string[];
};

const OPERATION = /^\s*(query|mutation)\s+([A-Za-z_]\w*)/;

function costOf(kind: string, variables: Record<string, unknown>): number {
  if (kind === 'mutation') return 10;
  const first = typeof variables.first === 'number' ? variables.first : 1;
  return 2 + first;
}

/**
 * msw 3 handlers answering `POST https://{shop}/admin/api/{version}/graphql.json` like the Shopify
 * GraphQL Admin API, routed by operation name: `Orders`, `FulfillmentOrders`, `FulfillmentOrder`,
 * `FulfillmentCreate`, `InventoryItemBySku`, `InventorySetQuantities`. Calculated-cost throttling
 * with `extensions.cost`, 401 without the access token.
 *
 * @example
 * const shop = createShopifyHandlers({ bucket: { maximumAvailable: 50, restoreRate: 100 } });
 * const server = setupServer(...shop);
 * shop.control.addOrder({ lines: [{ sku: 'SKU-1', quantity: 2 }] });
 */
export function createShopifyHandlers(options: ShopifyHandlersOptions = {}): ShopifyHandlers {
  const shop = options.shop ?? 'acme.myshopify.com';
  const apiVersion = options.apiVersion ?? '2026-10';
  const accessToken = options.accessToken ?? 'shpat_test_token';
  const state = emptyState();
  const bucket = new CostBucket(options.bucket);
  const control = new ShopControl(state, shop, apiVersion, options.apiSecret ?? 'shpss_test_secret');
  const endpoint = `https://${shop}/admin/api/${apiVersion}/graphql.json`;
  const changeFrom = apiVersion >= '2026-04';
  const calls: string[] = [];

  const handler = http.post(endpoint, async ({ request }) => {
    if (request.headers.get('x-shopify-access-token') !== accessToken) {
      return HttpResponse.json(
        { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' },
        { status: 401 },
      );
    }
    const body = (await request.json().catch(() => null)) as {
      query?: unknown;
      variables?: Record<string, unknown>;
    } | null;
    const query = typeof body?.query === 'string' ? body.query : '';
    const variables = body?.variables ?? {};
    const match = OPERATION.exec(query);
    if (!match) {
      return HttpResponse.json(
        { errors: [{ message: 'Parse error: expected a named operation' }] },
        { status: 400 },
      );
    }
    const [, kind = 'query', name = ''] = match;
    calls.push(name);
    const cost = costOf(kind, variables);
    if (!bucket.take(cost)) {
      return HttpResponse.json({
        errors: [
          {
            message: 'Throttled',
            extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
          },
        ],
        extensions: {
          cost: { requestedQueryCost: cost, actualQueryCost: null, throttleStatus: bucket.status() },
        },
      });
    }
    const key = /@idempotent\(\s*key:\s*"((?:[^"\\]|\\.)*)"\s*\)/.exec(query)?.[1];
    let result: ops.OperationResult;
    switch (name) {
      case 'Orders':
        result = ops.orders(state, variables);
        break;
      case 'FulfillmentOrders':
        result = ops.fulfillmentOrders(state, variables);
        break;
      case 'FulfillmentOrder':
        result = ops.fulfillmentOrder(state, variables);
        break;
      case 'FulfillmentCreate':
        result = ops.fulfillmentCreate(state, variables);
        break;
      case 'InventoryItemBySku':
        result = ops.inventoryItemBySku(state, variables);
        break;
      case 'InventorySetQuantities':
        result = ops.inventorySetQuantities(state, variables, {
          changeFrom,
          idempotencyKey: key === undefined ? undefined : JSON.parse(`"${key}"`),
        });
        break;
      default:
        result = {
          errors: [
            {
              message: `Field '${name}' doesn't exist on type 'QueryRoot'`,
              extensions: { code: 'undefinedField' },
            },
          ],
        };
    }
    return HttpResponse.json({
      ...result,
      extensions: {
        cost: { requestedQueryCost: cost, actualQueryCost: cost, throttleStatus: bucket.status() },
      },
    });
  });
  return Object.assign([handler], { shop, apiVersion, endpoint, state, bucket, control, calls });
}
