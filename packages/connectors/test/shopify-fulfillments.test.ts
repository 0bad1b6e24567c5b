// The fulfillment orders of one Shopify order, and fulfillments with several tracking numbers.
import { createShopifyHandlers } from '@crossdock/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConnectorError, isConnectorError } from '../src/contract/errors.js';
import { createShopifyConnector } from '../src/shopify/index.js';

const op = { correlationId: 'test-shopify-fo' };
const shop = createShopifyHandlers({
  shop: 'fo.myshopify.com',
  bucket: { maximumAvailable: 2000, restoreRate: 1000 },
});
const server = setupServer(...shop);
const shopify = createShopifyConnector({ shop: shop.shop, accessToken: 'shpat_test_token' });

async function failure(run: () => Promise<unknown>): Promise<ConnectorError> {
  try {
    await run();
  } catch (error) {
    if (isConnectorError(error)) return error;
    throw error;
  }
  throw new Error('expected a ConnectorError');
}

let split = 0;
/** Splits `count` more fulfillment orders off an order (as a merchant moving lines to other locations would). */
function moreFulfillmentOrders(orderId: string, count: number, lines = 1): string[] {
  const template = shop.state.fulfillmentOrders.find((fo) => fo.orderId === orderId);
  if (!template) throw new Error('no fulfillment order to copy');
  return Array.from({ length: count }, (_, i) => {
    split += 1;
    const id = `gid://shopify/FulfillmentOrder/9${String(split).padStart(5, '0')}`;
    shop.state.fulfillmentOrders.push({
      ...template,
      id,
      locationId: `gid://shopify/Location/${i + 2}`,
      locationName: `Location ${i + 2}`,
      holds: [],
      lineItems: Array.from({ length: lines }, (_, l) => ({
        id: `${id}-line-${l}`,
        lineItemId: template.lineItems[0]?.lineItemId ?? 'gid://shopify/LineItem/0',
        sku: `SPLIT-${l}`,
        name: `Split ${l}`,
        totalQuantity: 1,
        remainingQuantity: 1,
      })),
      fulfillments: [],
    });
    return id;
  });
}

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

describe('Shopify: the fulfillment orders of one order', () => {
  it('answers only that order’s fulfillment orders, mapped exactly as the list maps them', async () => {
    shop.control.addOrder({ lines: [{ sku: 'OTHER', quantity: 1 }] });
    const { order, fulfillmentOrder } = shop.control.addOrder({
      lines: [
        { sku: 'MINE-1', quantity: 2 },
        { sku: 'MINE-2', quantity: 1 },
      ],
    });
    shop.control.addOrder({ lines: [{ sku: 'LATER', quantity: 1 }] });
    shop.resetLog();
    const mine = await shopify.fulfillmentOrders.ofOrder(order.id, op);
    expect(shop.calls).toEqual(['OrderFulfillmentOrders']);
    expect(mine.map((request) => request.id)).toEqual([fulfillmentOrder.id]);
    const listed = await shopify.fulfillmentOrders.list({ pageSize: 20 }, op);
    expect(mine[0]).toEqual(listed.items.find((request) => request.id === fulfillmentOrder.id));
    expect(mine[0]?.lines.map((line) => line.item.sku)).toEqual(['MINE-1', 'MINE-2']);
  });

  it('shows what was already shipped, so a retry can see whether its fulfillment took effect', async () => {
    const { order, fulfillmentOrder } = shop.control.addOrder({ lines: [{ sku: 'PART', quantity: 3 }] });
    const lineId = fulfillmentOrder.lineItems[0]?.id ?? '';
    await shopify.fulfillments.create(fulfillmentOrder.id, { lines: [{ id: lineId, quantity: 2 }] }, op);
    const [request] = await shopify.fulfillmentOrders.ofOrder(order.id, op);
    expect(request?.lines[0]?.ledger).toMatchObject({ ordered: '3', shipped: '2', cancelled: '0' });
  });

  it('reads every fulfillment order of an order with more than a page, each query under the 1000-point limit', async () => {
    const { order, fulfillmentOrder } = shop.control.addOrder({ lines: [{ sku: 'MANY', quantity: 1 }] });
    const split = moreFulfillmentOrders(order.id, 22);
    // One of them has more lines than are read with its page: the rest is read after, not cut off.
    const long = moreFulfillmentOrders(order.id, 1, 27);
    shop.resetLog();
    const all = await shopify.fulfillmentOrders.ofOrder(order.id, op);
    expect(all.map((request) => request.id)).toEqual([fulfillmentOrder.id, ...split, ...long]);
    expect(all.at(-1)?.lines).toHaveLength(27);
    const pages = shop.requests.filter((r) => r.operation === 'OrderFulfillmentOrders');
    expect(pages).toHaveLength(3);
    for (const page of pages) {
      expect(page.outcome).toBe('answered');
      expect(page.requestedCost).toBeLessThan(1000);
    }
    expect(shop.calls.filter((name) => name === 'FulfillmentOrderLineItems')).toHaveLength(1);
  });

  it('an order Shopify does not have is a NOT_FOUND ConnectorError', async () => {
    const error = await failure(() => shopify.fulfillmentOrders.ofOrder('gid://shopify/Order/404', op));
    expect(error).toMatchObject({
      system: 'shopify',
      operation: 'fulfillmentOrders.ofOrder',
      vendorCode: 'NOT_FOUND',
      retryable: false,
      correlationId: op.correlationId,
      externalId: 'gid://shopify/Order/404',
    });
  });
});

describe('Shopify: fulfillments with several tracking numbers', () => {
  it('sends every tracking number of a shipment, with their URLs and the carrier', async () => {
    const { fulfillmentOrder } = shop.control.addOrder({ lines: [{ sku: 'BOXES', quantity: 2 }] });
    await shopify.fulfillments.create(
      fulfillmentOrder.id,
      {
        trackingNumbers: ['1ZBOX0001', '1ZBOX0002'],
        urls: ['https://ups.com/track/1ZBOX0001', 'https://ups.com/track/1ZBOX0002'],
        company: 'UPS',
      },
      op,
    );
    const [fulfillment] = shop.control.fulfillmentOrder(fulfillmentOrder.id)?.fulfillments ?? [];
    expect(fulfillment).toMatchObject({
      numbers: ['1ZBOX0001', '1ZBOX0002'],
      urls: ['https://ups.com/track/1ZBOX0001', 'https://ups.com/track/1ZBOX0002'],
      company: 'UPS',
    });
  });

  it('still sends a single tracking number as one number', async () => {
    const { fulfillmentOrder } = shop.control.addOrder({ lines: [{ sku: 'ONE', quantity: 1 }] });
    await shopify.fulfillments.create(fulfillmentOrder.id, { trackingNumber: '1ZONE', company: 'UPS' }, op);
    const [fulfillment] = shop.control.fulfillmentOrder(fulfillmentOrder.id)?.fulfillments ?? [];
    expect(fulfillment).toMatchObject({ number: '1ZONE', numbers: ['1ZONE'], company: 'UPS' });
  });

  it('a bad URL among several is a ConnectorError naming its position', async () => {
    const { fulfillmentOrder } = shop.control.addOrder({ lines: [{ sku: 'BADURL', quantity: 1 }] });
    const error = await failure(() =>
      shopify.fulfillments.create(
        fulfillmentOrder.id,
        { trackingNumbers: ['A1', 'A2'], urls: ['https://t.example/A1', 'ftp://nope'] },
        op,
      ),
    );
    expect(error.vendorCode).toBe('USER_ERROR');
    expect(error.message).toContain('fulfillment.trackingInfo.urls.1');
    expect(shop.control.fulfillmentOrder(fulfillmentOrder.id)?.fulfillments).toEqual([]);
  });

  it('refuses URLs without tracking numbers before calling Shopify', async () => {
    const { fulfillmentOrder } = shop.control.addOrder({ lines: [{ sku: 'NONUM', quantity: 1 }] });
    shop.resetLog();
    const error = await failure(() =>
      shopify.fulfillments.create(
        fulfillmentOrder.id,
        { trackingNumbers: [], urls: ['https://t.example/x'] },
        op,
      ),
    );
    expect(error).toMatchObject({
      operation: 'fulfillments.create',
      vendorCode: 'INVALID_INPUT',
      retryable: false,
      executed: 'no',
      correlationId: op.correlationId,
    });
    expect(shop.calls).toEqual([]);
  });
});
