import { setImmediate as nextTurn } from 'node:timers/promises';
import { type Clock, type IdempotencyStore, MemoryStore } from '@crossdock/idempotency';
import { createEasyPostHandlers } from '@crossdock/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ConnectorError, isConnectorError } from '../src/contract/errors.js';
import { createEasyPostConnector, type EasyPostConnectorOptions } from '../src/easypost/index.js';

/** Virtual time shared by the connector and the fake: waits move it at once. */
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

const apiKey = 'EZTK_labels_key';
const clock = new InstantClock();
const fake = createEasyPostHandlers({ apiKey, now: () => clock.now() });
const server = setupServer(...fake.handlers);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
beforeEach(() => fake.control.reset());
afterAll(() => server.close());

const connector = (options: Partial<EasyPostConnectorOptions> = {}) =>
  createEasyPostConnector({ apiKey, clock, ...options });

const shipment = {
  from: { street1: '417 Montgomery St', city: 'San Francisco', state: 'CA', zip: '94104', country: 'US' },
  to: { street1: '179 N Harbor Dr', city: 'Redondo Beach', state: 'CA', zip: '90277', country: 'US' },
  parcel: { weight: 15.4 },
};
const op = (idempotencyKey: string) => ({ correlationId: `corr-${idempotencyKey}`, idempotencyKey });

async function refusal(run: () => Promise<unknown>): Promise<ConnectorError> {
  const error = await run().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isConnectorError(error)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

const shipmentsFor = (key: string) => fake.control.shipments().filter((s) => s.reference === key);

describe('labels.buy when EasyPost answers a create with an error but made the shipment', () => {
  it('finds that shipment through a listing lagging by two calls and buys one label on it', async () => {
    const easypost = connector();
    fake.control.lagListings(2);
    fake.control.failNext('shipments.create', { status: 500, executed: true });
    const label = await easypost.labels.buy({ shipment }, op('label:lag-2'));
    expect(shipmentsFor('label:lag-2')).toHaveLength(1);
    expect(label).toMatchObject({ shipmentId: shipmentsFor('label:lag-2')[0]?.id, existing: false });
    expect(fake.control.purchases()).toHaveLength(1);
    // Looked now, then after 1 s and 2 s: the third listing shows it.
    expect(fake.control.requests.filter((r) => r.method === 'GET' && r.path === '/shipments')).toHaveLength(
      4,
    );
  });

  it('a buy retried after EasyPost answered 500 but created the shipment buys one label', async () => {
    const easypost = connector({ lookup: { attempts: 2, delayMs: 500 } });
    fake.control.lagListings(50);
    fake.control.failNext('shipments.create', { status: 500, executed: true });
    const first = await refusal(() => easypost.labels.buy({ shipment }, op('label:retried')));
    expect(first).toMatchObject({
      vendorCode: 'LABEL_OUTCOME_UNKNOWN',
      executed: 'unknown',
      retryable: true,
      correlationId: 'corr-label:retried',
    });
    expect(first.message).toContain('label:retried');
    expect(first.cause).toMatchObject({ httpStatus: 500, executed: 'unknown' });

    // Retried while the listing still lags: it looks again and never creates a second shipment.
    await refusal(() => easypost.labels.buy({ shipment }, op('label:retried')));
    expect(shipmentsFor('label:retried')).toHaveLength(1);
    expect(fake.control.purchases()).toHaveLength(0);

    fake.control.catchUpListings();
    const label = await easypost.labels.buy({ shipment }, op('label:retried'));
    expect(label).toMatchObject({ shipmentId: shipmentsFor('label:retried')[0]?.id, existing: false });
    expect(shipmentsFor('label:retried')).toHaveLength(1);
    expect(fake.control.purchases()).toHaveLength(1);
  });

  it('treats a dropped connection on the create like a 500: one shipment, one label', async () => {
    const easypost = connector();
    fake.control.lagListings(1);
    fake.control.failNext('shipments.create', { network: true, executed: true });
    const label = await easypost.labels.buy({ shipment }, op('label:dropped'));
    expect(label.existing).toBe(false);
    expect(shipmentsFor('label:dropped')).toHaveLength(1);
    expect(fake.control.purchases()).toHaveLength(1);
  });

  it('another instance sharing the store retries an unanswered create by looking, never by creating', async () => {
    const store = new MemoryStore();
    fake.control.lagListings(50);
    fake.control.failNext('shipments.create', { status: 503, executed: true });
    await refusal(() =>
      connector({ store, lookup: { attempts: 1 } }).labels.buy({ shipment }, op('label:shared')),
    );
    const error = await refusal(() =>
      connector({ store, lookup: { attempts: 1 } }).labels.buy({ shipment }, op('label:shared')),
    );
    expect(error.vendorCode).toBe('LABEL_OUTCOME_UNKNOWN');
    expect(fake.control.requests.filter((r) => r.method === 'POST' && r.path === '/shipments')).toHaveLength(
      1,
    );
  });

  it('refuses to buy under a key whose create was refused with a 503 before doing anything, until checked', async () => {
    // The conservative side of "unknown": EasyPost created nothing, but the connector cannot tell.
    const easypost = connector({ lookup: { attempts: 2, delayMs: 100 } });
    fake.control.failNext('shipments.create', { status: 503 });
    const error = await refusal(() => easypost.labels.buy({ shipment }, op('label:refused')));
    expect(error).toMatchObject({ vendorCode: 'LABEL_OUTCOME_UNKNOWN', executed: 'unknown' });
    await refusal(() => easypost.labels.buy({ shipment }, op('label:refused')));
    expect(fake.control.shipments()).toHaveLength(0);
    // Once EasyPost shows no shipment with that reference, a new key buys.
    const label = await easypost.labels.buy({ shipment }, op('label:refused#2'));
    expect(label.existing).toBe(false);
    expect(fake.control.purchases()).toHaveLength(1);
  });
});

describe('labels.buy when EasyPost answers the purchase with an error', () => {
  it('answers the label bought by a purchase EasyPost answered with 500, without buying again', async () => {
    const easypost = connector();
    fake.control.failNext('shipments.buy', { status: 500, executed: true });
    const label = await easypost.labels.buy({ shipment }, op('label:buy-500'));
    expect(label).toMatchObject({
      existing: false,
      trackingNumber: fake.control.purchases()[0]?.trackingCode,
    });
    expect(fake.control.purchases()).toHaveLength(1);
  });

  it('a retry after an unanswered purchase goes to the recorded shipment, even while the listing hides it', async () => {
    const store = new MemoryStore();
    fake.control.lagListings(50);
    fake.control.failNext('shipments.buy', { network: true, executed: true });
    fake.control.failNext('shipments.retrieve', { status: 503 });
    const first = await refusal(() => connector({ store }).labels.buy({ shipment }, op('label:buy-lost')));
    expect(first).toMatchObject({ executed: 'unknown', retryable: true });
    // Another instance on the same store: the journal names the shipment, the listing never could.
    const label = await connector({ store }).labels.buy({ shipment }, op('label:buy-lost'));
    expect(label).toMatchObject({ existing: true, shipmentId: shipmentsFor('label:buy-lost')[0]?.id });
    expect(shipmentsFor('label:buy-lost')).toHaveLength(1);
    expect(fake.control.purchases()).toHaveLength(1);
  });

  it('buys the recorded shipment again after a purchase that failed without buying', async () => {
    const easypost = connector();
    fake.control.failNext('shipments.buy', { status: 502 });
    const error = await refusal(() => easypost.labels.buy({ shipment }, op('label:buy-502')));
    expect(error).toMatchObject({ httpStatus: 502, executed: 'unknown' });
    expect(fake.control.purchases()).toHaveLength(0);
    const label = await easypost.labels.buy({ shipment }, op('label:buy-502'));
    expect(label.existing).toBe(false);
    expect(shipmentsFor('label:buy-502')).toHaveLength(1);
    expect(fake.control.purchases()).toHaveLength(1);
  });
});

describe('labels.buy without its journal', () => {
  it('neither creates nor buys when the store cannot record the shipment', async () => {
    const memory = new MemoryStore();
    const failing: IdempotencyStore = {
      claim: (key, options) =>
        key.startsWith('easypost:label-journal:')
          ? Promise.reject(new Error('store unreachable'))
          : memory.claim(key, options),
      complete: (key, token, result) => memory.complete(key, token, result),
      fail: (key, token, options) => memory.fail(key, token, options),
      heartbeat: (key, token, leaseMs) => memory.heartbeat(key, token, leaseMs),
    };
    const error = await refusal(() =>
      connector({ store: failing }).labels.buy({ shipment }, op('label:no-journal')),
    );
    expect(error).toMatchObject({ vendorCode: 'LABEL_JOURNAL_UNAVAILABLE', executed: 'no', retryable: true });
    expect(fake.control.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });
});
