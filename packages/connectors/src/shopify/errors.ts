import { ConnectorError, type Executed } from '../contract/errors.js';

/** What {@link shopifyError} takes besides the operation. */
export interface ShopifyErrorInit {
  readonly message: string;
  readonly httpStatus?: number;
  readonly vendorCode?: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly executed: Executed;
  readonly correlationId?: string | undefined;
  readonly externalId?: string;
}

/**
 * A `ConnectorError` of system `shopify`. Messages are built from the vendor's answer only, never
 * from the request, so the access token cannot leak into them.
 *
 * @example throw shopifyError('orders.list', { message: 'HTTP 401', httpStatus: 401, retryable: false, executed: 'no' });
 */
export function shopifyError(operation: string, init: ShopifyErrorInit): ConnectorError {
  return new ConnectorError({ system: 'shopify', operation, ...init });
}

/** A mutation's `userErrors` entry. */
export interface UserError {
  readonly field?: readonly string[] | null | undefined;
  readonly message: string;
  readonly code?: string | null | undefined;
}

/**
 * The `ConnectorError` for a mutation that answered `userErrors`: nothing was changed
 * (`executed: 'no'`), the message names the field path, `vendorCode` is the error's code.
 *
 * @example throw userErrorsToError('fulfillments.create', payload.userErrors, correlationId);
 */
export function userErrorsToError(
  operation: string,
  errors: readonly UserError[],
  correlationId: string | undefined,
  externalId?: string,
): ConnectorError {
  const message = errors
    .map((e) => (e.field && e.field.length > 0 ? `${e.field.join('.')}: ${e.message}` : e.message))
    .join('; ');
  const code = errors.find((e) => e.code)?.code;
  return shopifyError(operation, {
    message,
    vendorCode: code ?? 'USER_ERROR',
    retryable: false,
    executed: 'no',
    correlationId,
    ...(externalId === undefined ? {} : { externalId }),
  });
}
