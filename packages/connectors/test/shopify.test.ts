import type { InventoryAdjustment } from '@crossdock/canonical';
import { createShopifyHandlers } from '@crossdock/testing';
import { createSHA256HMAC, HashFormat } from '@shopify/shopify-api/runtime';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError, isConnectorError } from '../src/contract/errors.js';
import {
  createShopifyConnector,
  type FulfillmentOrderRequestStatus,
  type FulfillmentOrderStatus,
  mapFulfillmentOrderState,
} from '../src/shopify/index.js';

const TOKEN = 'shpat_test_token';
const SECRET = 'shpss_test_secret';
const op = { correlationId: 'test-shopify' };

const shop = createShopifyHandlers({ bucket: { maximumAvailable: 2000, restoreRate: 1000 } });
// Throttling itself is tested on a ManualClock in shopify-throttle.test.ts; this shop is drained to provoke it.
const tight = createShopifyHandlers({ shop: 'tight.myshopify.com' });
const legacy = createShopifyHandlers({ shop: 'legacy.myshopify.com', apiVersion: '2025-10' });
const server = setupServer(...shop, ...tight, ...legacy);
const shopify = createShopifyConnector({ shop: shop.shop, accessToken: TOKEN, apiSecret: SECRET });

/** Runs `run`, answering the ConnectorError it throws (failing the test when it does not throw one). */
async function failure(run: () => Promise<unknown>): Promise<ConnectorError> {
  try {
    await run();
  } catch (error) {
    if (isConnectorError(error)) return error;
    throw error;
  }
  throw new Error('expected a ConnectorError');
}

function adjustment(overrides: Partial<Extract<InventoryAdjustment, { mode: 'set' }>>): InventoryAdjustment {
  return {
    mode: 'set',
    idempotencyKey: crypto.randomUUID(),
    sku: 'SKU-STOCK',
    location: { id: 'gid://shopify/Location/1', refs: [] },
    uom: 'EA',
    reason: 'cycle_count',
    requestedAt: '2026-11-25T12:00:00Z',
    expected: '10',
    quantity: '7',
    refs: [],
    ...overrides,
  };
}

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

describe('Shopify orders', () => {
  it('paginates completely with the connection cursor', async () => {
    const added = Array.from(
      { length: 7 },
      (_, i) => shop.control.addOrder({ lines: [{ sku: `P-${i}`, quantity: i + 1, price: '12.50' }] }).order,
    );
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await shopify.orders.list(
        cursor === undefined ? { pageSize: 3 } : { cursor, pageSize: 3 },
        op,
      );
      ids.push(...page.items.map((o) => o.id));
      cursor = page.next;
      pages += 1;
    } while (cursor !== undefined);
    expect(pages).toBe(3);
    expect(ids).toEqual(added.map((o) => o.id));
    const { items } = await shopify.orders.list({ pageSize: 1 }, op);
    const first = items[0];
    expect(first).toMatchObject({
      number: '#1001',
      status: 'confirmed',
      channel: 'shopify:acme.myshopify.com',
      currency: 'USD',
      shipTo: {
        name: 'Ada Lovelace',
        address: { lines: ['1 Main St'], city: 'Springfield', countryCode: 'US' },
      },
      lines: [
        { item: { sku: 'P-0' }, quantity: '1', uom: 'EA', unitPrice: { amount: '12.50', currency: 'USD' } },
      ],
      refs: [{ system: 'shopify', account: 'acme.myshopify.com', id: added[0]?.id }],
    });
  });
});

describe('Shopify fulfillment orders', () => {
  const statuses: [FulfillmentOrderStatus, FulfillmentOrderRequestStatus, string[], string, string[]][] = [
    ['OPEN', 'UNSUBMITTED', [], 'unsubmitted', []],
    ['OPEN', 'SUBMITTED', [], 'submitted', []],
    ['IN_PROGRESS', 'ACCEPTED', [], 'accepted', []],
    ['OPEN', 'REJECTED', [], 'rejected', []],
    ['IN_PROGRESS', 'CANCELLATION_REQUESTED', [], 'cancel_requested', []],
    ['CANCELLED', 'CANCELLATION_ACCEPTED', [], 'cancel_accepted', []],
    ['IN_PROGRESS', 'CANCELLATION_REJECTED', [], 'cancel_rejected', []],
    ['CLOSED', 'CLOSED', [], 'accepted', []],
    [
      'ON_HOLD',
      'UNSUBMITTED',
      ['AWAITING_PAYMENT', 'HIGH_RISK_OF_FRAUD'],
      'unsubmitted',
      ['payment', 'fraud'],
    ],
    ['ON_HOLD', 'SUBMITTED', ['INCORRECT_ADDRESS'], 'submitted', ['address']],
    ['ON_HOLD', 'UNSUBMITTED', ['INVENTORY_OUT_OF_STOCK'], 'unsubmitted', ['inventory']],
    ['ON_HOLD', 'UNSUBMITTED', [], 'unsubmitted', ['operator']],
    ['SCHEDULED', 'UNSUBMITTED', [], 'unsubmitted', ['scheduled']],
    ['INCOMPLETE', 'ACCEPTED', [], 'accepted', ['operator']],
  ];

  it.each(statuses)(
    '%s / %s %j maps to %s with holds %j',
    async (status, requestStatus, reasons, handshake, holds) => {
      expect(mapFulfillmentOrderState(status, requestStatus, reasons)).toEqual({ handshake, holds });
      const { fulfillmentOrder } = shop.control.addOrder({
        lines: [{ sku: 'FO-1', quantity: 2 }],
        fulfillment: { status, requestStatus, holds: reasons },
      });
      const request = await shopify.fulfillmentOrders.get(fulfillmentOrder.id, op);
      expect(request.handshake).toBe(handshake);
      expect(request.holds).toEqual(holds);
    },
  );

  it('lists fulfillment orders across pages', async () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await shopify.fulfillmentOrders.list(
        cursor === undefined ? { pageSize: 4 } : { cursor, pageSize: 4 },
        op,
      );
      ids.push(...page.items.map((r) => r.id));
      cursor = page.next;
    } while (cursor !== undefined);
    expect(ids).toEqual(shop.state.fulfillmentOrders.map((f) => f.id));
  });

  it('fulfillmentCreate with tracking closes the fulfillment order', async () => {
    const { fulfillmentOrder } = shop.control.addOrder({ lines: [{ sku: 'SHIP-1', quantity: 3 }] });
    const { id } = await shopify.fulfillments.create(
      fulfillmentOrder.id,
      {
        trackingNumber: '1Z999AA10123456784',
        company: 'UPS',
        url: 'https://ups.com/track/1Z999AA10123456784',
      },
      op,
    );
    expect(id).toMatch(/^gid:\/\/shopify\/Fulfillment\//);
    expect(shop.control.fulfillmentOrder(fulfillmentOrder.id)?.status).toBe('CLOSED');
    expect(shop.control.fulfillmentOrder(fulfillmentOrder.id)?.fulfillments[0]?.number).toBe(
      '1Z999AA10123456784',
    );
    const request = await shopify.fulfillmentOrders.get(fulfillmentOrder.id, op);
    expect(request.lines[0]?.ledger).toMatchObject({ ordered: '3', shipped: '3', cancelled: '0' });
  });

  it('a partial fulfillment leaves the order in progress', async () => {
    const { fulfillmentOrder } = shop.control.addOrder({ lines: [{ sku: 'SHIP-2', quantity: 3 }] });
    const lineId = fulfillmentOrder.lineItems[0]?.id ?? '';
    await shopify.fulfillments.create(
      fulfillmentOrder.id,
      { trackingNumber: 'T1', lines: [{ id: lineId, quantity: 1 }] },
      op,
    );
    expect(shop.control.fulfillmentOrder(fulfillmentOrder.id)?.status).toBe('IN_PROGRESS');
    const request = await shopify.fulfillmentOrders.get(fulfillmentOrder.id, op);
    expect(request.lines[0]?.ledger).toMatchObject({ ordered: '3', shipped: '1' });
  });

  it('userErrors become a ConnectorError naming the field', async () => {
    const { fulfillmentOrder } = shop.control.addOrder({ lines: [{ sku: 'SHIP-3', quantity: 1 }] });
    const error = await failure(() =>
      shopify.fulfillments.create(fulfillmentOrder.id, { trackingNumber: 'T2', url: 'ftp://nope' }, op),
    );
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({
      system: 'shopify',
      operation: 'fulfillments.create',
      vendorCode: 'USER_ERROR',
      retryable: false,
      executed: 'no',
      correlationId: 'test-shopify',
      externalId: fulfillmentOrder.id,
    });
    expect(error.message).toContain('fulfillment.trackingInfo.url');
    const lineId = fulfillmentOrder.lineItems[0]?.id ?? '';
    const tooMany = await failure(() =>
      shopify.fulfillments.create(fulfillmentOrder.id, { lines: [{ id: lineId, quantity: 5 }] }, op),
    );
    expect(tooMany.message).toContain(
      'fulfillment.lineItemsByFulfillmentOrder.0.fulfillmentOrderLineItems.0.quantity',
    );
    expect(shop.control.fulfillmentOrder(fulfillmentOrder.id)?.status).toBe('OPEN');
  });

  it('an unknown fulfillment order is NOT_FOUND', async () => {
    const error = await failure(() =>
      shopify.fulfillmentOrders.get('gid://shopify/FulfillmentOrder/404', op),
    );
    expect(error).toMatchObject({ vendorCode: 'NOT_FOUND', operation: 'fulfillmentOrders.get' });
  });
});

describe('Shopify inventory', () => {
  it('sets on hand with changeFromQuantity and an @idempotent key; a stale compare quantity is refused', async () => {
    shop.control.setInventory('SKU-STOCK', { on_hand: 10, available: 10 });
    const first = adjustment({});
    await expect(shopify.inventory.adjust(first, op)).resolves.toEqual({ applied: true });
    expect(shop.control.quantity('SKU-STOCK')).toBe(7);
    // the same key again is answered from Shopify's idempotency store: nothing changes twice
    await expect(shopify.inventory.adjust(first, op)).resolves.toEqual({ applied: true });
    expect(shop.control.quantity('SKU-STOCK')).toBe(7);
    const stale = await failure(() =>
      shopify.inventory.adjust(adjustment({ expected: '10', quantity: '4' }), op),
    );
    expect(stale).toMatchObject({
      operation: 'inventory.adjust',
      vendorCode: 'CHANGE_FROM_QUANTITY_STALE',
      executed: 'no',
      retryable: false,
    });
    expect(stale.message).toContain('input.quantities.0.changeFromQuantity');
    expect(shop.control.quantity('SKU-STOCK')).toBe(7);
  });

  it('uses compareQuantity before 2026-04', async () => {
    const old = createShopifyConnector({ shop: legacy.shop, accessToken: TOKEN, apiVersion: '2025-10' });
    const item = legacy.control.setInventory('SKU-OLD', { on_hand: 5 });
    const ref = { system: 'shopify', id: item };
    await expect(
      old.inventory.adjust(adjustment({ sku: 'SKU-OLD', expected: '5', quantity: '9', refs: [ref] }), op),
    ).resolves.toEqual({ applied: true });
    expect(legacy.control.quantity('SKU-OLD')).toBe(9);
    const stale = await failure(() =>
      old.inventory.adjust(adjustment({ sku: 'SKU-OLD', expected: '5', quantity: '1', refs: [ref] }), op),
    );
    expect(stale.vendorCode).toBe('COMPARE_QUANTITY_STALE');
    expect(stale.message).toContain('compareQuantity');
  });

  it('refuses an unknown sku and fractional units without writing', async () => {
    expect((await failure(() => shopify.inventory.adjust(adjustment({ sku: 'NOPE' }), op))).vendorCode).toBe(
      'UNKNOWN_SKU',
    );
    expect(
      (await failure(() => shopify.inventory.adjust(adjustment({ expected: '7', quantity: '1.5' }), op)))
        .vendorCode,
    ).toBe('NOT_WHOLE_UNITS');
  });
});

describe('Shopify webhooks', () => {
  const delivery = () => {
    const { order } = shop.control.addOrder({
      name: '#2001',
      lines: [{ sku: 'WH-1', quantity: 2, price: '5.00' }],
    });
    return {
      order,
      ...shop.control.webhook('orders/create', order, { webhookId: 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043' }),
    };
  };

  it("verifies the fake's signed delivery", () => {
    const { headers, body } = delivery();
    expect(shopify.webhooks.verify({ headers, rawBody: body })).toBe(true);
  });

  it("verifies a delivery signed with @shopify/shopify-api's createSHA256HMAC", async () => {
    const body = JSON.stringify({ id: 1, note: 'ünïcode ✓' });
    const hmac = await createSHA256HMAC(SECRET, body, HashFormat.Base64);
    const headers = new Headers({ 'x-shopify-hmac-sha256': hmac, 'x-shopify-topic': 'orders/updated' });
    expect(shopify.webhooks.verify({ headers, rawBody: body })).toBe(true);
  });

  it('rejects a tampered body, a wrong secret and a missing header', () => {
    const { headers, body } = delivery();
    expect(shopify.webhooks.verify({ headers, rawBody: body.replace('"quantity":2', '"quantity":20') })).toBe(
      false,
    );
    const wrong = createShopifyConnector({ shop: shop.shop, accessToken: TOKEN, apiSecret: 'shpss_other' });
    expect(wrong.webhooks.verify({ headers, rawBody: body })).toBe(false);
    const noSecret = createShopifyConnector({ shop: shop.shop, accessToken: TOKEN });
    expect(noSecret.webhooks.verify({ headers, rawBody: body })).toBe(false);
    const stripped = new Headers(headers);
    stripped.delete('x-shopify-hmac-sha256');
    expect(shopify.webhooks.verify({ headers: stripped, rawBody: body })).toBe(false);
  });

  it('parses orders/create into crossdock.order.received.v1 keyed by the webhook id', () => {
    const { order, headers, body } = delivery();
    const { deliveryId, events } = shopify.webhooks.parse({ headers, rawBody: body }, op);
    expect(deliveryId).toBe('b54557e4-bdd9-4b37-8a5f-bf7d70bcd043');
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({
      type: 'crossdock.order.received.v1',
      source: '/shopify/acme.myshopify.com',
      correlationId: 'test-shopify',
      subject: order.id,
      idempotencyKey: deliveryId,
      data: {
        order: {
          id: order.id,
          number: '#2001',
          status: 'confirmed',
          lines: [{ item: { sku: 'WH-1' }, quantity: '2', unitPrice: { amount: '5.00', currency: 'USD' } }],
          shipTo: { address: { countryCode: 'US' } },
        },
      },
    });
  });

  it('a delivery without a webhook id or with a bad body is a ConnectorError naming the field', () => {
    const { headers, body } = delivery();
    const noId = new Headers(headers);
    noId.delete('x-shopify-webhook-id');
    expect(() => shopify.webhooks.parse({ headers: noId, rawBody: body }, op)).toThrow(
      /x-shopify-webhook-id/,
    );
    let error: unknown;
    try {
      shopify.webhooks.parse({ headers, rawBody: JSON.stringify({ id: 'x' }) }, op);
    } catch (caught) {
      error = caught;
    }
    expect(isConnectorError(error) && error.vendorCode).toBe('INVALID_WEBHOOK');
    expect((error as Error).message).toMatch(/body: .*name/);
  });

  it('a topic it does not parse is refused as UNSUPPORTED_TOPIC instead of being dropped', () => {
    const { headers, body } = delivery();
    const other = new Headers(headers);
    other.set('x-shopify-topic', 'products/update');
    expect(() => shopify.webhooks.parse({ headers: other, rawBody: body }, op)).toThrow(
      expect.objectContaining({ vendorCode: 'UNSUPPORTED_TOPIC' }),
    );
  });
});

describe('Shopify errors', () => {
  it('a wrong token is a non-retryable 401 that does not carry the token', async () => {
    const badToken = 'shpat_wrong_token_0123456789';
    const connector = createShopifyConnector({ shop: shop.shop, accessToken: badToken });
    const error = await failure(() => connector.orders.list({}, op));
    expect(error).toMatchObject({
      httpStatus: 401,
      vendorCode: 'UNAUTHORIZED',
      retryable: false,
      executed: 'no',
    });
    expect(JSON.stringify(error)).not.toContain(badToken);
    expect(`${error.message} ${error.stack ?? ''} ${String(error.cause ?? '')}`).not.toContain(badToken);
  });

  it('the token never appears in any error', async () => {
    const errors: ConnectorError[] = [];
    const { fulfillmentOrder } = shop.control.addOrder({ lines: [{ sku: 'ERR-1', quantity: 1 }] });
    errors.push(await failure(() => shopify.fulfillments.create(fulfillmentOrder.id, { url: 'bad' }, op)));
    errors.push(await failure(() => shopify.inventory.adjust(adjustment({ sku: 'NOPE' }), op)));
    errors.push(await failure(() => shopify.fulfillmentOrders.get('gid://shopify/FulfillmentOrder/0', op)));
    const throttled = createShopifyConnector({ shop: tight.shop, accessToken: TOKEN, maxThrottleRetries: 0 });
    tight.bucket.drain();
    errors.push(await failure(() => throttled.orders.list({ pageSize: 2 }, op)));
    const offline = createShopifyConnector({
      shop: shop.shop,
      accessToken: TOKEN,
      fetch: () => Promise.reject(new TypeError(`fetch failed for ${TOKEN}`)),
    });
    errors.push(await failure(() => offline.orders.list({}, op)));
    for (const error of errors) {
      expect(error.system).toBe('shopify');
      const everything = `${JSON.stringify(error)} ${error.message} ${error.stack ?? ''} ${String(error.cause ?? '')}`;
      expect(everything).not.toContain(TOKEN);
    }
    expect(errors.at(-1)).toMatchObject({ retryable: true, executed: 'no' });
  });
});
