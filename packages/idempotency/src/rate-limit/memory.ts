import { type Clock, systemClock } from '../clock.js';
import type { BucketLimits, TakeResult, TokenBucketStore } from './types.js';

interface Bucket {
  tokens: number;
  at: number;
}

/** Token buckets in this process. */
export class MemoryTokenBucketStore implements TokenBucketStore {
  readonly #buckets = new Map<string, Bucket>();
  readonly #clock: Clock;

  constructor(options: { readonly clock?: Clock } = {}) {
    this.#clock = options.clock ?? systemClock;
  }

  async take(name: string, cost: number, { capacity, refillPerSecond }: BucketLimits): Promise<TakeResult> {
    const now = this.#clock.now();
    const bucket = this.#buckets.get(name) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond);
    bucket.at = now;
    this.#buckets.set(name, bucket);
    // Float refills can land a hair below a whole token; without the tolerance the announced wait would fall short.
    if (bucket.tokens >= cost - 1e-9) {
      bucket.tokens = Math.max(0, bucket.tokens - cost);
      return { allowed: true, waitMs: 0, remaining: Math.floor(bucket.tokens) };
    }
    const waitMs = Math.ceil(((cost - bucket.tokens) / refillPerSecond) * 1000);
    return { allowed: false, waitMs, remaining: Math.floor(bucket.tokens) };
  }
}
