import { z } from 'zod';
import { decimal, NonNegativeDecimalSchema, PositiveDecimalSchema } from '../primitives/decimal.js';
import { CANCEL_REASONS, type LineDifference, SUBSTITUTION_REASONS } from './reasons.js';

/**
 * Where every ordered unit of a fulfillment line stands, in the line's unit:
 * - `ordered`: what the warehouse was asked to ship;
 * - `allocated`: reserved or picked for the open quantity and not shipped yet;
 * - `shipped`: left the warehouse (over-shipment allowed only with reason `CM`);
 * - `cancelled`: will never ship (reason `CP` or `IC`);
 * - `backordered`: open and waiting for stock (reason `BP`);
 * - `returned`: came back after shipping (never more than shipped).
 * The open quantity is `ordered − shipped − cancelled`; progress is derived from these numbers only.
 */
export const QuantityLedgerSchema = z.object({
  ordered: PositiveDecimalSchema,
  allocated: NonNegativeDecimalSchema.default('0'),
  shipped: NonNegativeDecimalSchema.default('0'),
  cancelled: NonNegativeDecimalSchema.default('0'),
  backordered: NonNegativeDecimalSchema.default('0'),
  returned: NonNegativeDecimalSchema.default('0'),
});
export type QuantityLedger = z.infer<typeof QuantityLedgerSchema>;

/** `ordered − shipped − cancelled`, never below zero. */
export function openQuantity(ledger: QuantityLedger): string {
  return decimal.max('0', decimal.sub(ledger.ordered, decimal.add(ledger.shipped, ledger.cancelled)));
}

/** A broken ledger rule: which field, which rule, and the sentence that explains it. */
export interface LedgerViolation {
  readonly field: keyof QuantityLedger | 'differences';
  readonly rule: string;
  readonly message: string;
}

const has = (differences: readonly LineDifference[], reasons: readonly string[]) =>
  differences.some((difference) => reasons.includes(difference.reason));

/**
 * Every rule a ledger with its differences breaks; empty when it is consistent. The fulfillment
 * line schema reports these as parse issues; connectors can call it before writing a ledger.
 */
export function ledgerViolations(
  ledger: QuantityLedger,
  differences: readonly LineDifference[],
): LedgerViolation[] {
  const violations: LedgerViolation[] = [];
  const { ordered, allocated, shipped, cancelled, backordered, returned } = ledger;
  const closed = decimal.add(shipped, cancelled);
  const open = openQuantity(ledger);

  if (decimal.gt(closed, ordered) && !has(differences, ['CM'])) {
    violations.push({
      field: 'shipped',
      rule: 'ledger.over_shipped',
      message: `shipped (${shipped}) plus cancelled (${cancelled}) exceeds ordered (${ordered}) and no over-shipment reason (CM) is given`,
    });
  }
  if (decimal.gt(allocated, open)) {
    violations.push({
      field: 'allocated',
      rule: 'ledger.over_allocated',
      message: `allocated (${allocated}) exceeds the open quantity (ordered − shipped − cancelled = ${open})`,
    });
  }
  if (decimal.gt(backordered, open)) {
    violations.push({
      field: 'backordered',
      rule: 'ledger.over_backordered',
      message: `backordered (${backordered}) exceeds the open quantity (ordered − shipped − cancelled = ${open})`,
    });
  }
  if (decimal.gt(returned, shipped)) {
    violations.push({
      field: 'returned',
      rule: 'ledger.returned_exceeds_shipped',
      message: `returned (${returned}) exceeds shipped (${shipped})`,
    });
  }
  if (!decimal.isZero(cancelled) && !has(differences, CANCEL_REASONS)) {
    violations.push({
      field: 'cancelled',
      rule: 'ledger.cancel_without_reason',
      message: `${cancelled} cancelled without a reason: record a difference with reason CP (closed, no backorder) or IC (item cancelled)`,
    });
  }
  if (!decimal.isZero(backordered) && !has(differences, ['BP'])) {
    violations.push({
      field: 'backordered',
      rule: 'ledger.backorder_without_reason',
      message: `${backordered} backordered without a reason: record a difference with reason BP (backorder to follow)`,
    });
  }
  differences.forEach((difference) => {
    if (SUBSTITUTION_REASONS.includes(difference.reason) && !difference.substitute) {
      violations.push({
        field: 'differences',
        rule: 'ledger.substitution_without_item',
        message: `a ${difference.reason} substitution must name the substitute item that was shipped`,
      });
    }
  });
  return violations;
}
