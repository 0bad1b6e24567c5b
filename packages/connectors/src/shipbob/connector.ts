import {
  type ExternalRef,
  FulfillmentRequestSchema,
  type InventoryLevel,
  InventoryLevelSchema,
  type Shipment,
  ShipmentSchema,
  safeParseCanonical,
} from '@crossdock/canonical';
import { type Clock, RateLimiter, type TokenBucketStore } from '@crossdock/idempotency';
import type { z } from 'zod';
import type {
  FulfillmentCapability,
  InboundWebhook,
  Page,
  WebhooksCapability,
} from '../contract/capabilities.js';
import type { OperationOptions } from '../contract/operation.js';
import { shipbobError } from './errors.js';
import { type CallInit, call, failure, type ShipBobHttp, send, validate } from './http.js';
import { orderRef, SHIPPED_STATUSES, toLevel, toOrderBody, toRequest, toShipment } from './map.js';
import {
  VendorInventoryPageSchema,
  type VendorOrder,
  VendorOrderListSchema,
  VendorOrderSchema,
} from './schemas.js';
import { parseShipBobWebhook, verifyShipBobWebhook } from './webhooks.js';

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
  /** How to wait for `x-retry-after`. Default: timers. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Orders per page when listing shipments. Default 50. */
  readonly pageSize?: number;
}

/** The ShipBob connector: releases, cancels, shipments, inventory snapshots and webhooks. */
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
    levels(
      query: { readonly skus?: readonly string[]; readonly cursor?: string },
      options: OperationOptions,
    ): Promise<Page<InventoryLevel>>;
  };
  readonly webhooks: WebhooksCapability;
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

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

function canonical<S extends z.ZodType>(
  schema: S,
  value: unknown,
  init: Pick<CallInit, 'operation' | 'correlationId'>,
): z.output<S> {
  const parsed = safeParseCanonical(schema, value);
  if (parsed.success) return parsed.data;
  throw shipbobError({
    ...init,
    message: parsed.error.message,
    vendorCode: 'invalid_payload',
    executed: 'no',
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
 */
export function createShipBobConnector(options: ShipBobConnectorOptions): ShipBobConnector {
  const http: ShipBobHttp = {
    baseUrl: options.baseUrl ?? 'https://api.shipbob.com',
    apiVersion: options.apiVersion ?? SHIPBOB_API_VERSION,
    token: options.token,
    channelId: String(options.channelId),
    limiter: options.rateLimiter ?? shipbobRateLimiter(),
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    maxRetries: options.maxRetries ?? 2,
    sleep: options.sleep ?? defaultSleep,
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
      const init: CallInit = { operation, method: 'POST', path: `/order/${id}/cancel`, ...at(op) };
      const raw = await send(http, init);
      if (raw.status >= 200 && raw.status < 300) return { handshake: 'cancel_accepted' };
      if (raw.status === 409 || raw.status === 422) return { handshake: 'cancel_rejected' };
      return failure(http, init, raw, id);
    },
    async get(ref, op) {
      const operation = 'fulfillment.get';
      const order = await getOrder(idOf(ref, operation, op.correlationId), operation, op);
      return canonical(FulfillmentRequestSchema, toRequest(order), {
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
            .map((shipment) => canonical(ShipmentSchema, toShipment(shipment, order.reference_id), init)),
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
        const asOf = new Date().toISOString();
        const items = body.items.map((row) => canonical(InventoryLevelSchema, toLevel(row, asOf), init));
        const next = body.next ? new URL(body.next, http.baseUrl).searchParams.get('Cursor') : null;
        return next ? { items, next } : { items };
      },
    },
    webhooks: {
      verify: (webhook: InboundWebhook, verifyOptions) =>
        verifyShipBobWebhook(webhook, secrets, verifyOptions?.now),
      parse: (webhook, op) => parseShipBobWebhook(webhook, op, `/shipbob/${http.channelId}`),
    },
  };
}
