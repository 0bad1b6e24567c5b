import { ManualClock, MemoryTokenBucketStore } from '@crossdock/idempotency';
import { createShipBobHandlers } from '@crossdock/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createShipBobConnector, shipbobRateLimiter } from '../src/shipbob/index.js';

const TOKEN = 'sb-rate-token-5d0a';
const clock = new ManualClock(Date.parse('2026-11-25T12:00:00Z'));
const fake = createShipBobHandlers({ token: TOKEN, clock });
const server = setupServer(...fake);
const op = { correlationId: 'corr-rate' };
const headers = { authorization: `Bearer ${TOKEN}` };
const levels = () => fetch('https://api.shipbob.com/2026-07/inventory-level', { headers });

/** Moves the clock in steps until every call has settled. */
async function settle<T>(calls: Promise<T>[], stepMs: number): Promise<T[]> {
  let done = false;
  const all = Promise.all(calls).finally(() => {
    done = true;
  });
  for (let step = 0; step < 20_000 && !done; step++) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (!done) await clock.advance(stepMs);
  }
  return all;
}

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
beforeEach(() => fake.control.reset());
afterAll(() => server.close());

describe('the fake’s published limit: 150 requests in any sliding minute', () => {
  it('refuses the 151st request of a minute until the oldest leaves the window, on its injected clock', async () => {
    const start = clock.now();
    for (let i = 0; i < 150; i++) expect((await levels()).status).toBe(200);
    const refused = await levels();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-retry-after')).toBe('60');
    expect(refused.headers.get('x-remaining-calls')).toBe('0');
    await clock.advance(30_000);
    expect((await levels()).headers.get('x-retry-after')).toBe('30');
    await clock.advance(30_000);
    const again = await levels();
    expect(again.status).toBe(200);
    // All 150 of the first instant have left the window.
    expect(again.headers.get('x-remaining-calls')).toBe('149');
    expect(fake.control.refusals).toBe(2);
    expect(fake.control.requests.map((request) => request.at - start).slice(-3)).toEqual([0, 30_000, 60_000]);
  });

  it('refuseNext answers the next request 429 with its x-retry-after in seconds, without counting it as over the limit', async () => {
    fake.control.refuseNext(2_500);
    const refused = await levels();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-retry-after')).toBe('3');
    expect((await levels()).status).toBe(200);
    expect(fake.control.refusals).toBe(0);
  });
});

describe('the connector keeps the limit on its clock', () => {
  it('waits out a refusal’s x-retry-after on its clock before trying again', async () => {
    const shipbob = createShipBobConnector({ token: TOKEN, channelId: 4242, clock });
    fake.control.refuseNext(7_000);
    const [page] = await settle([shipbob.inventory.levels({}, op)], 500);
    expect(page?.items).toEqual([]);
    const [refused = 0, retried = 0] = fake.control.requests.map((request) => request.at);
    expect(retried - refused).toBeGreaterThanOrEqual(7_000);
  });

  it('two instances sharing one limiter store stay under ShipBob’s limit together', async () => {
    const store = new MemoryTokenBucketStore({ clock });
    const instance = () =>
      createShipBobConnector({
        token: TOKEN,
        channelId: 4242,
        clock,
        rateLimiter: shipbobRateLimiter({ store, clock }),
      });
    const [a, b] = [instance(), instance()];
    const calls = Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? a : b).inventory.levels({}, op));
    await settle(calls, 500);
    const times = fake.control.requests.map((request) => request.at);
    expect(times).toHaveLength(300);
    for (const [index, at] of times.entries()) {
      expect(times.slice(index).filter((t) => t < at + 60_000).length).toBeLessThanOrEqual(150);
    }
    expect(fake.control.refusals).toBe(0);
  });
});
