import { type HttpHandler, HttpResponse, http } from 'msw';
import { type BucketOptions, CostBucket } from './bucket.js';
import { ShopControl } from './control.js';
import {
  actualCost,
  type ParsedOperation,
  parseOperation,
  requestedCost,
  SINGLE_QUERY_MAX_COST,
} from './cost.js';
import * as ops from './operations.js';
import { emptyState, type FakeShopState } from './state.js';

/** Options of {@link createShopifyHandlers}. */
export interface ShopifyHandlersOptions {
  /** Default `acme.myshopify.com`. */
  readonly shop?: string;
  /**
   * Default `2026-10`. `@idempotent` exists from `2026-01`; from `2026-04` inventory writes need it,
   * and `changeFromQuantity` instead of `compareQuantity`.
   */
  readonly apiVersion?: string;
  /** Default `shpat_test_token`. */
  readonly accessToken?: string;
  /** The app's client secret that signs webhooks. Default `shpss_test_secret`. */
  readonly apiSecret?: string;
  /** The cost bucket: default the standard plan (2000 points, 100 a second) on the system clock. */
  readonly bucket?: BucketOptions;
}

/** One request the fake received. */
export interface FakeShopifyRequest {
  /** When, on the bucket's clock. */
  readonly at: number;
  /** The operation name (`Orders`, `InventoryAdjustQuantities`, …); empty when there was none. */
  readonly operation: string;
  readonly requestedCost?: number;
  readonly outcome: 'answered' | 'throttled' | 'max_cost_exceeded' | 'unauthorized' | 'invalid';
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
  /** Every request received, in order, with its time on the bucket's clock and what it got. */
  readonly requests: FakeShopifyRequest[];
  /** Forgets `calls`, `requests` and the bucket's `throttled` count (not the shop's state). */
  resetLog(): void;
};

type Resolver = (ctx: ops.OperationContext) => ops.OperationResult;

/** The operations the fake answers, by operation name. */
const OPERATIONS: Readonly<Record<string, Resolver>> = {
  Orders: ops.orders,
  OrderLineItems: ops.order,
  OrderFulfillmentOrders: ops.order,
  FulfillmentOrders: ops.fulfillmentOrders,
  FulfillmentOrder: ops.fulfillmentOrder,
  FulfillmentOrderLineItems: ops.fulfillmentOrder,
  FulfillmentCreate: ops.fulfillmentCreate,
  InventoryItemBySku: ops.inventoryItems,
  InventoryLevels: ops.inventoryItems,
  InventoryItemLevels: ops.inventoryItem,
  InventorySetQuantities: ops.inventorySetQuantities,
  InventoryAdjustQuantities: ops.inventoryAdjustQuantities,
};

const IDEMPOTENT = /@idempotent\(\s*key:\s*"((?:[^"\\]|\\.)*)"\s*\)/;

const graphqlError = (message: string, extensions: Record<string, unknown>) =>
  HttpResponse.json({ errors: [{ message, extensions }] });

/**
 * msw 3 handlers answering `POST https://{shop}/admin/api/{version}/graphql.json` like the Shopify
 * GraphQL Admin API, routed by operation name (see the operations below). The requested cost of
 * each query is calculated by the reference's default rules and taken from a leaky bucket:
 * over the bucket the query is refused as `THROTTLED` (HTTP 200, no `Retry-After`; the wait is
 * read from `extensions.cost.throttleStatus`), over 1000 points it is refused as
 * `MAX_COST_EXCEEDED`; the difference between requested and actual cost is refunded. 401 without
 * the access token. Answers carry only the fields the query selected.
 *
 * Operations: `Orders`, `OrderLineItems`, `OrderFulfillmentOrders`, `FulfillmentOrders`, `FulfillmentOrder`,
 * `FulfillmentOrderLineItems`, `FulfillmentCreate`, `InventoryItemBySku`, `InventoryLevels`,
 * `InventoryItemLevels`, `InventorySetQuantities`, `InventoryAdjustQuantities`.
 *
 * @example
 * const clock = new ManualClock();
 * const shop = createShopifyHandlers({ bucket: { clock } });
 * const server = setupServer(...shop);
 * shop.control.addOrder({ lines: [{ sku: 'SKU-1', quantity: 2 }] });
 */
export function createShopifyHandlers(options: ShopifyHandlersOptions = {}): ShopifyHandlers {
  const shop = options.shop ?? 'acme.myshopify.com';
  const apiVersion = options.apiVersion ?? '2026-10';
  const accessToken = options.accessToken ?? 'shpat_test_token';
  const state = emptyState();
  const bucket = new CostBucket(options.bucket);
  const now = () => new Date(bucket.clock.now()).toISOString();
  const control = new ShopControl(state, shop, apiVersion, options.apiSecret ?? 'shpss_test_secret', now);
  const endpoint = `https://${shop}/admin/api/${apiVersion}/graphql.json`;
  const changeFrom = apiVersion === 'unstable' || apiVersion >= '2026-04';
  const idempotentDirective = apiVersion === 'unstable' || apiVersion >= '2026-01';
  const calls: string[] = [];
  const requests: FakeShopifyRequest[] = [];

  const handler = http.post(endpoint, async ({ request }) => {
    const at = bucket.clock.now();
    if (request.headers.get('x-shopify-access-token') !== accessToken) {
      requests.push({ at, operation: '', outcome: 'unauthorized' });
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
    let operation: ParsedOperation;
    try {
      operation = parseOperation(query);
    } catch (error) {
      requests.push({ at, operation: '', outcome: 'invalid' });
      return HttpResponse.json(
        { errors: [{ message: `Parse error: ${(error as Error).message}` }] },
        { status: 400 },
      );
    }
    const name = operation.name ?? '';
    calls.push(name);
    const cost = requestedCost(operation, variables);
    if (cost > SINGLE_QUERY_MAX_COST) {
      requests.push({ at, operation: name, requestedCost: cost, outcome: 'max_cost_exceeded' });
      return graphqlError(
        `Query cost is ${cost}, which exceeds the single query max cost limit (${SINGLE_QUERY_MAX_COST}).`,
        {
          code: 'MAX_COST_EXCEEDED',
          cost,
          maxCost: SINGLE_QUERY_MAX_COST,
          documentation: 'https://shopify.dev/api/usage/rate-limits',
        },
      );
    }
    if (!bucket.take(cost)) {
      requests.push({ at, operation: name, requestedCost: cost, outcome: 'throttled' });
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
    requests.push({ at, operation: name, requestedCost: cost, outcome: 'answered' });
    const key = IDEMPOTENT.exec(query)?.[1];
    const resolver = OPERATIONS[name];
    let result: ops.OperationResult;
    if (key !== undefined && !idempotentDirective) {
      result = {
        errors: [
          {
            message: "Directive 'idempotent' is not defined",
            extensions: { code: 'undefinedDirective', directiveName: 'idempotent' },
          },
        ],
      };
    } else if (resolver === undefined) {
      const root = operation.selections[0]?.name ?? name;
      result = {
        errors: [
          {
            message: `Field '${root}' doesn't exist on type '${operation.kind === 'mutation' ? 'Mutation' : 'QueryRoot'}'`,
            extensions: { code: 'undefinedField', typeName: 'QueryRoot', fieldName: root },
          },
        ],
      };
    } else {
      result = resolver({
        state,
        variables,
        operation,
        changeFrom,
        idempotencyKey: key === undefined ? undefined : JSON.parse(`"${key}"`),
        now,
      });
    }
    const data = result.data === undefined ? undefined : ops.project(operation.selections, result.data);
    const actual = data === undefined ? 0 : Math.min(cost, actualCost(operation, variables, data));
    bucket.refund(cost - actual);
    return HttpResponse.json({
      ...(data === undefined ? {} : { data }),
      ...(result.errors === undefined ? {} : { errors: result.errors }),
      extensions: {
        cost: { requestedQueryCost: cost, actualQueryCost: actual, throttleStatus: bucket.status() },
      },
    });
  });
  const resetLog = () => {
    calls.length = 0;
    requests.length = 0;
    bucket.throttled = 0;
  };
  return Object.assign([handler], {
    shop,
    apiVersion,
    endpoint,
    state,
    bucket,
    control,
    calls,
    requests,
    resetLog,
  });
}
