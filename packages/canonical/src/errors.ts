import type { ParseIssue } from './issues.js';

/**
 * The base of every error this package throws. Catch it to handle any canonical failure;
 * narrow with the subclasses or with `isCanonicalError`.
 */
export class CanonicalError extends Error {
  override name = 'CanonicalError';
}

/** Input did not match a canonical schema. `issues` names each failing path and rule in plain words. */
export class CanonicalParseError extends CanonicalError {
  override name = 'CanonicalParseError';
  /** The schema that refused the input, e.g. `FulfillmentRequest`. */
  readonly schema: string;
  readonly issues: readonly ParseIssue[];

  constructor(schema: string, issues: readonly ParseIssue[], options?: ErrorOptions) {
    const shown = issues.slice(0, 5).map((issue) => `${issue.path || '(root)'}: ${issue.message}`);
    const more = issues.length > shown.length ? `; and ${issues.length - shown.length} more` : '';
    super(`${schema} is invalid: ${shown.join('; ')}${more}`, options);
    this.schema = schema;
    this.issues = issues;
  }
}

/** Two units could not be converted: unknown code, or units of different categories. */
export class UomConversionError extends CanonicalError {
  override name = 'UomConversionError';
  readonly from: string;
  readonly to: string;

  constructor(message: string, from: string, to: string) {
    super(message);
    this.from = from;
    this.to = to;
  }
}

/** Arithmetic that would lose meaning: mixing units, dividing by zero, a malformed decimal. */
export class DecimalError extends CanonicalError {
  override name = 'DecimalError';
}

export type IllegalTransitionReason = 'unknown_state' | 'same_state' | 'terminal' | 'not_allowed';

/** A lifecycle was asked to make a move its state machine does not allow. */
export class IllegalTransitionError extends CanonicalError {
  override name = 'IllegalTransitionError';
  readonly lifecycle: string;
  readonly from: string;
  readonly to: string;
  readonly reason: IllegalTransitionReason;
  /** The states `from` may move to; empty for a terminal or unknown state. */
  readonly allowed: readonly string[];

  constructor(init: {
    lifecycle: string;
    from: string;
    to: string;
    reason: IllegalTransitionReason;
    allowed: readonly string[];
    message: string;
  }) {
    super(init.message);
    this.lifecycle = init.lifecycle;
    this.from = init.from;
    this.to = init.to;
    this.reason = init.reason;
    this.allowed = init.allowed;
  }
}

/** An event envelope named a type that is not in the catalogue. */
export class UnknownEventTypeError extends CanonicalError {
  override name = 'UnknownEventTypeError';
  readonly type: string;

  constructor(type: string, known: readonly string[]) {
    super(`unknown event type "${type}"; known types: ${known.join(', ')}`);
    this.type = type;
  }
}

/** A shipment does not fit the request it is applied to: an unknown line, or a unit that cannot be converted. */
export class ShipmentMismatchError extends CanonicalError {
  override name = 'ShipmentMismatchError';
  readonly requestId: string;
  readonly shipmentId: string;
  readonly lineId: string;

  constructor(message: string, context: { requestId: string; shipmentId: string; lineId: string }) {
    super(
      `shipment ${context.shipmentId} on request ${context.requestId}, line ${context.lineId}: ${message}`,
    );
    this.requestId = context.requestId;
    this.shipmentId = context.shipmentId;
    this.lineId = context.lineId;
  }
}

/** True for any error thrown by `@crossdock/canonical`. */
export function isCanonicalError(error: unknown): error is CanonicalError {
  return error instanceof CanonicalError;
}
