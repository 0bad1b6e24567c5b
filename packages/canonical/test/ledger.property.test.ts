import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decimal,
  deriveProgress,
  FulfillmentLineSchema,
  type LedgerFacts,
  type LineDifference,
  ledgerFacts,
  ledgerViolations,
  matchingProgress,
  openQuantity,
  type Progress,
  progressRules,
  type QuantityLedger,
  safeParseCanonical,
} from '../src/index.js';

/*
 * Quantities are modelled as whole numbers of thousandths, so the expected values below are
 * computed with plain integer arithmetic, independently of the decimal strings under test.
 */

type Field = 'ordered' | 'allocated' | 'shipped' | 'cancelled' | 'backordered' | 'returned';
type Model = Record<Field, number>;

interface GeneratedLine {
  /** The quantities in thousandths. */
  readonly model: Model;
  readonly ledger: QuantityLedger;
  readonly differences: LineDifference[];
}

/** Spells a number of thousandths as a decimal string with up to 3 decimals, e.g. 12500 → "12.5" or "12.500". */
function spell(thousandths: number, keepTrailingZeros = false): string {
  const whole = Math.trunc(thousandths / 1000);
  const fraction = String(thousandths % 1000).padStart(3, '0');
  if (keepTrailingZeros) return `${whole}.${fraction}`;
  const trimmed = fraction.replace(/0+$/, '');
  return trimmed ? `${whole}.${trimmed}` : String(whole);
}

function toLedger(model: Model, keepTrailingZeros: boolean): QuantityLedger {
  return {
    ordered: spell(model.ordered, keepTrailingZeros),
    allocated: spell(model.allocated, keepTrailingZeros),
    shipped: spell(model.shipped, keepTrailingZeros),
    cancelled: spell(model.cancelled, keepTrailingZeros),
    backordered: spell(model.backordered, keepTrailingZeros),
    returned: spell(model.returned, keepTrailingZeros),
  };
}

const openOf = (model: Model) => Math.max(0, model.ordered - model.shipped - model.cancelled);

/** A whole number of thousandths in [min, max], often exactly on a bound. */
const amount = (min: number, max: number): fc.Arbitrary<number> =>
  fc.oneof(fc.constant(min), fc.constant(max), fc.integer({ min, max }));

/**
 * A line whose ledger keeps every rule: shipped + cancelled <= ordered (or an over-shipment
 * explained by CM), allocated and backordered each within the open quantity, returned within
 * shipped, and the reason each difference needs: CP or IC for a cancelled quantity, BP for a
 * backorder, CM for an over-shipment, a named substitute for CS and IS.
 */
const validLine: fc.Arbitrary<GeneratedLine> = fc
  .record({
    ordered: fc.oneof(fc.constant(1), fc.constant(1000), fc.integer({ min: 1, max: 100_000 })),
    overShipped: fc.oneof(
      { arbitrary: fc.constant(false), weight: 4 },
      { arbitrary: fc.constant(true), weight: 1 },
    ),
  })
  .chain(({ ordered, overShipped }) =>
    (overShipped ? fc.integer({ min: ordered + 1, max: ordered * 2 + 1 }) : amount(0, ordered)).chain(
      (shipped) =>
        (overShipped ? fc.constant(0) : amount(0, ordered - shipped)).chain((cancelled) => {
          const open = Math.max(0, ordered - shipped - cancelled);
          return fc.record({
            model: fc.record({
              ordered: fc.constant(ordered),
              shipped: fc.constant(shipped),
              cancelled: fc.constant(cancelled),
              allocated: amount(0, open),
              backordered: amount(0, open),
              returned: amount(0, shipped),
            }),
            cancelReason: fc.constantFrom('CP' as const, 'IC' as const),
            substitution:
              shipped > 0
                ? fc.option(
                    fc.record({
                      reason: fc.constantFrom('CS' as const, 'IS' as const),
                      quantity: fc.integer({ min: 1, max: shipped }),
                      sku: fc.constantFrom('SUB-1', 'SUB-2'),
                    }),
                    { nil: undefined },
                  )
                : fc.constant(undefined),
            keepTrailingZeros: fc.boolean(),
            order: fc.integer({ min: 0, max: 3 }),
          });
        }),
    ),
  )
  .map(({ model, cancelReason, substitution, keepTrailingZeros, order }) => {
    const differences: LineDifference[] = [];
    if (model.cancelled > 0) differences.push({ reason: cancelReason, quantity: spell(model.cancelled) });
    if (model.backordered > 0) differences.push({ reason: 'BP', quantity: spell(model.backordered) });
    if (model.shipped > model.ordered) {
      differences.push({ reason: 'CM', quantity: spell(model.shipped - model.ordered) });
    }
    if (substitution) {
      differences.push({
        reason: substitution.reason,
        quantity: spell(substitution.quantity),
        substitute: { sku: substitution.sku, refs: [] },
      });
    }
    // The order of the recorded differences must not matter.
    const start = differences.length > 0 ? order % differences.length : 0;
    const rotated = [...differences.slice(start), ...differences.slice(0, start)];
    return { model, ledger: toLedger(model, keepTrailingZeros), differences: rotated };
  });

const validLines = fc.array(validLine, { minLength: 1, maxLength: 5 });

/** Any non-negative ledger, consistent or not. */
const anyLedgerModel: fc.Arbitrary<Model> = fc.integer({ min: 1, max: 100_000 }).chain((ordered) =>
  fc.record({
    ordered: fc.constant(ordered),
    allocated: amount(0, ordered * 2),
    shipped: amount(0, ordered * 2),
    cancelled: amount(0, ordered * 2),
    backordered: amount(0, ordered * 2),
    returned: amount(0, ordered * 2),
  }),
);

function lineInput(line: GeneratedLine, index = 0) {
  return {
    lineId: `L${index + 1}`,
    item: { sku: `SKU-${index + 1}` },
    uom: 'EA',
    ledger: line.ledger,
    differences: line.differences,
  };
}

/** The facts computed from the integer model, without the library. */
function expectedFacts(models: readonly Model[]): LedgerFacts {
  return {
    anyShipped: models.some((model) => model.shipped > 0),
    anyOpen: models.some((model) => openOf(model) > 0),
    anyCancelled: models.some((model) => model.cancelled > 0),
    anyAllocated: models.some((model) => model.allocated > 0),
    openFullyAllocated: models.every((model) => model.allocated >= openOf(model)),
  };
}

/** The progress the documented definitions give for these facts, written as a decision tree. */
function expectedProgress(facts: LedgerFacts): Progress {
  if (facts.anyShipped) {
    if (facts.anyOpen) return 'partially_shipped';
    return facts.anyCancelled ? 'closed_short' : 'shipped';
  }
  if (!facts.anyOpen) return 'cancelled';
  if (!facts.anyAllocated) return 'open';
  return facts.openFullyAllocated ? 'allocated' : 'in_progress';
}

describe('generated consistent ledgers', () => {
  it('parse as fulfillment lines and break no ledger rule', () => {
    fc.assert(
      fc.property(validLine, (line) => {
        expect(ledgerViolations(line.ledger, line.differences)).toEqual([]);
        const parsed = safeParseCanonical(FulfillmentLineSchema, lineInput(line));
        expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('always match exactly one progress rule, the one deriveProgress returns', () => {
    fc.assert(
      fc.property(validLines, (lines) => {
        const ledgers = lines.map((line) => line.ledger);
        const matches = matchingProgress(ledgerFacts(ledgers));
        expect(matches).toHaveLength(1);
        expect(matches[0]).toBe(deriveProgress(ledgers));
      }),
      { numRuns: 500 },
    );
  });

  it('derive the progress the state definitions give, from facts that agree with the numbers', () => {
    fc.assert(
      fc.property(validLines, (lines) => {
        const facts = expectedFacts(lines.map((line) => line.model));
        expect(ledgerFacts(lines.map((line) => line.ledger))).toEqual(facts);
        expect(deriveProgress(lines.map((line) => line.ledger))).toBe(expectedProgress(facts));
      }),
      { numRuns: 500 },
    );
  });
});

describe('the open quantity', () => {
  it('is ordered − shipped − cancelled, and zero (never negative) when more was closed than ordered', () => {
    fc.assert(
      fc.property(anyLedgerModel, fc.boolean(), (model, keepTrailingZeros) => {
        const open = openQuantity(toLedger(model, keepTrailingZeros));
        expect(decimal.isNegative(open)).toBe(false);
        const difference = model.ordered - model.shipped - model.cancelled;
        expect(open).toBe(spell(Math.max(0, difference)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('breaking one ledger rule', () => {
  type Breakage =
    | 'over_shipped'
    | 'over_allocated'
    | 'over_backordered'
    | 'returned_exceeds_shipped'
    | 'cancel_without_reason'
    | 'backorder_without_reason'
    | 'substitution_without_item';

  const without = (differences: readonly LineDifference[], reasons: readonly string[]) =>
    differences.filter((difference) => !reasons.includes(difference.reason));

  /** Breaks `rule` on a consistent line by `delta` thousandths; returns the broken line and the field to blame. */
  function breakRule(line: GeneratedLine, rule: Breakage, delta: number) {
    const model = { ...line.model };
    let differences = [...line.differences];
    let path: string;
    switch (rule) {
      case 'over_shipped':
        model.shipped = model.ordered - model.cancelled + delta;
        differences = without(differences, ['CM']);
        path = 'ledger.shipped';
        break;
      case 'over_allocated':
        model.allocated = openOf(model) + delta;
        path = 'ledger.allocated';
        break;
      case 'over_backordered':
        model.backordered = openOf(model) + delta;
        differences = [...without(differences, ['BP']), { reason: 'BP', quantity: spell(model.backordered) }];
        path = 'ledger.backordered';
        break;
      case 'returned_exceeds_shipped':
        model.returned = model.shipped + delta;
        path = 'ledger.returned';
        break;
      case 'cancel_without_reason':
        if (model.cancelled === 0) model.cancelled = delta;
        differences = without(differences, ['CP', 'IC']);
        path = 'ledger.cancelled';
        break;
      case 'backorder_without_reason':
        if (model.backordered === 0) model.backordered = delta;
        differences = without(differences, ['BP']);
        path = 'ledger.backordered';
        break;
      case 'substitution_without_item':
        differences = [...differences, { reason: delta % 2 === 0 ? 'CS' : 'IS', quantity: spell(delta) }];
        path = 'differences';
        break;
    }
    return { line: { model, ledger: toLedger(model, false), differences }, path };
  }

  const breakages: readonly Breakage[] = [
    'over_shipped',
    'over_allocated',
    'over_backordered',
    'returned_exceeds_shipped',
    'cancel_without_reason',
    'backorder_without_reason',
    'substitution_without_item',
  ];

  it('always yields a violation of that rule, which the line schema reports at the right path', () => {
    fc.assert(
      fc.property(
        validLine,
        fc.constantFrom(...breakages),
        fc.integer({ min: 1, max: 5_000 }),
        (valid, rule, delta) => {
          const { line, path } = breakRule(valid, rule, delta);
          const violations = ledgerViolations(line.ledger, line.differences);
          expect(violations.length).toBeGreaterThan(0);
          expect(violations.map((violation) => violation.rule)).toContain(`ledger.${rule}`);

          const parsed = safeParseCanonical(FulfillmentLineSchema, lineInput(line));
          expect(parsed.success).toBe(false);
          const issues = parsed.success ? [] : parsed.error.issues;
          expect(issues).toContainEqual(expect.objectContaining({ path, rule: `ledger.${rule}` }));
        },
      ),
      { numRuns: 700 },
    );
  });

  it('over-shipping without CM is always caught, however little the excess', () => {
    fc.assert(
      fc.property(validLine, fc.integer({ min: 1, max: 3 }), (valid, delta) => {
        const { line } = breakRule(valid, 'over_shipped', delta);
        expect(ledgerViolations(line.ledger, line.differences).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the progress rules over the raw ledger facts', () => {
  const FACT_NAMES = ['anyShipped', 'anyOpen', 'anyCancelled', 'anyAllocated', 'openFullyAllocated'] as const;

  /** All 2^5 = 32 combinations of the five facts. */
  const allFacts: LedgerFacts[] = Array.from({ length: 32 }, (_, bits) => ({
    anyShipped: (bits & 1) !== 0,
    anyOpen: (bits & 2) !== 0,
    anyCancelled: (bits & 4) !== 0,
    anyAllocated: (bits & 8) !== 0,
    openFullyAllocated: (bits & 16) !== 0,
  }));

  const label = (facts: LedgerFacts) =>
    FACT_NAMES.map((name) => `${facts[name] ? '' : '!'}${name}`).join(' ');

  /**
   * Which combinations consistent ledgers can produce:
   * - an ordered quantity is positive, so a request with nothing open has shipped or cancelled
   *   something: `!anyOpen` implies `anyShipped || anyCancelled`;
   * - with nothing open, allocated (<= open on every line) is zero everywhere and "every open line is
   *   fully allocated" holds vacuously: `!anyOpen` implies `!anyAllocated && openFullyAllocated`;
   * - with something open, "fully allocated" needs that open line allocated, so
   *   `anyOpen && openFullyAllocated` implies `anyAllocated`.
   * That leaves 3 combinations with nothing open (shipped, cancelled, or both) and 4 × 3 with
   * something open (shipped × cancelled × {nothing allocated, partly, fully}): 15 of the 32.
   */
  const reachable = (f: LedgerFacts): boolean =>
    f.anyOpen
      ? f.anyAllocated || !f.openFullyAllocated
      : (f.anyShipped || f.anyCancelled) && !f.anyAllocated && f.openFullyAllocated;

  /**
   * Ledgers that break the allocation rule (allocated on a line with nothing open) also reach
   * `!anyOpen && anyAllocated`: 3 more combinations, 18 in all.
   */
  const reachableByAnyLedgers = (f: LedgerFacts): boolean =>
    f.anyOpen
      ? f.anyAllocated || !f.openFullyAllocated
      : (f.anyShipped || f.anyCancelled) && f.openFullyAllocated;

  const one = (fields: Partial<QuantityLedger>): QuantityLedger => ({
    ordered: '1',
    allocated: '0',
    shipped: '0',
    cancelled: '0',
    backordered: '0',
    returned: '0',
    ...fields,
  });

  /** Ledgers that produce `facts`, built from one-unit lines. */
  function witness(facts: LedgerFacts): QuantityLedger[] {
    const ledgers: QuantityLedger[] = [];
    if (facts.anyShipped)
      ledgers.push(one({ shipped: '1', allocated: !facts.anyOpen && facts.anyAllocated ? '1' : '0' }));
    if (facts.anyCancelled) ledgers.push(one({ cancelled: '1' }));
    if (!facts.anyShipped && !facts.anyOpen && facts.anyAllocated)
      ledgers.push(one({ cancelled: '1', allocated: '1' }));
    if (facts.anyOpen) {
      if (facts.anyAllocated) ledgers.push(one({ allocated: '1' }));
      if (!facts.openFullyAllocated) ledgers.push(one({}));
    }
    return ledgers;
  }

  const consistent = allFacts.filter(reachable);
  const reachableAtAll = allFacts.filter(reachableByAnyLedgers);

  it('has 15 combinations consistent ledgers can reach, and 18 that any ledgers can', () => {
    expect(consistent).toHaveLength(15);
    expect(reachableAtAll).toHaveLength(18);
  });

  it('can reach each of those combinations with concrete ledgers', () => {
    for (const facts of reachableAtAll) {
      const ledgers = witness(facts);
      expect(ledgerFacts(ledgers), label(facts)).toEqual(facts);
      const consistentLedgers = ledgers.every((ledger) =>
        ledgerViolations(ledger, [{ reason: 'CP', quantity: '1' }]).every(
          (violation) => violation.rule !== 'ledger.over_allocated',
        ),
      );
      expect(consistentLedgers, label(facts)).toBe(reachable(facts));
    }
  });

  it('matches exactly one rule for every reachable combination', () => {
    for (const facts of reachableAtAll) {
      const matches = (Object.keys(progressRules) as Progress[]).filter((state) =>
        progressRules[state](facts),
      );
      expect(matches, label(facts)).toEqual([expectedProgress(facts)]);
      expect(matchingProgress(facts), label(facts)).toEqual(matches);
    }
  });

  it('match exactly one rule even for the combinations no ledger can produce, so the rules partition the facts', () => {
    for (const facts of allFacts) {
      expect(matchingProgress(facts), label(facts)).toHaveLength(1);
    }
  });

  it('are all produced by the generator of consistent ledgers, so the properties above cover every state', () => {
    const seen = new Set<string>();
    const states = new Set<Progress>();
    for (const lines of fc.sample(validLines, { numRuns: 3000, seed: 20260101 })) {
      const ledgers = lines.map((line) => line.ledger);
      seen.add(label(ledgerFacts(ledgers)));
      states.add(deriveProgress(ledgers));
    }
    expect([...seen].sort()).toEqual(consistent.map(label).sort());
    expect([...states].sort()).toEqual([...Object.keys(progressRules)].sort());
  });

  it('never sees an unreachable combination from generated ledgers, consistent or not', () => {
    fc.assert(
      fc.property(validLines, (lines) => {
        expect(reachable(ledgerFacts(lines.map((line) => line.ledger)))).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(anyLedgerModel, { minLength: 1, maxLength: 5 }), (models) => {
        const ledgers = models.map((model) => toLedger(model, false));
        expect(reachableByAnyLedgers(ledgerFacts(ledgers))).toBe(true);
        expect(matchingProgress(ledgerFacts(ledgers))).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });
});
