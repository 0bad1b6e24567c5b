/** Options of one claim. */
export interface ClaimOptions {
  /** Stable hash of the payload (see `fingerprint`); the same key with another fingerprint is a `mismatch`. */
  readonly fingerprint: string;
  /** How long the claimer owns the key before another worker may take it over. @example 30_000 */
  readonly leaseMs: number;
  /** How long the record (and a completed result) is kept, counted from the claim. @example 86_400_000 */
  readonly ttlMs: number;
}

/**
 * The answer to a claim, exactly one of:
 * - `acquired`: the caller owns the key until its lease ends and must `complete` or `fail` with `token`;
 * - `completed`: the work was done; `result` is what `complete` stored (`failed` when it stored a final failure);
 * - `in_progress`: another worker owns the key; ask again after `retryAfterMs`;
 * - `mismatch`: the key was used with another payload.
 */
export type ClaimResult =
  | { readonly status: 'acquired'; readonly token: string; readonly attempt: number }
  | { readonly status: 'completed'; readonly result: string; readonly failed: boolean }
  | { readonly status: 'in_progress'; readonly retryAfterMs: number }
  | { readonly status: 'mismatch' };

/** How a failed execution leaves the key. */
export type FailOptions =
  /** Release the key at once, so a retry can claim it. */
  | { readonly retryable: true }
  /** Keep the failure as the key's final outcome: duplicates get `completed` with `failed: true` and this result. */
  | { readonly retryable: false; readonly result: string };

/**
 * The fenced claim protocol every store implements. `complete`, `fail` and `heartbeat` succeed only
 * for the token of the current owner and throw `StaleTokenError` otherwise, so a worker whose lease
 * expired cannot overwrite its successor. Times are the store's own clock (Redis `TIME`, PostgreSQL
 * `clock_timestamp()`), so instances with skewed clocks agree.
 */
export interface IdempotencyStore {
  claim(key: string, options: ClaimOptions): Promise<ClaimResult>;
  /** Stores `result` (JSON text) as the key's outcome, kept until the claim's `ttlMs` runs out. */
  complete(key: string, token: string, result: string): Promise<void>;
  fail(key: string, token: string, options: FailOptions): Promise<void>;
  /** Extends the owner's lease to `leaseMs` from now, for handlers that run longer than one lease. */
  heartbeat(key: string, token: string, leaseMs: number): Promise<void>;
}

/** A version to compare: a number that only grows (`version`) or the source's update time in ms (`sourceTs`). */
export type OrderingPosition = { readonly version: number | bigint } | { readonly sourceTs: number };

/** The answer of the ordering guard: applied, or stale with the position already seen. */
export type OrderingDecision =
  | { readonly accepted: true }
  | { readonly accepted: false; readonly current: bigint };

/**
 * Atomic compare-and-set of the newest position seen per entity. An event is accepted only if it
 * is strictly newer than everything accepted before for that entity.
 */
export interface OrderingStore {
  acceptIfNewer(entity: string, position: OrderingPosition): Promise<OrderingDecision>;
}
