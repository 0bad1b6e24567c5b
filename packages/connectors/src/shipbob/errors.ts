import { ConnectorError, type Executed } from '../contract/errors.js';

export const SYSTEM = 'shipbob';

/** Fields every ShipBob error may carry besides the message. */
export interface ShipBobErrorInit {
  readonly operation: string;
  readonly message: string;
  readonly correlationId?: string | undefined;
  readonly httpStatus?: number | undefined;
  readonly vendorCode?: string | undefined;
  readonly retryable?: boolean;
  readonly retryAfterMs?: number | undefined;
  readonly executed: Executed;
  readonly externalId?: string | undefined;
  readonly cause?: unknown;
}

/**
 * A `ConnectorError` of system `shipbob`. The message is built only from the vendor's answer and
 * our own words, never from request headers, so the token cannot leak.
 *
 * @example
 * throw shipbobError({ operation: 'fulfillment.get', message: 'not found', httpStatus: 404, executed: 'no' });
 */
export function shipbobError(init: ShipBobErrorInit): ConnectorError {
  return new ConnectorError({ system: SYSTEM, ...init, retryable: init.retryable ?? false });
}

/** Redacts every occurrence of the secret from a text (defence in depth for vendor echoes). */
export function redact(text: string, secret: string): string {
  return secret.length === 0 ? text : text.split(secret).join('[redacted]');
}
