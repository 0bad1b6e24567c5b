import {
  type ExternalRef,
  FulfillmentRequestSchema,
  InventoryLevelSchema,
  type Shipment,
  ShipmentSchema,
} from '@crossdock/canonical';
import { type Clock, RateLimiter, systemClock, type TokenBucketStore } from '@crossdock/idempotency';
import type { FulfillmentCapability, InboundWebhook, Page } from '../contract/capabilities.js';
import type { OperationOptions } from '../contract/operation.js';
import { shipbobError } from './errors.js';
import { type CallInit, call, failure, type ShipBobHttp, send, toCanonical, validate } from './http.js';
import {
  type InventorySnapshot,
  orderRef,
  SHIPPED_STATUSES,
  toLevel,
  toOrderBody,
  toRequest,
  toShipment,
} from './map.js';
import { cursorOf, type ShipBobReturns, shipbobReturns } from './returns.js';
import {
  VendorInventoryPageSchema,
  type VendorOrder,
  VendorOrderListSchema,
  VendorOrderSchema,
} from './schemas.js';
import { parseShipBobWebhook, type ShipBobParsedDelivery, verifyShipBobWebhook } from './webhooks.js';

/** The ShipBob API version this connector was written against; override to move. */
export const SHIPBOB_API_VERSION = '2026-07';

export interface ShipBobConnectorOptions {
  /** Default `https://api.shipbob.com`; `https://sandbox-api.shipbob.com` for the sandbox. */
  readonly baseUrl?: string;
  /** Path prefix of every call. Default {@link SHIPBOB_API_VERSION}. */
  readonly apiVersion?: string;
  /** A Personal Access Token or OAuth access token, sent as `Authorization: Bearer`. */
  readonly token: string;
  /** Sent as the `shipbob_channel_id` header. */
  readonly channelId: string | number;
  /**
   * Shared limit (e.g. through `RedisTokenBucketStore`). Default: this process, 75 burst refilled
   * at 1.25/s, so no 60-second window ever holds more than 150 requests.
   */
  readonly rateLimiter?: RateLimiter;
  readonly fetch?: typeof fetch;
  /** Standard Webhooks signing secrets (`whsec_…`), several during a rotation. */
  readonly webhookSecrets?: readonly string[];
  /** Times a 429 is retried after its `x-retry-after`. Default 2. */
  readonly maxRetries?: number;
  /**
   * The clock the default rate limiter counts on, `x-retry-after` is waited out on and snapshots are
   * dated with. Default the system clock; a `ManualClock` in tests.
   */
  readonly clock?: Clock;
  /** @deprecated Use `clock`. How to wait for `x-retry-after`. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Orders, inventory rows and returns per page. Default 50. */
  readonly pageSize?: number;
  /** The fulfillment center (`GET /fulfillment-center`) returns are sent to; `returns.create` needs it. */
  readonly returnsFulfillmentCenterId?: number;
}

/**
 * The ShipBob connector: releases, cancels, shipments, inventory snapshots, returns and webhooks.
 * ShipBob's merchant API reads stock but cannot adjust it, so there is no `inventory.adjust`.
 */
export interface ShipBobConnector {
  readonly system: 'shipbob';
  readonly fulfillment: FulfillmentCapability;
  readonly shipments: {
    list(
      query: { readonly since?: string; readonly cursor?: string },
      options: OperationOptions,
    ): Promise<Page<Shipment>>;
  };
  readonly inventory: {
    /** Network-wide on-hand, fulfillable and committed stock per sku: always `kind: 'snapshot'`. */
    levels(
      query: { readonly skus?: readonly string[]; readonly cursor?: string },
      options: OperationOptions,
    ): Promise<Page<InventorySnapshot>>;
  };
  readonly returns: ShipBobReturns;
  readonly webhooks: {
    /** True only for an authentic, fresh delivery; compares in constant time. */
    verify(webhook: InboundWebhook, options?: { readonly now?: Date }): boolean;
    /** The delivery's id, topic and canonical events; see {@link parseShipBobWebhook}. */
    parse(webhook: InboundWebhook, options: OperationOptions): ShipBobParsedDelivery;
  };
}

/**
 * The limiter ShipBob's 150 requests a minute need: 75 burst refilled at 1.25/s, so no 60-second
 * window holds more than 150. Pass a `RedisTokenBucketStore` to share it between instances.
 *
 * @example
 * const rateLimiter = shipbobRateLimiter({ store: new RedisTokenBucketStore({ redis }) });
 */
export function shipbobRateLimiter(
  options: { readonly name?: string; readonly store?: TokenBucketStore; readonly clock?: Clock } = {},
): RateLimiter {
  return new RateLimiter({
    name: options.name ?? 'shipbob:api',
    capacity: 75,
    refillPerSecond: 1.25,
    ...(options.store === undefined ? {} : { store: options.store }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
}

function idOf(ref: ExternalRef, operation: string, correlationId: string): string {
  if (ref.system !== 'shipbob' || !/^\d+$/.test(ref.id)) {
    throw shipbobError({
      operation,
      message: `not a ShipBob order ref: ${ref.system}/${ref.id}`,
      vendorCode: 'invalid_ref',
      correlationId,
      executed: 'no',
    });
  }
  return ref.id;
}

/**
 * The ShipBob connector over ShipBob's REST API. Every failure is a `ConnectorError` of system
 * `shipbob`; the token never appears in one.
 *
 * @example
 * const shipbob = createShipBobConnector({ token: process.env.SHIPBOB_TOKEN!, channelId: 12345 });
 * const { ref, existing } = await shipbob.fulfillment.release(request, { correlationId, idempotencyKey: request.id });
 * const { items, next } = await shipbob.shipments.list({ since: '2026-11-01T00:00:00Z' }, { correlationId });
 * const { existing: seen } = await shipbob.returns.create(customerReturn, { correlationId, idempotencyKey: customerReturn.rma });
 */
export function createShipBobConnector(options: ShipBobConnectorOptions): ShipBobConnector {
  const clock = options.clock ?? systemClock;
  const http: ShipBobHttp = {
    baseUrl: options.baseUrl ?? 'https://api.shipbob.com',
    apiVersion: options.apiVersion ?? SHIPBOB_API_VERSION,
    token: options.token,
    channelId: String(options.channelId),
    limiter: options.rateLimiter ?? shipbobRateLimiter({ clock }),
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    maxRetries: options.maxRetries ?? 2,
    sleep: options.sleep ?? ((ms, signal) => clock.sleep(ms, signal)),
  };
  const pageSize = options.pageSize ?? 50;
  const secrets = options.webhookSecrets ?? [];
  const at = (op: OperationOptions) => ({
    correlationId: op.correlationId,
    ...(op.signal === undefined ? {} : { signal: op.signal }),
  });

  async function findByReference(referenceId: string, operation: string, op: OperationOptions) {
    const orders = await call(
      http,
      { operation, method: 'GET', path: '/order', query: { ReferenceIds: referenceId }, ...at(op) },
      VendorOrderListSchema,
    );
    return orders.find((order) => order.reference_id === referenceId);
  }

  async function getOrder(id: string, operation: string, op: OperationOptions): Promise<VendorOrder> {
    return call(http, { operation, method: 'GET', path: `/order/${id}`, ...at(op) }, VendorOrderSchema);
  }

  const fulfillment: FulfillmentCapability = {
    async release(request, op) {
      const operation = 'fulfillment.release';
      const init: CallInit = {
        operation,
        method: 'POST',
        path: '/order',
        body: toOrderBody(request),
        ...at(op),
      };
      const raw = await send(http, init);
      if (raw.status === 422) {
        const existing = await findByReference(request.id, operation, op);
        if (!existing) failure(http, init, raw, request.id);
        return { ref: orderRef(existing), handshake: 'accepted', existing: true };
      }
      if (raw.status < 200 || raw.status >= 300) failure(http, init, raw, request.id);
      const order = validate(VendorOrderSchema, raw.json, init, 'yes');
      return { ref: orderRef(order), handshake: 'accepted', existing: false };
    },
    async cancel(ref, op) {
      const operation = 'fulfillment.cancel';
      const id = idOf(ref, operation, op.correlationId);
      // 2025-07 and later: `POST /order/{orderId}:cancel` (2.0 had `/order/{id}/cancel`).
      const init: CallInit = { operation, method: 'POST', path: `/order/${id}:cancel`, ...at(op) };
      const raw = await send(http, init);
      if (raw.status >= 200 && raw.status < 300) return { handshake: 'cancel_accepted' };
      if (raw.status === 409 || raw.status === 422) return { handshake: 'cancel_rejected' };
      return failure(http, init, raw, id);
    },
    async get(ref, op) {
      const operation = 'fulfillment.get';
      const order = await getOrder(idOf(ref, operation, op.correlationId), operation, op);
      return toCanonical(FulfillmentRequestSchema, toRequest(order), {
        operation,
        correlationId: op.correlationId,
      });
    },
  };

  return {
    system: 'shipbob',
    fulfillment,
    shipments: {
      async list(query, op) {
        const operation = 'shipments.list';
        const page = Number(query.cursor ?? '1');
        const init: CallInit = {
          operation,
          method: 'GET',
          path: '/order',
          query: { Page: String(page), Limit: String(pageSize), LastUpdateStartDate: query.since },
          ...at(op),
        };
        const raw = await send(http, init);
        if (raw.status < 200 || raw.status >= 300) failure(http, init, raw);
        const orders = validate(VendorOrderListSchema, raw.json, init);
        const items = orders.flatMap((order) =>
          order.shipments
            .filter((shipment) => SHIPPED_STATUSES.has(shipment.status))
            .map((shipment) => toCanonical(ShipmentSchema, toShipment(shipment, order.reference_id), init)),
        );
        const totalPages = Number(raw.headers.get('total-pages') ?? page);
        return page < totalPages ? { items, next: String(page + 1) } : { items };
      },
    },
    inventory: {
      async levels(query, op) {
        const operation = 'inventory.levels';
        const init: CallInit = {
          operation,
          method: 'GET',
          path: '/inventory-level',
          query: {
            PageSize: String(pageSize),
            Cursor: query.cursor,
            ...(query.skus?.length ? { Skus: query.skus.join(',') } : {}),
          },
          ...at(op),
        };
        const body = await call(http, init, VendorInventoryPageSchema);
        const asOf = new Date(clock.now()).toISOString();
        const items = body.items.map(
          (row) => toCanonical(InventoryLevelSchema, toLevel(row, asOf), init) as InventorySnapshot,
        );
        const next = cursorOf(body.next, http.baseUrl);
        return next === undefined ? { items } : { items, next };
      },
    },
    returns: shipbobReturns({
      http,
      pageSize,
      fulfillmentCenterId: options.returnsFulfillmentCenterId,
    }),
    webhooks: {
      verify: (webhook: InboundWebhook, verifyOptions) =>
        verifyShipBobWebhook(webhook, secrets, verifyOptions?.now),
      parse: (webhook, op) => parseShipBobWebhook(webhook, op, `/shipbob/${http.channelId}`),
    },
  };
}
