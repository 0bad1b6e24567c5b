import { parseCanonical, type SalesOrder, SalesOrderSchema } from '@crossdock/canonical';
import type { Page } from '../contract/capabilities.js';
import { toParty } from './address.js';
import { type ShopifyContext, shopifyRef } from './context.js';
import {
  type MailingAddress,
  OrderLineItemsDataSchema,
  type OrderNode,
  OrdersDataSchema,
} from './schemas.js';

const LINE_FIELDS = 'id sku name quantity originalUnitPriceSet { shopMoney { amount currencyCode } }';
/** Lines read with each order; an order with more gets the rest read after its page. */
const LINES_PER_ORDER = 20;
/**
 * Orders per page. By the reference's cost rules an order costs `1 + 1 + 2 + 20 × 3` = 64 points,
 * so 15 orders (962) is the most a single query (1000) takes.
 */
const DEFAULT_ORDERS = 10;
const MAX_ORDERS = 15;

const ORDERS_QUERY = `query Orders($first: Int!, $after: String) {
  orders(first: $first, after: $after, sortKey: CREATED_AT) {
    nodes {
      id name createdAt cancelledAt closedAt currencyCode email
      shippingAddress { firstName lastName name company address1 address2 city provinceCode zip countryCodeV2 phone }
      lineItems(first: ${LINES_PER_ORDER}) { nodes { ${LINE_FIELDS} } pageInfo { hasNextPage endCursor } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

const ORDER_LINES_QUERY = `query OrderLineItems($id: ID!, $after: String) {
  order(id: $id) {
    id
    lineItems(first: 100, after: $after) { nodes { ${LINE_FIELDS} } pageInfo { hasNextPage endCursor } }
  }
}`;

/** An order in the shape both the GraphQL answer and the webhook payload are reduced to. */
export interface OrderInput {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly cancelledAt?: string | null | undefined;
  readonly closedAt?: string | null | undefined;
  readonly currencyCode: string;
  readonly email?: string | null | undefined;
  readonly shippingAddress?: MailingAddress | null | undefined;
  readonly lines: readonly {
    readonly id: string;
    readonly sku?: string | null | undefined;
    readonly name: string;
    readonly quantity: number;
    readonly price?: string | undefined;
  }[];
}

/**
 * A canonical `SalesOrder` from a Shopify order: status `cancelled` when cancelled, `done` when
 * closed, else `confirmed`; lines without a SKU use the line item id; channel `shopify:<shop>`.
 *
 * @example const order = toSalesOrder({ shop: 'acme.myshopify.com' }, input);
 */
export function toSalesOrder(ctx: Pick<ShopifyContext, 'shop'>, order: OrderInput): SalesOrder {
  const shipTo = toParty(order.shippingAddress, { email: order.email });
  return parseCanonical(SalesOrderSchema, {
    id: order.id,
    number: order.name,
    status: order.cancelledAt ? 'cancelled' : order.closedAt ? 'done' : 'confirmed',
    channel: `shopify:${ctx.shop}`,
    customer: shipTo,
    shipTo,
    currency: order.currencyCode,
    orderedAt: new Date(order.createdAt).toISOString(),
    lines: order.lines
      .filter((line) => line.quantity > 0)
      .map((line) => ({
        lineId: line.id,
        item: { sku: line.sku?.trim() || line.id, name: line.name.slice(0, 300) },
        quantity: String(line.quantity),
        uom: 'EA',
        ...(line.price === undefined
          ? {}
          : { unitPrice: { amount: line.price, currency: order.currencyCode } }),
        refs: [shopifyRef(ctx, line.id)],
      })),
    refs: [shopifyRef(ctx, order.id)],
  });
}

function fromNode(node: OrderNode): OrderInput {
  return {
    ...node,
    lines: node.lineItems.nodes.map((line) => ({
      id: line.id,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      ...(line.originalUnitPriceSet ? { price: line.originalUnitPriceSet.shopMoney.amount } : {}),
    })),
  };
}

type Op = { readonly correlationId?: string | undefined; readonly signal?: AbortSignal | undefined };

/** An order with every line: those of the page, and the rest read after it. */
async function completeLines(ctx: ShopifyContext, node: OrderNode, op: Op): Promise<OrderNode> {
  let { hasNextPage, endCursor } = node.lineItems.pageInfo ?? { hasNextPage: false, endCursor: null };
  if (!hasNextPage) return node;
  const lines = [...node.lineItems.nodes];
  while (hasNextPage && endCursor) {
    const data = await ctx.client.request({
      operation: 'orders.list',
      query: ORDER_LINES_QUERY,
      variables: { id: node.id, after: endCursor },
      data: OrderLineItemsDataSchema,
      correlationId: op.correlationId,
      signal: op.signal,
    });
    const connection = data.order?.lineItems;
    if (!connection) break;
    lines.push(...connection.nodes);
    ({ hasNextPage, endCursor } = connection.pageInfo ?? { hasNextPage: false, endCursor: null });
  }
  return { ...node, lineItems: { nodes: lines } };
}

/**
 * One page of orders, oldest first, by the connection's cursor (`pageSize` default 10, at most
 * 15 so that a page stays under Shopify's single-query cost limit), each with all its lines.
 * Orders without a shipping address (nothing to ship) or without lines are left out of `items`.
 *
 * @example const { items, next } = await listOrders(ctx, { cursor }, { correlationId });
 */
export async function listOrders(
  ctx: ShopifyContext,
  query: { readonly cursor?: string; readonly pageSize?: number },
  op: Op,
): Promise<Page<SalesOrder>> {
  const first = Math.min(Math.max(1, Math.floor(query.pageSize ?? DEFAULT_ORDERS)), MAX_ORDERS);
  const data = await ctx.client.request({
    operation: 'orders.list',
    query: ORDERS_QUERY,
    variables: { first, after: query.cursor ?? null },
    data: OrdersDataSchema,
    correlationId: op.correlationId,
    signal: op.signal,
  });
  const { nodes, pageInfo } = data.orders;
  const complete: OrderNode[] = [];
  for (const node of nodes) complete.push(await completeLines(ctx, node, op));
  const items = complete
    .map(fromNode)
    .filter((order) => order.shippingAddress && order.lines.some((line) => line.quantity > 0))
    .map((order) => toSalesOrder(ctx, order));
  return pageInfo.hasNextPage && pageInfo.endCursor ? { items, next: pageInfo.endCursor } : { items };
}
