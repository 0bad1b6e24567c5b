/** The answer of one attempt to take tokens. */
export interface TakeResult {
  readonly allowed: boolean;
  /** With `allowed: false`, how long until enough tokens are back: the back-pressure signal. */
  readonly waitMs: number;
  /** Whole tokens left after this take. */
  readonly remaining: number;
}

/** Where a token bucket lives: this process, or Redis so that instances share one limit. */
export interface TokenBucketStore {
  /** Atomically refills the bucket for the time passed and takes `cost` tokens if they are there. */
  take(bucket: string, cost: number, limits: BucketLimits): Promise<TakeResult>;
}

export interface BucketLimits {
  /** Most tokens the bucket holds: the burst. */
  readonly capacity: number;
  /** Tokens added per second: the sustained rate. */
  readonly refillPerSecond: number;
}
