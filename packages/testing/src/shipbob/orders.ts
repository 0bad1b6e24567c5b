import { type HttpHandler, http } from 'msw';
import { json, problem, type Route } from './gate.js';
import type { FakeOrder, FakeShipBobState, FakeShipment } from './state.js';

/** The fulfillment center every fake shipment leaves from. */
export const FAKE_LOCATION = { id: 7, name: 'Cicero (IL)' } as const;

/** What the order and inventory endpoints need from the fake. */
export interface EndpointContext {
  /** `https://api.shipbob.com/2026-07`: base URL and version prefix. */
  readonly root: string;
  readonly apiVersion: string;
  readonly state: () => FakeShipBobState;
  readonly now: () => number;
  readonly route: Route;
}

/** The inventory id of a sku: its inventory row's, or a stable made-up one. */
export function inventoryIdOf(state: FakeShipBobState, sku: string): number {
  return state.inventory.find((row) => row.sku === sku)?.inventory_id ?? 900_000 + hash(sku);
}

function hash(text: string): number {
  let h = 0;
  for (const char of text) h = (h * 31 + char.charCodeAt(0)) % 99_991;
  return h;
}

/** The shipment ShipBob opens for an order: everything ordered, not yet picked. */
export function openShipment(state: FakeShipBobState, order: FakeOrder, stamp: string): FakeShipment {
  const id = state.nextId++;
  return {
    id,
    order_id: order.id,
    reference_id: order.reference_id,
    status: 'Processing',
    status_details: [],
    created_date: stamp,
    last_updated_date: stamp,
    location: FAKE_LOCATION,
    products: order.products.map((product) => ({
      id: product.id,
      reference_id: product.reference_id,
      sku: product.reference_id,
      ...(product.name === undefined ? {} : { name: product.name }),
      inventory_items: [
        {
          id: inventoryIdOf(state, product.reference_id),
          ...(product.name === undefined ? {} : { name: product.name }),
          quantity: product.quantity,
          quantity_committed: product.quantity,
        },
      ],
    })),
  };
}

const channelMissing = () =>
  problem(400, 'Bad Request', { shipbob_channel_id: ['The channel id header is required.'] });

/**
 * Orders (`POST /order` keyed by `reference_id` with 422 on a duplicate, `GET /order` paged by
 * `Page`/`Limit` with `total-pages`, `GET /order/{id}`, `POST /order/{id}:cancel`) and cursor-paged
 * inventory levels.
 */
export function orderHandlers(ctx: EndpointContext): HttpHandler[] {
  const { root, route } = ctx;
  const orderOf = (id: unknown) => ctx.state().orders.get(Number(id));
  const escaped = root.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

  return [
    http.post(
      `${root}/order`,
      route(async (request) => {
        if (!request.headers.get('shipbob_channel_id')) return channelMissing();
        const state = ctx.state();
        const body = (await request.json()) as Partial<FakeOrder> & {
          products?: { reference_id: string; name?: string; quantity: number }[];
        };
        const reference = body.reference_id;
        if (typeof reference !== 'string' || reference.length === 0 || !Array.isArray(body.products)) {
          return problem(400, 'One or more validation errors occurred.', {
            reference_id: ['The ReferenceId field is required.'],
          });
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
        const stamp = new Date(ctx.now()).toISOString();
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
        order.shipments.push(openShipment(state, order, stamp));
        state.orders.set(id, order);
        state.byReference.set(reference, id);
        return json(order, 201);
      }),
    ),
    http.get(
      `${root}/order`,
      route((request) => {
        const query = new URL(request.url).searchParams;
        const references = query.get('ReferenceIds')?.split(',');
        const since = query.get('LastUpdateStartDate');
        let list = [...ctx.state().orders.values()];
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
      `${root}/order/:id`,
      route((_request, params) => {
        const order = orderOf(params.id);
        return order ? json(order) : problem(404, 'Not Found');
      }),
    ),
    // 2025-07 and later: `POST /order/{orderId}:cancel` (2.0 had `/order/{id}/cancel`).
    http.post(
      new RegExp(`^${escaped}/order/(\\d+):cancel$`),
      route((request) => {
        if (!request.headers.get('shipbob_channel_id')) return channelMissing();
        const id = /\/order\/(\d+):cancel$/.exec(new URL(request.url).pathname)?.[1];
        const order = orderOf(id);
        if (!order) return problem(404, 'Not Found');
        if (order.status === 'Fulfilled' || order.shipments.some((s) => s.status === 'Completed')) {
          return problem(422, 'Order cannot be cancelled', { order_id: ['The order has already shipped.'] });
        }
        const stamp = new Date(ctx.now()).toISOString();
        const cancelled = order.shipments.filter((shipment) => shipment.status !== 'Cancelled');
        for (const shipment of cancelled) {
          shipment.status = 'Cancelled';
          shipment.last_updated_date = stamp;
        }
        order.status = 'Cancelled';
        order.last_updated_date = stamp;
        return json({
          order_id: order.id,
          status: 'Success',
          order,
          canceled_shipment_results: cancelled.map((shipment) => ({
            action: 'Cancel',
            is_success: true,
            reason: null,
            shipment_id: shipment.id,
          })),
        });
      }),
    ),
    http.get(
      `${root}/inventory-level`,
      route((request) => {
        const state = ctx.state();
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
              ? `/${ctx.apiVersion}/inventory-level?Cursor=${nextOffset}&PageSize=${size}`
              : null,
        });
      }),
    ),
  ];
}
