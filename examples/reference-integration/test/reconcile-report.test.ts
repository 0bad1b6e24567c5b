import { decimal } from '@crossdock/canonical';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../src/flows/reconcile-print.ts';
import {
  type OdooStock,
  planAdjustment,
  type ReconcileInput,
  varianceReport,
} from '../src/flows/reconcile-report.ts';

const quant = (sku: string, onHand: string, extra: Partial<OdooStock> = {}): OdooStock => ({
  target: 'shipbob',
  sku,
  locationId: 8,
  location: 'WH/Stock',
  uom: 'EA',
  onHand,
  ...extra,
});

const only = (input: Partial<ReconcileInput>) => {
  const report = varianceReport({
    warehouse: [],
    odoo: [],
    inFlight: [],
    receipts: [],
    tolerance: '0',
    ...input,
  });
  expect(report.rows).toHaveLength(1);
  return report.rows[0] as NonNullable<(typeof report.rows)[number]>;
};

describe('variance report', () => {
  it('reports a count below Odoo as a variance to set Odoo to the count', () => {
    const row = only({
      warehouse: [{ target: 'shipbob', sku: 'MUG', onHand: '38' }],
      odoo: [quant('MUG', '40')],
    });
    expect(row).toMatchObject({
      difference: '-2',
      timing: '0',
      unexplained: '-2',
      classification: 'variance',
    });
    expect(planAdjustment(row)).toMatchObject({ kind: 'adjust', expected: '40', quantity: '38' });
  });

  it('explains a shortage by the shipments Odoo has not applied yet, and adjusts nothing', () => {
    const row = only({
      warehouse: [{ target: 'shipbob', sku: 'MUG', onHand: '37' }],
      odoo: [quant('MUG', '40')],
      inFlight: [{ target: 'shipbob', sku: 'MUG', quantity: '3', shipmentId: 's1', pickingId: 21 }],
    });
    expect(row).toMatchObject({ inFlight: '3', timing: '-3', unexplained: '0', classification: 'timing' });
    expect(planAdjustment(row).kind).toBe('skip');
  });

  it('lets an open receipt explain a surplus but never a shortage', () => {
    const receipts = [{ target: 'shipbob', sku: 'MUG', quantity: '10', pickingId: 5 }];
    const surplus = only({
      warehouse: [{ target: 'shipbob', sku: 'MUG', onHand: '44' }],
      odoo: [quant('MUG', '40')],
      receipts,
    });
    expect(surplus).toMatchObject({ receipts: '4', unexplained: '0', classification: 'timing' });
    const shortage = only({
      warehouse: [{ target: 'shipbob', sku: 'MUG', onHand: '36' }],
      odoo: [quant('MUG', '40')],
      receipts,
    });
    expect(shortage).toMatchObject({ receipts: '0', unexplained: '-4', classification: 'variance' });
  });

  it('reports a difference at or under the tolerance without planning an adjustment', () => {
    const row = only({
      warehouse: [{ target: 'shipbob', sku: 'MUG', onHand: '39' }],
      odoo: [quant('MUG', '40')],
      tolerance: '1',
    });
    expect(row.classification).toBe('within_tolerance');
    expect(planAdjustment(row).kind).toBe('skip');
  });

  it('adds every Odoo location and lot into the one network-wide count ShipBob gives', () => {
    const row = only({
      warehouse: [{ target: 'shipbob', sku: 'MUG', onHand: '30' }],
      odoo: [quant('MUG', '20'), quant('MUG', '12', { locationId: 9, location: 'WH/Stock/Shelf 1' })],
    });
    expect(row).toMatchObject({ odooOnHand: '32', unexplained: '-2' });
    expect(planAdjustment(row)).toMatchObject({ kind: 'adjust', expected: '20', quantity: '18' });
  });

  it('compares per lot when the warehouse counts lots, and never guesses a lot when it does not', () => {
    const byLot = varianceReport({
      warehouse: [{ target: 'wms', sku: 'TEA', lot: 'L1', onHand: '5' }],
      odoo: [
        quant('TEA', '5', { target: 'wms', lot: 'L1' }),
        quant('TEA', '3', { target: 'wms', lot: 'L2' }),
      ],
      inFlight: [],
      receipts: [],
      tolerance: '0',
    });
    expect(byLot.rows.map((row) => [row.lot, row.classification, row.presence])).toEqual([
      ['L1', 'match', 'both'],
      ['L2', 'variance', 'odoo_only'],
    ]);
    const noLots = only({
      warehouse: [{ target: 'shipbob', sku: 'TEA', onHand: '6' }],
      odoo: [quant('TEA', '5', { lot: 'L1' }), quant('TEA', '3', { lot: 'L2' })],
    });
    expect(planAdjustment(noLots)).toMatchObject({
      kind: 'skip',
      reason: expect.stringMatching(/lot-tracked/),
    });
  });

  it('does not read an item the warehouse does not list as a count of zero', () => {
    const row = only({ odoo: [quant('LAMP', '4')] });
    expect(row).toMatchObject({ presence: 'odoo_only', classification: 'variance' });
    expect(planAdjustment(row)).toMatchObject({
      kind: 'skip',
      reason: expect.stringMatching(/does not stock/),
    });
  });

  it('prints the rows that need a look and the totals', () => {
    const report = varianceReport({
      warehouse: [
        { target: 'shipbob', sku: 'MUG', onHand: '38' },
        { target: 'shipbob', sku: 'CUP', onHand: '5' },
      ],
      odoo: [quant('MUG', '40'), quant('CUP', '5')],
      inFlight: [],
      receipts: [],
      tolerance: '0',
    });
    const lines = renderReport(report, new Map([['shipbob|MUG|', 'adjusted 40 -> 38']]));
    expect(lines[0]).toMatch(/^WAREHOUSE\s+SKU/);
    expect(lines[1]).toMatch(/^shipbob\s+MUG\s+40\s+38\s+-2\s+-2\s+variance\s+adjusted 40 -> 38$/);
    expect(lines.at(-1)).toBe('2 items: 1 match, 0 timing, 0 within tolerance (±0), 1 variance');
  });
});

const qty = fc.integer({ min: 0, max: 500 }).map(String);
const sku = fc.constantFrom('A', 'B', 'C');
const inputs = fc.record({
  warehouse: fc.array(fc.record({ target: fc.constant('shipbob'), sku, onHand: qty }), { maxLength: 4 }),
  odoo: fc.array(
    fc.record({
      target: fc.constant('shipbob'),
      sku,
      locationId: fc.integer({ min: 1, max: 3 }),
      location: fc.constant('WH/Stock'),
      uom: fc.constant('EA'),
      onHand: qty,
    }),
    { maxLength: 5 },
  ),
  inFlight: fc.array(
    fc.record({
      target: fc.constant('shipbob'),
      sku,
      quantity: fc.integer({ min: 1, max: 50 }).map(String),
      shipmentId: fc.string({ minLength: 1, maxLength: 3 }),
      pickingId: fc.nat(),
    }),
    { maxLength: 3 },
  ),
  receipts: fc.array(
    fc.record({
      target: fc.constant('shipbob'),
      sku,
      quantity: fc.integer({ min: 1, max: 50 }).map(String),
      pickingId: fc.nat(),
    }),
    { maxLength: 3 },
  ),
  tolerance: fc.integer({ min: 0, max: 5 }).map(String),
});

describe('variance report invariants', () => {
  it('splits every difference exactly: timing + unexplained = warehouse - Odoo', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        for (const row of varianceReport(input).rows) {
          expect(decimal.sub(row.warehouseOnHand, row.odooOnHand)).toBe(row.difference);
          expect(decimal.add(row.timing, row.unexplained)).toBe(row.difference);
        }
      }),
    );
  });

  it('loses and double-counts no stock: the rows add up to each side', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const { rows } = varianceReport(input);
        const total = (values: string[]) => decimal.add('0', '0', ...values);
        expect(total(rows.map((row) => row.odooOnHand))).toBe(total(input.odoo.map((q) => q.onHand)));
        expect(total(rows.map((row) => row.warehouseOnHand))).toBe(
          total(input.warehouse.map((c) => c.onHand)),
        );
      }),
    );
  });

  it('calls a row a match only when both sides agree, and a variance only above the tolerance', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        for (const row of varianceReport(input).rows) {
          expect(row.classification === 'match').toBe(decimal.isZero(row.difference));
          if (row.classification === 'variance')
            expect(decimal.gt(decimal.abs(row.unexplained), input.tolerance)).toBe(true);
        }
      }),
    );
  });

  it('plans adjustments that leave Odoo at the count minus what is in flight', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        for (const row of varianceReport(input).rows) {
          const plan = planAdjustment(row);
          if (plan.kind !== 'adjust') continue;
          const after = decimal.add(decimal.sub(row.odooOnHand, plan.expected), plan.quantity);
          expect(after).toBe(decimal.sub(row.warehouseOnHand, row.timing));
          expect(decimal.isNegative(plan.quantity)).toBe(false);
        }
      }),
    );
  });
});
