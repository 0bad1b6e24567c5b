import { type HttpHandler, HttpResponse, http } from 'msw';
import { type SignedDelivery, signDelivery } from './sign.js';
import {
  createState,
  type FakeInventoryLevel,
  type FakeOrder,
  type FakeShipBobState,
  type FakeShipment,
} from './state.js';

export interface ShipBobHandlersOptions {
  /** Default `https://api.shipbob.com`. */
  readonly baseUrl?: string;
  /** Default `2026-07`. */
  readonly apiVersion?: string;
  /** The only Bearer token accepted. Default `shipbob-test-token`. */
  readonly token?: string;
  /** Standard Webhooks secret the control API signs with. Default {@link DEFAULT_WEBHOOK_SECRET}. */
  readonly webhookSecret?: string;
  /** Requests allowed in any 60-second window. Default 150. */
  readonly limitPerMinute?: number;
  /** The fake's clock in ms (e.g. a ManualClock's `now`). Default `Date.now`. */
  readonly now?: () => number;
}

export const DEFAULT_WEBHOOK_SECRET = 'whsec_c2hpcGJvYi1mYWtlLXdlYmhvb2stc2VjcmV0IQ==';

/** A shipped line for `control.ship`. */
export interface ShipLine {
  readonly sku: string;
  readonly quantity: number;
  readonly lot?: string;
  readonly expirationDate?: string;
  readonly serials?: readonly string[];
}

/** A canned answer for the next matching request (fault injection). */
export interface FakeResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** Drives the fake from a test. */
export interface ShipBobControl {
  readonly state: FakeShipBobState;
  /** Orders as held, in creation order. */
  orders(): FakeOrder[];
  /** Marks an order shipped and returns the signed `order.shipped` delivery. */
  ship(
    orderId: number | string,
    shipment: {
      readonly lines: readonly ShipLine[];
      readonly trackingNumber?: string;
      readonly carrier?: string;
    },
  ): SignedDelivery;
  setInventory(levels: readonly FakeInventoryLevel[]): void;
  /** Answers the next `count` requests (optionally only those whose path ends with `pathSuffix`) with `response`. */
  respondWith(
    response: FakeResponse,
    options?: { readonly times?: number; readonly pathSuffix?: string },
  ): void;
  /** Requests seen (accepted or not), with their headers, newest last. */
  readonly requests: { method: string; url: string; headers: Headers }[];
  reset(): void;
}

export type ShipBobHandlers = HttpHandler[] & { readonly control: ShipBobControl; readonly baseUrl: string };

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  HttpResponse.json(body as never, { status, headers });

/**
 * msw handlers of a stateful fake ShipBob: orders keyed by `reference_id` (422 on a duplicate),
 * cancel, shipments inside orders, cursor-paged inventory levels, Bearer auth (401), the
 * 150-per-minute limit (429 with `x-retry-after`, `x-remaining-calls` on every answer) and a control
 * API that ships orders and signs the webhook delivery.
 *
 * @example
 * const shipbob = createShipBobHandlers({ token: 't' });
 * const server = setupServer(...shipbob);
 * const delivery = shipbob.control.ship(orderId, { lines: [{ sku: 'SKU-1', quantity: 2, lot: 'L1' }] });
 * await fetch(receiverUrl, { method: 'POST', headers: delivery.headers, body: delivery.body });
 */
export function createShipBobHandlers(options: ShipBobHandlersOptions = {}): ShipBobHandlers {
  const baseUrl = `${(options.baseUrl ?? 'https://api.shipbob.com').replace(/\/$/, '')}/${options.apiVersion ?? '2026-07'}`;
  const token = options.token ?? 'shipbob-test-token';
  const secret = options.webhookSecret ?? DEFAULT_WEBHOOK_SECRET;
  const limit = options.limitPerMinute ?? 150;
  const now = options.now ?? Date.now;
  let state = createState();
  const requests: ShipBobControl['requests'] = [];
  let canned: { response: FakeResponse; times: number; pathSuffix?: string }[] = [];

  function gate(request: Request): Response | { remaining: number } {
    requests.push({ method: request.method, url: request.url, headers: request.headers });
    const t = now();
    while (state.accepted.length > 0 && (state.accepted[0] ?? 0) <= t - 60_000) state.accepted.shift();
    if (state.accepted.length >= limit) {
      state.rateLimited += 1;
      const oldest = state.accepted[0] ?? t;
      const retry = Math.max(1, Math.ceil((oldest + 60_000 - t) / 1000));
      return json({ title: 'Too Many Requests', status: 429 }, 429, {
        'x-retry-after': String(retry),
        'x-remaining-calls': '0',
      });
    }
    state.accepted.push(t);
    const remaining = limit - state.accepted.length;
    if (request.headers.get('authorization') !== `Bearer ${token}`) {
      return json({ title: 'Unauthorized', status: 401 }, 401, { 'x-remaining-calls': String(remaining) });
    }
    const path = new URL(request.url).pathname;
    const fault = canned.find((entry) => entry.pathSuffix === undefined || path.endsWith(entry.pathSuffix));
    if (fault) {
      fault.times -= 1;
      if (fault.times <= 0) canned = canned.filter((entry) => entry !== fault);
      return json(fault.response.body ?? null, fault.response.status, {
        'x-remaining-calls': String(remaining),
        ...fault.response.headers,
      });
    }
    return { remaining };
  }

  function route(
    handler: (
      request: Request,
      params: Record<string, string | readonly string[] | undefined>,
      remaining: number,
    ) => Response | Promise<Response>,
  ) {
    return async ({
      request,
      params,
    }: {
      request: Request;
      params: Record<string, string | readonly string[] | undefined>;
    }) => {
      const gated = gate(request);
      if (gated instanceof Response) return gated;
      const response = await handler(request, params, gated.remaining);
      response.headers.set('x-remaining-calls', String(gated.remaining));
      return response;
    };
  }

  const notFound = () => json({ title: 'Not Found', status: 404 }, 404);
  const orderOf = (id: unknown) => state.orders.get(Number(id));

  const handlers: HttpHandler[] = [
    http.post(
      `${baseUrl}/order`,
      route(async (request) => {
        if (!request.headers.get('shipbob_channel_id')) {
          return json(
            {
              title: 'Bad Request',
              status: 400,
              errors: { shipbob_channel_id: ['The channel id header is required.'] },
            },
            400,
          );
        }
        const body = (await request.json()) as Partial<FakeOrder> & {
          products?: { reference_id: string; name?: string; quantity: number }[];
        };
        const reference = body.reference_id;
        if (typeof reference !== 'string' || reference.length === 0 || !Array.isArray(body.products)) {
          return json(
            {
              title: 'One or more validation errors occurred.',
              status: 400,
              errors: { reference_id: ['The ReferenceId field is required.'] },
            },
            400,
          );
        }
        if (state.byReference.has(reference)) {
          return json(
            {
              type: 'https://tools.ietf.org/html/rfc4918#section-11.2',
              title: 'One or more validation errors occurred.',
              status: 422,
              errors: { reference_id: [`An order with reference_id "${reference}" already exists.`] },
            },
            422,
          );
        }
        const id = state.nextId++;
        const stamp = new Date(now()).toISOString();
        const order: FakeOrder = {
          id,
          reference_id: reference,
          ...(body.order_number ? { order_number: body.order_number } : {}),
          status: 'Processing',
          created_date: stamp,
          last_updated_date: stamp,
          ...(body.shipping_method ? { shipping_method: body.shipping_method } : {}),
          recipient: body.recipient,
          products: body.products.map((product, index) => ({
            id: id * 100 + index,
            reference_id: product.reference_id,
            ...(product.name ? { name: product.name } : {}),
            quantity: product.quantity,
          })),
          shipments: [],
        };
        state.orders.set(id, order);
        state.byReference.set(reference, id);
        return json(order, 201);
      }),
    ),
    http.get(
      `${baseUrl}/order`,
      route((request) => {
        const query = new URL(request.url).searchParams;
        const references = query.get('ReferenceIds')?.split(',');
        const since = query.get('LastUpdateStartDate');
        let list = [...state.orders.values()];
        if (references) list = list.filter((order) => references.includes(order.reference_id));
        if (since) list = list.filter((order) => order.last_updated_date >= new Date(since).toISOString());
        const page = Math.max(1, Number(query.get('Page') ?? '1'));
        const size = Math.max(1, Number(query.get('Limit') ?? '50'));
        const totalPages = Math.max(1, Math.ceil(list.length / size));
        return json(list.slice((page - 1) * size, page * size), 200, {
          'page-number': String(page),
          'total-pages': String(totalPages),
          'total-count': String(list.length),
        });
      }),
    ),
    http.get(
      `${baseUrl}/order/:id`,
      route((_request, params) => {
        const order = orderOf(params.id);
        return order ? json(order) : notFound();
      }),
    ),
    http.post(
      `${baseUrl}/order/:id/cancel`,
      route((_request, params) => {
        const order = orderOf(params.id);
        if (!order) return notFound();
        if (order.status === 'Fulfilled') {
          return json(
            {
              title: 'Order cannot be cancelled',
              status: 422,
              errors: { order_id: ['The order has already shipped.'] },
            },
            422,
          );
        }
        order.status = 'Cancelled';
        order.last_updated_date = new Date(now()).toISOString();
        return json({ order_id: order.id, reference_id: order.reference_id, status: 'Success' });
      }),
    ),
    http.get(
      `${baseUrl}/inventory-level`,
      route((request) => {
        const query = new URL(request.url).searchParams;
        const size = Math.max(1, Number(query.get('PageSize') ?? '50'));
        const offset = Number(query.get('Cursor') ?? '0');
        const skus = query.get('Skus')?.split(',');
        const rows = skus ? state.inventory.filter((row) => skus.includes(row.sku)) : state.inventory;
        const items = rows.slice(offset, offset + size);
        const nextOffset = offset + size;
        return json({
          items,
          next:
            nextOffset < rows.length
              ? `/${options.apiVersion ?? '2026-07'}/inventory-level?Cursor=${nextOffset}&PageSize=${size}`
              : null,
        });
      }),
    ),
  ];

  const control: ShipBobControl = {
    get state() {
      return state;
    },
    requests,
    orders: () => [...state.orders.values()],
    ship(orderId, shipment) {
      const order = orderOf(orderId);
      if (!order) throw new Error(`fake ShipBob: no order ${orderId}`);
      const id = state.nextId++;
      const stamp = new Date(now()).toISOString();
      const trackingNumber = shipment.trackingNumber ?? `1Z${String(id).padStart(16, '0')}`;
      const bySku = new Map<string, ShipLine[]>();
      for (const line of shipment.lines) bySku.set(line.sku, [...(bySku.get(line.sku) ?? []), line]);
      const record: FakeShipment = {
        id,
        order_id: order.id,
        reference_id: order.reference_id,
        status: 'Completed',
        created_date: stamp,
        actual_fulfillment_date: stamp,
        location: { id: 7, name: 'Cicero (IL)' },
        tracking: {
          carrier: shipment.carrier ?? 'UPS',
          tracking_number: trackingNumber,
          tracking_url: `https://track.example/${trackingNumber}`,
        },
        products: [...bySku].map(([sku, lines], index) => ({
          id: id * 100 + index,
          reference_id: sku,
          sku,
          inventory_items: lines.map((line, itemIndex) => ({
            id: id * 1000 + index * 10 + itemIndex,
            quantity: line.quantity,
            ...(line.lot ? { lot: line.lot } : {}),
            ...(line.expirationDate ? { expiration_date: line.expirationDate } : {}),
            ...(line.serials ? { serial_numbers: [...line.serials] } : {}),
          })),
        })),
      };
      order.shipments.push(record);
      order.status = 'Fulfilled';
      order.last_updated_date = stamp;
      return signDelivery(secret, 'order.shipped', JSON.stringify(record), new Date(now()));
    },
    setInventory(levels) {
      state.inventory = [...levels];
    },
    respondWith(response, respondOptions = {}) {
      canned.push({
        response,
        times: respondOptions.times ?? 1,
        ...(respondOptions.pathSuffix === undefined ? {} : { pathSuffix: respondOptions.pathSuffix }),
      });
    },
    reset() {
      state = createState();
      requests.length = 0;
      canned = [];
    },
  };
  return Object.assign(handlers, { control, baseUrl });
}
