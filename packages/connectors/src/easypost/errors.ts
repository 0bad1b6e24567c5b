import type { z } from 'zod';
import { ConnectorError, type ConnectorErrorInit, type Executed } from '../contract/errors.js';

/** The system name every EasyPost `ConnectorError` carries. */
export const SYSTEM = 'easypost';

/**
 * A `ConnectorError` of the EasyPost connector.
 *
 * @example
 * throw easypostError({ operation: 'labels.buy', message: 'no rate', retryable: false, executed: 'no' });
 */
export function easypostError(init: Omit<ConnectorErrorInit, 'system'>): ConnectorError {
  return new ConnectorError({ system: SYSTEM, ...init });
}

/**
 * The same error, saying what EasyPost did before it happened (e.g. `yes`: the shipment exists).
 *
 * @example
 * throw withExecuted(journalError, 'yes');
 */
export function withExecuted(error: ConnectorError, executed: Executed): ConnectorError {
  return new ConnectorError({
    system: error.system,
    operation: error.operation,
    message: error.message.slice(`${error.system} ${error.operation}: `.length),
    httpStatus: error.httpStatus,
    vendorCode: error.vendorCode,
    retryable: error.retryable,
    retryAfterMs: error.retryAfterMs,
    executed,
    correlationId: error.correlationId,
    externalId: error.externalId,
    cause: error.cause,
  });
}

/**
 * Validates a vendor payload; a mismatch is a `ConnectorError` naming the first bad field.
 *
 * @example
 * const shipment = validate(EpShipmentSchema, body, 'labels.buy', 'shipment', correlationId);
 */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  operation: string,
  what: string,
  correlationId: string | undefined,
  executed: Executed = 'yes',
): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = [what, ...(issue?.path ?? []).map(String)].join('.');
  return failValidation(operation, field, issue?.message ?? 'invalid', correlationId, executed);
}

function failValidation(
  operation: string,
  field: string,
  message: string,
  correlationId: string | undefined,
  executed: Executed,
): never {
  throw easypostError({
    operation,
    message: `unexpected EasyPost payload: ${field}: ${message}`,
    vendorCode: 'INVALID_PAYLOAD',
    retryable: false,
    executed,
    ...(correlationId === undefined ? {} : { correlationId }),
  });
}
