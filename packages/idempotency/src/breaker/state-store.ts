import { type Clock, systemClock } from '../clock.js';

export type BreakerState = 'closed' | 'open' | 'half_open';

/** The shared part of a breaker's state: whether it is tripped, and for how long calls stay refused. */
export interface BreakerSnapshot {
  readonly state: BreakerState;
  /** With `open`: ms until a probe may run. */
  readonly retryAfterMs: number;
}

/**
 * Where a breaker keeps the state its instances share. `open` trips it for `openMs`; after that it
 * reads `half_open` until `close`. `tryAcquireProbe` lets exactly one caller (across instances)
 * probe a half-open breaker for `ttlMs`.
 */
export interface BreakerStateStore {
  read(name: string): Promise<BreakerSnapshot>;
  open(name: string, openMs: number): Promise<void>;
  close(name: string): Promise<void>;
  tryAcquireProbe(name: string, ttlMs: number): Promise<boolean>;
}

interface MemoryBreaker {
  tripped: boolean;
  openUntil: number;
  probeUntil: number;
}

/** Breaker state in this process only: the default, for one instance. */
export class MemoryBreakerStateStore implements BreakerStateStore {
  readonly #breakers = new Map<string, MemoryBreaker>();
  readonly #clock: Clock;

  constructor(options: { readonly clock?: Clock } = {}) {
    this.#clock = options.clock ?? systemClock;
  }

  async read(name: string): Promise<BreakerSnapshot> {
    const breaker = this.#breakers.get(name);
    if (!breaker?.tripped) return { state: 'closed', retryAfterMs: 0 };
    const left = breaker.openUntil - this.#clock.now();
    return left > 0 ? { state: 'open', retryAfterMs: left } : { state: 'half_open', retryAfterMs: 0 };
  }

  async open(name: string, openMs: number): Promise<void> {
    this.#breakers.set(name, { tripped: true, openUntil: this.#clock.now() + openMs, probeUntil: 0 });
  }

  async close(name: string): Promise<void> {
    this.#breakers.delete(name);
  }

  async tryAcquireProbe(name: string, ttlMs: number): Promise<boolean> {
    const breaker = this.#breakers.get(name);
    const now = this.#clock.now();
    if (!breaker || breaker.probeUntil > now) return false;
    breaker.probeUntil = now + ttlMs;
    return true;
  }
}
