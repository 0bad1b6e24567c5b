import { type Clock, systemClock } from '../clock.js';

export interface RetryBudgetOptions {
  /** Retries allowed per call made, on average. Default 0.2 (one retry per five calls). */
  readonly ratio?: number;
  /** Retries always allowed per second, so a quiet service can still retry. Default 10. */
  readonly minPerSecond?: number;
  /** The most retries that can be saved up. Default 100. */
  readonly maxBalance?: number;
  readonly clock?: Clock;
}

/**
 * Caps retries across all calls that share it, so that when a dependency is down the callers do
 * not multiply its load: each call deposits `ratio` of a retry, each retry withdraws one, and a
 * trickle of `minPerSecond` keeps retries possible when traffic is low (after Finagle's RetryBudget).
 *
 * @example
 * const budget = new RetryBudget({ ratio: 0.1 });
 * await retry(callShipBob, { budget });
 */
export class RetryBudget {
  readonly #ratio: number;
  readonly #minPerSecond: number;
  readonly #maxBalance: number;
  readonly #clock: Clock;
  #balance: number;
  #refilledAt: number;

  constructor(options: RetryBudgetOptions = {}) {
    this.#ratio = options.ratio ?? 0.2;
    this.#minPerSecond = options.minPerSecond ?? 10;
    this.#maxBalance = options.maxBalance ?? 100;
    this.#clock = options.clock ?? systemClock;
    this.#balance = this.#minPerSecond;
    this.#refilledAt = this.#clock.now();
  }

  /** Retries that could be made now. */
  get balance(): number {
    this.#refill();
    return this.#balance;
  }

  /** Called once per call (not per attempt). */
  deposit(): void {
    this.#refill();
    this.#balance = Math.min(this.#maxBalance, this.#balance + this.#ratio);
  }

  /** Takes one retry from the budget; false when none is left. */
  tryWithdraw(): boolean {
    this.#refill();
    if (this.#balance < 1) return false;
    this.#balance -= 1;
    return true;
  }

  #refill(): void {
    const now = this.#clock.now();
    const earned = ((now - this.#refilledAt) / 1000) * this.#minPerSecond;
    this.#refilledAt = now;
    this.#balance = Math.min(this.#maxBalance, this.#balance + earned);
  }
}
