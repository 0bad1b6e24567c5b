/** What the bucket reads the time from, in milliseconds (a `ManualClock` from `@crossdock/idempotency` fits). */
export interface BucketClock {
  now(): number;
}

/** Settings of the fake's leaky-bucket cost limit. */
export interface BucketOptions {
  /**
   * Points the bucket holds. Default 2000: what a shop on a standard plan answers in
   * `throttleStatus.maximumAvailable` (Shopify Plus: 20000).
   */
  readonly maximumAvailable?: number;
  /** Points restored per second. Default 100, the published standard-plan rate (Advanced 200, Plus 1000). */
  readonly restoreRate?: number;
  /** The clock. Default the system clock. */
  readonly clock?: BucketClock;
}

/** `extensions.cost.throttleStatus` as Shopify answers it. */
export interface ThrottleStatus {
  readonly maximumAvailable: number;
  readonly currentlyAvailable: number;
  readonly restoreRate: number;
}

const systemClock: BucketClock = { now: () => Date.now() };

/**
 * Shopify's calculated-cost limit: a bucket of points refilled at `restoreRate` per second on an
 * injectable clock; a query whose requested cost exceeds what is available is refused as
 * `THROTTLED` and counted in {@link CostBucket.throttled}.
 *
 * @example
 * const bucket = new CostBucket({ maximumAvailable: 2000, restoreRate: 100, clock });
 * bucket.take(12); // true while 12 points are available
 * bucket.throttleNext(7_000); // the next query is refused; its throttleStatus says to wait 7 s
 */
export class CostBucket {
  readonly maximumAvailable: number;
  readonly restoreRate: number;
  readonly clock: BucketClock;
  private available: number;
  private at: number;
  private armedWaitMs: number | undefined;
  /** How many queries were refused as `THROTTLED` (armed refusals included). */
  throttled = 0;

  constructor(options: BucketOptions = {}) {
    this.maximumAvailable = options.maximumAvailable ?? 2000;
    this.restoreRate = options.restoreRate ?? 100;
    this.clock = options.clock ?? systemClock;
    this.available = this.maximumAvailable;
    this.at = this.clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    this.available = Math.min(
      this.maximumAvailable,
      this.available + ((now - this.at) / 1000) * this.restoreRate,
    );
    this.at = now;
  }

  /** Takes `cost` points when available; false (nothing taken, counted as throttled) otherwise. */
  take(cost: number): boolean {
    this.refill();
    if (this.armedWaitMs !== undefined) {
      // Shopify sends no Retry-After: the client reads the wait from throttleStatus, so leave it
      // exactly `deficit / restoreRate` short of this query's cost (never below empty).
      const deficit = (this.armedWaitMs / 1000) * this.restoreRate;
      this.armedWaitMs = undefined;
      this.available = Math.max(0, cost - deficit);
      this.throttled += 1;
      return false;
    }
    if (cost > this.available) {
      this.throttled += 1;
      return false;
    }
    this.available -= cost;
    return true;
  }

  /** Gives back points not spent (requested minus actual cost). */
  refund(points: number): void {
    this.refill();
    this.available = Math.min(this.maximumAvailable, this.available + Math.max(0, points));
  }

  /** Empties the bucket, e.g. to provoke throttling. */
  drain(): void {
    this.refill();
    this.available = 0;
  }

  /**
   * Refuses the next query as `THROTTLED` with a `throttleStatus` whose deficit for that query
   * takes `waitMs` to restore: `currentlyAvailable = cost − waitMs × restoreRate / 1000`. A query
   * costs at most its requested cost to wait for, so `waitMs` is capped at `cost / restoreRate`.
   */
  throttleNext(waitMs: number): void {
    this.armedWaitMs = Math.max(0, waitMs);
  }

  status(): ThrottleStatus {
    this.refill();
    return {
      maximumAvailable: this.maximumAvailable,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.restoreRate,
    };
  }
}
