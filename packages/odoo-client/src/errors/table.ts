import {
  OdooAccessDeniedError,
  OdooAccessError,
  OdooArgumentError,
  OdooConcurrencyError,
  OdooMissingError,
  OdooNotFoundError,
  OdooRateLimitedError,
  OdooServerError,
  OdooSessionExpiredError,
  OdooUserError,
  OdooValidationError,
} from './classes.js';
import type { OdooError, OdooErrorOptions } from './OdooError.js';
import { OdooTransportError } from './OdooTransportError.js';

/** Makes the error for one row of the table. */
export type ErrorFactory = (options: OdooErrorOptions) => OdooError;

/** One row: the server's exception name (exact or pattern), optionally narrowed by message. */
export interface NameRule {
  readonly name: string | RegExp;
  /** Only when the server message matches, e.g. the `UserError` Odoo raises for an unknown model. */
  readonly message?: RegExp;
  readonly create: ErrorFactory;
}

const of =
  (Class: new (options: OdooErrorOptions) => OdooError): ErrorFactory =>
  (options) =>
    new Class(options);

const badRequest: ErrorFactory = (options) =>
  new OdooTransportError({ ...options, failure: 'bad-request', executed: 'no', retryable: false });

/**
 * The exception names Odoo answers (JSON-RPC `error.data.name`, JSON-2 body `name`), first match wins.
 * Anything not listed falls back to `STATUS_RULES`, then to `OdooServerError`.
 */
export const NAME_RULES: readonly NameRule[] = [
  { name: 'odoo.exceptions.ValidationError', create: of(OdooValidationError) },
  // Odoo < 19 answers an unknown model on /jsonrpc with a UserError "Object x.y doesn't exist".
  { name: 'odoo.exceptions.UserError', message: /^Object \S+ doesn't exist/, create: of(OdooNotFoundError) },
  { name: 'odoo.exceptions.UserError', create: of(OdooUserError) },
  { name: 'odoo.exceptions.RedirectWarning', create: of(OdooUserError) },
  { name: 'odoo.exceptions.MissingError', create: of(OdooMissingError) },
  { name: 'odoo.exceptions.AccessError', create: of(OdooAccessError) },
  { name: 'odoo.exceptions.AccessDenied', create: of(OdooAccessDeniedError) },
  { name: 'werkzeug.exceptions.Unauthorized', create: of(OdooAccessDeniedError) },
  { name: 'werkzeug.exceptions.Forbidden', create: of(OdooAccessError) },
  { name: 'odoo.http.SessionExpiredException', create: of(OdooSessionExpiredError) },
  { name: 'werkzeug.exceptions.NotFound', create: of(OdooNotFoundError) },
  { name: 'builtins.AttributeError', create: of(OdooNotFoundError) },
  { name: 'werkzeug.exceptions.UnprocessableEntity', create: of(OdooArgumentError) },
  { name: 'builtins.TypeError', create: of(OdooArgumentError) },
  { name: 'builtins.ValueError', create: of(OdooArgumentError) },
  { name: /^psycopg2?\.errors\.InvalidTextRepresentation$/, create: of(OdooArgumentError) },
  {
    name: /^psycopg2?\.(errors|extensions)\.(SerializationFailure|LockNotAvailable|DeadlockDetected|TransactionRollbackError)$/,
    create: of(OdooConcurrencyError),
  },
  { name: 'werkzeug.exceptions.Conflict', create: of(OdooConcurrencyError) },
  { name: 'werkzeug.exceptions.TooManyRequests', create: of(OdooRateLimitedError) },
  { name: 'werkzeug.exceptions.BadRequest', create: badRequest },
];

/** HTTP statuses (JSON-2) when the name is unknown or absent. */
export const STATUS_RULES: ReadonlyMap<number, ErrorFactory> = new Map([
  [400, badRequest],
  [401, of(OdooAccessDeniedError)],
  [403, of(OdooAccessError)],
  [404, of(OdooNotFoundError)],
  [409, of(OdooConcurrencyError)],
  [422, of(OdooArgumentError)],
  [429, of(OdooRateLimitedError)],
]);

/** JSON-RPC `error.code` values with a meaning of their own (100: the session expired). */
export const CODE_RULES: ReadonlyMap<number, ErrorFactory> = new Map([[100, of(OdooSessionExpiredError)]]);

/** The fallback for anything the server raised that no row names. */
export const fallback: ErrorFactory = of(OdooServerError);

/** Finds the factory for a server exception: by JSON-RPC code, by name (and message), by status, then the fallback. */
export function lookup(
  name: string | undefined,
  message: string | undefined,
  status?: number,
  code?: number,
): ErrorFactory {
  const byCode = code !== undefined ? CODE_RULES.get(code) : undefined;
  if (byCode) return byCode;
  if (name !== undefined) {
    const rule = NAME_RULES.find(
      (r) =>
        (typeof r.name === 'string' ? r.name === name : r.name.test(name)) &&
        (r.message === undefined || r.message.test(message ?? '')),
    );
    if (rule) return rule.create;
  }
  return (status !== undefined ? STATUS_RULES.get(status) : undefined) ?? fallback;
}
