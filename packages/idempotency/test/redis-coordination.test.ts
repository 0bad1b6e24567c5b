import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { type BreakerState, CircuitBreaker, CircuitOpenError, RateLimiter } from '../src/index.js';
import { RedisBreakerStateStore, RedisTokenBucketStore } from '../src/redis/index.js';

const REDIS_URL = 'redis://127.0.0.1:6379';
const prefix = `crossdock:test:coord:${process.pid}:${Date.now()}:`;
const connections: Redis[] = [];
const connect = () => {
  const redis = new Redis(REDIS_URL);
  connections.push(redis);
  return redis;
};

afterAll(async () => {
  const keys = await connections[0]?.keys(`${prefix}*`);
  if (keys && keys.length > 0) await connections[0]?.del(...keys);
  for (const redis of connections) redis.disconnect();
});

/** Two service instances: separate connections, separate breaker objects, one shared breaker in Redis. */
function twoInstances(name: string) {
  const options = { name, consecutiveFailures: 3, openMs: 300, probeTimeoutMs: 2_000 };
  const make = () =>
    new CircuitBreaker({ ...options, stateStore: new RedisBreakerStateStore({ redis: connect(), prefix }) });
  return [make(), make()] as const;
}

const fail = () => Promise.reject(new Error('ShipBob answered 503'));

describe('a circuit breaker shared through Redis', () => {
  it('opens for every instance when one instance trips it', async () => {
    const [a, b] = twoInstances(`open-${Date.now()}`);
    for (let call = 0; call < 3; call++) await expect(a.execute(fail)).rejects.toThrow('503');
    let called = false;
    await expect(
      b.execute(async () => {
        called = true;
      }),
    ).rejects.toBeInstanceOf(CircuitOpenError);
    expect(called).toBe(false);
    expect(await b.state()).toBe('open');
  });

  it('lets exactly one of two instances probe when it half-opens, then closes for both', async () => {
    const [a, b] = twoInstances(`probe-${Date.now()}`);
    const changes: Array<[string, BreakerState, BreakerState]> = [];
    a.on('stateChange', ({ from, to }) => changes.push(['a', from, to]));
    for (let call = 0; call < 3; call++) await expect(a.execute(fail)).rejects.toThrow();
    await sleep(350);

    let probes = 0;
    const probe = async () => {
      probes++;
      await sleep(100);
      return 'healthy';
    };
    const outcomes = await Promise.allSettled([
      a.execute(probe),
      b.execute(probe),
      a.execute(probe),
      b.execute(probe),
    ]);
    expect(probes).toBe(1);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(CircuitOpenError);
    }
    expect(await a.state()).toBe('closed');
    expect(await b.execute(async () => 'through')).toBe('through');
    expect(changes).toEqual([
      ['a', 'closed', 'open'],
      ['a', 'open', 'half_open'],
      ['a', 'half_open', 'closed'],
    ]);
  });

  it('opens again for everyone when the probe fails', async () => {
    const [a, b] = twoInstances(`reopen-${Date.now()}`);
    for (let call = 0; call < 3; call++) await expect(a.execute(fail)).rejects.toThrow();
    await sleep(350);
    await expect(b.execute(fail)).rejects.toThrow('503');
    expect(await a.state()).toBe('open');
    await expect(a.execute(async () => 'x')).rejects.toBeInstanceOf(CircuitOpenError);
  });
});

describe('a rate limit shared through Redis', () => {
  it('gives two instances one bucket between them, and says how long to wait', async () => {
    const name = `bucket-${Date.now()}`;
    const make = () =>
      new RateLimiter({
        name,
        capacity: 10,
        refillPerSecond: 1,
        store: new RedisTokenBucketStore({ redis: connect(), prefix }),
      });
    const [a, b] = [make(), make()];
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? a : b).take()),
    );
    expect(answers.filter((answer) => answer.allowed)).toHaveLength(10);
    const refused = answers.filter((answer) => !answer.allowed);
    for (const answer of refused) {
      expect(answer.waitMs).toBeGreaterThan(900);
      expect(answer.waitMs).toBeLessThanOrEqual(1_000);
    }
  });

  it('never lets four instances together go over the limit while they wait for tokens', async () => {
    const name = `flood-${Date.now()}`;
    const capacity = 5;
    const refillPerSecond = 20;
    const limiters = Array.from(
      { length: 4 },
      () =>
        new RateLimiter({
          name,
          capacity,
          refillPerSecond,
          store: new RedisTokenBucketStore({ redis: connect(), prefix }),
        }),
    );
    const started = Date.now();
    const deadline = AbortSignal.timeout(1_000);
    let acquired = 0;
    await Promise.all(
      limiters.map(async (limiter) => {
        for (;;) {
          try {
            await limiter.acquire({ signal: deadline });
          } catch {
            return;
          }
          acquired++;
        }
      }),
    );
    const elapsedSeconds = (Date.now() - started) / 1000;
    expect(acquired).toBeLessThanOrEqual(capacity + Math.ceil(refillPerSecond * elapsedSeconds));
    expect(acquired).toBeGreaterThanOrEqual(capacity + Math.floor(refillPerSecond * 0.5));
  });
});
