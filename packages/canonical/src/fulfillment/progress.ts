import { z } from 'zod';
import { decimal } from '../primitives/decimal.js';
import { openQuantity, type QuantityLedger } from './ledger.js';

/**
 * How far a fulfillment request has come, derived from its lines' ledgers and never stored:
 * - `open`: nothing allocated, nothing shipped;
 * - `in_progress`: part of the open quantity is allocated, nothing shipped;
 * - `allocated`: all of the open quantity is allocated, nothing shipped;
 * - `partially_shipped`: something shipped and something is still open (a backorder, or picking goes on);
 * - `shipped`: nothing open, nothing cancelled;
 * - `closed_short`: nothing open, something shipped and something cancelled: the short ship Odoo
 *   reports as `delivery_status: full`;
 * - `cancelled`: nothing shipped and nothing open.
 */
export const ProgressSchema = z.enum([
  'open',
  'in_progress',
  'allocated',
  'partially_shipped',
  'shipped',
  'closed_short',
  'cancelled',
]);
export type Progress = z.infer<typeof ProgressSchema>;

/** What the ledgers of all lines say, as the booleans the progress rules read. */
export interface LedgerFacts {
  readonly anyShipped: boolean;
  readonly anyOpen: boolean;
  readonly anyCancelled: boolean;
  readonly anyAllocated: boolean;
  /** Every line with an open quantity has all of it allocated. */
  readonly openFullyAllocated: boolean;
}

export function ledgerFacts(ledgers: readonly QuantityLedger[]): LedgerFacts {
  const opens = ledgers.map(openQuantity);
  return {
    anyShipped: ledgers.some((ledger) => !decimal.isZero(ledger.shipped)),
    anyOpen: opens.some((open) => !decimal.isZero(open)),
    anyCancelled: ledgers.some((ledger) => !decimal.isZero(ledger.cancelled)),
    anyAllocated: ledgers.some((ledger) => !decimal.isZero(ledger.allocated)),
    openFullyAllocated: ledgers.every((ledger, index) => decimal.gte(ledger.allocated, opens[index] ?? '0')),
  };
}

/**
 * One rule per progress state. The rules are mutually exclusive and together cover every
 * combination of facts, which the property tests check; `deriveProgress` relies on it.
 */
export const progressRules: Readonly<Record<Progress, (facts: LedgerFacts) => boolean>> = {
  open: (f) => !f.anyShipped && f.anyOpen && !f.anyAllocated,
  in_progress: (f) => !f.anyShipped && f.anyOpen && f.anyAllocated && !f.openFullyAllocated,
  allocated: (f) => !f.anyShipped && f.anyOpen && f.anyAllocated && f.openFullyAllocated,
  partially_shipped: (f) => f.anyShipped && f.anyOpen,
  shipped: (f) => f.anyShipped && !f.anyOpen && !f.anyCancelled,
  closed_short: (f) => f.anyShipped && !f.anyOpen && f.anyCancelled,
  cancelled: (f) => !f.anyShipped && !f.anyOpen,
};

/** The states whose rule matches `facts`; exactly one for any facts. */
export function matchingProgress(facts: LedgerFacts): Progress[] {
  return ProgressSchema.options.filter((state) => progressRules[state](facts));
}

/**
 * Derives the progress of a request from its lines' ledgers.
 *
 * @example
 * deriveProgress([{ ordered: '10', allocated: '0', shipped: '6', cancelled: '4', backordered: '0', returned: '0' }]);
 * // 'closed_short'
 */
export function deriveProgress(ledgers: readonly QuantityLedger[]): Progress {
  const [state, ...others] = matchingProgress(ledgerFacts(ledgers));
  // Unreachable while the rules partition the facts; a loud failure beats a wrong answer.
  if (!state || others.length > 0) {
    throw new Error(
      `progress rules matched ${others.length + (state ? 1 : 0)} states; they must match exactly one`,
    );
  }
  return state;
}
