import {
  type FulfillmentRequest,
  FulfillmentRequestSchema,
  type HandshakeState,
  type Hold,
  parseCanonical,
} from '@crossdock/canonical';
import type { z } from 'zod';
import type { Page } from '../contract/capabilities.js';
import { toParty } from './address.js';
import { type ShopifyContext, shopifyRef } from './context.js';
import { shopifyError } from './errors.js';
import {
  FulfillmentOrderDataSchema,
  FulfillmentOrderLinesDataSchema,
  type FulfillmentOrderNode,
  type FulfillmentOrderRequestStatus,
  type FulfillmentOrderStatus,
  FulfillmentOrdersDataSchema,
  OrderFulfillmentOrdersDataSchema,
} from './schemas.js';

const LINE_FIELDS = 'id sku productTitle totalQuantity remainingQuantity lineItem { id }';
/** Lines read with each fulfillment order; one with more gets the rest read after. */
const LINES_PER_ORDER = 20;
/**
 * Fulfillment orders per page. By the reference's cost rules one costs `6 + 2 + 20 × 2` = 48
 * points, so 20 (962) is the most a single query (1000) takes.
 */
const DEFAULT_ORDERS = 10;
const MAX_ORDERS = 20;

const FIELDS = `id status requestStatus createdAt updatedAt
      order { id name }
      assignedLocation { name location { id } }
      destination { firstName lastName company address1 address2 city provinceCode zip countryCode phone email }
      fulfillmentHolds { reason }
      lineItems(first: ${LINES_PER_ORDER}) { nodes { ${LINE_FIELDS} } pageInfo { hasNextPage endCursor } }`;

const LINES_QUERY = `query FulfillmentOrderLineItems($id: ID!, $after: String) {
  fulfillmentOrder(id: $id) {
    id
    lineItems(first: 100, after: $after) { nodes { ${LINE_FIELDS} } pageInfo { hasNextPage endCursor } }
  }
}`;

const LIST_QUERY = `query FulfillmentOrders($first: Int!, $after: String) {
  fulfillmentOrders(first: $first, after: $after, includeClosed: true) {
    nodes { ${FIELDS} }
    pageInfo { hasNextPage endCursor }
  }
}`;

/**
 * Fulfillment orders per page of one order's. An order has few (one per location, plus splits and
 * moves); `1 + 2 + 10 × 48` = 483 points, at most 20 (963) under the single-query limit of 1000.
 */
const ORDER_PAGE = 10;

const OF_ORDER_QUERY = `query OrderFulfillmentOrders($id: ID!, $first: Int!, $after: String) {
  order(id: $id) {
    id
    fulfillmentOrders(first: $first, after: $after) {
      nodes { ${FIELDS} }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

const GET_QUERY = `query FulfillmentOrder($id: ID!) {
  fulfillmentOrder(id: $id) { ${FIELDS} }
}`;

/** `requestStatus` → the canonical handshake. `CLOSED` (closed by the service after accepting) stays `accepted`; the ledger shows what was not shipped. */
export const REQUEST_STATUS_TO_HANDSHAKE: Readonly<Record<FulfillmentOrderRequestStatus, HandshakeState>> = {
  UNSUBMITTED: 'unsubmitted',
  SUBMITTED: 'submitted',
  ACCEPTED: 'accepted',
  REJECTED: 'rejected',
  CANCELLATION_REQUESTED: 'cancel_requested',
  CANCELLATION_ACCEPTED: 'cancel_accepted',
  CANCELLATION_REJECTED: 'cancel_rejected',
  CLOSED: 'accepted',
};

/** `FulfillmentHoldReason` → canonical hold. */
export const HOLD_REASON_TO_HOLD: Readonly<Record<string, Hold>> = {
  AWAITING_PAYMENT: 'payment',
  HIGH_RISK_OF_FRAUD: 'fraud',
  INCORRECT_ADDRESS: 'address',
  INVENTORY_OUT_OF_STOCK: 'inventory',
  UNKNOWN_DELIVERY_DATE: 'scheduled',
  AWAITING_RETURN_ITEMS: 'operator',
  ONLINE_STORE_POST_PURCHASE_CROSS_SELL: 'operator',
  OTHER: 'operator',
};

/**
 * The canonical handshake and holds of a fulfillment order. `status` gives the holds: `ON_HOLD`
 * the hold reasons (`operator` when none is given), `SCHEDULED` a `scheduled` hold, `INCOMPLETE`
 * an `operator` hold (a person must decide); `OPEN`, `IN_PROGRESS`, `CLOSED` and `CANCELLED` none
 * (closing and cancelling show in the ledger). `requestStatus` gives the handshake.
 *
 * @example
 * mapFulfillmentOrderState('ON_HOLD', 'SUBMITTED', ['AWAITING_PAYMENT']);
 * // { handshake: 'submitted', holds: ['payment'] }
 */
export function mapFulfillmentOrderState(
  status: FulfillmentOrderStatus,
  requestStatus: FulfillmentOrderRequestStatus,
  holdReasons: readonly string[] = [],
): { readonly handshake: HandshakeState; readonly holds: readonly Hold[] } {
  const holds = new Set<Hold>();
  if (status === 'ON_HOLD') {
    for (const reason of holdReasons) holds.add(HOLD_REASON_TO_HOLD[reason] ?? 'operator');
    if (holds.size === 0) holds.add('operator');
  } else if (status === 'SCHEDULED') {
    holds.add('scheduled');
  } else if (status === 'INCOMPLETE') {
    holds.add('operator');
  }
  return { handshake: REQUEST_STATUS_TO_HANDSHAKE[requestStatus], holds: [...holds] };
}

/**
 * A canonical `FulfillmentRequest` from a fulfillment order: one line per fulfillment order line
 * with `ordered = totalQuantity`, `shipped = total − remaining`; on a `CLOSED` order the remainder
 * is cancelled short (`CP`), on a `CANCELLED` one cancelled (`IC`).
 *
 * @example const request = toFulfillmentRequest(ctx, node);
 */
export function toFulfillmentRequest(
  ctx: Pick<ShopifyContext, 'shop'>,
  node: FulfillmentOrderNode,
): FulfillmentRequest {
  const { handshake, holds } = mapFulfillmentOrderState(
    node.status,
    node.requestStatus,
    node.fulfillmentHolds.map((h) => h.reason),
  );
  const closedReason = node.status === 'CLOSED' ? 'CP' : node.status === 'CANCELLED' ? 'IC' : undefined;
  const locationId = node.assignedLocation.location?.id;
  return parseCanonical(FulfillmentRequestSchema, {
    id: node.id,
    ...(node.order ? { orderId: node.order.id, orderNumber: node.order.name } : {}),
    warehouse: {
      id: locationId ?? node.assignedLocation.name,
      name: node.assignedLocation.name,
      refs: locationId ? [shopifyRef(ctx, locationId)] : [],
    },
    handshake,
    holds,
    shipTo: toParty(node.destination),
    createdAt: new Date(node.createdAt).toISOString(),
    ...(node.updatedAt ? { updatedAt: new Date(node.updatedAt).toISOString() } : {}),
    lines: node.lineItems.nodes
      .filter((line) => line.totalQuantity > 0)
      .map((line) => {
        const shipped = line.totalQuantity - line.remainingQuantity;
        const rest = closedReason && line.remainingQuantity > 0 ? line.remainingQuantity : 0;
        return {
          lineId: line.id,
          ...(line.lineItem ? { orderLineId: line.lineItem.id } : {}),
          item: {
            sku: line.sku?.trim() || line.lineItem?.id || line.id,
            ...(line.productTitle ? { name: line.productTitle.slice(0, 300) } : {}),
          },
          uom: 'EA',
          ledger: { ordered: String(line.totalQuantity), shipped: String(shipped), cancelled: String(rest) },
          differences: rest > 0 && closedReason ? [{ reason: closedReason, quantity: String(rest) }] : [],
          refs: [shopifyRef(ctx, line.id)],
        };
      }),
    refs: [shopifyRef(ctx, node.id)],
  });
}

type Op = { readonly correlationId?: string | undefined; readonly signal?: AbortSignal | undefined };

/** A fulfillment order with every line: those read with it, and the rest read after. */
async function completeLines(
  ctx: ShopifyContext,
  node: FulfillmentOrderNode,
  operation: string,
  op: Op,
): Promise<FulfillmentOrderNode> {
  let { hasNextPage, endCursor } = node.lineItems.pageInfo ?? { hasNextPage: false, endCursor: null };
  if (!hasNextPage) return node;
  const lines = [...node.lineItems.nodes];
  while (hasNextPage && endCursor) {
    const data = await ctx.client.request({
      operation,
      query: LINES_QUERY,
      variables: { id: node.id, after: endCursor },
      data: FulfillmentOrderLinesDataSchema,
      correlationId: op.correlationId,
      signal: op.signal,
    });
    const connection = data.fulfillmentOrder?.lineItems;
    if (!connection) break;
    lines.push(...connection.nodes);
    ({ hasNextPage, endCursor } = connection.pageInfo ?? { hasNextPage: false, endCursor: null });
  }
  return { ...node, lineItems: { nodes: lines } };
}

/**
 * One page of fulfillment orders (closed ones included) as canonical requests, each with all its
 * lines (`pageSize` default 10, at most 20 so that a page stays under the single-query cost limit).
 *
 * @example const { items, next } = await listFulfillmentOrders(ctx, {}, { correlationId });
 */
export async function listFulfillmentOrders(
  ctx: ShopifyContext,
  query: { readonly cursor?: string; readonly pageSize?: number },
  op: Op,
): Promise<Page<FulfillmentRequest>> {
  const data = await ctx.client.request({
    operation: 'fulfillmentOrders.list',
    query: LIST_QUERY,
    variables: {
      first: Math.min(Math.max(1, Math.floor(query.pageSize ?? DEFAULT_ORDERS)), MAX_ORDERS),
      after: query.cursor ?? null,
    },
    data: FulfillmentOrdersDataSchema,
    correlationId: op.correlationId,
    signal: op.signal,
  });
  const { nodes, pageInfo } = data.fulfillmentOrders;
  const items: FulfillmentRequest[] = [];
  for (const node of nodes) {
    items.push(toFulfillmentRequest(ctx, await completeLines(ctx, node, 'fulfillmentOrders.list', op)));
  }
  return pageInfo.hasNextPage && pageInfo.endCursor ? { items, next: pageInfo.endCursor } : { items };
}

/**
 * One fulfillment order as a canonical request; a `ConnectorError` `NOT_FOUND` when there is none.
 *
 * @example const request = await getFulfillmentOrder(ctx, 'gid://shopify/FulfillmentOrder/1', op);
 */
export async function getFulfillmentOrder(
  ctx: ShopifyContext,
  id: string,
  op: Op,
): Promise<FulfillmentRequest> {
  const data = await ctx.client.request({
    operation: 'fulfillmentOrders.get',
    query: GET_QUERY,
    variables: { id },
    data: FulfillmentOrderDataSchema,
    correlationId: op.correlationId,
    signal: op.signal,
  });
  if (!data.fulfillmentOrder) {
    throw shopifyError('fulfillmentOrders.get', {
      message: `no fulfillment order ${id}`,
      vendorCode: 'NOT_FOUND',
      retryable: false,
      executed: 'no',
      correlationId: op.correlationId,
      externalId: id,
    });
  }
  return toFulfillmentRequest(
    ctx,
    await completeLines(ctx, data.fulfillmentOrder, 'fulfillmentOrders.get', op),
  );
}

/**
 * Every fulfillment order of one order (closed and cancelled ones included, as Shopify lists them
 * under `Order.fulfillmentOrders`), as canonical requests mapped like {@link listFulfillmentOrders}:
 * one query for an order with up to 10, a further page per 10 more, each with all its lines. A
 * `ConnectorError` `NOT_FOUND` when there is no such order.
 *
 * @example
 * const requests = await fulfillmentOrdersOfOrder(ctx, 'gid://shopify/Order/1001', { correlationId });
 */
export async function fulfillmentOrdersOfOrder(
  ctx: ShopifyContext,
  orderId: string,
  op: Op,
): Promise<readonly FulfillmentRequest[]> {
  const operation = 'fulfillmentOrders.ofOrder';
  const items: FulfillmentRequest[] = [];
  let after: string | null = null;
  for (;;) {
    const data: z.infer<typeof OrderFulfillmentOrdersDataSchema> = await ctx.client.request({
      operation,
      query: OF_ORDER_QUERY,
      variables: { id: orderId, first: ORDER_PAGE, after },
      data: OrderFulfillmentOrdersDataSchema,
      correlationId: op.correlationId,
      signal: op.signal,
    });
    if (!data.order) {
      throw shopifyError(operation, {
        message: `no order ${orderId}`,
        vendorCode: 'NOT_FOUND',
        retryable: false,
        executed: 'no',
        correlationId: op.correlationId,
        externalId: orderId,
      });
    }
    const { nodes, pageInfo } = data.order.fulfillmentOrders;
    for (const node of nodes)
      items.push(toFulfillmentRequest(ctx, await completeLines(ctx, node, operation, op)));
    if (!pageInfo.hasNextPage || !pageInfo.endCursor) return items;
    after = pageInfo.endCursor;
  }
}
