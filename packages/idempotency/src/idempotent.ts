import { type Clock, systemClock } from './clock.js';
import { InProgressError, KeyMismatchError, StaleTokenError, StoredFailureError } from './errors.js';
import { fingerprint as hashPayload } from './fingerprint.js';
import { type KeyScope, scopedKey } from './keys.js';
import type { IdempotencyStore } from './store.js';

export interface IdempotentOptions<A extends unknown[]> {
  /** Where claims and results live. @example new MemoryStore() */
  readonly store: IdempotencyStore;
  /** The idempotency key of a call, from its arguments. @example (event) => `shipbob:webhook:${event.id}` */
  readonly key: (...args: A) => string;
  /** What the fingerprint is computed over. Default: all arguments. @example (event) => event.data */
  readonly payload?: (...args: A) => unknown;
  /** Tenant and system the keys belong to, so two tenants never share a key. Default: none. */
  readonly scope?: KeyScope;
  /** How long one execution owns its key before another may take over. Default 30_000. */
  readonly leaseMs?: number;
  /** How long a result is kept for duplicates. Default 86_400_000 (24 h). */
  readonly ttlMs?: number;
  /** What a duplicate does while the first execution runs: `'throw'` an `InProgressError` (default) or `'wait'` for its result. */
  readonly onInProgress?: 'throw' | 'wait';
  /** With `'wait'`: give up after this long with `InProgressError`. Default 2 × `leaseMs`. */
  readonly maxWaitMs?: number;
  /** With `'wait'`: longest pause between two looks at the key. Default 100. */
  readonly pollMs?: number;
  /**
   * Failures that are final: stored as the key's outcome and thrown again to every duplicate as
   * `StoredFailureError`. Every other failure releases the key so a retry runs again. Default: none is final.
   * @example (error) => error instanceof ValidationError
   */
  readonly isFinalFailure?: (error: unknown) => boolean;
  /** Extend the lease every `leaseMs / 3` while the handler runs. Default true. */
  readonly heartbeat?: boolean;
  /**
   * Stop extending the lease after this long, so a handler that hangs in a live process loses its
   * key like a crashed one (one lease later). Default: no limit. @example 300_000
   */
  readonly maxRunMs?: number;
  /** Stops waiting for a duplicate's result. */
  readonly signal?: AbortSignal;
  readonly clock?: Clock;
}

interface StoredFailure {
  readonly name: string;
  readonly message: string;
}

/**
 * Wraps a handler so that each key's effect happens once: the first call runs it and stores the
 * result; duplicates get the stored result (identical after a JSON round trip), an
 * `InProgressError` (or the result, with `onInProgress: 'wait'`) while it runs, and a
 * `KeyMismatchError` when the key comes back with a different payload.
 *
 * @example
 * const confirm = idempotent(applyShipmentToOdoo, {
 *   store,
 *   key: (event) => event.idempotencyKey,
 *   payload: (event) => event.data,
 *   scope: { tenant: 'acme', system: 'shipbob' },
 * });
 * await confirm(event); // runs once
 * await confirm(event); // returns the stored result
 */
export function idempotent<A extends unknown[], R>(
  handler: (...args: A) => Promise<R>,
  options: IdempotentOptions<A>,
): (...args: A) => Promise<R> {
  const { store, clock = systemClock } = options;
  const leaseMs = options.leaseMs ?? 30_000;
  const ttlMs = options.ttlMs ?? 86_400_000;
  const maxWaitMs = options.maxWaitMs ?? 2 * leaseMs;
  const pollMs = options.pollMs ?? 100;

  return async (...args: A): Promise<R> => {
    const rawKey = options.key(...args);
    const key = options.scope ? scopedKey(options.scope, rawKey) : rawKey;
    const claimOptions = {
      fingerprint: hashPayload(options.payload ? options.payload(...args) : args),
      leaseMs,
      ttlMs,
    };
    const waitUntil = clock.now() + maxWaitMs;

    for (;;) {
      const claim = await store.claim(key, claimOptions);
      switch (claim.status) {
        case 'mismatch':
          throw new KeyMismatchError(key);
        case 'completed':
          if (claim.failed) {
            const failure = JSON.parse(claim.result) as StoredFailure;
            throw new StoredFailureError(key, failure.name, failure.message);
          }
          return JSON.parse(claim.result) as R;
        case 'in_progress': {
          const remaining = waitUntil - clock.now();
          if (options.onInProgress !== 'wait' || remaining <= 0)
            throw new InProgressError(key, claim.retryAfterMs);
          await clock.sleep(Math.min(claim.retryAfterMs, pollMs, remaining), options.signal);
          break;
        }
        case 'acquired':
          return run(handler, args, { store, key, token: claim.token, leaseMs, options });
      }
    }
  };
}

async function run<A extends unknown[], R>(
  handler: (...args: A) => Promise<R>,
  args: A,
  context: {
    store: IdempotencyStore;
    key: string;
    token: string;
    leaseMs: number;
    options: IdempotentOptions<A>;
  },
): Promise<R> {
  const { store, key, token, leaseMs, options } = context;
  const stopHeartbeat =
    options.heartbeat === false ? () => {} : startHeartbeat(store, key, token, leaseMs, options.maxRunMs);
  let result: R;
  try {
    result = await handler(...args);
  } catch (error) {
    stopHeartbeat();
    const final = options.isFinalFailure?.(error) === true;
    await settle(
      store.fail(
        key,
        token,
        final ? { retryable: false, result: storedFailure(error) } : { retryable: true },
      ),
    );
    throw error;
  }
  stopHeartbeat();
  let text: string;
  try {
    text = JSON.stringify(result ?? null);
  } catch (error) {
    // The effect happened; running it again would be worse than refusing its duplicates.
    const unserializable = new TypeError(`the result for "${key}" cannot be stored as JSON`, {
      cause: error,
    });
    await settle(store.fail(key, token, { retryable: false, result: storedFailure(unserializable) }));
    throw unserializable;
  }
  await store.complete(key, token, text);
  return result;
}

function storedFailure(error: unknown): string {
  const failure: StoredFailure = {
    name: error instanceof Error ? error.name : 'Error',
    message: error instanceof Error ? error.message : String(error),
  };
  return JSON.stringify(failure);
}

/** After a failure, a stale token means a successor already owns the key; its outcome wins, and the caller sees the original error. */
async function settle(failing: Promise<void>): Promise<void> {
  try {
    await failing;
  } catch (error) {
    if (!(error instanceof StaleTokenError)) throw error;
  }
}

/**
 * Keeps the lease alive while the handler runs. A failed heartbeat (a dropped connection) is tried
 * again on the next tick; only a lost key stops it, and that shows up later as a fenced `complete`.
 */
function startHeartbeat(
  store: IdempotencyStore,
  key: string,
  token: string,
  leaseMs: number,
  maxRunMs = Number.POSITIVE_INFINITY,
): () => void {
  const stopAt = Date.now() + maxRunMs;
  const timer = setInterval(
    () => {
      if (Date.now() >= stopAt) {
        clearInterval(timer);
        return;
      }
      store.heartbeat(key, token, leaseMs).catch((error: unknown) => {
        if (error instanceof StaleTokenError) clearInterval(timer);
      });
    },
    Math.max(1, Math.floor(leaseMs / 3)),
  );
  timer.unref();
  return () => clearInterval(timer);
}
