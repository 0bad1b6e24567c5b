import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StaleTokenError } from '../src/index.js';
import { RedisStore } from '../src/redis/index.js';
import { describeStoreContract } from './conformance/store-contract.js';
import { type ClientOptions, connect, deleteKeys, freshPrefix } from './redis-helpers.js';

async function openStore(options: ClientOptions = {}) {
  const redis = connect(options);
  const prefix = freshPrefix('idem');
  const store = new RedisStore({ redis, prefix });
  const close = async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
  };
  return { redis, prefix, store, close };
}

/**
 * The commands Redis received from `redis`'s connection while `action` ran, as seen by a MONITOR
 * connection: what the server executed, not what the client meant to send. ECHO markers fence the
 * window, so commands of other test files on the same server never count.
 */
async function commandsReceived(redis: Redis, action: () => Promise<unknown>): Promise<string[]> {
  const address = /(?:^| )addr=(\S+)/.exec(await redis.client('INFO'))?.[1];
  if (!address) throw new Error('CLIENT INFO gave no addr');
  const marker = randomUUID();
  const seen: string[][] = [];
  const monitor = await redis.monitor();
  try {
    const ended = new Promise<void>((resolve) => {
      monitor.on('monitor', (_time: string, args: string[], source: string) => {
        if (source !== address) return;
        seen.push(args);
        if (args[1] === `end:${marker}`) resolve();
      });
    });
    await redis.echo(`begin:${marker}`);
    await action();
    await redis.echo(`end:${marker}`);
    await Promise.race([
      ended,
      sleep(5_000).then(() => Promise.reject(new Error('MONITOR missed the end marker'))),
    ]);
  } finally {
    monitor.disconnect();
  }
  const begin = seen.findIndex((args) => args[1] === `begin:${marker}`);
  const end = seen.findIndex((args) => args[1] === `end:${marker}`);
  return seen.slice(begin + 1, end).map((args) => (args[0] ?? '').toLowerCase());
}

describeStoreContract('RedisStore', async () => {
  const { store, close } = await openStore();
  return { store, close };
});

describe('RedisStore on Redis', () => {
  const opts = { fingerprint: 'fp-1', leaseMs: 5_000, ttlMs: 60_000 };
  let opened: Awaited<ReturnType<typeof openStore>> | undefined;
  const open = async (options: ClientOptions = {}) => {
    opened = await openStore(options);
    return opened;
  };
  afterEach(async () => {
    vi.useRealTimers();
    await opened?.close();
    opened = undefined;
  });

  it('costs exactly one round trip per claim, the very first one included', async () => {
    const { redis, store } = await open();
    expect(await commandsReceived(redis, () => store.claim('first', opts))).toEqual(['eval']);
    expect(await commandsReceived(redis, () => store.claim('second', opts))).toEqual(['evalsha']);
    expect(await commandsReceived(redis, () => store.claim('second', opts))).toEqual(['evalsha']);
  });

  it('costs one round trip for complete, fail and heartbeat too', async () => {
    const { redis, store } = await open();
    const claim = await store.claim('k', { ...opts, leaseMs: 50 });
    if (claim.status !== 'acquired') throw new Error('not acquired');
    // The first call of each script sends its body; count the steady state after that.
    await store.heartbeat('k', claim.token, 5_000);
    await store.complete('other', 'no-token', '1').catch(() => {});
    await store.fail('other', 'no-token', { retryable: true }).catch(() => {});
    expect(await commandsReceived(redis, () => store.heartbeat('k', claim.token, 5_000))).toEqual([
      'evalsha',
    ]);
    expect(await commandsReceived(redis, () => store.complete('k', claim.token, '1'))).toEqual(['evalsha']);
    const next = await store.claim('k2', opts);
    if (next.status !== 'acquired') throw new Error('not acquired');
    expect(await commandsReceived(redis, () => store.fail('k2', next.token, { retryable: true }))).toEqual([
      'evalsha',
    ]);
  });

  it('keeps working after the server forgets its scripts (SCRIPT FLUSH)', async () => {
    const { redis, store } = await open();
    const claim = await store.claim('before', opts);
    if (claim.status !== 'acquired') throw new Error('not acquired');
    await store.heartbeat('before', claim.token, 5_000);
    await redis.script('FLUSH');
    // EVALSHA fails with NOSCRIPT without running, and the script is sent again.
    expect(await commandsReceived(redis, () => store.claim('after', opts))).toEqual(['evalsha', 'eval']);
    await redis.script('FLUSH');
    await store.heartbeat('before', claim.token, 5_000);
    await store.complete('before', claim.token, '"done"');
    expect(await store.claim('before', opts)).toEqual({
      status: 'completed',
      result: '"done"',
      failed: false,
    });
    expect(await store.claim('after', opts)).toMatchObject({ status: 'in_progress' });
  });

  it('stores one hash per key under the prefix, with the record’s fields', async () => {
    const { redis, prefix, store } = await open();
    const claim = await store.claim('order:SO-1', opts);
    if (claim.status !== 'acquired') throw new Error('not acquired');
    const record = await redis.hgetall(`${prefix}order:SO-1`);
    expect(record).toMatchObject({
      fingerprint: 'fp-1',
      state: 'in_progress',
      token: claim.token,
      attempt: '1',
    });
    expect(Number(record.leaseUntil)).toBeGreaterThan(0);
    await store.fail('order:SO-1', claim.token, { retryable: false, result: '"bad"' });
    expect(await redis.hgetall(`${prefix}order:SO-1`)).toMatchObject({
      state: 'completed',
      result: '"bad"',
      failed: '1',
    });
  });

  it('uses the crossdock:idem: prefix by default', async () => {
    const { redis } = await open();
    const key = `default-prefix:${process.pid}:${randomUUID()}`;
    try {
      await new RedisStore({ redis }).claim(key, opts);
      expect(await redis.exists(`crossdock:idem:${key}`)).toBe(1);
    } finally {
      await redis.del(`crossdock:idem:${key}`);
    }
  });

  it('expires a key ttlMs after its claim, and completing it does not extend that', async () => {
    const { redis, prefix, store } = await open();
    const claim = await store.claim('ttl', opts);
    if (claim.status !== 'acquired') throw new Error('not acquired');
    const afterClaim = await redis.pttl(`${prefix}ttl`);
    expect(afterClaim).toBeGreaterThan(opts.ttlMs - 2_000);
    expect(afterClaim).toBeLessThanOrEqual(opts.ttlMs);
    await sleep(50);
    await store.complete('ttl', claim.token, '1');
    expect(await redis.pttl(`${prefix}ttl`)).toBeLessThan(afterClaim);
  });

  it('keeps a key at least for its lease when the lease is longer than ttlMs', async () => {
    const { redis, prefix, store } = await open();
    await store.claim('long-lease', { ...opts, leaseMs: 30_000, ttlMs: 1_000 });
    expect(await redis.pttl(`${prefix}long-lease`)).toBeGreaterThan(28_000);
  });

  it('counts the TTL again from a takeover', async () => {
    const { redis, prefix, store } = await open();
    await store.claim('takeover', { ...opts, leaseMs: 100, ttlMs: 1_000 });
    await sleep(150);
    expect(await store.claim('takeover', opts)).toMatchObject({ status: 'acquired', attempt: 2 });
    expect(await redis.pttl(`${prefix}takeover`)).toBeGreaterThan(opts.ttlMs - 2_000);
  });

  it('keeps the record alive for a heartbeat’s whole lease', async () => {
    const { redis, prefix, store } = await open();
    const claim = await store.claim('beat', { ...opts, leaseMs: 200, ttlMs: 500 });
    if (claim.status !== 'acquired') throw new Error('not acquired');
    await store.heartbeat('beat', claim.token, 10_000);
    expect(await redis.pttl(`${prefix}beat`)).toBeGreaterThan(9_000);
    await sleep(600);
    expect(await store.claim('beat', opts)).toMatchObject({ status: 'in_progress' });
    await store.complete('beat', claim.token, '"long job"');
  });

  it('times leases by the Redis clock, whatever the client’s clock says', async () => {
    const { store } = await open();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3_600_000);
    await store.claim('skew', opts);
    vi.setSystemTime(Date.now() - 7_200_000);
    const duplicate = await store.claim('skew', opts);
    expect(duplicate.status).toBe('in_progress');
    if (duplicate.status === 'in_progress') {
      expect(duplicate.retryAfterMs).toBeGreaterThan(opts.leaseMs - 2_000);
      expect(duplicate.retryAfterMs).toBeLessThanOrEqual(opts.leaseMs);
    }
  });

  it('refuses lease and TTL values Redis cannot expire by, before sending anything', async () => {
    const { store } = await open();
    await expect(store.claim('bad', { ...opts, ttlMs: 0 })).rejects.toThrow(RangeError);
    await expect(store.claim('bad', { ...opts, leaseMs: 1.5 })).rejects.toThrow(RangeError);
    await expect(store.heartbeat('bad', 'token', -1)).rejects.toThrow(RangeError);
  });

  it.each<[string, ClientOptions]>([
    ['RESP2', { protocol: 2 }],
    ['RESP3 reply mapping', { replyMapping: 'resp3' }],
    ['stringNumbers', { stringNumbers: true }],
  ])('keeps the protocol on a client configured for %s', async (_label, options) => {
    const { store } = await open(options);
    const claim = await store.claim('k', opts);
    expect(claim).toMatchObject({ status: 'acquired', attempt: 1 });
    if (claim.status !== 'acquired') return;
    const duplicate = await store.claim('k', opts);
    expect(duplicate.status === 'in_progress' && typeof duplicate.retryAfterMs).toBe('number');
    await store.heartbeat('k', claim.token, 5_000);
    await store.complete('k', claim.token, '{"n":1}');
    await expect(store.complete('k', claim.token, '2')).rejects.toThrow(StaleTokenError);
    expect(await store.claim('k', opts)).toEqual({ status: 'completed', result: '{"n":1}', failed: false });
    expect(await store.claim('k', { ...opts, fingerprint: 'fp-2' })).toEqual({ status: 'mismatch' });
  });
});
