/** Settings of the fake's leaky-bucket cost limit. */
export interface BucketOptions {
  /** Points the bucket holds. Default 2000 (Advanced plan). */
  readonly maximumAvailable?: number;
  /** Points restored per second. Default 100. */
  readonly restoreRate?: number;
  /** The clock in milliseconds. Default `Date.now`. */
  readonly now?: () => number;
}

/** `extensions.cost.throttleStatus` as Shopify answers it. */
export interface ThrottleStatus {
  readonly maximumAvailable: number;
  readonly currentlyAvailable: number;
  readonly restoreRate: number;
}

/**
 * Shopify's calculated-cost limit: a bucket of points refilled at `restoreRate` per second; a query
 * whose requested cost exceeds what is available is refused as `THROTTLED`.
 *
 * @example
 * const bucket = new CostBucket({ maximumAvailable: 50, restoreRate: 50 });
 * bucket.take(12); // true while 12 points are available
 */
export class CostBucket {
  readonly maximumAvailable: number;
  readonly restoreRate: number;
  private available: number;
  private at: number;
  private readonly now: () => number;
  /** How many queries were refused. */
  throttled = 0;

  constructor(options: BucketOptions = {}) {
    this.maximumAvailable = options.maximumAvailable ?? 2000;
    this.restoreRate = options.restoreRate ?? 100;
    this.now = options.now ?? Date.now;
    this.available = this.maximumAvailable;
    this.at = this.now();
  }

  private refill(): void {
    const now = this.now();
    this.available = Math.min(
      this.maximumAvailable,
      this.available + ((now - this.at) / 1000) * this.restoreRate,
    );
    this.at = now;
  }

  /** Takes `cost` points when available; false (nothing taken) otherwise. */
  take(cost: number): boolean {
    this.refill();
    if (cost > this.available) {
      this.throttled += 1;
      return false;
    }
    this.available -= cost;
    return true;
  }

  /** Gives back points not spent (requested minus actual cost). */
  refund(points: number): void {
    this.available = Math.min(this.maximumAvailable, this.available + points);
  }

  /** Empties the bucket, e.g. to provoke throttling. */
  drain(): void {
    this.refill();
    this.available = 0;
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
