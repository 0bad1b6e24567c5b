import { parseCanonical, type SalesOrder, SalesOrderSchema } from '@crossdock/canonical';
import type { Page } from '../contract/capabilities.js';
import { toParty } from './address.js';
import { type ShopifyContext, shopifyRef } from './context.js';
import { type MailingAddress, type OrderNode, OrdersDataSchema } from './schemas.js';

const ORDERS_QUERY = `query Orders($first: Int!, $after: String) {
  orders(first: $first, after: $after, sortKey: CREATED_AT) {
    nodes {
      id name createdAt cancelledAt closedAt currencyCode email
      shippingAddress { firstName lastName name company address1 address2 city provinceCode zip countryCodeV2 phone }
      lineItems(first: 100) { nodes { id sku name quantity originalUnitPriceSet { shopMoney { amount currencyCode } } } }
    }
    pageInfo { hasNextPage endCursor }
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

/**
 * One page of orders, oldest first, by the connection's cursor. Orders without a shipping address
 * (nothing to ship) or without lines are left out of `items`.
 *
 * @example const { items, next } = await listOrders(ctx, { cursor }, { correlationId });
 */
export async function listOrders(
  ctx: ShopifyContext,
  query: { readonly cursor?: string; readonly pageSize?: number },
  op: { readonly correlationId?: string | undefined; readonly signal?: AbortSignal | undefined },
): Promise<Page<SalesOrder>> {
  const data = await ctx.client.request({
    operation: 'orders.list',
    query: ORDERS_QUERY,
    variables: { first: query.pageSize ?? 50, after: query.cursor ?? null },
    data: OrdersDataSchema,
    correlationId: op.correlationId,
    signal: op.signal,
  });
  const { nodes, pageInfo } = data.orders;
  const items = nodes
    .map(fromNode)
    .filter((order) => order.shippingAddress && order.lines.some((line) => line.quantity > 0))
    .map((order) => toSalesOrder(ctx, order));
  return pageInfo.hasNextPage && pageInfo.endCursor ? { items, next: pageInfo.endCursor } : { items };
}
