import type { FakeFulfillmentOrder, FakeOrder, FakeShopState } from './state.js';
import { gid } from './state.js';

/** What an operation answers: its `data`, or GraphQL `errors`. */
export interface OperationResult {
  readonly data?: unknown;
  readonly errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

type Variables = Record<string, unknown>;

const cursorOf = (index: number) => Buffer.from(`idx:${index}`).toString('base64');
const indexOf = (cursor: unknown) =>
  typeof cursor === 'string' ? Number(Buffer.from(cursor, 'base64').toString().slice(4)) + 1 : 0;

function page<T, U>(list: readonly T[], variables: Variables, map: (item: T) => U) {
  const first = typeof variables.first === 'number' ? variables.first : 50;
  const start = indexOf(variables.after);
  const nodes = list.slice(start, start + first);
  const end = start + nodes.length - 1;
  return {
    nodes: nodes.map(map),
    pageInfo: { hasNextPage: end + 1 < list.length, endCursor: nodes.length ? cursorOf(end) : null },
  };
}

const money = (amount: string, currencyCode: string) => ({ shopMoney: { amount, currencyCode } });

function orderNode(order: FakeOrder) {
  return {
    id: order.id,
    name: order.name,
    createdAt: order.createdAt,
    cancelledAt: order.cancelledAt,
    closedAt: order.closedAt,
    currencyCode: order.currencyCode,
    email: order.email,
    shippingAddress: order.shippingAddress
      ? { ...order.shippingAddress, countryCodeV2: order.shippingAddress.countryCode, countryCode: undefined }
      : null,
    lineItems: {
      nodes: order.lineItems.map((line) => ({
        id: line.id,
        sku: line.sku,
        name: line.name,
        quantity: line.quantity,
        originalUnitPriceSet: money(line.price, order.currencyCode),
      })),
    },
  };
}

function fulfillmentOrderNode(state: FakeShopState, fo: FakeFulfillmentOrder) {
  const order = state.orders.find((o) => o.id === fo.orderId);
  return {
    id: fo.id,
    status: fo.status,
    requestStatus: fo.requestStatus,
    createdAt: fo.createdAt,
    updatedAt: fo.updatedAt,
    order: order ? { id: order.id, name: order.name } : null,
    assignedLocation: { name: fo.locationName, location: { id: fo.locationId } },
    destination: order?.shippingAddress ? { ...order.shippingAddress, email: order.email } : null,
    fulfillmentHolds: fo.holds.map((reason) => ({ reason })),
    lineItems: {
      nodes: fo.lineItems.map((line) => ({
        id: line.id,
        sku: line.sku,
        productTitle: line.name,
        totalQuantity: line.totalQuantity,
        remainingQuantity: line.remainingQuantity,
        lineItem: { id: line.lineItemId },
      })),
    },
  };
}

const userError = (field: string[], message: string, code?: string) => ({
  field,
  message,
  ...(code === undefined ? {} : { code }),
});

/** `orders(first, after)`. */
export function orders(state: FakeShopState, variables: Variables): OperationResult {
  return { data: { orders: page(state.orders, variables, orderNode) } };
}

/** `fulfillmentOrders(first, after, includeClosed: true)`. */
export function fulfillmentOrders(state: FakeShopState, variables: Variables): OperationResult {
  return {
    data: {
      fulfillmentOrders: page(state.fulfillmentOrders, variables, (fo) => fulfillmentOrderNode(state, fo)),
    },
  };
}

/** `fulfillmentOrder(id)`. */
export function fulfillmentOrder(state: FakeShopState, variables: Variables): OperationResult {
  const fo = state.fulfillmentOrders.find((f) => f.id === variables.id);
  return { data: { fulfillmentOrder: fo ? fulfillmentOrderNode(state, fo) : null } };
}

interface FulfillmentInput {
  lineItemsByFulfillmentOrder?: {
    fulfillmentOrderId?: string;
    fulfillmentOrderLineItems?: { id: string; quantity: number }[];
  }[];
  trackingInfo?: { number?: string; company?: string; url?: string };
}

/** `fulfillmentCreate(fulfillment)`: ships the given (or all remaining) lines and closes a finished order. */
export function fulfillmentCreate(state: FakeShopState, variables: Variables): OperationResult {
  const input = (variables.fulfillment ?? {}) as FulfillmentInput;
  const answer = (userErrors: unknown[], fulfillment: unknown = null) => ({
    data: { fulfillmentCreate: { fulfillment, userErrors } },
  });
  const groups = input.lineItemsByFulfillmentOrder ?? [];
  if (groups.length === 0) {
    return answer([
      userError(['fulfillment', 'lineItemsByFulfillmentOrder'], 'must name a fulfillment order'),
    ]);
  }
  const tracking = input.trackingInfo ?? {};
  if (tracking.url !== undefined && !/^https?:\/\//.test(tracking.url)) {
    return answer([userError(['fulfillment', 'trackingInfo', 'url'], 'Tracking url is invalid')]);
  }
  const touched: FakeFulfillmentOrder[] = [];
  for (const [g, group] of groups.entries()) {
    const fo = state.fulfillmentOrders.find((f) => f.id === group.fulfillmentOrderId);
    const path = ['fulfillment', 'lineItemsByFulfillmentOrder', String(g), 'fulfillmentOrderId'];
    if (!fo) return answer([userError(path, 'Fulfillment order does not exist.')]);
    if (fo.status === 'CLOSED' || fo.status === 'CANCELLED' || fo.status === 'ON_HOLD') {
      return answer([userError(path, `Fulfillment order ${fo.id} is ${fo.status.toLowerCase()}.`)]);
    }
    const lines =
      group.fulfillmentOrderLineItems ??
      fo.lineItems.map((l) => ({ id: l.id, quantity: l.remainingQuantity }));
    for (const [i, want] of lines.entries()) {
      const line = fo.lineItems.find((l) => l.id === want.id);
      if (!line || want.quantity > line.remainingQuantity || want.quantity < 1) {
        return answer([
          userError(
            [
              'fulfillment',
              'lineItemsByFulfillmentOrder',
              String(g),
              'fulfillmentOrderLineItems',
              String(i),
              'quantity',
            ],
            'Invalid fulfillment order line item quantity requested.',
          ),
        ]);
      }
    }
    for (const want of lines) {
      const line = fo.lineItems.find((l) => l.id === want.id);
      if (line) line.remainingQuantity -= want.quantity;
    }
    touched.push(fo);
  }
  const fulfillment = {
    id: gid(state, 'Fulfillment'),
    number: tracking.number ?? '',
    company: tracking.company ?? null,
    url: tracking.url ?? null,
  };
  for (const fo of touched) {
    fo.status = fo.lineItems.every((l) => l.remainingQuantity === 0) ? 'CLOSED' : 'IN_PROGRESS';
    fo.updatedAt = new Date().toISOString();
    fo.fulfillments.push(fulfillment);
  }
  return answer([], {
    id: fulfillment.id,
    status: 'SUCCESS',
    trackingInfo: [{ number: fulfillment.number, company: fulfillment.company, url: fulfillment.url }],
  });
}

/** `inventoryItems(first: 1, query: "sku:…")`. */
export function inventoryItemBySku(state: FakeShopState, variables: Variables): OperationResult {
  const sku = String(variables.query ?? '')
    .replace(/^sku:/, '')
    .replace(/^"|"$/g, '');
  const level = state.inventory.find((l) => l.sku === sku);
  return { data: { inventoryItems: { nodes: level ? [{ id: level.inventoryItemId, sku }] : [] } } };
}

interface SetQuantitiesInput {
  name?: string;
  reason?: string;
  ignoreCompareQuantity?: boolean;
  quantities?: {
    inventoryItemId: string;
    locationId: string;
    quantity: number;
    compareQuantity?: number | null;
    changeFromQuantity?: number | null;
  }[];
}

/**
 * `inventorySetQuantities(input) @idempotent(key)`: compare-and-set per quantity, with
 * `changeFromQuantity` (2026-04 on, required, `null` opts out) or `compareQuantity` (before).
 */
export function inventorySetQuantities(
  state: FakeShopState,
  variables: Variables,
  ctx: { readonly changeFrom: boolean; readonly idempotencyKey: string | undefined },
): OperationResult {
  if (ctx.changeFrom && ctx.idempotencyKey === undefined) {
    return {
      errors: [
        {
          message: 'The @idempotent directive is required for this mutation.',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    };
  }
  if (ctx.idempotencyKey !== undefined) {
    const previous = state.idempotent.get(ctx.idempotencyKey);
    if (previous !== undefined) return previous as OperationResult;
  }
  const input = (variables.input ?? {}) as SetQuantitiesInput;
  const answer = (userErrors: unknown[], group: unknown = null): OperationResult => ({
    data: { inventorySetQuantities: { inventoryAdjustmentGroup: group, userErrors } },
  });
  const name = input.name ?? 'available';
  const errors: unknown[] = [];
  const quantities = input.quantities ?? [];
  for (const [i, q] of quantities.entries()) {
    const level = state.inventory.find(
      (l) => l.inventoryItemId === q.inventoryItemId && l.locationId === q.locationId,
    );
    const path = ['input', 'quantities', String(i)];
    if (!level) {
      errors.push(
        userError(
          [...path, 'locationId'],
          'The specified inventory item is not stocked at the location.',
          'ITEM_NOT_STOCKED_AT_LOCATION',
        ),
      );
      continue;
    }
    const current = level.quantities[name] ?? 0;
    if (ctx.changeFrom) {
      if (!('changeFromQuantity' in q)) {
        errors.push(
          userError(
            [...path, 'changeFromQuantity'],
            'changeFromQuantity is required.',
            'INVALID_CHANGE_FROM_QUANTITY',
          ),
        );
      } else if (q.changeFromQuantity !== null && q.changeFromQuantity !== current) {
        errors.push(
          userError(
            [...path, 'changeFromQuantity'],
            'The specified compare quantity is stale.',
            'CHANGE_FROM_QUANTITY_STALE',
          ),
        );
      }
    } else if (!input.ignoreCompareQuantity && q.compareQuantity !== current) {
      errors.push(
        userError(
          [...path, 'compareQuantity'],
          'The compareQuantity argument no longer matches the persisted quantity.',
          'COMPARE_QUANTITY_STALE',
        ),
      );
    }
  }
  if (errors.length > 0) return answer(errors);
  const changes = quantities.map((q) => {
    const level = state.inventory.find(
      (l) => l.inventoryItemId === q.inventoryItemId && l.locationId === q.locationId,
    );
    const before = level?.quantities[name] ?? 0;
    if (level) {
      level.quantities[name] = q.quantity;
      if (name === 'on_hand')
        level.quantities.available = (level.quantities.available ?? 0) + q.quantity - before;
    }
    return { name, delta: q.quantity - before, quantityAfterChange: q.quantity };
  });
  const result = answer([], {
    id: gid(state, 'InventoryAdjustmentGroup'),
    reason: input.reason ?? 'correction',
    changes,
  });
  if (ctx.idempotencyKey !== undefined) state.idempotent.set(ctx.idempotencyKey, result);
  return result;
}
