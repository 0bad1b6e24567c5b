import type { BucketLimits, TakeResult, TokenBucketStore } from '../rate-limit/types.js';
import { TOKEN_BUCKET_TAKE } from './coordination-scripts.js';
import { type ScriptClient, ScriptRunner } from './scripts.js';

export interface RedisTokenBucketStoreOptions {
  /** An ioredis client or cluster; the caller owns the connection. */
  readonly redis: ScriptClient;
  /** Prepended to every bucket's key. Default `'crossdock:bucket:'`. @example 'acme:bucket:' */
  readonly prefix?: string;
}

/**
 * Token buckets shared by every instance: one Lua call refills and takes atomically on Redis's
 * clock, so N instances together never exceed the limit one would.
 *
 * @example
 * const limiter = new RateLimiter({ name: 'shipbob', capacity: 150, refillPerSecond: 2.5, store: new RedisTokenBucketStore({ redis }) });
 */
export class RedisTokenBucketStore implements TokenBucketStore {
  readonly #scripts: ScriptRunner;
  readonly #prefix: string;

  constructor(options: RedisTokenBucketStoreOptions) {
    this.#scripts = new ScriptRunner(options.redis);
    this.#prefix = options.prefix ?? 'crossdock:bucket:';
  }

  async take(bucket: string, cost: number, { capacity, refillPerSecond }: BucketLimits): Promise<TakeResult> {
    // A bucket idle long enough to be full again holds no information; let Redis drop it.
    const idleMs = Math.ceil((capacity / refillPerSecond) * 1000) + 1000;
    const reply = (await this.#scripts.run(TOKEN_BUCKET_TAKE, `${this.#prefix}${bucket}`, [
      capacity,
      refillPerSecond,
      cost,
      idleMs,
    ])) as [number, number, number];
    return { allowed: Number(reply[0]) === 1, waitMs: Number(reply[1]), remaining: Number(reply[2]) };
  }
}
