import { type IdempotencyError, KeyMismatchError } from '@crossdock/idempotency';
import { ConnectorError } from './errors.js';

/**
 * A write refused by its idempotency claim, as a `ConnectorError`: the key was used for another
 * payload (final), or the first write with this key is still running (retry shortly). Nothing was sent.
 */
export function claimRefusal(
  system: string,
  operation: string,
  error: IdempotencyError,
  correlationId: string | undefined,
): ConnectorError {
  const mismatch = error instanceof KeyMismatchError;
  return new ConnectorError({
    system,
    operation,
    message: mismatch
      ? 'this idempotency key was already used for a different write'
      : 'the same write is still running',
    vendorCode: mismatch ? 'idempotency_key_reused' : 'in_progress',
    retryable: !mismatch,
    executed: 'no',
    ...(correlationId === undefined ? {} : { correlationId }),
    cause: error,
  });
}
