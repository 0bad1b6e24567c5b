/**
 * Whether the failed call may have changed data on the server.
 * - `'no'`: it certainly did not (the server rolled back, or the request never arrived): safe to retry.
 * - `'unknown'`: it may have (a timeout, a reset connection, a proxy error): only a read may be retried.
 * - `'yes'`: it did (reserved for failures after the server committed, e.g. an unreadable success body).
 */
export type Executed = 'no' | 'unknown' | 'yes';

/** What an `OdooError` knows about the failed call. Every field is optional but `retryable`/`executed` defaults. */
export interface OdooErrorOptions {
  /** The model called, e.g. `'sale.order'`. */
  readonly model?: string | undefined;
  /** The method called, e.g. `'action_confirm'`. */
  readonly method?: string | undefined;
  /** The server's human message, e.g. `'Record does not exist or has been deleted.'`. */
  readonly serverMessage?: string | undefined;
  /** The server's exception class, e.g. `'odoo.exceptions.UserError'`. */
  readonly exceptionName?: string | undefined;
  /** The HTTP status of the answer, when there was one, e.g. `422`. */
  readonly httpStatus?: number | undefined;
  /** Whether trying again may succeed. Defaults to the class's own default. */
  readonly retryable?: boolean | undefined;
  /** How long the server asked us to wait before trying again, in ms (from `Retry-After`). */
  readonly retryAfterMs?: number | undefined;
  /** Whether the call may have executed. Defaults to the class's own default. */
  readonly executed?: Executed | undefined;
  /** The server traceback: kept for debugging, never put in `message`. */
  readonly debug?: string | undefined;
  /** The request id (JSON-RPC `id`, or the server's `X-Request-Id`). */
  readonly requestId?: string | undefined;
  /** The underlying error. */
  readonly cause?: unknown;
}

/** Builds `"<server message> (<model>.<method>)"`, or `fallback` when the server said nothing. */
function composeMessage(fallback: string, options: OdooErrorOptions): string {
  const text = options.serverMessage?.trim() || fallback;
  const target =
    options.model && options.method
      ? `${options.model}.${options.method}`
      : (options.model ?? options.method);
  return target ? `${text} (${target})` : text;
}

/**
 * The base of every error the Odoo client throws. It says what failed (`model`, `method`,
 * `exceptionName`, `httpStatus`), whether trying again may help (`retryable`, `retryAfterMs`) and
 * whether the call may have changed data (`executed`). The server traceback is in `debug`, never in
 * `message`; no credential is ever put in either.
 *
 * @example
 * try {
 *   await transport.execute({ model: 'sale.order', method: 'unlink', ids: [25], params: {}, context: {} });
 * } catch (error) {
 *   if (isOdooError(error) && error.retryable && error.executed === 'no') {
 *     // safe to try again
 *   }
 * }
 */
export class OdooError extends Error {
  override name = 'OdooError';
  declare readonly model?: string;
  declare readonly method?: string;
  declare readonly serverMessage?: string;
  declare readonly exceptionName?: string;
  declare readonly httpStatus?: number;
  readonly retryable: boolean;
  declare readonly retryAfterMs?: number;
  readonly executed: Executed;
  declare readonly debug?: string;
  declare readonly requestId?: string;

  /** Each subclass's defaults for `retryable`, `executed` and the message when the server gave none. */
  protected static readonly defaults: { retryable: boolean; executed: Executed; fallback: string } = {
    retryable: false,
    executed: 'unknown',
    fallback: 'Odoo call failed',
  };

  constructor(options: OdooErrorOptions = {}) {
    const defaults = (new.target as typeof OdooError).defaults;
    super(
      composeMessage(defaults.fallback, options),
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.retryable = options.retryable ?? defaults.retryable;
    this.executed = options.executed ?? defaults.executed;
    if (options.model !== undefined) this.model = options.model;
    if (options.method !== undefined) this.method = options.method;
    if (options.serverMessage !== undefined) this.serverMessage = options.serverMessage;
    if (options.exceptionName !== undefined) this.exceptionName = options.exceptionName;
    if (options.httpStatus !== undefined) this.httpStatus = options.httpStatus;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.requestId !== undefined) this.requestId = options.requestId;
    // The traceback is not enumerable so that logging `{ ...error }` does not dump it.
    if (options.debug !== undefined) {
      Object.defineProperty(this, 'debug', { value: options.debug, enumerable: false });
    }
  }

  /** A log-friendly view without the traceback. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      model: this.model,
      method: this.method,
      exceptionName: this.exceptionName,
      httpStatus: this.httpStatus,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      executed: this.executed,
      requestId: this.requestId,
    };
  }
}

/**
 * Whether `value` is an `OdooError` (also across realms and duplicated package copies).
 *
 * @example
 * if (isOdooError(error) && error.retryable) await retry();
 */
export function isOdooError(value: unknown): value is OdooError {
  if (value instanceof OdooError) return true;
  return (
    value instanceof Error &&
    typeof (value as Partial<OdooError>).retryable === 'boolean' &&
    typeof (value as Partial<OdooError>).executed === 'string' &&
    value.name.startsWith('Odoo')
  );
}
