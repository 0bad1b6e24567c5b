/** Whether a failed call may have changed the external system. */
export type Executed = 'no' | 'unknown' | 'yes';

/** Optional fields may be given as `undefined` (the error keeps them `undefined` either way). */
export interface ConnectorErrorInit {
  /** The external system, e.g. `odoo`, `shipbob`. */
  readonly system: string;
  /** The capability that failed, e.g. `fulfillment.release`. */
  readonly operation: string;
  readonly message: string;
  readonly httpStatus?: number | undefined;
  /** The vendor's own error code, e.g. ShipBob's validation code or an Odoo exception name. */
  readonly vendorCode?: string | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs?: number | undefined;
  readonly executed: Executed;
  readonly correlationId?: string | undefined;
  /** The external id concerned, when there is one. */
  readonly externalId?: string | undefined;
  readonly cause?: unknown;
}

/**
 * The one error every connector throws: which system and capability, what the vendor said, whether
 * to retry and whether the call may have executed. Never carries a credential.
 *
 * @example
 * try { await shipbob.fulfillment.release(request, { correlationId }); } catch (error) {
 *   if (isConnectorError(error) && error.retryable) await later(error.retryAfterMs);
 * }
 */
export class ConnectorError extends Error {
  override name = 'ConnectorError';
  readonly system: string;
  readonly operation: string;
  readonly httpStatus: number | undefined;
  readonly vendorCode: string | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly executed: Executed;
  readonly correlationId: string | undefined;
  readonly externalId: string | undefined;

  constructor(init: ConnectorErrorInit) {
    super(
      `${init.system} ${init.operation}: ${init.message}`,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.system = init.system;
    this.operation = init.operation;
    this.httpStatus = init.httpStatus;
    this.vendorCode = init.vendorCode;
    this.retryable = init.retryable;
    this.retryAfterMs = init.retryAfterMs;
    this.executed = init.executed;
    this.correlationId = init.correlationId;
    this.externalId = init.externalId;
  }
}

export function isConnectorError(error: unknown): error is ConnectorError {
  return error instanceof ConnectorError;
}
