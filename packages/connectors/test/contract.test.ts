import { createHmac } from 'node:crypto';
import { type FulfillmentRequest, FulfillmentRequestSchema } from '@crossdock/canonical';
import { createOdooClient, x2many } from '@crossdock/odoo-client';
import {
  createEasyPostHandlers,
  createFakeOdooEngine,
  createOdooHandlers,
  createShipBobHandlers,
  createShopifyHandlers,
  SHIPBOB_DEFAULT_WEBHOOK_SECRET,
  shipbob as shipbobFake,
} from '@crossdock/testing';
import { runConnectorContract } from '@crossdock/testing/contract';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createEasyPostConnector } from '../src/easypost/index.js';
import { createOdooConnector } from '../src/odoo/index.js';
import { createShipBobConnector } from '../src/shipbob/index.js';
import { createShopifyConnector } from '../src/shopify/index.js';

const op = { correlationId: 'contract-setup' };

// ShipBob: the fake's clock is real time, so Standard Webhooks timestamps are fresh.
const SHIPBOB_TOKEN = 'sb-contract-token-7d1e';
const shipbobHandlers = createShipBobHandlers({ token: SHIPBOB_TOKEN });
const shipbob = createShipBobConnector({
  token: SHIPBOB_TOKEN,
  channelId: 4242,
  webhookSecrets: [SHIPBOB_DEFAULT_WEBHOOK_SECRET],
  pageSize: 2,
});

// EasyPost
const EASYPOST_KEY = 'EZTK_contract_key_do_not_leak';
const EASYPOST_SECRET = 'whsec-easypost-contract';
const easypostFake = createEasyPostHandlers({ apiKey: EASYPOST_KEY, webhookSecret: EASYPOST_SECRET });
const easypost = createEasyPostConnector({ apiKey: EASYPOST_KEY, webhookSecret: EASYPOST_SECRET });

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

// Odoo
const ODOO_URL = 'http://odoo-contract.test';
const ODOO_KEY = '<api-key>';
const engine = createFakeOdooEngine({ version: 19, seed: 'recordings', now: () => '2026-11-25 12:00:00' });
const odooHandlers = createOdooHandlers({ url: ODOO_URL, version: 19, engine });
const odooClient = createOdooClient({ url: ODOO_URL, db: 'odoo', auth: { apiKey: ODOO_KEY }, retry: false });
const odoo = createOdooConnector({ client: odooClient });

const server = setupServer(...shipbobHandlers, ...easypostFake.handlers, ...shop, ...odooHandlers);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let sequence = 0;

function fulfillmentRequest(id = `CT/OUT/${++sequence}`): FulfillmentRequest {
  return FulfillmentRequestSchema.parse({
    id,
    orderNumber: `S-${id}`,
    warehouse: { id: 'shipbob' },
    shipTo: {
      name: 'Ada Lovelace',
      address: {
        lines: ['100 N Racine Ave'],
        city: 'Chicago',
        region: 'IL',
        postalCode: '60607',
        countryCode: 'US',
      },
    },
    lines: [{ lineId: 'l1', item: { sku: 'MUG-1', name: 'Mug' }, uom: 'EA', ledger: { ordered: '2' } }],
    createdAt: '2026-11-25T11:00:00Z',
  });
}

/** Releases a request and ships it in the fake: one more shipment for `shipments.list`. */
async function shippedShipBobOrder(): Promise<{
  readonly headers: Record<string, string>;
  readonly body: string;
}> {
  const request = fulfillmentRequest();
  const { ref } = await shipbob.fulfillment.release(request, { ...op, idempotencyKey: request.id });
  return shipbobHandlers.control.ship(ref.id, { lines: [{ sku: 'MUG-1', quantity: 2 }] });
}

runConnectorContract({
  name: 'ShipBob',
  connector: shipbob,
  secrets: [SHIPBOB_TOKEN, SHIPBOB_DEFAULT_WEBHOOK_SECRET],
  fake: {
    reset: () => shipbobHandlers.control.reset(),
    sampleRequest: () => fulfillmentRequest(),
    ordersInFake: () => shipbobHandlers.control.orders().length,
    requestsSeen: () => shipbobHandlers.control.requests.length,
    webhooks: {
      secret: SHIPBOB_DEFAULT_WEBHOOK_SECRET,
      signedWebhook(secret = SHIPBOB_DEFAULT_WEBHOOK_SECRET) {
        const body = JSON.stringify({ id: 1, reference_id: 'CT/OUT/0', products: [] });
        const signed = shipbobFake.signDelivery(secret, 'order.shipped', body, new Date());
        return { headers: new Headers(signed.headers), rawBody: signed.body };
      },
      requiredHeaders: ['webhook-id', 'webhook-timestamp', 'webhook-signature'],
      timestamp: { now: () => new Date(), toleranceMs: 300_000 },
      async malformedWebhook() {
        const delivery = await shippedShipBobOrder();
        const body = JSON.parse(delivery.body) as { products: { reference_id: unknown }[] };
        body.products[0] = { ...body.products[0], reference_id: 42 };
        const signed = shipbobFake.signDelivery(
          SHIPBOB_DEFAULT_WEBHOOK_SECRET,
          'order.shipped',
          JSON.stringify(body),
          new Date(),
        );
        return {
          webhook: { headers: new Headers(signed.headers), rawBody: signed.body },
          field: 'products[0].reference_id',
        };
      },
    },
    pagination: {
      list: { operation: 'shipments.list' },
      async insert(n) {
        for (let i = 0; i < n; i++) await shippedShipBobOrder();
      },
    },
    badPayload() {
      shipbobHandlers.control.respondWith(
        {
          status: 200,
          body: { items: [{ inventory_id: 1, sku: 'X', total_on_hand_quantity: 'lots' }], next: null },
        },
        { pathSuffix: '/inventory-level' },
      );
      return { operation: 'inventory.levels', field: 'items[0].total_on_hand_quantity' };
    },
    leakyFailure() {
      shipbobHandlers.control.respondWith({
        status: 401,
        body: { title: `Unauthorized: Bearer ${SHIPBOB_TOKEN}` },
      });
      return { operation: 'fulfillment.get', args: [{ system: 'shipbob', id: '1' }] };
    },
  },
});

runConnectorContract({
  name: 'EasyPost',
  connector: easypost,
  secrets: [EASYPOST_KEY, EASYPOST_SECRET],
  fake: {
    webhooks: {
      secret: EASYPOST_SECRET,
      signedWebhook(secret = EASYPOST_SECRET) {
        const body = '{"id":"evt_contract","object":"Event","description":"batch.created","result":{}}';
        const signed = easypostFake.control.sign(body, secret);
        return { headers: new Headers(signed.headers), rawBody: signed.body };
      },
      requiredHeaders: ['x-hmac-signature'],
      malformedWebhook: () => ({
        webhook: {
          headers: new Headers(),
          rawBody:
            '{"id":"evt_2","description":"tracker.updated","result":{"id":"trk_1","carrier":"USPS","status":"delivered","updated_at":"2026-11-25T12:00:00Z"}}',
        },
        field: 'event.result.tracking_code',
      }),
    },
    badPayload() {
      server.use(
        http.get(
          `${easypostFake.baseUrl}/trackers`,
          () =>
            HttpResponse.json({
              trackers: [
                { id: 'trk_1', tracking_code: 'EZ1', carrier: 'USPS', updated_at: '2026-11-25T12:00:00Z' },
              ],
            }),
          { once: true },
        ),
      );
      return { operation: 'tracking.get', args: ['EZ1'], field: 'trackers.0.status' };
    },
    leakyFailure() {
      server.use(
        http.get(
          `${easypostFake.baseUrl}/trackers`,
          () =>
            HttpResponse.json(
              { error: { code: 'APIKEY.INACTIVE', message: `bad key ${EASYPOST_KEY}`, errors: [] } },
              { status: 401 },
            ),
          { once: true },
        ),
      );
      return { operation: 'tracking.get', args: ['EZ1'] };
    },
  },
});

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

let odooProduct: number | undefined;

/** Creates and confirms `n` sale orders in the fake Odoo. */
async function odooOrders(n: number): Promise<void> {
  if (odooProduct === undefined) {
    [odooProduct] = (await odooClient
      .model('product.product')
      .create({ name: 'Contract product', default_code: 'CT-1', type: 'consu' })) as [number];
  }
  const [partner] = (await odooClient
    .model('res.partner')
    .create({ name: 'Contract Customer', street: '1 Main St', city: 'Springfield', country_id: 233 })) as [
    number,
  ];
  for (let i = 0; i < n; i++) {
    const [orderId] = (await odooClient.model('sale.order').create({
      partner_id: partner,
      order_line: [x2many.create({ product_id: odooProduct, product_uom_qty: 1 })],
    })) as [number];
    await odooClient.model('sale.order').call('action_confirm', { ids: [orderId] });
  }
}

runConnectorContract({
  name: 'Odoo',
  connector: odoo,
  secrets: [ODOO_KEY],
  fake: {
    pagination: { list: { operation: 'orders.list', args: [{ pageSize: 3 }] }, insert: odooOrders },
  },
});
