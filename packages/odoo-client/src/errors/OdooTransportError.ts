import { OdooError, type OdooErrorOptions } from './OdooError.js';

/**
 * Why the exchange failed below the Odoo protocol:
 * - `timeout`: no answer within the per-attempt timeout (retryable, executed `unknown`);
 * - `aborted`: the caller's `AbortSignal` fired (not retryable, executed `unknown`);
 * - `connection-refused`: nothing listens (retryable, executed `no`);
 * - `network`: reset, DNS, TLS… (retryable, executed `unknown`);
 * - `bad-response`: an answer that is not the expected JSON, e.g. an HTML 502 page from a proxy;
 * - `bad-request`: the server could not parse our body (HTTP 400 `Invalid JSON data`, JSON-2 `BadRequest`).
 */
export type TransportFailure =
  | 'timeout'
  | 'aborted'
  | 'connection-refused'
  | 'network'
  | 'bad-response'
  | 'bad-request';

export interface OdooTransportErrorOptions extends OdooErrorOptions {
  readonly failure: TransportFailure;
}

/**
 * The exchange with the server failed: network, timeout, abort, or an answer that is not Odoo's JSON
 * (HTML error pages from a proxy, `Invalid JSON data`). `failure` says which.
 *
 * @example
 * if (error instanceof OdooTransportError && error.failure === 'timeout' && error.executed === 'unknown') {
 *   // retry only if the call was a read
 * }
 */
export class OdooTransportError extends OdooError {
  override name = 'OdooTransportError';
  readonly failure: TransportFailure;
  protected static override readonly defaults = {
    retryable: false,
    executed: 'unknown' as const,
    fallback: 'Odoo request failed',
  };

  constructor(options: OdooTransportErrorOptions) {
    super(options);
    this.failure = options.failure;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), failure: this.failure };
  }
}
