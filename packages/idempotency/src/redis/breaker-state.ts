import type { BreakerSnapshot, BreakerState, BreakerStateStore } from '../breaker/state-store.js';
import { BREAKER_OPEN, BREAKER_PROBE, BREAKER_READ } from './coordination-scripts.js';
import { type ScriptClient, ScriptRunner } from './scripts.js';

export interface RedisBreakerStateStoreOptions {
  /** An ioredis client or cluster; the caller owns the connection. */
  readonly redis: ScriptClient;
  /** Prepended to every breaker's key. Default `'crossdock:breaker:'`. @example 'acme:breaker:' */
  readonly prefix?: string;
}

/** How long a tripped breaker's record outlives its open time, so abandoned breakers do not linger. */
const KEEP_AFTER_OPEN_MS = 24 * 60 * 60 * 1000;

/**
 * Breaker state shared by every instance through one Redis hash per breaker: when one instance
 * trips it, all refuse calls; when it half-opens, exactly one instance gets to probe. Times are
 * Redis's own. One round trip per call.
 *
 * @example
 * const breaker = new CircuitBreaker({ name: 'shipbob', stateStore: new RedisBreakerStateStore({ redis }) });
 */
export class RedisBreakerStateStore implements BreakerStateStore {
  readonly #redis: ScriptClient;
  readonly #scripts: ScriptRunner;
  readonly #prefix: string;

  constructor(options: RedisBreakerStateStoreOptions) {
    this.#redis = options.redis;
    this.#scripts = new ScriptRunner(options.redis);
    this.#prefix = options.prefix ?? 'crossdock:breaker:';
  }

  async read(name: string): Promise<BreakerSnapshot> {
    const [state, retryAfterMs] = (await this.#scripts.run(BREAKER_READ, this.#key(name), [])) as [
      BreakerState,
      number,
    ];
    return { state, retryAfterMs: Number(retryAfterMs) };
  }

  async open(name: string, openMs: number): Promise<void> {
    await this.#scripts.run(BREAKER_OPEN, this.#key(name), [openMs, openMs + KEEP_AFTER_OPEN_MS]);
  }

  async close(name: string): Promise<void> {
    await this.#redis.del(this.#key(name));
  }

  async tryAcquireProbe(name: string, ttlMs: number): Promise<boolean> {
    return Number(await this.#scripts.run(BREAKER_PROBE, this.#key(name), [ttlMs])) === 1;
  }

  #key(name: string): string {
    return `${this.#prefix}${name}`;
  }
}
