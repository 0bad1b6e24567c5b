import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { RedisOrderingStore } from '../src/redis/index.js';
import { describeOrderingContract } from './conformance/ordering-contract.js';
import { type ClientOptions, connect, deleteKeys, freshPrefix } from './redis-helpers.js';

async function openStore(ttlMs?: number, options: ClientOptions = {}) {
  const redis = connect(options);
  const prefix = freshPrefix('order');
  const store = new RedisOrderingStore(ttlMs === undefined ? { redis, prefix } : { redis, prefix, ttlMs });
  const close = async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
  };
  return { redis, prefix, store, close };
}

describeOrderingContract('RedisOrderingStore', async () => {
  const { store, close } = await openStore(600_000);
  return { store, close };
});

describe('RedisOrderingStore on Redis', () => {
  let opened: Awaited<ReturnType<typeof openStore>> | undefined;
  const open = async (ttlMs?: number, options: ClientOptions = {}) => {
    opened = await openStore(ttlMs, options);
    return opened;
  };
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });

  it('stores a position beyond 2^53 as its exact decimal digits', async () => {
    const { redis, prefix, store } = await open();
    await store.acceptIfNewer('big', { version: 2n ** 64n + 1n });
    expect(await redis.get(`${prefix}big`)).toBe('18446744073709551617');
    expect(await store.acceptIfNewer('big', { version: 2n ** 64n })).toEqual({
      accepted: false,
      current: 2n ** 64n + 1n,
    });
    expect(await store.acceptIfNewer('big', { version: 10n ** 20n })).toEqual({ accepted: true });
  });

  it('tells apart versions that differ only past the 15th digit', async () => {
    const { store } = await open();
    // As doubles these two are equal; as digits 9007199254740993 is newer.
    await store.acceptIfNewer('close', { version: 9_007_199_254_740_992n });
    expect(await store.acceptIfNewer('close', { version: 9_007_199_254_740_993n })).toEqual({
      accepted: true,
    });
    expect(await store.acceptIfNewer('close', { version: 9_007_199_254_740_992n })).toEqual({
      accepted: false,
      current: 9_007_199_254_740_993n,
    });
  });

  it('keeps positions without a TTL unless ttlMs is set', async () => {
    const { redis, prefix, store } = await open();
    await store.acceptIfNewer('forever', { version: 1 });
    expect(await redis.pttl(`${prefix}forever`)).toBe(-1);
  });

  it('expires a position ttlMs after it last advanced', async () => {
    const { redis, prefix, store } = await open(60_000);
    await store.acceptIfNewer('ttl', { version: 1 });
    const ttl = await redis.pttl(`${prefix}ttl`);
    expect(ttl).toBeGreaterThan(58_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('uses the crossdock:order: prefix by default', async () => {
    const { redis } = await open();
    const entity = `default-prefix:${process.pid}:${randomUUID()}`;
    try {
      await new RedisOrderingStore({ redis }).acceptIfNewer(entity, { version: 3 });
      expect(await redis.get(`crossdock:order:${entity}`)).toBe('3');
    } finally {
      await redis.del(`crossdock:order:${entity}`);
    }
  });

  it('keeps working after the server forgets its scripts (SCRIPT FLUSH)', async () => {
    const { redis, store } = await open();
    await store.acceptIfNewer('flush', { version: 1 });
    await redis.script('FLUSH');
    expect(await store.acceptIfNewer('flush', { version: 2 })).toEqual({ accepted: true });
    expect(await store.acceptIfNewer('flush', { version: 2 })).toEqual({ accepted: false, current: 2n });
  });

  it('refuses a ttlMs Redis cannot expire by', async () => {
    const redis = connect();
    try {
      expect(() => new RedisOrderingStore({ redis, ttlMs: 0 })).toThrow(RangeError);
      expect(() => new RedisOrderingStore({ redis, ttlMs: 1.5 })).toThrow(RangeError);
    } finally {
      await redis.quit();
    }
  });

  it.each<[string, ClientOptions]>([
    ['RESP2', { protocol: 2 }],
    ['RESP3 reply mapping', { replyMapping: 'resp3' }],
    ['stringNumbers', { stringNumbers: true }],
  ])('guards order on a client configured for %s', async (_label, options) => {
    const { store } = await open(60_000, options);
    expect(await store.acceptIfNewer('e', { version: 2n ** 60n })).toEqual({ accepted: true });
    expect(await store.acceptIfNewer('e', { version: 5 })).toEqual({ accepted: false, current: 2n ** 60n });
  });
});
