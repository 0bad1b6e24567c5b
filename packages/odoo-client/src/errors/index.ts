export {
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
export type { ErrorContext } from './context.js';
export {
  fromJson2Response,
  fromJsonRpcError,
  fromUnexpectedResponse,
  type JsonRpcErrorObject,
  type OdooErrorData,
} from './fromResponse.js';
export { type Executed, isOdooError, OdooError, type OdooErrorOptions } from './OdooError.js';
export {
  OdooTransportError,
  type OdooTransportErrorOptions,
  type TransportFailure,
} from './OdooTransportError.js';
export { redact } from './redact.js';
export { parseRetryAfter } from './retryAfter.js';
export { CODE_RULES, type ErrorFactory, lookup, NAME_RULES, type NameRule, STATUS_RULES } from './table.js';
