import { type Executed, OdooError } from './OdooError.js';

type Defaults = { retryable: boolean; executed: Executed; fallback: string };

/**
 * A constraint refused the values (`odoo.exceptions.ValidationError`). Odoo rolled back: nothing executed.
 *
 * @example
 * // create a partner with no name → "The operation cannot be completed: Contacts require a name (res.partner.create)"
 */
export class OdooValidationError extends OdooError {
  override name = 'OdooValidationError';
  protected static override readonly defaults: Defaults = {
    retryable: false,
    executed: 'no',
    fallback: 'Validation failed',
  };
}

/**
 * A business rule refused the operation (`odoo.exceptions.UserError`), e.g. unlinking a confirmed order.
 *
 * @example
 * if (error instanceof OdooUserError) showToUser(error.serverMessage);
 */
export class OdooUserError extends OdooError {
  override name = 'OdooUserError';
  protected static override readonly defaults: Defaults = {
    retryable: false,
    executed: 'no',
    fallback: 'Operation refused',
  };
}

/**
 * The user lacks rights on the model or records, or called a private method (`odoo.exceptions.AccessError`, HTTP 403).
 *
 * @example
 * // the demo user reads ir.config_parameter → OdooAccessError
 */
export class OdooAccessError extends OdooError {
  override name = 'OdooAccessError';
  protected static override readonly defaults: Defaults = {
    retryable: false,
    executed: 'no',
    fallback: 'Access refused',
  };
}

/**
 * The credentials were refused (`odoo.exceptions.AccessDenied`, a login answering `false`, JSON-2 401).
 * Never retried: Odoo locks an address out after repeated failures.
 *
 * @example
 * // common.login('odoo', 'admin', 'wrong') answers false → OdooAccessDeniedError
 */
export class OdooAccessDeniedError extends OdooError {
  override name = 'OdooAccessDeniedError';
  protected static override readonly defaults: Defaults = {
    retryable: false,
    executed: 'no',
    fallback: 'Access denied',
  };
}

/**
 * The records do not exist or were deleted (`odoo.exceptions.MissingError`).
 *
 * @example
 * // write on res.partner 999999 → OdooMissingError
 */
export class OdooMissingError extends OdooError {
  override name = 'OdooMissingError';
  protected static override readonly defaults: Defaults = {
    retryable: false,
    executed: 'no',
    fallback: 'Record does not exist',
  };
}

/**
 * The web session expired (`odoo.http.SessionExpiredException`, JSON-RPC `error.code` 100). The call did not
 * execute; the session transport logs in again once and replays.
 *
 * @example
 * // call_kw with a stale session_id cookie → OdooSessionExpiredError
 */
export class OdooSessionExpiredError extends OdooError {
  override name = 'OdooSessionExpiredError';
  protected static override readonly defaults: Defaults = {
    retryable: true,
    executed: 'no',
    fallback: 'Session expired',
  };
}

/**
 * The model or method does not exist (JSON-2 404 `NotFound`; JSON-RPC `AttributeError` or "Object … doesn't exist").
 *
 * @example
 * // execute_kw on 'no.such.model' → OdooNotFoundError
 */
export class OdooNotFoundError extends OdooError {
  override name = 'OdooNotFoundError';
  protected static override readonly defaults: Defaults = {
    retryable: false,
    executed: 'no',
    fallback: 'Not found',
  };
}

/**
 * The arguments were wrong (`TypeError`, `ValueError`, JSON-2 422 `UnprocessableEntity`, a value the database refused).
 *
 * @example
 * // search_count with { no_such_arg: 1 } → OdooArgumentError
 */
export class OdooArgumentError extends OdooError {
  override name = 'OdooArgumentError';
  protected static override readonly defaults: Defaults = {
    retryable: false,
    executed: 'no',
    fallback: 'Invalid arguments',
  };
}

/**
 * A transaction conflict (`SerializationFailure`, `LockNotAvailable`, `DeadlockDetected`, JSON-2 409).
 * Odoo rolled back, so it is safe to retry.
 *
 * @example
 * if (error instanceof OdooConcurrencyError) await retryWithBackoff();
 */
export class OdooConcurrencyError extends OdooError {
  override name = 'OdooConcurrencyError';
  protected static override readonly defaults: Defaults = {
    retryable: true,
    executed: 'no',
    fallback: 'Concurrent update, try again',
  };
}

/**
 * The server or a proxy answered 429. `retryAfterMs` comes from `Retry-After` when present.
 *
 * @example
 * if (error instanceof OdooRateLimitedError) await sleep(error.retryAfterMs ?? 1000);
 */
export class OdooRateLimitedError extends OdooError {
  override name = 'OdooRateLimitedError';
  protected static override readonly defaults: Defaults = {
    retryable: true,
    executed: 'no',
    fallback: 'Too many requests',
  };
}

/**
 * Any other server-side exception (`KeyError`, `psycopg2.OperationalError`, …). Not retryable; whether it
 * executed is unknown, since arbitrary server code may commit or call out before failing.
 *
 * @example
 * // a call on an unknown service → OdooServerError ('builtins.KeyError')
 */
export class OdooServerError extends OdooError {
  override name = 'OdooServerError';
  protected static override readonly defaults: Defaults = {
    retryable: false,
    executed: 'unknown',
    fallback: 'Odoo server error',
  };
}
