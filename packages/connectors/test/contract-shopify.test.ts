import { createHmac } from 'node:crypto';
import { ManualClock } from '@crossdock/idempotency';
import { createShopifyHandlers } from '@crossdock/testing';
import { runConnectorContract } from '@crossdock/testing/contract';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createShopifyConnector } from '../src/shopify/index.js';

// Shopify
const SHOPIFY_TOKEN = 'shpat_contract_token_9f3b';
const SHOPIFY_SECRET = 'shpss_contract_secret';
const shop = createShopifyHandlers({
  shop: 'contract.myshopify.com',
  accessToken: SHOPIFY_TOKEN,
  apiSecret: SHOPIFY_SECRET,
  bucket: { maximumAvailable: 2000, restoreRate: 1000 },
});
const shopify = createShopifyConnector({
  shop: shop.shop,
  accessToken: SHOPIFY_TOKEN,
  apiSecret: SHOPIFY_SECRET,
});

// Rate limit: its own shop and connector, both counting on one ManualClock that the suite moves.
// The bucket is what a shop on a standard plan answers (maximumAvailable 2000, restoreRate 100; the
// published standard rate is 100 points a second). `orders.list` of 12 orders with 20 lines each
// requests and costs 2 + 12 × 64 = 770 points by the reference's rules, so a burst of 8 (6160
// points) is three buckets' worth, and a throttle's 7 s deficit (700 points) fits in one query.
const clock = new ManualClock(Date.parse('2026-11-25T12:00:00Z'));
const limitedShop = createShopifyHandlers({
  shop: 'limits.myshopify.com',
  accessToken: SHOPIFY_TOKEN,
  bucket: { maximumAvailable: 2000, restoreRate: 100, clock },
});
for (let i = 0; i < 12; i++) {
  limitedShop.control.addOrder({
    lines: Array.from({ length: 20 }, (_, line) => ({ sku: `RL-${i}-${line}`, quantity: 1 })),
  });
}
const limited = createShopifyConnector({ shop: limitedShop.shop, accessToken: SHOPIFY_TOKEN, clock });

const server = setupServer(...shop, ...limitedShop);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function shopifyDelivery(secret = SHOPIFY_SECRET) {
  const { order } = shop.control.addOrder({ lines: [{ sku: 'WH-1', quantity: 2 }] });
  const { headers, body } = shop.control.webhook('orders/create', order);
  const signed = new Headers(headers);
  signed.set('x-shopify-hmac-sha256', createHmac('sha256', secret).update(body, 'utf8').digest('base64'));
  return { headers: signed, rawBody: body };
}

runConnectorContract({
  name: 'Shopify',
  connector: shopify,
  secrets: [SHOPIFY_TOKEN, SHOPIFY_SECRET],
  fake: {
    webhooks: {
      secret: SHOPIFY_SECRET,
      signedWebhook: (secret) => shopifyDelivery(secret),
      requiredHeaders: ['x-shopify-hmac-sha256'],
      malformedWebhook: () => {
        const { headers } = shopifyDelivery();
        return { webhook: { headers, rawBody: JSON.stringify({ id: 'x' }) }, field: 'name' };
      },
    },
    pagination: {
      list: { operation: 'orders.list', args: [{ pageSize: 3 }] },
      insert(n) {
        for (let i = 0; i < n; i++) shop.control.addOrder({ lines: [{ sku: `PG-${i}`, quantity: 1 }] });
      },
    },
    badPayload() {
      server.use(
        http.post(
          shop.endpoint,
          () =>
            HttpResponse.json({
              data: {
                orders: {
                  nodes: [{ id: 'gid://shopify/Order/1', name: 42 }],
                  pageInfo: { hasNextPage: false, endCursor: null },
                },
              },
            }),
          { once: true },
        ),
      );
      return { operation: 'orders.list', field: 'orders.nodes[0].name' };
    },
    leakyFailure() {
      server.use(
        http.post(
          shop.endpoint,
          () =>
            HttpResponse.json(
              { errors: `[API] Invalid API key or access token ${SHOPIFY_TOKEN}` },
              { status: 401 },
            ),
          { once: true },
        ),
      );
      return { operation: 'orders.list' };
    },
  },
});

runConnectorContract({
  name: 'Shopify (rate limit)',
  connector: limited,
  secrets: [SHOPIFY_TOKEN],
  fake: {
    reset: () => limitedShop.resetLog(),
    rateLimit: {
      call: { operation: 'orders.list', args: [{ pageSize: 12 }] },
      burst: 8,
      clock,
      refusals: () => limitedShop.bucket.throttled,
      refuseNext: (ms) => limitedShop.bucket.throttleNext(ms),
      requestTimes: () => limitedShop.requests.map((request) => request.at),
    },
  },
});
