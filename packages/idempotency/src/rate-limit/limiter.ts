import { type Clock, systemClock } from '../clock.js';
import { MemoryTokenBucketStore } from './memory.js';
import type { TakeResult, TokenBucketStore } from './types.js';

export interface RateLimiterOptions {
  /** Names the limit (and its Redis key). @example 'shipbob:api' */
  readonly name: string;
  /** Burst size. @example 150 */
  readonly capacity: number;
  /** Sustained rate. @example 2.5 (150 requests a minute) */
  readonly refillPerSecond: number;
  /** Default: this process only; `RedisTokenBucketStore` shares the limit between instances. */
  readonly store?: TokenBucketStore;
  readonly clock?: Clock;
}

export interface AcquireOptions {
  /** Tokens this call costs. Default 1. */
  readonly cost?: number;
  readonly signal?: AbortSignal;
  /** Give up (throw `RangeError`) rather than wait longer than this in total. Default: wait as long as needed. */
  readonly maxWaitMs?: number;
}

/**
 * A token-bucket rate limiter: at most `capacity` calls at once, `refillPerSecond` sustained.
 * `take` answers at once with the wait needed; `acquire` waits for it.
 *
 * @example
 * const limiter = new RateLimiter({ name: 'shipbob', capacity: 150, refillPerSecond: 2.5 });
 * await limiter.acquire({ signal });
 * await shipbob.createOrder(order);
 */
export class RateLimiter {
  readonly #options: RateLimiterOptions;
  readonly #store: TokenBucketStore;
  readonly #clock: Clock;

  constructor(options: RateLimiterOptions) {
    if (!(options.capacity > 0) || !(options.refillPerSecond > 0)) {
      throw new RangeError(
        `rate limiter "${options.name}": capacity and refillPerSecond must be greater than zero`,
      );
    }
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#store = options.store ?? new MemoryTokenBucketStore({ clock: this.#clock });
  }

  /** Takes `cost` tokens if available, without waiting. */
  async take(cost = 1): Promise<TakeResult> {
    if (cost > this.#options.capacity) {
      throw new RangeError(
        `rate limiter "${this.#options.name}": a cost of ${cost} can never fit a capacity of ${this.#options.capacity}`,
      );
    }
    return this.#store.take(this.#options.name, cost, this.#options);
  }

  /** Waits until `cost` tokens are available and takes them. */
  async acquire(options: AcquireOptions = {}): Promise<void> {
    const started = this.#clock.now();
    for (;;) {
      options.signal?.throwIfAborted();
      const result = await this.take(options.cost ?? 1);
      if (result.allowed) return;
      if (
        options.maxWaitMs !== undefined &&
        this.#clock.now() - started + result.waitMs > options.maxWaitMs
      ) {
        throw new RangeError(
          `rate limiter "${this.#options.name}": would wait more than ${options.maxWaitMs} ms`,
        );
      }
      await this.#clock.sleep(result.waitMs, options.signal);
    }
  }
}
