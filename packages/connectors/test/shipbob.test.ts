import { type FulfillmentRequest, FulfillmentRequestSchema } from '@crossdock/canonical';
import { ManualClock } from '@crossdock/idempotency';
import {
  createShipBobHandlers,
  SHIPBOB_DEFAULT_WEBHOOK_SECRET as DEFAULT_WEBHOOK_SECRET,
} from '@crossdock/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorError, isConnectorError } from '../src/contract/errors.js';
import { createShipBobConnector, type ShipBobConnectorOptions } from '../src/shipbob/index.js';

const TOKEN = 'sb-secret-token-4f9a2c';
const clock = new ManualClock(Date.parse('2026-11-25T12:00:00Z'));
const fake = createShipBobHandlers({ token: TOKEN, clock });
const server = setupServer(...fake);
const op = { correlationId: 'corr-1' };

function connector(overrides: Partial<ShipBobConnectorOptions> = {}) {
  return createShipBobConnector({
    token: TOKEN,
    channelId: 4242,
    webhookSecrets: [DEFAULT_WEBHOOK_SECRET],
    clock,
    ...overrides,
  });
}

function request(id = 'WH/OUT/00042'): FulfillmentRequest {
  return FulfillmentRequestSchema.parse({
    id,
    orderNumber: 'S00042',
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
    lines: [
      { lineId: 'l1', item: { sku: 'MUG-1', name: 'Mug' }, uom: 'EA', ledger: { ordered: '2' } },
      { lineId: 'l2', item: { sku: 'TEE-M' }, uom: 'EA', ledger: { ordered: '1' } },
    ],
    createdAt: '2026-11-25T11:00:00Z',
  });
}

/** Runs `run`, expecting a ConnectorError, and returns it. */
async function failing(run: () => Promise<unknown>): Promise<ConnectorError> {
  try {
    await run();
  } catch (error) {
    if (isConnectorError(error)) return error;
    throw error;
  }
  throw new Error('expected a ConnectorError');
}

function expectNoToken(error: ConnectorError) {
  const text = `${error.message} ${JSON.stringify(error)} ${String(error.stack)} ${String((error as { cause?: unknown }).cause)}`;
  expect(text).not.toContain(TOKEN);
}

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
beforeEach(() => fake.control.reset());
afterAll(() => server.close());

describe('ShipBob fulfillment', () => {
  it('releases a request as one order, with reference_id, Bearer token and channel header', async () => {
    const result = await connector().fulfillment.release(request(), { ...op, idempotencyKey: 'release:1' });
    expect(result).toMatchObject({ handshake: 'accepted', existing: false, ref: { system: 'shipbob' } });
    const [order] = fake.control.orders();
    expect(order?.reference_id).toBe('WH/OUT/00042');
    expect(order?.products.map((p) => [p.reference_id, p.quantity])).toEqual([
      ['MUG-1', 2],
      ['TEE-M', 1],
    ]);
    const sent = fake.control.requests.find((r) => r.method === 'POST');
    expect(sent?.url).toBe('https://api.shipbob.com/2026-07/order');
    expect(sent?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(sent?.headers.get('shipbob_channel_id')).toBe('4242');
  });

  it('returns the existing order on a repeated release, and the fake holds exactly one', async () => {
    const shipbob = connector();
    const first = await shipbob.fulfillment.release(request(), { ...op, idempotencyKey: 'k' });
    const second = await shipbob.fulfillment.release(request(), { ...op, idempotencyKey: 'k' });
    expect(second).toEqual({ ref: first.ref, handshake: 'accepted', existing: true });
    expect(fake.control.orders()).toHaveLength(1);
  });

  it('gets the order back as a canonical request', async () => {
    const shipbob = connector();
    const { ref } = await shipbob.fulfillment.release(request(), { ...op, idempotencyKey: 'k' });
    const got = await shipbob.fulfillment.get(ref, op);
    expect(got.id).toBe('WH/OUT/00042');
    expect(got.lines.map((line) => [line.item.sku, line.ledger.ordered])).toEqual([
      ['MUG-1', '2'],
      ['TEE-M', '1'],
    ]);
    expect(got.shipTo.address?.countryCode).toBe('US');
  });

  it('cancels an open order and reports a shipped one as cancel_rejected', async () => {
    const shipbob = connector();
    const { ref } = await shipbob.fulfillment.release(request(), { ...op, idempotencyKey: 'k' });
    expect(await shipbob.fulfillment.cancel(ref, { ...op, idempotencyKey: 'c' })).toEqual({
      handshake: 'cancel_accepted',
    });
    expect(fake.control.orders()[0]?.status).toBe('Cancelled');
    expect((await shipbob.fulfillment.get(ref, op)).handshake).toBe('cancel_accepted');

    const other = await shipbob.fulfillment.release(request('WH/OUT/00043'), { ...op, idempotencyKey: 'k2' });
    fake.control.ship(other.ref.id, { lines: [{ sku: 'MUG-1', quantity: 2 }] });
    expect(await shipbob.fulfillment.cancel(other.ref, op)).toEqual({ handshake: 'cancel_rejected' });
  });

  it('is a ConnectorError for an unknown order (404), without executing anything', async () => {
    const error = await failing(() => connector().fulfillment.get({ system: 'shipbob', id: '999999' }, op));
    expect(error).toMatchObject({
      system: 'shipbob',
      operation: 'fulfillment.get',
      httpStatus: 404,
      retryable: false,
      executed: 'no',
    });
  });
});

describe('ShipBob shipments and inventory', () => {
  it('maps a shipped order to a canonical Shipment with tracking, lots and serials', async () => {
    const shipbob = connector();
    const { ref } = await shipbob.fulfillment.release(request(), { ...op, idempotencyKey: 'k' });
    fake.control.ship(ref.id, {
      trackingNumber: '1Z999AA10123456784',
      lines: [
        { sku: 'MUG-1', quantity: 1, lot: 'LOT-A', expirationDate: '2027-06-30T00:00:00Z' },
        { sku: 'MUG-1', quantity: 1, lot: 'LOT-B' },
        { sku: 'TEE-M', quantity: 1, serials: ['SN-1'] },
      ],
    });
    const page = await shipbob.shipments.list({}, op);
    expect(page.next).toBeUndefined();
    expect(page.items).toHaveLength(1);
    const [shipment] = page.items;
    expect(shipment).toMatchObject({
      requestId: 'WH/OUT/00042',
      state: 'shipped',
      trackingNumbers: ['1Z999AA10123456784'],
      carrierService: { carrier: 'ups' },
      warehouse: { id: '7' },
    });
    expect(
      shipment?.contents.map((c) => [
        c.requestLineId,
        c.quantity,
        c.lot?.number,
        c.lot?.expiresOn,
        c.serials,
      ]),
    ).toEqual([
      ['MUG-1', '1', 'LOT-A', '2027-06-30', []],
      ['MUG-1', '1', 'LOT-B', undefined, []],
      ['TEE-M', '1', undefined, undefined, ['SN-1']],
    ]);
  });

  it('pages shipments by order page', async () => {
    const shipbob = connector({ pageSize: 1 });
    for (const id of ['A-1', 'A-2']) {
      const { ref } = await shipbob.fulfillment.release(request(id), { ...op, idempotencyKey: id });
      fake.control.ship(ref.id, { lines: [{ sku: 'MUG-1', quantity: 2 }] });
    }
    const first = await shipbob.shipments.list({}, op);
    expect(first.next).toBe('2');
    const second = await shipbob.shipments.list({ cursor: first.next as string }, op);
    expect([...first.items, ...second.items].map((s) => s.requestId)).toEqual(['A-1', 'A-2']);
    expect(second.next).toBeUndefined();
  });

  it('reads inventory levels as snapshots across pages', async () => {
    fake.control.setInventory(
      Array.from({ length: 5 }, (_, i) => ({
        inventory_id: 100 + i,
        sku: `SKU-${i}`,
        total_on_hand_quantity: 10 + i,
        total_fulfillable_quantity: 8,
        total_committed_quantity: 2,
        total_awaiting_quantity: 0,
      })),
    );
    const shipbob = connector({ pageSize: 2 });
    const skus: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await shipbob.inventory.levels(cursor === undefined ? {} : { cursor }, op);
      pages += 1;
      for (const level of page.items) {
        expect(level.kind).toBe('snapshot');
        skus.push(level.sku);
      }
      cursor = page.next;
    } while (cursor !== undefined);
    expect(pages).toBe(3);
    expect(skus).toEqual(['SKU-0', 'SKU-1', 'SKU-2', 'SKU-3', 'SKU-4']);
    const [level] = (await shipbob.inventory.levels({ skus: ['SKU-3'] }, op)).items;
    expect(level?.quantities).toMatchObject({ onHand: '13', available: '8', committed: '2', incoming: '0' });
  });
});

describe('ShipBob errors and rate limits', () => {
  it('turns a malformed vendor payload into a ConnectorError naming the field', async () => {
    fake.control.setInventory([
      {
        inventory_id: 1,
        sku: 'X',
        total_on_hand_quantity: 1,
        total_fulfillable_quantity: 1,
        total_committed_quantity: 0,
      },
    ]);
    fake.control.respondWith(
      {
        status: 200,
        body: { items: [{ inventory_id: 1, sku: 'X', total_on_hand_quantity: 'lots' }], next: null },
      },
      { pathSuffix: '/inventory-level' },
    );
    const error = await failing(() => connector().inventory.levels({}, op));
    expect(error).toMatchObject({
      system: 'shipbob',
      operation: 'inventory.levels',
      vendorCode: 'invalid_payload',
    });
    expect(error.message).toContain('items[0].total_on_hand_quantity');
    expectNoToken(error);
  });

  it('never puts the token in an error (401 with the token echoed back)', async () => {
    fake.control.respondWith({ status: 401, body: { title: `Unauthorized: Bearer ${TOKEN}` } });
    const error = await failing(() => connector().fulfillment.get({ system: 'shipbob', id: '1' }, op));
    expect(error).toMatchObject({ httpStatus: 401, retryable: false });
    expectNoToken(error);
    const wrong = await failing(() =>
      connector({ token: 'wrong-token' }).fulfillment.get({ system: 'shipbob', id: '1' }, op),
    );
    expect(wrong.httpStatus).toBe(401);
    expect(wrong.message).not.toContain('wrong-token');
  });

  it('honours 429 x-retry-after and retries', async () => {
    const waits: number[] = [];
    fake.control.respondWith({
      status: 429,
      body: { title: 'Too Many Requests' },
      headers: { 'x-retry-after': '3', 'x-remaining-calls': '0' },
    });
    fake.control.setInventory([]);
    const page = await connector({ sleep: async (ms) => void waits.push(ms) }).inventory.levels({}, op);
    expect(page.items).toEqual([]);
    expect(waits).toEqual([3000]);
  });

  it('reports a 429 past its retries as retryable with retryAfterMs', async () => {
    fake.control.respondWith({ status: 429, headers: { 'x-retry-after': '7' } });
    const error = await failing(() => connector({ maxRetries: 0 }).inventory.levels({}, op));
    expect(error).toMatchObject({ httpStatus: 429, retryable: true, retryAfterMs: 7000, executed: 'no' });
  });

  it('the fake answers 429 with x-retry-after after 150 requests a minute', async () => {
    const headers = { authorization: `Bearer ${TOKEN}` };
    let last: Response | undefined;
    for (let i = 0; i < 151; i++)
      last = await fetch('https://api.shipbob.com/2026-07/inventory-level', { headers });
    expect(last?.status).toBe(429);
    expect(last?.headers.get('x-retry-after')).toBe('60');
    expect(last?.headers.get('x-remaining-calls')).toBe('0');
  });

  it('the limiter never lets more than 150 requests through in any minute', async () => {
    const granted: number[] = [];
    const shipbob = connector({
      fetch: (input, init) => {
        granted.push(clock.now());
        return globalThis.fetch(input, init);
      },
    });
    fake.control.setInventory([]);
    const total = 260;
    let done = 0;
    const calls = Array.from({ length: total }, () =>
      shipbob.inventory.levels({}, op).then(() => {
        done += 1;
      }),
    );
    for (let step = 0; step < 400 && done < total; step++) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      await clock.advance(1000);
    }
    await Promise.all(calls);
    expect(granted).toHaveLength(total);
    for (const [index, at] of granted.entries()) {
      const inWindow = granted.slice(index).filter((t) => t < at + 60_000).length;
      expect(inWindow).toBeLessThanOrEqual(150);
    }
    expect(fake.control.state.rateLimited).toBe(0);
  });
});

describe('ShipBob webhooks', () => {
  async function shipped() {
    const shipbob = connector();
    const { ref } = await shipbob.fulfillment.release(request(), { ...op, idempotencyKey: 'k' });
    const delivery = fake.control.ship(ref.id, { lines: [{ sku: 'MUG-1', quantity: 2, lot: 'LOT-A' }] });
    const webhook = { headers: new Headers(delivery.headers), rawBody: delivery.body };
    return { shipbob, webhook, delivery, now: new Date(clock.now()) };
  }

  it('accepts the fake’s signed delivery', async () => {
    const { shipbob, webhook, now } = await shipped();
    expect(shipbob.webhooks.verify(webhook, { now })).toBe(true);
  });

  it('rejects a tampered body, a wrong secret, a missing header and a stale timestamp', async () => {
    const { shipbob, webhook, delivery, now } = await shipped();
    expect(
      shipbob.webhooks.verify({ ...webhook, rawBody: delivery.body.replace('LOT-A', 'LOT-Z') }, { now }),
    ).toBe(false);
    const other = connector({ webhookSecrets: ['whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldA=='] });
    expect(other.webhooks.verify(webhook, { now })).toBe(false);
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
      const headers = new Headers(delivery.headers);
      headers.delete(name);
      expect(shipbob.webhooks.verify({ headers, rawBody: delivery.body }, { now })).toBe(false);
    }
    expect(shipbob.webhooks.verify(webhook, { now: new Date(now.getTime() + 10 * 60_000) })).toBe(false);
  });

  it('parses an order.shipped delivery into crossdock.shipment.confirmed.v1', async () => {
    const { shipbob, webhook, delivery } = await shipped();
    const { deliveryId, events } = shipbob.webhooks.parse(webhook, op);
    expect(deliveryId).toBe(delivery.headers['webhook-id']);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({
      type: 'crossdock.shipment.confirmed.v1',
      correlationId: 'corr-1',
      subject: 'WH/OUT/00042',
      idempotencyKey: deliveryId,
    });
    const data = event?.data as { shipment: { contents: { lot?: { number: string } }[] } };
    expect(data.shipment.contents[0]?.lot?.number).toBe('LOT-A');
  });

  it('ignores other topics and names the bad field of a malformed body', async () => {
    const { shipbob, webhook, delivery } = await shipped();
    const headers = new Headers(delivery.headers);
    headers.set('x-webhook-topic', 'order.delivered');
    expect(shipbob.webhooks.parse({ headers, rawBody: delivery.body }, op).events).toEqual([]);
    const body = JSON.parse(delivery.body) as { products: { reference_id: unknown }[] };
    body.products[0] = { ...body.products[0], reference_id: 42 };
    const error = (() => {
      try {
        shipbob.webhooks.parse({ ...webhook, rawBody: JSON.stringify(body) }, op);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as Error).message).toContain('products[0].reference_id');
  });
});
