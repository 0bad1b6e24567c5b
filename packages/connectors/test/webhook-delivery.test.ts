import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type EventEnvelope, type FulfillmentRequest, FulfillmentRequestSchema } from '@crossdock/canonical';
import { ManualClock, MemoryDeadLetterStore, MemoryStore } from '@crossdock/idempotency';
import {
  createShipBobHandlers,
  SHIPBOB_DEFAULT_WEBHOOK_SECRET as DEFAULT_WEBHOOK_SECRET,
  deliverWebhooks,
  deliveryPlan,
  type WebhookDelivery,
} from '@crossdock/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createShipBobConnector, shipbobRateLimiter } from '../src/shipbob/index.js';
import { createWebhookReceiver, type WebhookReceiver } from '../src/webhooks/index.js';

const TOKEN = 'sb-secret-token-webhook-delivery';
const clock = new ManualClock(Date.parse('2026-11-25T12:00:00Z'));
const fake = createShipBobHandlers({ token: TOKEN, now: () => clock.now() });
// msw only serves the ShipBob API (to create orders); the receiver is a real socket, so bypass it.
const api = setupServer(...fake);
const op = { correlationId: 'corr-delivery' };

const shipbob = createShipBobConnector({
  token: TOKEN,
  channelId: 4242,
  webhookSecrets: [DEFAULT_WEBHOOK_SECRET],
  rateLimiter: shipbobRateLimiter({ clock }),
  sleep: (ms) => clock.sleep(ms),
});

function request(id: string): FulfillmentRequest {
  return FulfillmentRequestSchema.parse({
    id,
    orderNumber: id.replace('WH/OUT/', 'S'),
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

/** Releases an order to the fake ShipBob, ships it and returns the signed `order.shipped` delivery. */
async function shipped(id: string, lot = 'LOT-A'): Promise<WebhookDelivery> {
  const { ref } = await shipbob.fulfillment.release(request(id), { ...op, idempotencyKey: `release:${id}` });
  return fake.control.ship(ref.id, { lines: [{ sku: 'MUG-1', quantity: 2, lot }] });
}

// The receiver under test, behind a real node:http server; rebuilt per test with fresh stores.
let deadLetters: MemoryDeadLetterStore;
let handled: { deliveryId: string; events: readonly EventEnvelope[] }[];
let errors: unknown[];
let receive: WebhookReceiver;

function receiver(): WebhookReceiver {
  return createWebhookReceiver({
    source: 'shipbob.webhook',
    verify: (webhook) => shipbob.webhooks.verify(webhook, { now: new Date(clock.now()) }),
    parse: (webhook) => shipbob.webhooks.parse(webhook, op),
    store: new MemoryStore(),
    deadLetters,
    handle: async (events, { deliveryId }) => {
      handled.push({ deliveryId, events });
    },
    onError: (error) => errors.push(error),
  });
}

/** Adapts a Node request to a Fetch `Request`, runs the receiver and writes its `Response` back. */
async function adapt(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const method = req.method ?? 'GET';
  const response = await receive(
    new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`, {
      method,
      headers,
      ...(method === 'GET' || method === 'HEAD' ? {} : { body: Buffer.concat(chunks) }),
    }),
  );
  res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
  res.end(Buffer.from(await response.arrayBuffer()));
}

let server: Server;
let url: string;

beforeAll(async () => {
  api.listen({ onUnhandledFrame: 'bypass' });
  server = createServer((req, res) => {
    adapt(req, res).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/shipbob`;
});

beforeEach(() => {
  fake.control.reset();
  deadLetters = new MemoryDeadLetterStore();
  handled = [];
  errors = [];
  receive = receiver();
});

afterAll(async () => {
  api.close();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

describe('deliveryPlan', () => {
  it('sends copies in rounds, reversed, or in a seeded shuffle', () => {
    expect(deliveryPlan(3, { duplicate: 2 }).map((p) => p.delivery)).toEqual([0, 1, 2, 0, 1, 2]);
    expect(deliveryPlan(3, { duplicate: 2, order: 'reversed' }).map((p) => [p.delivery, p.copy])).toEqual([
      [2, 1],
      [1, 1],
      [0, 1],
      [2, 0],
      [1, 0],
      [0, 0],
    ]);
    const shuffled = deliveryPlan(3, { duplicate: 2, order: 'shuffled', seed: 42 });
    expect(deliveryPlan(3, { duplicate: 2, order: 'shuffled', seed: 42 })).toEqual(shuffled);
    expect(shuffled.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect([...shuffled].map((p) => `${p.delivery}:${p.copy}`).sort()).toEqual([
      '0:0',
      '0:1',
      '1:0',
      '1:1',
      '2:0',
      '2:1',
    ]);
    expect(() => deliveryPlan(1, { duplicate: 0 })).toThrow(RangeError);
  });
});

describe('deliverWebhooks → createWebhookReceiver over a real socket (ShipBob)', () => {
  it('handles each of three shipments exactly once when each is delivered twice, shuffled', async () => {
    const ids = ['WH/OUT/00101', 'WH/OUT/00102', 'WH/OUT/00103'];
    const deliveries: WebhookDelivery[] = [];
    for (const id of ids) deliveries.push(await shipped(id));

    const results = await deliverWebhooks(deliveries, { url, duplicate: 2, order: 'shuffled', seed: 42 });

    expect(results).toHaveLength(6);
    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200, 200, 200]);
    // really out of order: not the plain round-by-round order
    expect(results.map((result) => result.delivery)).not.toEqual([0, 1, 2, 0, 1, 2]);
    expect(handled).toHaveLength(3);
    expect(handled.map((h) => h.deliveryId).sort()).toEqual(
      deliveries.map((d) => d.headers['webhook-id']).sort(),
    );
    expect(handled.flatMap((h) => h.events.map((event) => event.subject)).sort()).toEqual(ids);
    expect((await deadLetters.list()).items).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('accepts a late delivery within the tolerance and refuses one past it', async () => {
    const late = await shipped('WH/OUT/00201');
    const tooLate = await shipped('WH/OUT/00202');
    const advance = async (ms: number) => {
      await clock.advance(ms);
    };

    const [accepted] = await deliverWebhooks([late], { url, delayMs: 4 * 60_000, sleep: advance });
    expect(accepted).toMatchObject({ status: 200, delayedMs: 240_000 });
    expect(handled).toHaveLength(1);

    // tooLate was signed 4 minutes ago already; 2 more minutes puts it past the 300 s tolerance
    const [refused] = await deliverWebhooks([tooLate], { url, delayMs: 2 * 60_000, sleep: advance });
    expect(refused?.status).toBe(401);
    expect(handled).toHaveLength(1);
  });

  it('waits a real delay before sending, and the delivery is still accepted', async () => {
    const delivery = await shipped('WH/OUT/00301');
    const started = performance.now();
    const results = await deliverWebhooks([delivery], { url, delayMs: (index) => (index === 0 ? 150 : 0) });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(results.map((result) => result.status)).toEqual([200]);
    expect(handled).toHaveLength(1);
  });

  it('answers 401 to a tampered copy and does not handle it, while the genuine one is handled', async () => {
    const genuine = await shipped('WH/OUT/00401', 'LOT-A');
    const tampered: WebhookDelivery = {
      headers: genuine.headers,
      body: genuine.body.replace('LOT-A', 'LOT-Z'),
    };
    expect(tampered.body).not.toBe(genuine.body);

    const results = await deliverWebhooks([tampered, genuine], { url });
    expect(results.map((result) => result.status)).toEqual([401, 200]);
    expect(handled).toHaveLength(1);
    const data = handled[0]?.events[0]?.data as { shipment: { contents: { lot?: { number: string } }[] } };
    expect(data.shipment.contents[0]?.lot?.number).toBe('LOT-A');
    expect((await deadLetters.list()).items).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('stops when the signal aborts', async () => {
    const delivery = await shipped('WH/OUT/00501');
    const controller = new AbortController();
    const pending = deliverWebhooks([delivery], { url, delayMs: 10_000, signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    expect(handled).toHaveLength(0);
  });
});
