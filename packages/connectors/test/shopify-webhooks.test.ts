import type { EventEnvelope } from '@crossdock/canonical';
import { ManualClock, MemoryDeadLetterStore, MemoryStore } from '@crossdock/idempotency';
import { createShopifyHandlers, deliverWebhooks } from '@crossdock/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConnectorError, isConnectorError } from '../src/contract/errors.js';
import { createShopifyConnector, SHOPIFY_WEBHOOK_TOPICS } from '../src/shopify/index.js';
import { createWebhookReceiver } from '../src/webhooks/index.js';

const TOKEN = 'shpat_webhooks_token';
const SECRET = 'shpss_webhooks_secret';
const op = { correlationId: 'test-shopify-webhooks' };
const clock = new ManualClock(Date.parse('2026-11-25T12:00:00Z'));
const shop = createShopifyHandlers({
  shop: 'hooks.myshopify.com',
  accessToken: TOKEN,
  apiSecret: SECRET,
  bucket: { maximumAvailable: 20_000, restoreRate: 1000, clock },
});
const shopify = createShopifyConnector({ shop: shop.shop, accessToken: TOKEN, apiSecret: SECRET, clock });
const server = setupServer(...shop);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

const inbound = (delivery: { headers: Headers; body: string }) => ({
  headers: delivery.headers,
  rawBody: delivery.body,
});

function parseError(run: () => unknown): ConnectorError {
  try {
    run();
  } catch (error) {
    if (isConnectorError(error)) return error;
    throw error;
  }
  throw new Error('expected a ConnectorError');
}

describe('Shopify webhook topics', () => {
  it('orders/create becomes crossdock.order.received.v1 carrying the order as a SalesOrder', () => {
    const { order, delivery } = shop.control.addOrder({
      name: '#3001',
      lines: [{ sku: 'HOOK-1', quantity: 2, price: '5.00' }],
    });
    expect(shopify.webhooks.verify(inbound(delivery))).toBe(true);
    const { deliveryId, topic, events } = shopify.webhooks.parse(inbound(delivery), op);
    expect(topic).toBe('orders/create');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'crossdock.order.received.v1',
      source: '/shopify/hooks.myshopify.com',
      subject: order.id,
      idempotencyKey: deliveryId,
      correlationId: op.correlationId,
      data: {
        order: {
          id: order.id,
          number: '#3001',
          status: 'confirmed',
          channel: 'shopify:hooks.myshopify.com',
          lines: [{ item: { sku: 'HOOK-1' }, quantity: '2', unitPrice: { amount: '5.00', currency: 'USD' } }],
          refs: [{ system: 'shopify', account: shop.shop, id: order.id }],
        },
      },
    });
  });

  it('orders/cancelled becomes crossdock.order.cancelled.v1 with the order ref, number, reason and time', async () => {
    const { order, fulfillmentOrder } = shop.control.addOrder({ name: '#3002' });
    await clock.advance(60_000);
    const { delivery } = shop.control.cancelOrder(order.id, { reason: 'customer' });
    expect(shopify.webhooks.verify(inbound(delivery))).toBe(true);
    const { deliveryId, topic, events } = shopify.webhooks.parse(inbound(delivery), op);
    expect(topic).toBe('orders/cancelled');
    expect(events).toEqual([
      expect.objectContaining({
        type: 'crossdock.order.cancelled.v1',
        subject: order.id,
        idempotencyKey: deliveryId,
        data: {
          orderRef: { system: 'shopify', account: shop.shop, id: order.id },
          orderNumber: '#3002',
          reason: 'customer',
          cancelledAt: new Date(clock.now()).toISOString(),
        },
      }),
    ]);
    // the shop cancelled the order's fulfillment order too: what was not shipped is cancelled (IC)
    const request = await shopify.fulfillmentOrders.get(fulfillmentOrder.id, op);
    expect(request.lines[0]?.ledger).toMatchObject({ ordered: '1', shipped: '0', cancelled: '1' });
    expect(request.lines[0]?.differences).toEqual([{ reason: 'IC', quantity: '1' }]);
  });

  it("a merchant's cancellation request becomes crossdock.order.cancelled.v1 naming the fulfillment order", async () => {
    const { fulfillmentOrder } = shop.control.addOrder({
      fulfillment: { status: 'IN_PROGRESS', requestStatus: 'ACCEPTED' },
    });
    const { delivery } = shop.control.requestCancellation(fulfillmentOrder.id, {
      message: 'Customer changed their mind',
    });
    expect(shopify.webhooks.verify(inbound(delivery))).toBe(true);
    const { topic, events } = shopify.webhooks.parse(inbound(delivery), op);
    expect(topic).toBe('fulfillment_orders/cancellation_request_submitted');
    expect(events[0]).toMatchObject({
      type: 'crossdock.order.cancelled.v1',
      subject: fulfillmentOrder.id,
      data: {
        orderRef: { system: 'shopify', account: shop.shop, id: fulfillmentOrder.id },
        reason: `the merchant requested cancellation of fulfillment order ${fulfillmentOrder.id}: Customer changed their mind`,
        cancelledAt: new Date(clock.now()).toISOString(),
      },
    });
    // the request is on the canonical handshake until the service answers it
    expect((await shopify.fulfillmentOrders.get(fulfillmentOrder.id, op)).handshake).toBe('cancel_requested');
  });

  it('a topic the connector does not parse is refused as UNSUPPORTED_TOPIC naming the header, not dropped', () => {
    const { order } = shop.control.addOrder();
    const delivery = shop.control.sign('orders/updated', JSON.stringify({ id: order.legacyId }));
    expect(shopify.webhooks.verify(inbound(delivery))).toBe(true);
    const error = parseError(() => shopify.webhooks.parse(inbound(delivery), op));
    expect(error).toMatchObject({
      system: 'shopify',
      operation: 'webhooks.parse',
      vendorCode: 'UNSUPPORTED_TOPIC',
      retryable: false,
    });
    expect(error.message).toContain('x-shopify-topic: orders/updated');
    expect(SHOPIFY_WEBHOOK_TOPICS).toEqual([
      'orders/create',
      'orders/cancelled',
      'fulfillment_orders/cancellation_request_submitted',
    ]);
  });

  it('a cancellation with an unreadable cancelled_at is a ConnectorError naming the field', () => {
    const delivery = shop.control.sign(
      'orders/cancelled',
      JSON.stringify({
        admin_graphql_api_id: 'gid://shopify/Order/1',
        name: '#1',
        cancelled_at: 'yesterday',
      }),
    );
    const error = parseError(() => shopify.webhooks.parse(inbound(delivery), op));
    expect(error.vendorCode).toBe('INVALID_WEBHOOK');
    expect(error.message).toContain('cancelled_at');
  });
});

describe('Shopify webhooks through the receiver', () => {
  it('delivers each topic once however often Shopify sends it, and keeps an unknown topic as a dead letter', async () => {
    const handled: EventEnvelope[] = [];
    const deadLetters = new MemoryDeadLetterStore();
    const receive = createWebhookReceiver({
      source: 'shopify.webhook',
      verify: (webhook) => shopify.webhooks.verify(webhook),
      parse: (webhook) => shopify.webhooks.parse(webhook, op),
      store: new MemoryStore(),
      deadLetters,
      handle: async (events) => {
        handled.push(...events);
      },
    });
    const { order, delivery: created } = shop.control.addOrder();
    const { delivery: cancelled } = shop.control.cancelOrder(order.id);
    const unknown = shop.control.sign('products/update', JSON.stringify({ id: 1 }));
    const results = await deliverWebhooks([created.delivery, cancelled.delivery, unknown.delivery], {
      url: 'https://receiver.test/webhooks/shopify',
      fetch: (url, init) => receive(new Request(url, init)),
      duplicate: 2,
      order: 'shuffled',
      seed: 7,
    });
    const statusOf = (topic: string) =>
      results
        .filter(
          (result) =>
            [created, cancelled, unknown][result.delivery]?.delivery.headers['x-shopify-topic'] === topic,
        )
        .map((result) => result.status);
    expect(statusOf('orders/create')).toEqual([200, 200]);
    expect(statusOf('orders/cancelled')).toEqual([200, 200]);
    expect(statusOf('products/update')).toEqual([400, 400]);
    expect(handled.map((event) => event.type).sort()).toEqual([
      'crossdock.order.cancelled.v1',
      'crossdock.order.received.v1',
    ]);
    const letters = (await deadLetters.list()).items;
    expect(letters).toHaveLength(1);
    expect(letters[0]?.payload).toBe(unknown.body);
  });
});

describe('the fake shop plays the channel', () => {
  it('stock the shop changes (a sale, a correction) shows in the next inventory read', async () => {
    shop.control.setInventory('CHANNEL-1', { available: 10, committed: 0, on_hand: 10 });
    shop.control.adjustStock('CHANNEL-1', -4);
    shop.control.adjustStock('CHANNEL-1', 1, { name: 'damaged' });
    const { items } = await shopify.inventory.levels({ skus: ['CHANNEL-1'] }, op);
    expect(items[0]?.quantities).toMatchObject({
      available: '6',
      onHand: '7',
      unavailable: { damaged: '1' },
    });
  });
});
