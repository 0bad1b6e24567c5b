import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CanonicalParseError,
  decimal,
  deriveStatus,
  FulfillmentRequestSchema,
  ItemSchema,
  parseCanonical,
  ReturnSchema,
  SalesOrderSchema,
  ShipmentSchema,
  safeParseCanonical,
  topLevelSchemas,
} from '../src/index.js';
import { type InvalidFixture, invalidByRule, invalidStructure, type SchemaName, valid } from './fixtures.js';

const schemaNames = Object.keys(topLevelSchemas) as SchemaName[];

/** `partialShipmentFromTwoLots` → `partial shipment from two lots`, for test names. */
const words = (name: string) => name.replace(/[A-Z0-9]/g, (letter) => ` ${letter.toLowerCase()}`);

/** The error `parseCanonical` throws for `input`; fails the test when the input is accepted. */
function refusal(schema: z.ZodType, input: unknown): CanonicalParseError {
  try {
    parseCanonical(schema, input);
  } catch (error) {
    if (error instanceof CanonicalParseError) return error;
    throw error;
  }
  throw new Error('the input was accepted, but it should have been refused');
}

/** Rules JSON Schema can express too: zod's own issue codes and formats. */
const STRUCTURAL_RULE = /^(invalid_|too_|unrecognized_keys$|not_multiple_of$|format\.)/;

describe('every valid fixture', () => {
  for (const schemaName of schemaNames) {
    describe(schemaName, () => {
      for (const [name, input] of Object.entries<unknown>(valid[schemaName])) {
        it(`accepts ${words(name)} and keeps every field as it was given`, () => {
          const parsed = parseCanonical(topLevelSchemas[schemaName], input);
          expect(parsed).toMatchObject(input as object);
        });
      }
    });
  }
});

function expectRefusal(schemaName: SchemaName, fixture: InvalidFixture): CanonicalParseError {
  const error = refusal(topLevelSchemas[schemaName], fixture.input);
  expect(error.issues).toContainEqual({
    path: fixture.path,
    rule: fixture.rule,
    message: fixture.message ?? expect.any(String),
  });
  return error;
}

describe('fixtures with a broken structure', () => {
  for (const schemaName of schemaNames) {
    describe(schemaName, () => {
      const fixtures: Record<string, InvalidFixture> = invalidStructure[schemaName];
      for (const fixture of Object.values(fixtures)) {
        it(`refuses ${fixture.why}, at ${fixture.path} (${fixture.rule})`, () => {
          expectRefusal(schemaName, fixture);
        });
      }
    });
  }
});

describe('fixtures that break a cross-field rule', () => {
  // The event envelope has no cross-field rules, so it has no such fixtures.
  for (const schemaName of schemaNames.filter((name) => Object.keys(invalidByRule[name]).length > 0)) {
    describe(schemaName, () => {
      const fixtures: Record<string, InvalidFixture> = invalidByRule[schemaName];
      for (const fixture of Object.values(fixtures)) {
        it(`refuses ${fixture.why}, at ${fixture.path} (${fixture.rule}), and nothing else is wrong`, () => {
          const error = expectRefusal(schemaName, fixture);
          expect(error.issues.filter((issue) => STRUCTURAL_RULE.test(issue.rule))).toEqual([]);
        });
      }
    });
  }
});

describe('issue messages', () => {
  const allInvalid = schemaNames.flatMap((schemaName) =>
    [
      ...Object.values<InvalidFixture>(invalidStructure[schemaName]),
      ...Object.values<InvalidFixture>(invalidByRule[schemaName]),
    ].map((fixture) => ({ schemaName, fixture })),
  );

  it('are plain words, never zod’s default "Invalid input" wording or an object dump', () => {
    expect(allInvalid.length).toBeGreaterThan(80);
    for (const { schemaName, fixture } of allInvalid) {
      // Whether each fixture is refused at all is the business of the tests above.
      const result = safeParseCanonical(topLevelSchemas[schemaName], fixture.input);
      for (const issue of result.success ? [] : result.error.issues) {
        expect(issue.message, `${fixture.why} at ${issue.path}`).toMatch(/^[a-z0-9"(]/);
        expect(issue.message).not.toMatch(/Invalid|\[object|undefined/);
      }
    }
  });

  it('name the numbers of an over-shipment, so support can see what went wrong', () => {
    const request = valid['fulfillment-request'].overShipmentWithCm;
    const [line] = request.lines;
    const error = refusal(FulfillmentRequestSchema, { ...request, lines: [{ ...line, differences: [] }] });
    expect(error.issues).toEqual([
      {
        path: 'lines[0].ledger.shipped',
        rule: 'ledger.over_shipped',
        message:
          'shipped (12.75) plus cancelled (0) exceeds ordered (12.5) and no over-shipment reason (CM) is given',
      },
    ]);
  });

  it('explain an unknown currency in one sentence instead of listing every ISO 4217 code', () => {
    const error = refusal(SalesOrderSchema, { ...valid['sales-order'].draftMinimal, currency: 'EUD' });
    expect(error.issues).toEqual([
      {
        path: 'currency',
        rule: 'invalid_value',
        message: 'must be an ISO 4217 currency code such as "EUR" or "USD"',
      },
    ]);
  });
});

describe('defaults', () => {
  it('fills a new request: no refs, no holds, unsubmitted, standard service, a ledger of zeros', () => {
    const request = parseCanonical(FulfillmentRequestSchema, valid['fulfillment-request'].newWithDefaults);
    expect(request).toMatchObject({
      handshake: 'unsubmitted',
      holds: [],
      serviceLevel: 'standard',
      refs: [],
      warehouse: { id: 'wh-reno', refs: [] },
      shipTo: { refs: [] },
    });
    expect(request.lines).toEqual([
      {
        lineId: '1',
        item: { sku: 'ST-2B', refs: [] },
        uom: 'EA',
        ledger: {
          ordered: '3',
          allocated: '0',
          shipped: '0',
          cancelled: '0',
          backordered: '0',
          returned: '0',
        },
        differences: [],
        refs: [],
      },
    ]);
  });

  it('fills a shipment: shipped, no packages, no tracking numbers, no serials', () => {
    const shipment = parseCanonical(ShipmentSchema, valid.shipment.substitution);
    expect(shipment).toMatchObject({ state: 'shipped', packages: [], refs: [] });
    expect(shipment.contents.map((content) => content.serials)).toEqual([[], [], []]);
  });

  it('fills an item as not expiry-tracked and a return line as pending disposition', () => {
    expect(parseCanonical(ItemSchema, valid.item.minimal)).toMatchObject({ expiryTracked: false, refs: [] });
    const awaiting = parseCanonical(ReturnSchema, valid.return.authorizedAwaitingGoods);
    expect(awaiting.lines[0]).toMatchObject({ disposition: 'pending', serials: [] });
  });

  it('does not invent buckets a system did not report', () => {
    const level = parseCanonical(
      topLevelSchemas['inventory-level'],
      valid['inventory-level'].deltaAfterShipment,
    );
    expect(level.quantities).toEqual({ onHand: '-16', committed: '-16' });
  });
});

describe('shipments', () => {
  for (const [name, input] of Object.entries<unknown>(valid.shipment)) {
    it(`round-trips ${words(name)} through JSON unchanged after parsing`, () => {
      const parsed = parseCanonical(ShipmentSchema, input);
      const overTheWire = JSON.parse(JSON.stringify(parsed)) as unknown;
      expect(overTheWire).toEqual(parsed);
      expect(parseCanonical(ShipmentSchema, overTheWire)).toEqual(parsed);
    });
  }

  it('ships exactly what the partial request’s ledger says was shipped, per line', () => {
    const request = parseCanonical(
      FulfillmentRequestSchema,
      valid['fulfillment-request'].partialShipmentWithBackorder,
    );
    const shipment = parseCanonical(ShipmentSchema, valid.shipment.partialShipmentFromTwoLots);
    expect(shipment.requestId).toBe(request.id);
    for (const line of request.lines) {
      const contents = shipment.contents.filter((content) => content.requestLineId === line.lineId);
      expect(
        decimal.eq(decimal.add(...contents.map((content) => content.quantity)), line.ledger.shipped),
      ).toBe(true);
    }
    const lots = shipment.contents.filter((content) => content.requestLineId === '1').map((c) => c.lot);
    expect(lots).toEqual([
      { number: 'L2409A', expiresOn: '2027-03-31', producedOn: '2026-09-30' },
      { number: 'L2410B', expiresOn: '2027-04-30' },
    ]);
  });

  it('drops fields it does not know instead of passing them on', () => {
    const shipment = parseCanonical(ShipmentSchema, {
      ...valid.shipment.serialTracked,
      vendorDebug: { picker: 'B. Ito' },
    });
    expect(shipment).not.toHaveProperty('vendorDebug');
  });
});

describe('fulfillment requests', () => {
  const partial = valid['fulfillment-request'].partialShipmentWithBackorder;

  it('refuses a request put on the same hold twice, and accepts the holds once each', () => {
    const error = refusal(FulfillmentRequestSchema, { ...partial, holds: ['fraud', 'fraud'] });
    expect(error.issues).toEqual([
      { path: 'holds[1]', rule: 'unique.hold', message: '"fraud" appears twice; each hold must be unique' },
    ]);
    expect(
      parseCanonical(FulfillmentRequestSchema, { ...partial, holds: ['fraud', 'payment'] }).holds,
    ).toEqual(['fraud', 'payment']);
  });

  it('accepts an over-shipment when a CM difference explains it', () => {
    const request = parseCanonical(FulfillmentRequestSchema, valid['fulfillment-request'].overShipmentWithCm);
    expect(request.lines[0]?.ledger).toMatchObject({ ordered: '12.5', shipped: '12.75' });
    expect(deriveStatus(request).causes).toContain('over_shipped');
  });

  it('reports every broken ledger rule of a line at once, not only the first', () => {
    const error = refusal(FulfillmentRequestSchema, {
      ...partial,
      lines: [
        {
          lineId: '1',
          item: { sku: 'TM-500G' },
          uom: 'EA',
          ledger: { ordered: '10', shipped: '8', cancelled: '4', returned: '9' },
        },
      ],
    });
    expect(error.issues.map((issue) => `${issue.path} ${issue.rule}`)).toEqual([
      'lines[0].ledger.shipped ledger.over_shipped',
      'lines[0].ledger.returned ledger.returned_exceeds_shipped',
      'lines[0].ledger.cancelled ledger.cancel_without_reason',
    ]);
  });

  it('reports the rules of every line, each under its own index', () => {
    const [first, second] = partial.lines;
    const error = refusal(FulfillmentRequestSchema, {
      ...partial,
      lines: [
        { ...first, differences: [] },
        { ...second, ledger: { ordered: '2', shipped: '2', returned: '3' } },
      ],
    });
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'lines[0].ledger.backordered',
      'lines[1].ledger.returned',
    ]);
  });

  it('fixtures mean what their names say', () => {
    const status = (input: unknown) => deriveStatus(parseCanonical(FulfillmentRequestSchema, input));
    const requests = valid['fulfillment-request'];
    expect(status(requests.partialShipmentWithBackorder).progress).toBe('partially_shipped');
    expect(status(requests.shortClose)).toMatchObject({
      progress: 'closed_short',
      causes: ['short_shipped'],
    });
    expect(status(requests.substitution).progress).toBe('shipped');
    expect(status(requests.onHoldPartlyAllocated).causes).toEqual(['on_hold']);
    expect(status(requests.newWithDefaults).progress).toBe('open');
  });
});
