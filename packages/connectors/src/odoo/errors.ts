import { isIdempotencyError } from '@crossdock/idempotency';
import { isOdooError } from '@crossdock/odoo-client';
import { claimRefusal } from '../contract/claim-error.js';
import { ConnectorError, isConnectorError } from '../contract/errors.js';
import { isMalformedRecordError } from './shape.js';

/** Operations that only read: a failure in them changed nothing in Odoo. */
const READS = new Set([
  'orders.list',
  'fulfillment.requests',
  'fulfillment.get',
  'shipments.list',
  'returns.list',
  'inventory.levels',
]);

/**
 * Runs one connector operation, turning every `OdooError` into a `ConnectorError` that keeps the
 * exception name, whether to retry and whether the call may have run.
 *
 * @example
 * await guard('inventory.adjust', options.correlationId, () => client.model('stock.quant').read([3]));
 */
export async function guard<T>(
  operation: string,
  correlationId: string | undefined,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toConnectorError(operation, correlationId, error);
  }
}

/** The `ConnectorError` for any error thrown by an Odoo call. */
export function toConnectorError(
  operation: string,
  correlationId: string | undefined,
  error: unknown,
): unknown {
  if (isIdempotencyError(error)) return claimRefusal('odoo', operation, error, correlationId);
  if (isMalformedRecordError(error)) {
    return new ConnectorError({
      system: 'odoo',
      operation,
      message: error.message,
      vendorCode: 'malformed_record',
      retryable: false,
      executed: READS.has(operation) ? 'no' : 'unknown',
      ...(correlationId === undefined ? {} : { correlationId }),
      externalId: `${error.model}:${String(error.recordId)}`,
      cause: error,
    });
  }
  if (isConnectorError(error) || !isOdooError(error)) return error;
  return new ConnectorError({
    system: 'odoo',
    operation,
    message: error.serverMessage ?? error.message,
    httpStatus: error.httpStatus,
    vendorCode: error.exceptionName,
    retryable: error.retryable,
    retryAfterMs: error.retryAfterMs,
    executed: error.executed,
    correlationId,
    cause: error,
  });
}

/** A refusal decided by the connector itself (nothing was sent that changed Odoo). */
export function refusal(
  operation: string,
  vendorCode: string,
  message: string,
  correlationId: string | undefined,
  externalId?: string,
): ConnectorError {
  return new ConnectorError({
    system: 'odoo',
    operation,
    message,
    vendorCode,
    retryable: false,
    executed: 'no',
    ...(correlationId === undefined ? {} : { correlationId }),
    ...(externalId === undefined ? {} : { externalId }),
  });
}
