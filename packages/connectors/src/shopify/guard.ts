import { isCanonicalError } from '@crossdock/canonical';
import { isConnectorError } from '../contract/errors.js';
import { shopifyError } from './errors.js';

/**
 * Runs one operation so that whatever it throws is a `ConnectorError`: a canonical parse error
 * (a vendor record that does not make a valid canonical object) becomes `INVALID_PAYLOAD`.
 *
 * @example await guard('orders.list', op.correlationId, () => listOrders(ctx, query, op));
 */
export async function guard<T>(
  operation: string,
  correlationId: string | undefined,
  run: () => Promise<T>,
  executed: 'no' | 'yes' = 'no',
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toShopifyError(operation, correlationId, error, executed);
  }
}

/** The `ConnectorError` for any error; `ConnectorError`s pass through. */
export function toShopifyError(
  operation: string,
  correlationId: string | undefined,
  error: unknown,
  executed: 'no' | 'yes' = 'no',
): unknown {
  if (isConnectorError(error)) return error;
  if (isCanonicalError(error)) {
    return shopifyError(operation, {
      message: error.message,
      vendorCode: 'INVALID_PAYLOAD',
      retryable: false,
      executed,
      correlationId,
    });
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return shopifyError(operation, {
      message: 'aborted',
      vendorCode: 'ABORTED',
      retryable: true,
      executed: 'unknown',
      correlationId,
    });
  }
  return error;
}
