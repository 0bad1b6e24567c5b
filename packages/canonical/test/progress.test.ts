import { describe, expect, it } from 'vitest';
import {
  deriveProgress,
  deriveStatus,
  type FulfillmentLine,
  FulfillmentLineSchema,
  type FulfillmentRequest,
  type HandshakeState,
  type Hold,
  type LineDifference,
  ledgerViolations,
  type QuantityLedger,
  QuantityLedgerSchema,
} from '../src/index.js';

/** A ledger with every quantity not given at zero. */
function ledger(fields: Partial<QuantityLedger> & { ordered: string }): QuantityLedger {
  return QuantityLedgerSchema.parse(fields);
}

let lineNumber = 0;
/** A valid fulfillment line; the schema checks the ledger against its differences. */
function line(fields: Partial<QuantityLedger> & { ordered: string }, differences: LineDifference[] = []) {
  lineNumber += 1;
  return FulfillmentLineSchema.parse({
    lineId: `L${lineNumber}`,
    item: { sku: `SKU-${lineNumber}` },
    uom: 'EA',
    ledger: fields,
    differences,
  });
}

const CP = (quantity: string): LineDifference => ({ reason: 'CP', quantity });
const IC = (quantity: string): LineDifference => ({ reason: 'IC', quantity });
const BP = (quantity: string): LineDifference => ({ reason: 'BP', quantity });
const CM = (quantity: string): LineDifference => ({ reason: 'CM', quantity });

function request(
  lines: FulfillmentLine[],
  handshake: HandshakeState = 'accepted',
  holds: Hold[] = [],
): Pick<FulfillmentRequest, 'handshake' | 'holds' | 'lines'> {
  return { handshake, holds, lines };
}

describe('progress of a request, derived from its ledgers', () => {
  describe('open: nothing allocated, nothing shipped', () => {
    it('is open for a fresh single line', () => {
      expect(deriveProgress([ledger({ ordered: '10' })])).toBe('open');
    });

    it('is open while no line of several has anything allocated or shipped', () => {
      expect(
        deriveProgress([ledger({ ordered: '10' }), ledger({ ordered: '2.5' }), ledger({ ordered: '1' })]),
      ).toBe('open');
    });

    it('stays open when one line is cancelled and the others are untouched', () => {
      expect(deriveProgress([ledger({ ordered: '4', cancelled: '4' }), ledger({ ordered: '6' })])).toBe(
        'open',
      );
    });

    it('stays open while the open quantity is only backordered', () => {
      expect(deriveProgress([ledger({ ordered: '10', backordered: '10' })])).toBe('open');
    });
  });

  describe('in_progress: part of the open quantity allocated, nothing shipped', () => {
    it('is in progress when a single line is partly allocated', () => {
      expect(deriveProgress([ledger({ ordered: '10', allocated: '4' })])).toBe('in_progress');
    });

    it('is in progress when one line is fully allocated and another not at all', () => {
      expect(deriveProgress([ledger({ ordered: '10', allocated: '10' }), ledger({ ordered: '5' })])).toBe(
        'in_progress',
      );
    });

    it('is in progress when every line is partly allocated', () => {
      expect(
        deriveProgress([
          ledger({ ordered: '10', allocated: '9.999' }),
          ledger({ ordered: '5', allocated: '5' }),
        ]),
      ).toBe('in_progress');
    });
  });

  describe('allocated: all of the open quantity allocated, nothing shipped', () => {
    it('is allocated when every line is fully allocated', () => {
      expect(
        deriveProgress([
          ledger({ ordered: '10', allocated: '10' }),
          ledger({ ordered: '0.5', allocated: '0.5' }),
        ]),
      ).toBe('allocated');
    });

    it('counts only the open quantity: a line with a cancelled part needs only the rest allocated', () => {
      expect(
        deriveProgress([
          ledger({ ordered: '10', cancelled: '2', allocated: '8' }),
          ledger({ ordered: '3', cancelled: '3' }),
        ]),
      ).toBe('allocated');
    });
  });

  describe('partially_shipped: something shipped, something still open', () => {
    it('is partially shipped when one line shipped and another is still open', () => {
      expect(deriveProgress([ledger({ ordered: '10', shipped: '10' }), ledger({ ordered: '5' })])).toBe(
        'partially_shipped',
      );
    });

    it('is partially shipped when a line shipped part and backordered the rest', () => {
      expect(deriveProgress([ledger({ ordered: '10', shipped: '6', backordered: '4' })])).toBe(
        'partially_shipped',
      );
    });

    it('is partially shipped while picking goes on after a first shipment', () => {
      expect(
        deriveProgress([
          ledger({ ordered: '10', shipped: '6', allocated: '4' }),
          ledger({ ordered: '2', cancelled: '2' }),
        ]),
      ).toBe('partially_shipped');
    });
  });

  describe('shipped: nothing open, nothing cancelled', () => {
    it('is shipped when every line shipped in full', () => {
      expect(
        deriveProgress([
          ledger({ ordered: '10', shipped: '10' }),
          ledger({ ordered: '1.5', shipped: '1.5' }),
        ]),
      ).toBe('shipped');
    });

    it('is shipped when a line shipped more than ordered (an over-shipment with reason CM)', () => {
      const over = line({ ordered: '10', shipped: '12' }, [CM('2')]);
      expect(deriveProgress([over.ledger, ledger({ ordered: '3', shipped: '3' })])).toBe('shipped');
    });

    it('stays shipped after goods come back', () => {
      expect(deriveProgress([ledger({ ordered: '10', shipped: '10', returned: '10' })])).toBe('shipped');
    });
  });

  describe('closed_short: nothing open, something shipped and something cancelled', () => {
    it('is closed short when a line shipped part and the rest was closed (Odoo: delivery_status full)', () => {
      expect(deriveProgress([ledger({ ordered: '10', shipped: '6', cancelled: '4' })])).toBe('closed_short');
    });

    it('is closed short when one line shipped and another was cancelled', () => {
      expect(
        deriveProgress([ledger({ ordered: '5', shipped: '5' }), ledger({ ordered: '3', cancelled: '3' })]),
      ).toBe('closed_short');
    });
  });

  describe('cancelled: nothing shipped and nothing open', () => {
    it('is cancelled when the only line is cancelled', () => {
      expect(deriveProgress([ledger({ ordered: '10', cancelled: '10' })])).toBe('cancelled');
    });

    it('is cancelled when every line is cancelled', () => {
      expect(
        deriveProgress([
          ledger({ ordered: '10', cancelled: '10' }),
          ledger({ ordered: '0.25', cancelled: '0.25' }),
        ]),
      ).toBe('cancelled');
    });
  });
});

describe('status: progress plus the exception overlay', () => {
  it('raises no exception for a clean, accepted, shipped request', () => {
    expect(deriveStatus(request([line({ ordered: '10', shipped: '10' })]))).toEqual({
      progress: 'shipped',
      exception: false,
      causes: [],
    });
  });

  it('raises no exception for accepted work in progress without holds', () => {
    expect(deriveStatus(request([line({ ordered: '10', allocated: '3' })]))).toEqual({
      progress: 'in_progress',
      exception: false,
      causes: [],
    });
  });

  it('flags a request the warehouse rejected', () => {
    expect(deriveStatus(request([line({ ordered: '10' })], 'rejected'))).toEqual({
      progress: 'open',
      exception: true,
      causes: ['rejected'],
    });
  });

  it('flags a cancellation the warehouse refused', () => {
    expect(deriveStatus(request([line({ ordered: '10', allocated: '10' })], 'cancel_rejected'))).toEqual({
      progress: 'allocated',
      exception: true,
      causes: ['cancel_rejected'],
    });
  });

  it('flags holds while the work is unfinished', () => {
    for (const [fields, progress] of [
      [{ ordered: '10' }, 'open'],
      [{ ordered: '10', allocated: '4' }, 'in_progress'],
      [{ ordered: '10', allocated: '10' }, 'allocated'],
      [{ ordered: '10', shipped: '4' }, 'partially_shipped'],
    ] as const) {
      expect(deriveStatus(request([line(fields)], 'accepted', ['payment', 'address'])), progress).toEqual({
        progress,
        exception: true,
        causes: ['on_hold'],
      });
    }
  });

  it('ignores holds once the work is finished', () => {
    const holds: Hold[] = ['operator'];
    expect(deriveStatus(request([line({ ordered: '10', shipped: '10' })], 'accepted', holds))).toEqual({
      progress: 'shipped',
      exception: false,
      causes: [],
    });
    expect(
      deriveStatus(request([line({ ordered: '10', cancelled: '10' }, [IC('10')])], 'accepted', holds)),
    ).toEqual({ progress: 'cancelled', exception: false, causes: [] });
    expect(
      deriveStatus(
        request([line({ ordered: '10', shipped: '6', cancelled: '4' }, [CP('4')])], 'accepted', holds),
      ),
    ).toEqual({ progress: 'closed_short', exception: true, causes: ['short_shipped'] });
  });

  it('flags a short close', () => {
    expect(
      deriveStatus(
        request([line({ ordered: '5', shipped: '5' }), line({ ordered: '3', cancelled: '3' }, [IC('3')])]),
      ),
    ).toEqual({ progress: 'closed_short', exception: true, causes: ['short_shipped'] });
  });

  it('does not flag a fully cancelled request as short shipped', () => {
    expect(deriveStatus(request([line({ ordered: '3', cancelled: '3' }, [IC('3')])]))).toEqual({
      progress: 'cancelled',
      exception: false,
      causes: [],
    });
  });

  it('flags an over-shipment, even though the request counts as shipped', () => {
    expect(deriveStatus(request([line({ ordered: '10', shipped: '12' }, [CM('2')])]))).toEqual({
      progress: 'shipped',
      exception: true,
      causes: ['over_shipped'],
    });
  });

  it('lists every cause that applies at once', () => {
    const lines = [line({ ordered: '10', shipped: '12' }, [CM('2')]), line({ ordered: '5' })];
    expect(deriveStatus(request(lines, 'cancel_rejected', ['inventory']))).toEqual({
      progress: 'partially_shipped',
      exception: true,
      causes: ['cancel_rejected', 'on_hold', 'over_shipped'],
    });
  });
});

describe('ledger rules', () => {
  it('finds nothing wrong with a consistent ledger and its reasons', () => {
    expect(ledgerViolations(ledger({ ordered: '10', shipped: '6', backordered: '4' }), [BP('4')])).toEqual(
      [],
    );
    expect(ledgerViolations(ledger({ ordered: '10', shipped: '6', cancelled: '4' }), [CP('4')])).toEqual([]);
    expect(ledgerViolations(ledger({ ordered: '10', shipped: '12' }), [CM('2')])).toEqual([]);
    expect(
      ledgerViolations(ledger({ ordered: '10', shipped: '4', allocated: '6', returned: '4' }), []),
    ).toEqual([]);
  });

  const cases: readonly [
    behaviour: string,
    ledger: Partial<QuantityLedger> & { ordered: string },
    differences: LineDifference[],
    field: string,
    rule: string,
  ][] = [
    [
      'shipping more than ordered without reason CM',
      { ordered: '10', shipped: '12' },
      [],
      'shipped',
      'ledger.over_shipped',
    ],
    [
      'shipping plus cancelling more than ordered',
      { ordered: '10', shipped: '8', cancelled: '4' },
      [CP('4')],
      'shipped',
      'ledger.over_shipped',
    ],
    [
      'allocating more than is open',
      { ordered: '10', shipped: '4', allocated: '6.001' },
      [],
      'allocated',
      'ledger.over_allocated',
    ],
    [
      'backordering more than is open',
      { ordered: '10', cancelled: '2', backordered: '9' },
      [CP('2'), BP('9')],
      'backordered',
      'ledger.over_backordered',
    ],
    [
      'returning more than was shipped',
      { ordered: '10', shipped: '2', returned: '3' },
      [],
      'returned',
      'ledger.returned_exceeds_shipped',
    ],
    [
      'cancelling without reason CP or IC',
      { ordered: '10', shipped: '6', cancelled: '4' },
      [BP('4')],
      'cancelled',
      'ledger.cancel_without_reason',
    ],
    [
      'backordering without reason BP',
      { ordered: '10', shipped: '6', backordered: '4' },
      [CP('4')],
      'backordered',
      'ledger.backorder_without_reason',
    ],
    [
      'a complete substitution that does not name the substitute',
      { ordered: '10', shipped: '10' },
      [{ reason: 'CS', quantity: '10' }],
      'differences',
      'ledger.substitution_without_item',
    ],
    [
      'a partial substitution that does not name the substitute',
      { ordered: '10', shipped: '10' },
      [{ reason: 'IS', quantity: '3' }],
      'differences',
      'ledger.substitution_without_item',
    ],
  ];

  for (const [behaviour, fields, differences, field, rule] of cases) {
    it(`reports ${rule} for ${behaviour}`, () => {
      const violations = ledgerViolations(ledger(fields), differences);
      expect(violations.map((violation) => [violation.field, violation.rule])).toEqual([[field, rule]]);
      expect(violations[0]?.message).toMatch(/\S/);
    });
  }

  it('accepts a substitution that names the item shipped instead', () => {
    expect(
      ledgerViolations(ledger({ ordered: '10', shipped: '10' }), [
        { reason: 'CS', quantity: '10', substitute: { sku: 'SKU-ALT', refs: [] } },
        { reason: 'IS', quantity: '2', substitute: { sku: 'SKU-ALT-2', refs: [] } },
      ]),
    ).toEqual([]);
  });

  it('puts the numbers in the message so a person can fix the ledger', () => {
    const [violation] = ledgerViolations(ledger({ ordered: '10', shipped: '4', allocated: '7' }), []);
    expect(violation?.message).toContain('7');
    expect(violation?.message).toContain('6');
  });

  it('reports every broken rule at once', () => {
    const violations = ledgerViolations(
      ledger({
        ordered: '10',
        shipped: '11',
        cancelled: '1',
        allocated: '1',
        backordered: '1',
        returned: '12',
      }),
      [{ reason: 'IS', quantity: '1' }],
    );
    expect(violations.map((violation) => violation.rule)).toEqual([
      'ledger.over_shipped',
      'ledger.over_allocated',
      'ledger.over_backordered',
      'ledger.returned_exceeds_shipped',
      'ledger.cancel_without_reason',
      'ledger.backorder_without_reason',
      'ledger.substitution_without_item',
    ]);
  });

  it('reports one violation per substitution missing its item', () => {
    const violations = ledgerViolations(ledger({ ordered: '10', shipped: '10' }), [
      { reason: 'IS', quantity: '1' },
      { reason: 'IS', quantity: '2' },
    ]);
    expect(violations.map((violation) => violation.rule)).toEqual([
      'ledger.substitution_without_item',
      'ledger.substitution_without_item',
    ]);
  });
});
