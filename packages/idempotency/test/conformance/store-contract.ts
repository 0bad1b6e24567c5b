import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { type IdempotencyStore, StaleTokenError } from '../../src/index.js';

/** What a store's test file provides: a fresh store per test, and a unique prefix so tests never share keys. */
export interface StoreUnderTest {
  readonly store: IdempotencyStore;
  readonly close?: () => Promise<void>;
}

let sequence = 0;
const uniqueKey = (label: string) => `contract:${process.pid}:${Date.now()}:${++sequence}:${label}`;

async function staleReason(action: Promise<unknown>): Promise<string> {
  try {
    await action;
  } catch (error) {
    if (error instanceof StaleTokenError) return error.reason;
    throw error;
  }
  throw new Error('expected a StaleTokenError, but the call succeeded');
}

/**
 * The claim protocol every store must keep. Run it from each store's test file:
 * `describeStoreContract('RedisStore', async () => ({ store, close }))`.
 */
export function describeStoreContract(name: string, open: () => Promise<StoreUnderTest>): void {
  const withStore = (test: (store: IdempotencyStore) => Promise<void>) => async () => {
    const { store, close } = await open();
    try {
      await test(store);
    } finally {
      await close?.();
    }
  };
  const opts = { fingerprint: 'fp-1', leaseMs: 5_000, ttlMs: 60_000 };

  describe(`${name} keeps the claim protocol`, () => {
    it(
      'lets the first claimer acquire a key, on attempt 1',
      withStore(async (store) => {
        const claim = await store.claim(uniqueKey('first'), opts);
        expect(claim).toMatchObject({ status: 'acquired', attempt: 1 });
        expect(claim.status === 'acquired' && claim.token.length).toBeGreaterThan(0);
      }),
    );

    it(
      'answers a duplicate with in_progress and the time left on the lease',
      withStore(async (store) => {
        const key = uniqueKey('dup');
        await store.claim(key, opts);
        const duplicate = await store.claim(key, opts);
        expect(duplicate.status).toBe('in_progress');
        if (duplicate.status !== 'in_progress') return;
        expect(duplicate.retryAfterMs).toBeGreaterThan(0);
        expect(duplicate.retryAfterMs).toBeLessThanOrEqual(opts.leaseMs);
      }),
    );

    it(
      'replays the stored result byte for byte once completed',
      withStore(async (store) => {
        const key = uniqueKey('done');
        const claim = await store.claim(key, opts);
        if (claim.status !== 'acquired') throw new Error('not acquired');
        const result = JSON.stringify({ orderId: 'SO-1', lines: [1.5, 'x', null], note: 'é 日本 "q"' });
        await store.complete(key, claim.token, result);
        expect(await store.claim(key, opts)).toEqual({ status: 'completed', result, failed: false });
      }),
    );

    it(
      'reports a key reused with another payload as mismatch, in progress and completed',
      withStore(async (store) => {
        const key = uniqueKey('mismatch');
        const claim = await store.claim(key, opts);
        expect(await store.claim(key, { ...opts, fingerprint: 'fp-2' })).toEqual({ status: 'mismatch' });
        if (claim.status !== 'acquired') throw new Error('not acquired');
        await store.complete(key, claim.token, '"ok"');
        expect(await store.claim(key, { ...opts, fingerprint: 'fp-2' })).toEqual({ status: 'mismatch' });
      }),
    );

    it(
      'refuses complete, fail and heartbeat from a token that does not own the key',
      withStore(async (store) => {
        const key = uniqueKey('owner');
        const claim = await store.claim(key, opts);
        if (claim.status !== 'acquired') throw new Error('not acquired');
        expect(await staleReason(store.complete(key, 'someone-else', '1'))).toBe('not_owner');
        expect(await staleReason(store.fail(key, 'someone-else', { retryable: true }))).toBe('not_owner');
        expect(await staleReason(store.heartbeat(key, 'someone-else', 1_000))).toBe('not_owner');
        expect(await staleReason(store.complete(uniqueKey('never-claimed'), claim.token, '1'))).toBe(
          'not_found',
        );
        await store.complete(key, claim.token, '1');
        expect(await staleReason(store.complete(key, claim.token, '2'))).toBe('already_completed');
        expect(await store.claim(key, opts)).toEqual({ status: 'completed', result: '1', failed: false });
      }),
    );

    it(
      'releases the key at once on a retryable failure',
      withStore(async (store) => {
        const key = uniqueKey('retryable');
        const claim = await store.claim(key, opts);
        if (claim.status !== 'acquired') throw new Error('not acquired');
        await store.fail(key, claim.token, { retryable: true });
        expect((await store.claim(key, opts)).status).toBe('acquired');
      }),
    );

    it(
      'keeps a final failure as the outcome duplicates receive',
      withStore(async (store) => {
        const key = uniqueKey('final');
        const claim = await store.claim(key, opts);
        if (claim.status !== 'acquired') throw new Error('not acquired');
        const failure = JSON.stringify({ name: 'ValidationError', message: 'bad sku' });
        await store.fail(key, claim.token, { retryable: false, result: failure });
        expect(await store.claim(key, opts)).toEqual({ status: 'completed', result: failure, failed: true });
      }),
    );

    it(
      'hands a crashed owner’s key to the next claimer after one lease, and fences the old owner out',
      withStore(async (store) => {
        const key = uniqueKey('crash');
        const lease = { ...opts, leaseMs: 150 };
        const first = await store.claim(key, lease);
        if (first.status !== 'acquired') throw new Error('not acquired');
        expect((await store.claim(key, lease)).status).toBe('in_progress');
        await sleep(220);
        const second = await store.claim(key, lease);
        expect(second).toMatchObject({ status: 'acquired', attempt: 2 });
        if (second.status !== 'acquired') return;
        expect(second.token).not.toBe(first.token);
        expect(await staleReason(store.complete(key, first.token, '"late"'))).toBe('not_owner');
        await store.complete(key, second.token, '"winner"');
        expect(await store.claim(key, lease)).toEqual({
          status: 'completed',
          result: '"winner"',
          failed: false,
        });
      }),
    );

    it(
      'lets an owner whose lease ran out still complete while nobody took the key over',
      withStore(async (store) => {
        const key = uniqueKey('slow');
        const claim = await store.claim(key, { ...opts, leaseMs: 50 });
        if (claim.status !== 'acquired') throw new Error('not acquired');
        await sleep(100);
        await store.complete(key, claim.token, '"slow but alone"');
        expect(await store.claim(key, opts)).toMatchObject({
          status: 'completed',
          result: '"slow but alone"',
        });
      }),
    );

    it(
      'extends the lease on heartbeat so a long handler keeps its key',
      withStore(async (store) => {
        const key = uniqueKey('heartbeat');
        const claim = await store.claim(key, { ...opts, leaseMs: 150 });
        if (claim.status !== 'acquired') throw new Error('not acquired');
        await sleep(100);
        await store.heartbeat(key, claim.token, 400);
        await sleep(150);
        const duplicate = await store.claim(key, { ...opts, leaseMs: 150 });
        expect(duplicate.status).toBe('in_progress');
        if (duplicate.status === 'in_progress') expect(duplicate.retryAfterMs).toBeGreaterThan(100);
      }),
    );

    it(
      'keeps the record alive while a heartbeat keeps the lease beyond the TTL',
      withStore(async (store) => {
        const key = uniqueKey('heartbeat-ttl');
        const short = { ...opts, leaseMs: 100, ttlMs: 200 };
        const claim = await store.claim(key, short);
        if (claim.status !== 'acquired') throw new Error('not acquired');
        await sleep(50);
        await store.heartbeat(key, claim.token, 500);
        await sleep(250);
        expect((await store.claim(key, short)).status).toBe('in_progress');
        await store.complete(key, claim.token, '"finished late"');
      }),
    );

    it(
      'forgets a completed key once its TTL has passed',
      withStore(async (store) => {
        const key = uniqueKey('ttl');
        const short = { ...opts, leaseMs: 100, ttlMs: 200 };
        const claim = await store.claim(key, short);
        if (claim.status !== 'acquired') throw new Error('not acquired');
        await store.complete(key, claim.token, '1');
        expect((await store.claim(key, short)).status).toBe('completed');
        await sleep(300);
        expect(await store.claim(key, short)).toMatchObject({ status: 'acquired', attempt: 1 });
      }),
    );

    it(
      'keeps keys independent of each other',
      withStore(async (store) => {
        const a = uniqueKey('a');
        const b = uniqueKey('b');
        await store.claim(a, opts);
        expect((await store.claim(b, { ...opts, fingerprint: 'other' })).status).toBe('acquired');
      }),
    );

    it(
      'gives exactly one of 50 concurrent claimers the key',
      withStore(async (store) => {
        const key = uniqueKey('race');
        const claims = await Promise.all(Array.from({ length: 50 }, () => store.claim(key, opts)));
        expect(claims.filter((claim) => claim.status === 'acquired')).toHaveLength(1);
        expect(claims.filter((claim) => claim.status === 'in_progress')).toHaveLength(49);
      }),
    );
  });
}
