import {
  type EventEnvelope,
  type FulfillmentRequest,
  FulfillmentRequestSchema,
  ReturnSchema,
} from '@crossdock/canonical';
import { ManualClock, MemoryDeadLetterStore, MemoryStore } from '@crossdock/idempotency';
import {
  createShipBobHandlers,
  deliverWebhooks,
  SHIPBOB_DEFAULT_WEBHOOK_SECRET,
  shipbob as shipbobFake,
  type WebhookDelivery,
} from '@crossdock/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError } from '../src/contract/errors.js';
import { createShipBobConnector } from '../src/shipbob/index.js';
import { createWebhookReceiver } from '../src/webhooks/index.js';

const TOKEN = 'sb-warehouse-token-3b7e';
const clock = new ManualClock(Date.parse('2026-11-25T12:00:00Z'));
const fake = createShipBobHandlers({ token: TOKEN, clock });
const server = setupServer(...fake);
const op = { correlationId: 'corr-warehouse' };
const shipbob = createShipBobConnector({
  token: TOKEN,
  channelId: 4242,
  clock,
  webhookSecrets: [SHIPBOB_DEFAULT_WEBHOOK_SECRET],
  returnsFulfillmentCenterId: 7,
});

function request(id: string): FulfillmentRequest {
  return FulfillmentRequestSchema.parse({
    id,
    warehouse: { id: 'shipbob' },
    shipTo: {
      name: 'Ada Lovelace',
      address: { lines: ['100 N Racine Ave'], city: 'Chicago', region: 'IL', countryCode: 'US' },
    },
    lines: [
      { lineId: 'l1', item: { sku: 'MUG-1' }, uom: 'EA', ledger: { ordered: '3' } },
      { lineId: 'l2', item: { sku: 'TEE-M' }, uom: 'EA', ledger: { ordered: '1' } },
    ],
    createdAt: '2026-11-25T11:00:00Z',
  });
}

async function released(id: string): Promise<string> {
  const { ref } = await shipbob.fulfillment.release(request(id), { ...op, idempotencyKey: id });
  return ref.id;
}

const webhook = (delivery: WebhookDelivery) => ({
  headers: new Headers(delivery.headers),
  rawBody: delivery.body,
});

/** Verifies (as a receiver would, at the fake's time) and parses a delivery. */
function parsed(delivery: WebhookDelivery) {
  expect(shipbob.webhooks.verify(webhook(delivery), { now: new Date(clock.now()) })).toBe(true);
  return shipbob.webhooks.parse(webhook(delivery), op);
}

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
beforeEach(() => {
  fake.control.reset();
  fake.control.changeStock('MUG-1', { onHand: 10, fulfillable: 10 });
  fake.control.changeStock('TEE-M', { onHand: 1, fulfillable: 1 });
});
afterAll(() => server.close());

describe('the fake warehouse and the webhooks it sends', () => {
  it('closing an order short delivers order.shipped and order.shipment.cancelled: shipment.confirmed, then short_shipped (IC)', async () => {
    const orderId = await released('WH/OUT/7001');
    const [shipped, cancelled] = fake.control.shortClose(orderId, {
      lines: [{ sku: 'MUG-1', quantity: 2, lot: 'LOT-A' }],
    });
    expect([shipped.headers['x-webhook-topic'], cancelled.headers['x-webhook-topic']]).toEqual([
      'order.shipped',
      'order.shipment.cancelled',
    ]);
    expect(parsed(shipped).events.map((event) => event.type)).toEqual(['crossdock.shipment.confirmed.v1']);
    const { events, handled } = parsed(cancelled);
    expect(handled).toBe(true);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'crossdock.shipment.short_shipped.v1',
      subject: 'WH/OUT/7001',
      idempotencyKey: cancelled.headers['webhook-id'],
      data: {
        requestId: 'WH/OUT/7001',
        lines: [
          { lineId: 'MUG-1', ordered: '1', shipped: '0', short: '1', reason: 'IC' },
          { lineId: 'TEE-M', ordered: '1', shipped: '0', short: '1', reason: 'IC' },
        ],
      },
    });
    const order = fake.control.orders()[0];
    expect(order?.shipments.map((shipment) => shipment.status)).toEqual(['Completed', 'Cancelled']);
    const listed = await shipbob.shipments.list({}, op);
    expect(listed.items.map((shipment) => shipment.contents.map((c) => [c.item.sku, c.quantity]))).toEqual([
      [['MUG-1', '2']],
    ]);
    expect(() => fake.control.shortClose(orderId, { lines: [{ sku: 'TEE-M', quantity: 1 }] })).toThrow(
      /nothing left/,
    );
  });

  it('raising an exception delivers order.shipment.exception: exception.raised with the shortage', async () => {
    const orderId = await released('WH/OUT/7002');
    const delivery = fake.control.raiseException(orderId, { sku: 'TEE-M', committed: 0 });
    expect(delivery.headers['x-webhook-topic']).toBe('order.shipment.exception');
    const [event] = parsed(delivery).events;
    expect(event).toMatchObject({
      type: 'crossdock.exception.raised.v1',
      subject: 'WH/OUT/7002',
      data: {
        code: 'shipbob.OutOfStock',
        severity: 'error',
        entity: { type: 'fulfillment_request', id: 'WH/OUT/7002' },
        details: { orderId, status: 'Exception', shortages: [{ sku: 'TEE-M', quantity: 1, committed: 0 }] },
      },
    });
    expect(fake.control.orders()[0]?.status).toBe('Exception');
    // The exception does not stop a cancel: nothing has shipped.
    expect(await shipbob.fulfillment.cancel({ system: 'shipbob', id: orderId }, op)).toEqual({
      handshake: 'cancel_accepted',
    });
    const cancel = fake.control.requests.find((r) => r.method === 'POST' && r.url.endsWith(':cancel'));
    expect(cancel?.url).toBe(`https://api.shipbob.com/2026-07/order/${orderId}:cancel`);
  });

  it('an order on hold is an exception of severity warning', async () => {
    const orderId = await released('WH/OUT/7003');
    const exception = fake.control.raiseException(orderId, {
      name: 'InvalidAddress',
      description: 'The address could not be validated.',
    });
    const body = JSON.parse(exception.body) as object;
    const onHold = shipbobFake.signDelivery(
      SHIPBOB_DEFAULT_WEBHOOK_SECRET,
      'order.shipment.on_hold',
      JSON.stringify({ ...body, status: 'OnHold' }),
      new Date(clock.now()),
    );
    expect(parsed(onHold).events[0]?.data).toMatchObject({
      code: 'shipbob.InvalidAddress',
      severity: 'warning',
      message: 'The address could not be validated.',
    });
  });

  it('receiving a return delivers return.completed: return.received, and restocked units are on hand again', async () => {
    const ret = ReturnSchema.parse({
      id: 'ret-1',
      rma: 'RMA-7004',
      state: 'authorized',
      lines: [{ lineId: 'r1', item: { sku: 'MUG-1' }, uom: 'EA', expected: '2', disposition: 'restock' }],
      createdAt: '2026-11-25T11:00:00Z',
    });
    const { ref } = await shipbob.returns.create(ret, op);
    const delivery = fake.control.receiveReturn(ref.id);
    expect(delivery.headers['x-webhook-topic']).toBe('return.completed');
    const [event] = parsed(delivery).events;
    expect(event).toMatchObject({
      type: 'crossdock.return.received.v1',
      subject: 'RMA-7004',
      data: {
        return: {
          rma: 'RMA-7004',
          state: 'closed',
          receipt: { location: { id: '7' } },
          lines: [
            {
              item: { sku: 'MUG-1' },
              expected: '2',
              received: '2',
              condition: 'new',
              disposition: 'restock',
            },
          ],
        },
      },
    });
    const [mug] = (await shipbob.inventory.levels({ skus: ['MUG-1'] }, op)).items;
    expect(mug?.quantities).toMatchObject({ onHand: '12', available: '12' });
    expect(() => fake.control.receiveReturn(ref.id)).toThrow(/Completed/);
  });

  it('changing stock changes what inventory.levels answers; ShipBob has no inventory webhook to send', async () => {
    const row = fake.control.changeStock('MUG-1', { delta: -4, committed: 2 });
    expect(row).toMatchObject({ total_on_hand_quantity: 6, total_fulfillable_quantity: 6 });
    fake.control.changeStock('NEW-SKU', { onHand: 5, fulfillable: 5, name: 'New' });
    const { items } = await shipbob.inventory.levels({}, op);
    expect(items.map((level) => [level.kind, level.sku, level.quantities.onHand])).toEqual([
      ['snapshot', 'MUG-1', '6'],
      ['snapshot', 'TEE-M', '1'],
      ['snapshot', 'NEW-SKU', '5'],
    ]);
    expect(items[0]?.asOf).toBe(new Date(clock.now()).toISOString());
  });

  it('the ShipBob connector has no inventory.adjust: ShipBob cannot adjust stock', () => {
    expect('adjust' in shipbob.inventory).toBe(false);
    // @ts-expect-error the capability is absent from the type, not a method that throws
    expect(shipbob.inventory.adjust).toBeUndefined();
  });
});

describe('ShipBob webhook topics', () => {
  const signed = (topic: string, body: unknown) =>
    webhook(
      shipbobFake.signDelivery(SHIPBOB_DEFAULT_WEBHOOK_SECRET, topic, JSON.stringify(body), new Date()),
    );

  it('a published topic without a canonical event parses to no events and says it was not handled', () => {
    for (const topic of [
      'order.shipment.delivered',
      'order.shipment.tracking.updated',
      'return.created',
      'wro.completed',
    ]) {
      const result = shipbob.webhooks.parse(signed(topic, { id: 1 }), op);
      expect(result).toMatchObject({ topic, events: [], handled: false });
    }
  });

  it('a topic ShipBob does not publish is a ConnectorError (unknown_topic), never silently dropped', () => {
    let error: unknown;
    try {
      shipbob.webhooks.parse(signed('inventory.changed', { sku: 'MUG-1' }), op);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ vendorCode: 'unknown_topic', operation: 'webhooks.parse', executed: 'no' });
  });

  it('a malformed exception or return body names the field', () => {
    const cases: [string, unknown, string][] = [
      [
        'order.shipment.exception',
        { id: 1, order_id: 2, status: 'Exception', products: [{ id: 3 }] },
        'products[0].reference_id',
      ],
      ['return.completed', { id: 1, status: 'Completed', inventory: [{ id: 'x' }] }, 'inventory[0].id'],
      ['return.completed', { id: 1, status: 'Lost', inventory: [] }, 'status'],
    ];
    for (const [topic, body, field] of cases) {
      expect(() => shipbob.webhooks.parse(signed(topic, body), op)).toThrow(field);
    }
  });
});

describe('deliverWebhooks → createWebhookReceiver (ShipBob warehouse topics)', () => {
  it('each warehouse webhook delivered twice and in reverse order is handled once, with its events', async () => {
    const handled: { deliveryId: string; events: readonly EventEnvelope[] }[] = [];
    const deadLetters = new MemoryDeadLetterStore();
    const receive = createWebhookReceiver({
      source: 'shipbob.webhook',
      verify: (inbound) => shipbob.webhooks.verify(inbound, { now: new Date(clock.now()) }),
      parse: (inbound) => shipbob.webhooks.parse(inbound, op),
      store: new MemoryStore(),
      deadLetters,
      handle: async (events, { deliveryId }) => {
        handled.push({ deliveryId, events });
      },
    });
    const shippedId = await released('WH/OUT/7101');
    const shortId = await released('WH/OUT/7102');
    const exceptionId = await released('WH/OUT/7103');
    const ret = ReturnSchema.parse({
      id: 'ret-2',
      rma: 'RMA-7104',
      state: 'authorized',
      lines: [{ lineId: 'r1', item: { sku: 'TEE-M' }, uom: 'EA', expected: '1' }],
      createdAt: '2026-11-25T11:00:00Z',
    });
    const { ref } = await shipbob.returns.create(ret, op);
    const deliveries = [
      fake.control.ship(shippedId, {
        lines: [
          { sku: 'MUG-1', quantity: 3 },
          { sku: 'TEE-M', quantity: 1 },
        ],
      }),
      ...fake.control.shortClose(shortId, { lines: [{ sku: 'MUG-1', quantity: 3 }] }),
      fake.control.raiseException(exceptionId),
      fake.control.receiveReturn(ref.id),
    ];

    const results = await deliverWebhooks(deliveries, {
      url: 'https://receiver.example/webhooks/shipbob',
      fetch: (url, init) => receive(new Request(url, init)),
      duplicate: 2,
      order: 'reversed',
    });

    expect(results.map((result) => result.status)).toEqual(Array(10).fill(200));
    expect(results.map((result) => result.delivery)).toEqual([4, 3, 2, 1, 0, 4, 3, 2, 1, 0]);
    expect(handled.map((h) => h.deliveryId).sort()).toEqual(
      deliveries.map((d) => d.headers['webhook-id']).sort(),
    );
    expect(handled.flatMap((h) => h.events.map((event) => event.type))).toEqual([
      'crossdock.return.received.v1',
      'crossdock.exception.raised.v1',
      'crossdock.shipment.short_shipped.v1',
      'crossdock.shipment.confirmed.v1',
      'crossdock.shipment.confirmed.v1',
    ]);
    // Out of order, the events still say when ShipBob changed what they are about.
    expect(handled.every((h) => h.events.every((event) => event.sourceUpdatedAt !== undefined))).toBe(true);
    expect((await deadLetters.list()).items).toEqual([]);
  });
});
