import { type Clock, systemClock } from '@crossdock/idempotency';

/** `extensions.cost.throttleStatus` of a GraphQL Admin answer. */
export interface ThrottleStatus {
  readonly currentlyAvailable: number;
  readonly restoreRate: number;
  readonly maximumAvailable: number;
}

/** Points held back for one query between sending it and reading its answer. */
export interface Reservation {
  readonly key: string;
  readonly cost: number;
}

/**
 * The client's picture of the shop's cost bucket, so that queries are sent only when the bucket
 * can take them and Shopify never has to refuse one as `THROTTLED`:
 *
 * - the last `throttleStatus` Shopify reported, refilled at its `restoreRate` on the clock since;
 * - minus the requested cost of every query sent and not answered yet (Shopify takes the
 *   requested cost before running a query, so an answer's status may not count the others yet);
 * - each operation's cost is the `requestedQueryCost` Shopify last answered for it. Until the
 *   bucket and an operation's cost are known, such a query is sent alone, after the ones in flight.
 *
 * Queries are admitted one at a time in arrival order, so a waiting query is not overtaken.
 *
 * @example
 * const budget = new CostBudget(clock);
 * const reservation = await budget.acquire('Orders:10', signal); // waits on the clock when the bucket is short
 * budget.settle(reservation, answer.extensions.cost.requestedQueryCost, answer.extensions.cost.throttleStatus);
 */
export class CostBudget {
  private status: ThrottleStatus | undefined;
  private at = 0;
  private readonly costs = new Map<string, number>();
  private readonly inFlight = new Set<Reservation>();
  private admitting: Promise<void> = Promise.resolve();
  private settled: (() => void)[] = [];

  constructor(private readonly clock: Clock = systemClock) {}

  /** Points the bucket has now by the last status and the time since, before reservations. */
  available(): number | undefined {
    if (!this.status) return undefined;
    const restored = ((this.clock.now() - this.at) / 1000) * this.status.restoreRate;
    return Math.min(this.status.maximumAvailable, this.status.currentlyAvailable + restored);
  }

  private free(): number {
    let reserved = 0;
    for (const reservation of this.inFlight) reserved += reservation.cost;
    return (this.available() ?? 0) - reserved;
  }

  /** Milliseconds until the last requested cost of `key` fits (0 when it does or nothing is known). */
  waitFor(key: string): number {
    const cost = this.costs.get(key);
    if (cost === undefined || !this.status || this.status.restoreRate <= 0) return 0;
    const short = cost - this.free();
    return short > 0 ? Math.ceil((short / this.status.restoreRate) * 1000) : 0;
  }

  /** Waits until the query `key` may be sent and holds its cost back until {@link settle}. */
  async acquire(key: string, signal?: AbortSignal): Promise<Reservation> {
    const previous = this.admitting;
    let admitted!: () => void;
    this.admitting = new Promise<void>((resolve) => {
      admitted = resolve;
    });
    try {
      await previous;
      return await this.admit(key, signal);
    } finally {
      admitted();
    }
  }

  private async admit(key: string, signal: AbortSignal | undefined): Promise<Reservation> {
    for (;;) {
      signal?.throwIfAborted();
      const cost = this.costs.get(key);
      if (!this.status || cost === undefined) {
        // Unknown: sent alone, holding back whatever the bucket has until its answer says more.
        if (this.inFlight.size === 0) return this.reserve(key, Math.max(0, this.free()));
        await this.nextSettle(signal);
        continue;
      }
      // A query larger than the bucket never fits: send it and let Shopify answer (MAX_COST_EXCEEDED).
      if (cost > this.status.maximumAvailable || this.status.restoreRate <= 0) return this.reserve(key, 0);
      const wait = this.waitFor(key);
      if (wait <= 0) return this.reserve(key, cost);
      await this.clock.sleep(wait, signal);
    }
  }

  private reserve(key: string, cost: number): Reservation {
    const reservation = { key, cost };
    this.inFlight.add(reservation);
    return reservation;
  }

  private nextSettle(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(signal?.reason);
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.settled.push(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }

  /**
   * Ends a reservation with what the answer said (nothing when there was no answer): the
   * operation's requested cost and the bucket's status as of now.
   */
  settle(reservation: Reservation, requestedQueryCost?: number, status?: ThrottleStatus): void {
    this.inFlight.delete(reservation);
    if (requestedQueryCost !== undefined) this.costs.set(reservation.key, requestedQueryCost);
    if (status) {
      this.status = status;
      this.at = this.clock.now();
    }
    const waiting = this.settled;
    this.settled = [];
    for (const wake of waiting) wake();
  }
}
