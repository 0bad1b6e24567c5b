/** What every capability call takes besides its own input. */
export interface OperationOptions {
  /** Ends the call; every capability honours it. */
  readonly signal?: AbortSignal;
  /** Ties the call to one business transaction in logs, events and errors. @example 'order-S00042' */
  readonly correlationId: string;
  /**
   * Makes the effect happen once however often the call is repeated: sent as the system's
   * idempotency header or used as its natural key. Required for writes. @example 'release:WH/OUT/00042'
   */
  readonly idempotencyKey?: string;
}
