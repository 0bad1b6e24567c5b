/**
 * The base of every error this package throws. Errors carry the idempotency key or the name of
 * the breaker/limiter involved, never a payload or a credential.
 */
export class IdempotencyError extends Error {
  override name = 'IdempotencyError';
}

/** A duplicate arrived while the first execution still holds the key. HTTP analogue: 409. */
export class InProgressError extends IdempotencyError {
  override name = 'InProgressError';
  readonly key: string;
  /** When the current owner's lease ends; retry after this. */
  readonly retryAfterMs: number;

  constructor(key: string, retryAfterMs: number) {
    super(`"${key}" is being processed by another worker; retry in ${retryAfterMs} ms`);
    this.key = key;
    this.retryAfterMs = retryAfterMs;
  }
}

/** The key was used before with a different payload. HTTP analogue: 422. */
export class KeyMismatchError extends IdempotencyError {
  override name = 'KeyMismatchError';
  readonly key: string;

  constructor(key: string) {
    super(`"${key}" was already used with a different payload; an idempotency key names one payload only`);
    this.key = key;
  }
}

export type StaleTokenReason = 'not_found' | 'not_owner' | 'already_completed';

/**
 * `complete`, `fail` or `heartbeat` came from a worker that no longer owns the key: its lease
 * expired and another worker claimed it, or the record is gone. The late worker must not write.
 */
export class StaleTokenError extends IdempotencyError {
  override name = 'StaleTokenError';
  readonly key: string;
  readonly reason: StaleTokenReason;

  constructor(key: string, reason: StaleTokenReason) {
    const why = {
      not_found: 'the key has no record (expired or released)',
      not_owner: 'another worker claimed the key after this lease expired',
      already_completed: 'the key is already completed',
    }[reason];
    super(`stale token for "${key}": ${why}`);
    this.key = key;
    this.reason = reason;
  }
}

/**
 * A handler failed before and the failure was stored as final (not retryable); duplicates see it
 * again. The original message is a field, not part of `message`: it may quote the payload.
 */
export class StoredFailureError extends IdempotencyError {
  override name = 'StoredFailureError';
  readonly key: string;
  /** The `name` of the original error. */
  readonly originalName: string;
  /** The original error's message, as the handler wrote it. */
  readonly originalMessage: string;

  constructor(key: string, originalName: string, originalMessage: string) {
    super(`"${key}" failed before with ${originalName} and will not be retried`);
    this.key = key;
    this.originalName = originalName;
    this.originalMessage = originalMessage;
  }
}

/** The circuit is open: calls are refused without reaching the protected system. */
export class CircuitOpenError extends IdempotencyError {
  override name = 'CircuitOpenError';
  readonly breaker: string;
  readonly retryAfterMs: number;

  constructor(breaker: string, retryAfterMs: number) {
    super(`circuit "${breaker}" is open; calls are refused for another ${retryAfterMs} ms`);
    this.breaker = breaker;
    this.retryAfterMs = retryAfterMs;
  }
}

/** The retry budget shared by calls is spent: retrying now would amplify an outage. */
export class RetryBudgetExhaustedError extends IdempotencyError {
  override name = 'RetryBudgetExhaustedError';

  constructor(cause: unknown) {
    super('the retry budget is exhausted; not retrying', { cause });
  }
}

/** True for any error thrown by `@crossdock/idempotency`. */
export function isIdempotencyError(error: unknown): error is IdempotencyError {
  return error instanceof IdempotencyError;
}

/** A dead letter was asked to move from a state that does not allow it (replaying a discarded letter). */
export class DeadLetterStateError extends IdempotencyError {
  override name = 'DeadLetterStateError';
  readonly id: string;
  readonly status: string;

  constructor(id: string, status: string, action: string) {
    super(`dead letter ${id} is ${status}; only a pending letter can be ${action}`);
    this.id = id;
    this.status = status;
  }
}

/** No dead letter has this id. */
export class DeadLetterNotFoundError extends IdempotencyError {
  override name = 'DeadLetterNotFoundError';
  readonly id: string;

  constructor(id: string) {
    super(`no dead letter with id ${id}`);
    this.id = id;
  }
}
