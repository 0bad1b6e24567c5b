import { type FulfillmentRequest, FulfillmentRequestSchema } from '@crossdock/canonical';
import { ManualClock } from '@crossdock/idempotency';
import {
  createShipBobHandlers,
  SHIPBOB_DEFAULT_WEBHOOK_SECRET,
  shipbob as shipbobFake,
} from '@crossdock/testing';
import { runConnectorContract } from '@crossdock/testing/contract';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createShipBobConnector } from '../src/shipbob/index.js';

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

// Rate limit: its own fake (on the sandbox host) and connector, both counting on one ManualClock that
// the suite moves; the main subject above stays on real time for fresh webhook timestamps.
const clock = new ManualClock(Date.parse('2026-11-25T12:00:00Z'));
const limitedHandlers = createShipBobHandlers({
  baseUrl: 'https://sandbox-api.shipbob.com',
  token: SHIPBOB_TOKEN,
  clock,
});
const limited = createShipBobConnector({
  baseUrl: 'https://sandbox-api.shipbob.com',
  token: SHIPBOB_TOKEN,
  channelId: 4242,
  clock,
});

const server = setupServer(...shipbobHandlers, ...limitedHandlers);
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
  name: 'ShipBob (rate limit)',
  connector: limited,
  secrets: [SHIPBOB_TOKEN],
  fake: {
    reset: () => limitedHandlers.control.reset(),
    rateLimit: {
      call: { operation: 'inventory.levels', args: [{}] },
      burst: 200,
      clock,
      refusals: () => limitedHandlers.control.refusals,
      refuseNext: (ms) => limitedHandlers.control.refuseNext(ms),
      requestTimes: () => limitedHandlers.control.requests.map((request) => request.at),
    },
  },
});
