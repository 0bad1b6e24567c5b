import { EventEmitter } from 'eventemitter3';
import { type Clock, systemClock } from '../clock.js';
import { CircuitOpenError } from '../errors.js';
import { type BreakerState, type BreakerStateStore, MemoryBreakerStateStore } from './state-store.js';
import { OutcomeWindow } from './window.js';

export interface CircuitBreakerOptions {
  /** Names the breaker in errors, events and the shared state store. @example 'shipbob' */
  readonly name: string;
  /** Open after this many failures in a row. Default 5. */
  readonly consecutiveFailures?: number;
  /** Open when this share of the last `windowSize` calls failed (after `minimumCalls`). Default 0.5. */
  readonly failureRateThreshold?: number;
  /** Open when this share of the last `windowSize` calls was slow (after `minimumCalls`). Default: off. @example 0.8 */
  readonly slowCallRateThreshold?: number;
  /** A call slower than this counts as slow. Default 10_000. */
  readonly slowCallMs?: number;
  /** Calls the rates are computed over. Default 50. */
  readonly windowSize?: number;
  /** Calls needed in the window before the rates count. Default 20. */
  readonly minimumCalls?: number;
  /** How long the breaker stays open before one probe may run. Default 30_000. */
  readonly openMs?: number;
  /** How long a probe may take before another instance may probe instead. Default 10_000. */
  readonly probeTimeoutMs?: number;
  /** Which errors count as failures. Default: all. @example (error) => !(error instanceof ValidationError) */
  readonly isFailure?: (error: unknown) => boolean;
  /** Shared state; `RedisBreakerStateStore` makes instances share one breaker. Default: this process only. */
  readonly stateStore?: BreakerStateStore;
  readonly clock?: Clock;
}

export interface BreakerEvents {
  stateChange: (change: {
    readonly name: string;
    readonly from: BreakerState;
    readonly to: BreakerState;
  }) => void;
  rejected: (error: CircuitOpenError) => void;
  /** The shared state could not be updated after a call (Redis down); the call's own outcome stands. */
  stateStoreError: (error: unknown) => void;
}

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

async function settle<T>(fn: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    return { ok: false, error };
  }
}

function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw outcome.error;
}

/**
 * A circuit breaker: closed, it counts failures (in a row, as a rate, and slow calls) and opens when
 * a threshold is crossed; open, it refuses calls with `CircuitOpenError` for `openMs`; then one
 * probe runs (one across all instances sharing the state store) and closes it or opens it again.
 *
 * @example
 * const breaker = new CircuitBreaker({ name: 'shipbob', stateStore: new RedisBreakerStateStore({ redis }) });
 * breaker.on('stateChange', ({ from, to }) => log.warn(`shipbob breaker ${from} → ${to}`));
 * const order = await breaker.execute(() => shipbob.getOrder(id));
 */
export class CircuitBreaker extends EventEmitter<BreakerEvents> {
  readonly name: string;
  readonly #options: CircuitBreakerOptions;
  readonly #store: BreakerStateStore;
  readonly #clock: Clock;
  readonly #window: OutcomeWindow;
  #lastSeen: BreakerState = 'closed';

  constructor(options: CircuitBreakerOptions) {
    super();
    this.name = options.name;
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#store = options.stateStore ?? new MemoryBreakerStateStore({ clock: this.#clock });
    this.#window = new OutcomeWindow(options.windowSize ?? 50);
  }

  /** The state as the shared store sees it now. */
  async state(): Promise<BreakerState> {
    const { state } = await this.#store.read(this.name);
    this.#observe(state);
    return state;
  }

  /** Runs `fn` through the breaker, or throws `CircuitOpenError` without calling it. */
  async execute<T>(fn: () => Promise<T>): Promise<T> {
    const snapshot = await this.#store.read(this.name);
    this.#observe(snapshot.state);
    if (snapshot.state === 'open') throw this.#reject(snapshot.retryAfterMs);
    if (snapshot.state === 'half_open') return this.#probe(fn);
    return this.#call(fn);
  }

  async #call<T>(fn: () => Promise<T>): Promise<T> {
    const started = this.#clock.now();
    const outcome = await settle(fn);
    const failed = !outcome.ok && (this.#options.isFailure?.(outcome.error) ?? true);
    this.#window.record({ failed, slow: this.#isSlow(started) });
    await this.#safely(() => this.#tripIfNeeded());
    return unwrap(outcome);
  }

  async #probe<T>(fn: () => Promise<T>): Promise<T> {
    if (!(await this.#store.tryAcquireProbe(this.name, this.#options.probeTimeoutMs ?? 10_000))) {
      throw this.#reject(0);
    }
    const outcome = await settle(fn);
    const failed = !outcome.ok && (this.#options.isFailure?.(outcome.error) ?? true);
    await this.#safely(async () => {
      if (failed) {
        await this.#store.open(this.name, this.#options.openMs ?? 30_000);
        this.#observe('open');
      } else {
        await this.#store.close(this.name);
        this.#window.reset();
        this.#observe('closed');
      }
    });
    return unwrap(outcome);
  }

  /**
   * Updates shared state after the call ran. A state-store failure must not replace the call's own
   * outcome: the effect may have happened, and reporting it as failed would invite a duplicate.
   */
  async #safely(update: () => Promise<void>): Promise<void> {
    try {
      await update();
    } catch (error) {
      this.emit('stateStoreError', error);
    }
  }

  async #tripIfNeeded(): Promise<void> {
    const window = this.#window;
    const enough = window.calls >= (this.#options.minimumCalls ?? 20);
    const slowThreshold = this.#options.slowCallRateThreshold;
    const trip =
      window.consecutiveFailures >= (this.#options.consecutiveFailures ?? 5) ||
      (enough && window.failureRate >= (this.#options.failureRateThreshold ?? 0.5)) ||
      (enough && slowThreshold !== undefined && window.slowRate >= slowThreshold);
    if (!trip) return;
    await this.#store.open(this.name, this.#options.openMs ?? 30_000);
    window.reset();
    this.#observe('open');
  }

  #isSlow(started: number): boolean {
    return this.#clock.now() - started > (this.#options.slowCallMs ?? 10_000);
  }

  #reject(retryAfterMs: number): CircuitOpenError {
    const error = new CircuitOpenError(this.name, retryAfterMs);
    this.emit('rejected', error);
    return error;
  }

  #observe(state: BreakerState): void {
    if (state === this.#lastSeen) return;
    const from = this.#lastSeen;
    this.#lastSeen = state;
    this.emit('stateChange', { name: this.name, from, to: state });
  }
}
