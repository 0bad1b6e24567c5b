import { setImmediate as nextTurn } from 'node:timers/promises';
import { ManualClock } from '@crossdock/idempotency';
import { createShopifyHandlers, shopify as fake } from '@crossdock/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isConnectorError } from '../src/contract/errors.js';
import { createShopifyConnector } from '../src/shopify/index.js';

const TOKEN = 'shpat_throttle_token';
const op = { correlationId: 'test-shopify-throttle' };
const clock = new ManualClock(Date.parse('2026-11-25T12:00:00Z'));

// A shop on a standard plan: 2000 points, 100 restored a second (what Shopify answers in throttleStatus).
const shop = createShopifyHandlers({
  shop: 'paced.myshopify.com',
  accessToken: TOKEN,
  bucket: { maximumAvailable: 2000, restoreRate: 100, clock },
});
// 12 orders of 20 lines: a page of 12 requests and actually costs 2 + 12 × (1 + 1 + 2 + 20 × 3) = 770 points.
for (let i = 0; i < 12; i++) {
  shop.control.addOrder({
    lines: Array.from({ length: 20 }, (_, line) => ({ sku: `P-${i}-${line}`, quantity: 1 })),
  });
}
const server = setupServer(...shop);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());
beforeEach(async () => {
  // a full bucket and a clean log for each test
  await clock.advance(60_000);
  shop.resetLog();
});

const connector = (options: { maxThrottleRetries?: number } = {}) =>
  createShopifyConnector({ shop: shop.shop, accessToken: TOKEN, clock, ...options });

/** Settles `calls`, moving the shared clock in `stepMs` steps while they wait for the bucket. */
async function onClock<T>(calls: readonly Promise<T>[], stepMs = 50): Promise<PromiseSettledResult<T>[]> {
  let done = false;
  const all = Promise.allSettled(calls).then((results) => {
    done = true;
    return results;
  });
  for (let step = 0; !done; step++) {
    if (step > 10_000) throw new Error('calls still pending after 10 000 clock steps');
    for (let turn = 0; turn < 3 && !done; turn++) await nextTurn();
    if (!done) await clock.advance(stepMs);
  }
  return all;
}

/** The raw GraphQL answer of a query sent straight to the fake (no connector pacing it). */
async function post(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(shop.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': TOKEN },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string } }[];
    extensions?: {
      cost?: {
        requestedQueryCost: number;
        actualQueryCost: number | null;
        throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
      };
    };
  };
}

const PAGE_QUERY = `query Orders($first: Int!) {
  orders(first: $first) { nodes { id shippingAddress { city } lineItems(first: 20) { nodes { id originalUnitPriceSet { shopMoney { amount } } } } } }
}`;

describe('Shopify cost-based throttling', () => {
  it('a burst of order pages larger than the cost bucket is paced on the clock and Shopify refuses none', async () => {
    const shopify = connector();
    const start = clock.now();
    const results = await onClock(Array.from({ length: 8 }, () => shopify.orders.list({ pageSize: 12 }, op)));
    expect(results.every((result) => result.status === 'fulfilled')).toBe(true);
    expect(shop.bucket.throttled).toBe(0);
    const times = shop.requests.map((request) => request.at - start);
    expect(times).toHaveLength(8);
    // 8 × 770 = 6160 points through a 2000-point bucket restoring 100 a second: the last page can
    // only go once (6160 − 2000) / 100 = 41.6 s have passed, and it does not wait much longer.
    expect(times.at(-1)).toBeGreaterThanOrEqual(41_600);
    expect(times.at(-1)).toBeLessThan(41_600 + 8 * 7_700);
    expect(shopify.throttledMs()).toBeGreaterThan(0);
  });

  it('the same burst sent without pacing is refused by the fake as THROTTLED, with the throttle status', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(PAGE_QUERY, { first: 12 })));
    const refused = answers.filter((answer) => answer.errors?.[0]?.extensions?.code === 'THROTTLED');
    expect(refused.length).toBeGreaterThan(0);
    expect(shop.bucket.throttled).toBe(refused.length);
    const [first] = refused;
    expect(first?.data).toBeUndefined();
    expect(first?.extensions?.cost).toMatchObject({
      requestedQueryCost: 770,
      actualQueryCost: null,
      throttleStatus: { maximumAvailable: 2000, restoreRate: 100 },
    });
    expect(first?.extensions?.cost?.throttleStatus.currentlyAvailable).toBeLessThan(770);
  });

  it('a THROTTLED answer is retried once throttleStatus says the deficit is restored (Shopify sends no Retry-After)', async () => {
    const shopify = connector();
    shop.bucket.throttleNext(3_000);
    const [result] = await onClock([shopify.orders.list({ pageSize: 12 }, op)], 100);
    expect(result?.status).toBe('fulfilled');
    const [refused, retried] = shop.requests;
    expect(refused?.outcome).toBe('throttled');
    expect(retried?.outcome).toBe('answered');
    const waited = (retried?.at ?? 0) - (refused?.at ?? 0);
    expect(waited).toBeGreaterThanOrEqual(3_000);
    expect(waited).toBeLessThan(3_500);
  });

  it('after its retries a THROTTLED answer is a retryable ConnectorError whose retryAfterMs comes from throttleStatus', async () => {
    const shopify = connector({ maxThrottleRetries: 0 });
    shop.bucket.throttleNext(7_000);
    const [result] = await onClock([shopify.orders.list({ pageSize: 12 }, op)]);
    expect(result?.status).toBe('rejected');
    const error = result?.status === 'rejected' ? result.reason : undefined;
    expect(isConnectorError(error)).toBe(true);
    expect(error).toMatchObject({
      vendorCode: 'THROTTLED',
      retryable: true,
      executed: 'no',
      retryAfterMs: 7_000,
    });
  });

  it('an aborted call stops waiting for the bucket', async () => {
    const shopify = connector();
    await onClock([shopify.orders.list({ pageSize: 12 }, op), shopify.orders.list({ pageSize: 12 }, op)]);
    const controller = new AbortController();
    const waiting = shopify.orders.list({ pageSize: 12 }, { ...op, signal: controller.signal });
    for (let turn = 0; turn < 5; turn++) await nextTurn();
    const sent = shop.requests.length;
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ vendorCode: 'ABORTED' });
    expect(shop.requests).toHaveLength(sent);
  });
});

describe('Shopify query cost', () => {
  it('the fake costs a query by the reference rules, as Shopify answered for a variants page (252)', () => {
    const query = fake.parseOperation('query { productVariants(first: 250) { nodes { id } } }');
    expect(fake.requestedCost(query, {})).toBe(252);
    const nested = fake.parseOperation(PAGE_QUERY);
    expect(fake.requestedCost(nested, { first: 12 })).toBe(2 + 12 * (1 + 1 + 2 + 20 * 3));
  });

  it('the bucket is refunded what a page did not return: actualQueryCost counts the nodes answered', async () => {
    const answer = await post('query Orders($first: Int!) { orders(first: $first) { nodes { id } } }', {
      first: 50,
    });
    expect(answer.extensions?.cost).toMatchObject({ requestedQueryCost: 52, actualQueryCost: 14 });
    expect(answer.extensions?.cost?.throttleStatus.currentlyAvailable).toBe(2000 - 14);
  });

  it('a query over the single-query limit of 1000 points is refused as MAX_COST_EXCEEDED, not throttled', async () => {
    const answer = await post(PAGE_QUERY, { first: 50 });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'MAX_COST_EXCEEDED', maxCost: 1000 });
    expect(shop.bucket.throttled).toBe(0);
  });

  it('orders.list keeps a page under the single-query limit whatever page size is asked', async () => {
    const shopify = connector();
    const [result] = await onClock([shopify.orders.list({ pageSize: 100 }, op)]);
    expect(result?.status).toBe('fulfilled');
    expect(shop.requests[0]?.requestedCost).toBeLessThanOrEqual(fake.SINGLE_QUERY_MAX_COST);
    expect(result?.status === 'fulfilled' && result.value.items).toHaveLength(12);
  });
});
