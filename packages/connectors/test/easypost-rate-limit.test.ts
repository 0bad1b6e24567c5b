import { setImmediate as nextTurn } from 'node:timers/promises';
import { type Clock, ManualClock } from '@crossdock/idempotency';
import { createEasyPostHandlers } from '@crossdock/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ConnectorError, isConnectorError } from '../src/contract/errors.js';
import { createEasyPostConnector, EASYPOST_INDEX_REQUESTS_PER_SECOND } from '../src/easypost/index.js';

const apiKey = 'EZTK_rate_limit_key';
const start = Date.parse('2026-11-25T12:00:00Z');
/** The clock of the test running: the connector's, which the fakes read too. */
let current: Clock = new ManualClock(start);
const now = () => current.now();
const fake = createEasyPostHandlers({ apiKey, now });
// A second fake whose Index endpoints refuse everything (a limit of zero), on the same clock.
const refusing = createEasyPostHandlers({
  apiKey,
  baseUrl: 'https://refusing.easypost.test/v2',
  now,
  indexRequestsPerSecond: 0,
});
const server = setupServer(...fake.handlers, ...refusing.handlers);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
beforeEach(() => {
  fake.control.reset();
  refusing.control.reset();
});
afterAll(() => server.close());

/** Moves `clock` in steps, letting I/O run between them, until every call has settled. */
async function settle<T>(calls: readonly Promise<T>[], clock: ManualClock, stepMs: number) {
  let done = false;
  const all = Promise.allSettled(calls).then((results) => {
    done = true;
    return results;
  });
  for (let step = 0; !done; step++) {
    if (step > 20_000) throw new Error('calls still pending');
    for (let turn = 0; turn < 3 && !done; turn++) await nextTurn();
    if (!done) await clock.advance(stepMs);
  }
  return all;
}

/** A clock that records its waits and passes them at once. */
class InstantClock implements Clock {
  #now = start;
  readonly waits: number[] = [];
  now(): number {
    return this.#now;
  }
  async sleep(ms: number): Promise<void> {
    this.waits.push(ms);
    await nextTurn();
    this.#now += ms;
  }
}

function manual(): ManualClock {
  const clock = new ManualClock(start);
  current = clock;
  return clock;
}

function instant(): InstantClock {
  const clock = new InstantClock();
  current = clock;
  return clock;
}

async function refusal(run: () => Promise<unknown>): Promise<ConnectorError> {
  const error = await run().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!isConnectorError(error)) throw new Error(`expected a ConnectorError, got ${String(error)}`);
  return error;
}

const op = { correlationId: 'corr-rate' };

describe('EasyPost rate limits', () => {
  it('paces twenty list reads at once so that no second holds more than four, and EasyPost refuses none', async () => {
    const clock = manual();
    const easypost = createEasyPostConnector({ apiKey, clock });
    fake.control.advance('EZ5000000001', 'in_transit');
    const results = await settle(
      Array.from({ length: 20 }, () => easypost.tracking.get('EZ5000000001', op)),
      clock,
      50,
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(fake.control.refusals).toBe(0);
    const times = fake.control.requests.map((r) => r.at);
    expect(times).toHaveLength(20);
    const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
    expect(busiest).toBeLessThanOrEqual(EASYPOST_INDEX_REQUESTS_PER_SECOND - 1);
  });

  it('waits out the Retry-After of a 429 before the next attempt', async () => {
    const clock = manual();
    const easypost = createEasyPostConnector({ apiKey, clock });
    fake.control.advance('EZ5000000002', 'in_transit');
    fake.control.refuseNext(3_000);
    const [result] = await settle([easypost.tracking.get('EZ5000000002', op)], clock, 100);
    expect(result?.status).toBe('fulfilled');
    const [refused = Number.NaN, retried = Number.NaN] = fake.control.requests.map((r) => r.at);
    expect(retried - refused).toBeGreaterThanOrEqual(3_000);
  });

  it('backs off with growing waits when a 429 says nothing, then throws a retryable 429', async () => {
    const clock = instant();
    const easypost = createEasyPostConnector({ apiKey, clock, baseUrl: refusing.baseUrl });
    const error = await refusal(() => easypost.tracking.get('EZ5000000003', op));
    expect(error).toMatchObject({
      httpStatus: 429,
      retryable: true,
      executed: 'no',
      retryAfterMs: undefined,
    });
    expect(refusing.control.refusals).toBe(4);
    const [first = 0, second = 0, third = 0] = clock.waits;
    expect(clock.waits).toHaveLength(3);
    expect(first).toBeGreaterThanOrEqual(500);
    expect(first).toBeLessThanOrEqual(1_000);
    expect(second).toBeGreaterThanOrEqual(1_000);
    expect(second).toBeLessThanOrEqual(2_000);
    expect(third).toBeGreaterThanOrEqual(2_000);
    expect(third).toBeLessThanOrEqual(4_000);
  });

  it('throws a 429 asking for more than a minute at once, with its retryAfterMs', async () => {
    const clock = instant();
    const easypost = createEasyPostConnector({ apiKey, clock });
    fake.control.refuseNext(120_000);
    const error = await refusal(() => easypost.tracking.get('EZ5000000004', op));
    expect(error).toMatchObject({ httpStatus: 429, retryable: true, retryAfterMs: 120_000 });
    expect(fake.control.requests).toHaveLength(1);
    expect(clock.waits).toEqual([]);
  });

  it('sends a shipment create refused with a 429 again after the wait, and buys one label', async () => {
    const clock = instant();
    const easypost = createEasyPostConnector({ apiKey, clock });
    fake.control.failNext('shipments.create', { status: 429, retryAfterMs: 2_000 });
    const label = await easypost.labels.buy(
      {
        shipment: {
          from: { street1: '417 Montgomery St', city: 'San Francisco', zip: '94104', country: 'US' },
          to: { street1: '179 N Harbor Dr', city: 'Redondo Beach', zip: '90277', country: 'US' },
          parcel: { weight: 10 },
        },
      },
      { ...op, idempotencyKey: 'label:429' },
    );
    expect(label.existing).toBe(false);
    expect(clock.waits).toContain(2_000);
    expect(fake.control.shipments()).toHaveLength(1);
    expect(fake.control.purchases()).toHaveLength(1);
  });
});
