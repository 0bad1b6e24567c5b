import pRetry from 'p-retry';
import { type Clock, systemClock } from '../clock.js';
import { RetryBudgetExhaustedError } from '../errors.js';
import type { RetryBudget } from './budget.js';
import { defaultClassifier, type RetryClassifier } from './classify.js';

export interface RetryInfo {
  /** The attempt that failed, from 1. */
  readonly attempt: number;
  readonly error: unknown;
  /** How long until the next attempt. */
  readonly delayMs: number;
}

export interface RetryPolicy {
  /** Retries after the first attempt. Default 5. */
  readonly retries?: number;
  /** Upper bound of the first backoff; doubles each attempt. Default 100. */
  readonly baseDelayMs?: number;
  /** Upper bound of any backoff. Default 30_000. */
  readonly maxDelayMs?: number;
  /** The longest `Retry-After` honoured; a longer request is cut to this. Default 60_000. */
  readonly retryAfterCapMs?: number;
  /** Which failures are retried and after what delay. Default `defaultClassifier`. */
  readonly classify?: RetryClassifier;
  /** Shared across calls; when spent, failures are not retried. Default: no budget. */
  readonly budget?: RetryBudget;
  /** Aborts the wait and the retries at once. */
  readonly signal?: AbortSignal;
  readonly clock?: Clock;
  /** A number in [0, 1); inject a fixed one for deterministic tests. Default `Math.random`. */
  readonly random?: () => number;
  /** Called before each wait, e.g. to log or count. */
  readonly onRetry?: (info: RetryInfo) => void;
}

/** Full jitter: a random delay between 0 and the exponential bound (AWS Architecture Blog, "Exponential Backoff And Jitter"). */
function backoff(attempt: number, policy: RetryPolicy, random: () => number): number {
  const bound = Math.min(policy.maxDelayMs ?? 30_000, (policy.baseDelayMs ?? 100) * 2 ** (attempt - 1));
  return Math.floor(random() * bound);
}

/**
 * Runs `fn` until it succeeds, a failure is not retryable, the retries or the budget run out, or
 * the signal aborts. Attempt counting and abort handling are p-retry's; the delay is full jitter,
 * or the `Retry-After` the failure asked for (capped), measured on the policy's clock.
 *
 * @example
 * const order = await retry((attempt, signal) => shipbob.getOrder(id, { signal }), {
 *   retries: 4,
 *   signal: AbortSignal.timeout(30_000),
 *   onRetry: ({ attempt, delayMs }) => log.warn({ attempt, delayMs }, 'retrying ShipBob'),
 * });
 */
export async function retry<T>(
  fn: (attempt: number, signal?: AbortSignal) => Promise<T>,
  policy: RetryPolicy = {},
): Promise<T> {
  const clock = policy.clock ?? systemClock;
  const random = policy.random ?? Math.random;
  const classify = policy.classify ?? defaultClassifier;
  const cap = policy.retryAfterCapMs ?? 60_000;
  policy.budget?.deposit();

  return pRetry((attempt) => fn(attempt, policy.signal), {
    retries: policy.retries ?? 5,
    // p-retry counts attempts and watches the signal; the waiting is done below, on our clock.
    minTimeout: 0,
    factor: 1,
    randomize: false,
    ...(policy.signal ? { signal: policy.signal } : {}),
    onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
      const verdict = classify(error, clock.now());
      if (!verdict.retryable) throw error;
      if (retriesLeft === 0) return;
      if (policy.budget && !policy.budget.tryWithdraw()) throw new RetryBudgetExhaustedError(error);
      const delayMs =
        verdict.delayMs === undefined
          ? backoff(attemptNumber, policy, random)
          : Math.min(verdict.delayMs, cap);
      policy.onRetry?.({ attempt: attemptNumber, error, delayMs });
      await clock.sleep(delayMs, policy.signal);
    },
    shouldRetry: () => true,
  });
}
