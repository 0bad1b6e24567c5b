import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Clock } from '@crossdock/idempotency';
import { createEasyPostHandlers } from '@crossdock/testing';
import EasyPostClient from '@easypost/api';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ConnectorError, isConnectorError } from '../src/contract/errors.js';
import {
  canonicalTrackingStatus,
  createEasyPostConnector,
  EASYPOST_TRACKER_STATUSES,
  type EasyPostConnectorOptions,
} from '../src/easypost/index.js';

/**
 * Virtual time shared by the connector and the fake: a wait moves the clock at once, so the real
 * limits (five list requests a second) and 429 waits hold without the tests waiting for them.
 */
class InstantClock implements Clock {
  #now = Date.parse('2026-11-25T12:00:00Z');
  readonly waits: number[] = [];
  now(): number {
    return this.#now;
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.waits.push(ms);
    await nextTurn();
    this.#now += ms;
  }
}

const apiKey = 'EZTK_secret_key_do_not_leak_123';
const webhookSecret = 'whsec-easypost-ümlaut';
const clock = new InstantClock();
const fake = createEasyPostHandlers({ apiKey, webhookSecret, now: () => clock.now() });
const server = setupServer(...fake.handlers);
const baseUrl = fake.baseUrl;

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const connector = (options: Partial<EasyPostConnectorOptions> = {}) =>
  createEasyPostConnector({ apiKey, webhookSecret, clock, ...options });
const easypost = connector();
const shipment = {
  from: {
    name: 'Crossdock WH',
    street1: '417 Montgomery St',
    city: 'San Francisco',
    state: 'CA',
    zip: '94104',
    country: 'US',
  },
  to: {
    name: 'Dr. Steve Brule',
    street1: '179 N Harbor Dr',
    city: 'Redondo Beach',
    state: 'CA',
    zip: '90277',
    country: 'US',
  },
  parcel: { length: 10, width: 8, height: 4, weight: 15.4 },
};
let seq = 0;
const key = () => `label:test-${++seq}`;

async function caught(run: () => Promise<unknown> | unknown): Promise<ConnectorError> {
  try {
    await run();
  } catch (error) {
    expect(isConnectorError(error)).toBe(true);
    return error as ConnectorError;
  }
  throw new Error('expected a ConnectorError');
}

function expectNoKey(error: ConnectorError): void {
  expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain(apiKey);
  expect(String(error)).not.toContain(apiKey);
}

describe('labels.buy', () => {
  it('buys the cheapest rate by default, and the requested carrier/service otherwise', async () => {
    const label = await easypost.labels.buy({ shipment }, { correlationId: 'c1', idempotencyKey: key() });
    expect(label).toMatchObject({
      carrier: 'USPS',
      service: 'GroundAdvantage',
      rate: { amount: '7.50', currency: 'USD' },
      existing: false,
    });
    expect(label.trackingNumber).toMatch(/^EZ/);
    expect(label.labelUrl).toMatch(/^https:/);
    expect(label.ref).toEqual({ system: 'easypost', id: label.shipmentId });

    const ups = await easypost.labels.buy(
      { shipment, carrier: 'ups', service: 'Ground' },
      { correlationId: 'c1', idempotencyKey: key() },
    );
    expect(ups).toMatchObject({ carrier: 'UPS', service: 'Ground', rate: { amount: '12.10' } });
  });

  it('buys one label for one idempotency key, however often it is called', async () => {
    const idempotencyKey = key();
    const before = fake.control.purchases().length;
    const first = await easypost.labels.buy({ shipment }, { correlationId: 'c2', idempotencyKey });
    const second = await easypost.labels.buy({ shipment }, { correlationId: 'c2', idempotencyKey });
    expect(second).toEqual({ ...first, existing: true });
    expect(fake.control.purchases().length - before).toBe(1);
    expect(fake.control.shipments().filter((s) => s.reference === idempotencyKey)).toHaveLength(1);
  });

  it("answers the label when the buy says it is already bought (vendor's error)", async () => {
    const idempotencyKey = key();
    const first = await easypost.labels.buy({ shipment }, { correlationId: 'c3', idempotencyKey });
    // A listing that lags behind the purchase: the connector sees the shipment unbought and tries again.
    server.use(
      http.get(`${baseUrl}/shipments`, () => {
        const s = fake.control.shipments().find((x) => x.reference === idempotencyKey);
        return HttpResponse.json({
          shipments: [{ ...s, postage_label: null, selected_rate: null, tracking_code: null }],
          has_more: false,
        });
      }),
    );
    // Another instance (its own claim store) retries the same key: only the vendor can tell it the label exists.
    const otherInstance = connector();
    const again = await otherInstance.labels.buy({ shipment }, { correlationId: 'c3', idempotencyKey });
    expect(again).toEqual({ ...first, existing: true });
  });

  it('requires an idempotency key and refuses without buying', async () => {
    const error = await caught(() => easypost.labels.buy({ shipment }, { correlationId: 'c4' }));
    expect(error).toMatchObject({
      system: 'easypost',
      operation: 'labels.buy',
      executed: 'no',
      retryable: false,
    });
  });

  it('names the missing rate when no rate matches', async () => {
    const error = await caught(() =>
      easypost.labels.buy({ shipment, carrier: 'FedEx' }, { correlationId: 'c5', idempotencyKey: key() }),
    );
    expect(error).toMatchObject({ vendorCode: 'NO_MATCHING_RATE', executed: 'no' });
  });
});

describe('tracking', () => {
  const cases = [
    ['unknown', 'unknown'],
    ['pre_transit', 'pre_transit'],
    ['in_transit', 'in_transit'],
    ['out_for_delivery', 'out_for_delivery'],
    ['delivered', 'delivered'],
    ['available_for_pickup', 'available_for_pickup'],
    ['return_to_sender', 'returned_to_sender'],
    ['failure', 'exception'],
    ['cancelled', 'cancelled'],
    ['error', 'exception'],
  ] as const;

  it('covers every EasyPost tracker status', () => {
    expect(cases.map(([s]) => s).sort()).toEqual([...EASYPOST_TRACKER_STATUSES].sort());
    expect(canonicalTrackingStatus('some_future_status')).toBe('unknown');
    expect(canonicalTrackingStatus('in_transit', 'delivery_attempted')).toBe('delivery_attempted');
  });

  it.each(cases)('maps %s to %s, keeping the raw code and detail', async (status, canonical) => {
    const code = `EZSTATUS${status.toUpperCase()}`;
    fake.control.advance(code, status, `detail_${status}`);
    const events = await easypost.tracking.get(code, { correlationId: 'c6', carrier: 'USPS' });
    const last = events.at(-1);
    expect(last).toMatchObject({
      status: canonical,
      carrierCode: status,
      carrierDetail: `detail_${status}`,
      trackingNumber: code,
      carrier: 'usps',
    });
  });

  it('reads the tracker of a bought label as canonical events, oldest first', async () => {
    const label = await easypost.labels.buy({ shipment }, { correlationId: 'c7', idempotencyKey: key() });
    fake.control.advance(label.trackingNumber, 'in_transit', 'arrived_at_facility');
    fake.control.advance(label.trackingNumber, 'delivered', 'arrived_at_destination');
    const events = await easypost.tracking.get(label.trackingNumber, {
      correlationId: 'c7',
      carrier: label.carrier,
    });
    expect(events.map((e) => e.status)).toEqual(['pre_transit', 'in_transit', 'delivered']);
    expect(events[2]).toMatchObject({
      shipmentId: label.shipmentId,
      signedBy: 'J DOE',
      location: { city: 'SAN FRANCISCO', region: 'CA', postalCode: '94107', countryCode: 'US' },
    });
    expect(events[0]?.refs[0]?.system).toBe('easypost');
  });

  it('creates a tracker for a number the account does not track yet', async () => {
    const events = await easypost.tracking.get('EZNEW0000001', { correlationId: 'c8', carrier: 'UPS' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ status: 'pre_transit', carrier: 'ups' });
  });
});

describe('webhooks', () => {
  const EasyPost = EasyPostClient as unknown as new (
    key: string,
  ) => {
    readonly Utils: { validateWebhook(body: Buffer, headers: object, secret: string): object };
  };
  const { validateWebhook } = new EasyPost('EZTK_test').Utils;
  const inbound = (headers: Record<string, string>, rawBody: string) => ({
    headers: new Headers(headers),
    rawBody,
  });

  it("accepts the fake's signed delivery, which @easypost/api's validateWebhook also accepts", () => {
    const delivery = fake.control.advance('EZHOOK000001', 'out_for_delivery', 'out_for_delivery');
    expect(() =>
      validateWebhook(
        Buffer.from(delivery.body),
        { 'X-Hmac-Signature': delivery.headers['x-hmac-signature'] },
        webhookSecret,
      ),
    ).not.toThrow();
    expect(easypost.webhooks.verify(inbound(delivery.headers, delivery.body))).toBe(true);
  });

  it('accepts a body signed the way validateWebhook checks (NFKD secret, hex, prefix)', () => {
    const body = '{"id":"evt_x","object":"Event","description":"batch.created","result":{}}';
    const signed = fake.control.sign(body, webhookSecret.normalize('NFD'));
    expect(() =>
      validateWebhook(
        Buffer.from(body),
        { 'x-hmac-signature': signed.headers['x-hmac-signature'] },
        webhookSecret,
      ),
    ).not.toThrow();
    expect(easypost.webhooks.verify(inbound(signed.headers, body))).toBe(true);
  });

  it('rejects a tampered body, a wrong secret and a missing header', () => {
    const delivery = fake.control.advance('EZHOOK000002', 'in_transit');
    const tampered = delivery.body.replace('EZHOOK000002', 'EZHOOK000003');
    expect(easypost.webhooks.verify(inbound(delivery.headers, tampered))).toBe(false);
    const other = connector({ webhookSecret: 'another-secret' });
    expect(other.webhooks.verify(inbound(delivery.headers, delivery.body))).toBe(false);
    expect(easypost.webhooks.verify(inbound({ 'content-type': 'application/json' }, delivery.body))).toBe(
      false,
    );
    const unconfigured = createEasyPostConnector({ apiKey, clock });
    expect(unconfigured.webhooks.verify(inbound(delivery.headers, delivery.body))).toBe(false);
  });

  it('parses tracker.updated into crossdock.tracking.updated.v1', () => {
    const delivery = fake.control.advance('EZHOOK000004', 'return_to_sender', 'return');
    const parsed = easypost.webhooks.parse(inbound(delivery.headers, delivery.body), { correlationId: 'c9' });
    const id = (JSON.parse(delivery.body) as { id: string }).id;
    expect(parsed.deliveryId).toBe(id);
    expect(parsed.events).toHaveLength(1);
    const event = parsed.events[0];
    expect(event).toMatchObject({
      type: 'crossdock.tracking.updated.v1',
      source: '/easypost',
      correlationId: 'c9',
      idempotencyKey: id,
      subject: 'EZHOOK000004',
      data: {
        tracking: { status: 'returned_to_sender', carrierCode: 'return_to_sender', carrierDetail: 'return' },
      },
    });
  });

  it('ignores other event types and names the bad field of a malformed delivery', async () => {
    const other = easypost.webhooks.parse(
      inbound({}, '{"id":"evt_1","description":"batch.created","result":{}}'),
      { correlationId: 'c10' },
    );
    expect(other).toEqual({ deliveryId: 'evt_1', events: [] });
    const bad =
      '{"id":"evt_2","description":"tracker.updated","result":{"id":"trk_1","carrier":"USPS","status":"delivered","updated_at":"2026-11-25T12:00:00Z"}}';
    const error = await caught(() => easypost.webhooks.parse(inbound({}, bad), { correlationId: 'c10' }));
    expect(error.message).toContain('event.result.tracking_code');
    expect(error.vendorCode).toBe('INVALID_PAYLOAD');
  });
});

describe('errors', () => {
  it('names the field of a malformed vendor payload', async () => {
    server.use(
      http.get(`${baseUrl}/trackers`, () =>
        HttpResponse.json({
          trackers: [
            { id: 'trk_1', tracking_code: 'EZ1', carrier: 'USPS', updated_at: '2026-11-25T12:00:00Z' },
          ],
        }),
      ),
    );
    const error = await caught(() => easypost.tracking.get('EZ1', { correlationId: 'c11' }));
    expect(error).toMatchObject({
      system: 'easypost',
      operation: 'tracking.get',
      vendorCode: 'INVALID_PAYLOAD',
      retryable: false,
    });
    expect(error.message).toContain('trackers.trackers.0.status');
    expectNoKey(error);
  });

  it("maps EasyPost's error shape and a wrong key to a ConnectorError without the key", async () => {
    const wrong = connector({ apiKey: 'EZTK_wrong_key_456' });
    const error = await caught(() => wrong.tracking.get('EZ1', { correlationId: 'c12' }));
    expect(error).toMatchObject({
      httpStatus: 401,
      vendorCode: 'APIKEY.INACTIVE',
      retryable: false,
      executed: 'no',
      correlationId: 'c12',
    });
    expect(String(error)).not.toContain('EZTK_wrong_key_456');
  });

  it('marks 429 and 5xx retryable, a failed write as possibly executed, and never leaks the key', async () => {
    server.use(
      http.get(`${baseUrl}/shipments`, () =>
        HttpResponse.json(
          { error: { code: 'RATE_LIMITED', message: `slow down ${apiKey}`, errors: [] } },
          { status: 429, headers: { 'retry-after': '2' } },
        ),
      ),
    );
    const waitsBefore = clock.waits.length;
    const limited = await caught(() =>
      easypost.labels.buy({ shipment }, { correlationId: 'c13', idempotencyKey: key() }),
    );
    expect(limited).toMatchObject({
      httpStatus: 429,
      vendorCode: 'RATE_LIMITED',
      retryable: true,
      retryAfterMs: 2000,
      executed: 'no',
    });
    // Three 429s waited out (2 s each, as asked), the fourth thrown.
    expect(clock.waits.slice(waitsBefore).filter((ms) => ms === 2000)).toHaveLength(3);
    expectNoKey(limited);

    server.resetHandlers();
    server.use(
      http.post(`${baseUrl}/shipments`, () =>
        HttpResponse.json(
          { error: { code: 'INTERNAL_SERVER_ERROR', message: 'boom', errors: [] } },
          { status: 503 },
        ),
      ),
    );
    const down = await caught(() =>
      easypost.labels.buy({ shipment }, { correlationId: 'c13', idempotencyKey: key() }),
    );
    // The create may have happened: the connector looks for it rather than create again, then says so.
    expect(down).toMatchObject({
      vendorCode: 'LABEL_OUTCOME_UNKNOWN',
      retryable: true,
      executed: 'unknown',
    });
    expect(down.cause).toMatchObject({ httpStatus: 503, executed: 'unknown' });
    expectNoKey(down);

    server.use(http.get(`${baseUrl}/trackers`, () => HttpResponse.error()));
    const network = await caught(() => easypost.tracking.get('EZ1', { correlationId: 'c13' }));
    expect(network).toMatchObject({ retryable: true, executed: 'no' });
    expectNoKey(network);
  });
});
