import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  CanonicalError,
  CanonicalParseError,
  FulfillmentRequestSchema,
  formatIssues,
  formatPath,
  InventoryLevelSchema,
  ItemSchema,
  isCanonicalError,
  parseCanonical,
  SalesOrderSchema,
  safeParseCanonical,
  topLevelSchemas,
} from '../src/index.js';
import { type SchemaName, valid } from './fixtures.js';

/** The formatted issues of `input`, from zod issues produced the way `parseCanonical` produces them. */
function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) throw new Error('the input was accepted, but it should have been refused');
  return formatIssues(result.error.issues);
}

function refusal(schema: z.ZodType, input: unknown): CanonicalParseError {
  const result = safeParseCanonical(schema, input);
  if (result.success) throw new Error('the input was accepted, but it should have been refused');
  return result.error;
}

const minimalItem = valid.item.minimal;
const partialRequest = valid['fulfillment-request'].partialShipmentWithBackorder;

describe('paths', () => {
  it('writes list positions in brackets and fields after dots, the way people read them', () => {
    expect(formatPath(['lines', 2, 'ledger', 'shipped'])).toBe('lines[2].ledger.shipped');
  });

  it('writes nested lists as consecutive brackets', () => {
    expect(formatPath(['contents', 1, 'serials', 0])).toBe('contents[1].serials[0]');
    expect(formatPath(['grid', 0, 3])).toBe('grid[0][3]');
  });

  it('starts with a bracket when the document itself is a list', () => {
    expect(formatPath([0, 'sku'])).toBe('[0].sku');
  });

  it('is empty for the document itself', () => {
    expect(formatPath([])).toBe('');
  });
});

describe('wrong or missing types', () => {
  it('says a missing field "is required"', () => {
    expect(issuesOf(ItemSchema, { sku: 'ST-2B', uom: 'EA', tracking: 'none' })).toEqual([
      { path: 'name', rule: 'invalid_type', message: 'is required' },
    ]);
  });

  it('says what was expected and what came: "must be a string, got a number"', () => {
    expect(issuesOf(ItemSchema, { ...minimalItem, sku: 4711 })).toEqual([
      { path: 'sku', rule: 'invalid_type', message: 'must be a string, got a number' },
    ]);
  });

  it('calls arrays lists, on both sides', () => {
    expect(issuesOf(ItemSchema, { ...minimalItem, sku: ['ST-2B'] })[0]?.message).toBe(
      'must be a string, got a list',
    );
    expect(issuesOf(FulfillmentRequestSchema, { ...partialRequest, lines: 'all of them' })[0]?.message).toBe(
      'must be a list, got a string',
    );
  });

  it('names null and booleans as they are', () => {
    expect(issuesOf(ItemSchema, { ...minimalItem, sku: null })[0]?.message).toBe(
      'must be a string, got null',
    );
    expect(issuesOf(ItemSchema, { ...minimalItem, expiryTracked: 'yes' })[0]?.message).toBe(
      'must be a boolean, got a string',
    );
  });

  it('says "an object", with the right article, when an object was expected', () => {
    expect(issuesOf(FulfillmentRequestSchema, { ...partialRequest, warehouse: 'wh-reno' })).toEqual([
      { path: 'warehouse', rule: 'invalid_type', message: 'must be an object, got a string' },
    ]);
  });

  it('does not call a value of the wrong type missing when zod did not report the input', () => {
    // Connectors pass issues from their own `schema.safeParse(body)`, which leaves the input out of issues.
    const result = ItemSchema.safeParse({ ...minimalItem, sku: 4711 });
    expect(result.success).toBe(false);
    const [issue] = formatIssues(result.error?.issues ?? []);
    expect(issue?.path).toBe('sku');
    expect(issue?.message).not.toBe('is required');
    expect(issue?.message).toMatch(/^must be a string/);
  });
});

describe('sizes and allowed values', () => {
  it('says an empty list "must not be empty"', () => {
    expect(issuesOf(FulfillmentRequestSchema, { ...partialRequest, lines: [] })).toEqual([
      { path: 'lines', rule: 'too_small', message: 'must not be empty' },
    ]);
  });

  it('counts entries for other list limits', () => {
    const shipTo = partialRequest.shipTo;
    const fiveLines = { ...shipTo, address: { ...shipTo.address, lines: ['1', '2', '3', '4', '5'] } };
    expect(issuesOf(FulfillmentRequestSchema, { ...partialRequest, shipTo: fiveLines })).toEqual([
      { path: 'shipTo.address.lines', rule: 'too_big', message: 'must have at most 4 entries' },
    ]);
  });

  it('counts characters for text limits', () => {
    expect(issuesOf(ItemSchema, { ...minimalItem, name: 'x'.repeat(301) })).toEqual([
      { path: 'name', rule: 'too_big', message: 'must be at most 300 characters long' },
    ]);
  });

  it('tells inclusive from exclusive number limits', () => {
    expect(issuesOf(z.object({ n: z.number().min(1) }), { n: 0 })[0]?.message).toBe('must be at least 1');
    expect(issuesOf(z.object({ n: z.number().gt(0) }), { n: 0 })[0]?.message).toBe('must be more than 0');
    expect(issuesOf(z.object({ n: z.number().lt(10) }), { n: 10 })[0]?.message).toBe('must be less than 10');
    expect(issuesOf(z.object({ n: z.number().multipleOf(5) }), { n: 7 })[0]?.message).toBe(
      'must be a multiple of 5',
    );
  });

  it('lists the allowed values of an enum', () => {
    expect(issuesOf(ItemSchema, { ...minimalItem, tracking: 'batch' })).toEqual([
      { path: 'tracking', rule: 'invalid_value', message: 'must be one of "none", "lot", "serial"' },
    ]);
  });

  it('says a document matching no branch of a union matches none of the allowed shapes', () => {
    const level = { ...valid['inventory-level'].snapshotOfNothingAvailable, kind: 'estimate' };
    expect(issuesOf(InventoryLevelSchema, level)).toEqual([
      { path: 'kind', rule: 'invalid_union', message: 'matches none of the allowed shapes' },
    ]);
  });

  it('names the fields a strict connector schema does not know', () => {
    // No canonical schema is strict; connectors validating vendor payloads with z.strictObject are.
    const vendorLine = z.strictObject({ sku: z.string(), qty: z.number() });
    expect(issuesOf(vendorLine, { sku: 'ST-2B', qty: 1, colour: 'red', size: 'M' })).toEqual([
      { path: '', rule: 'unrecognized_keys', message: 'has fields this schema does not know: colour, size' },
    ]);
  });
});

describe('format and business rules', () => {
  it('keeps the words the schema wrote for a format and names the format in the rule', () => {
    expect(issuesOf(ItemSchema, { ...minimalItem, gtin: '12345' })).toContainEqual({
      path: 'gtin',
      rule: 'format.regex',
      message: 'must be a GTIN of 8, 12, 13 or 14 digits',
    });
    const order = valid['sales-order'].draftMinimal;
    expect(issuesOf(SalesOrderSchema, { ...order, orderedAt: '2026-11-25 14:00:00' })[0]?.rule).toBe(
      'format.datetime',
    );
  });

  it('keeps the named rule and the message of a business rule', () => {
    const [line, other] = partialRequest.lines;
    const issues = issuesOf(FulfillmentRequestSchema, {
      ...partialRequest,
      lines: [{ ...line, ledger: { ordered: '10', shipped: '12' } }, other],
    });
    expect(issues).toEqual([
      {
        path: 'lines[0].ledger.shipped',
        rule: 'ledger.over_shipped',
        message:
          'shipped (12) plus cancelled (0) exceeds ordered (10) and no over-shipment reason (CM) is given',
      },
    ]);
  });

  it('falls back to the zod code for a custom issue that names no rule', () => {
    const noted = z
      .string()
      .refine((value) => value.startsWith('WH/'), { error: 'must be an Odoo picking name' });
    expect(issuesOf(noted, 'OUT/7')).toEqual([
      { path: '', rule: 'custom', message: 'must be an Odoo picking name' },
    ]);
  });
});

describe('the parse error', () => {
  const titles: Record<SchemaName, string> = {
    item: 'Item',
    'sales-order': 'SalesOrder',
    'fulfillment-request': 'FulfillmentRequest',
    shipment: 'Shipment',
    'tracking-event': 'TrackingEvent',
    'inventory-level': 'InventoryLevel',
    'inventory-adjustment': 'InventoryAdjustment',
    return: 'Return',
    'event-envelope': 'EventEnvelope',
  };

  for (const [schemaName, title] of Object.entries(titles) as [SchemaName, string][]) {
    it(`names the schema that refused the input: "${title} is invalid: …"`, () => {
      const error = refusal(topLevelSchemas[schemaName], { id: 42 });
      expect(error.schema).toBe(title);
      expect(error.message.startsWith(`${title} is invalid: `)).toBe(true);
    });
  }

  it('says which field is wrong and why, in the message', () => {
    const error = refusal(FulfillmentRequestSchema, { ...partialRequest, lines: [] });
    expect(error.message).toBe('FulfillmentRequest is invalid: lines: must not be empty');
  });

  it('shows at most five issues in the message and counts the rest, while keeping all of them', () => {
    const error = refusal(FulfillmentRequestSchema, { handshake: 'acknowledged', holds: 'fraud' });
    expect(error.issues).toHaveLength(7);
    expect(error.message).toBe(
      'FulfillmentRequest is invalid: id: is required; warehouse: is required; handshake: must be one of ' +
        '"unsubmitted", "submitted", "accepted", "rejected", "cancel_requested", "cancel_accepted", ' +
        '"cancel_rejected"; holds: must be a list, got a string; shipTo: is required; and 2 more',
    );
  });

  it('shows all issues when there are exactly five', () => {
    const error = refusal(FulfillmentRequestSchema, {});
    expect(error.issues).toHaveLength(5);
    expect(error.message).toBe(
      'FulfillmentRequest is invalid: id: is required; warehouse: is required; shipTo: is required; ' +
        'lines: is required; createdAt: is required',
    );
  });

  it('writes "(root)" for a problem with the document as a whole', () => {
    expect(refusal(FulfillmentRequestSchema, 'fr-1').message).toMatch(
      /^FulfillmentRequest is invalid: \(root\): /,
    );
  });

  it('calls a schema without a title "input"', () => {
    expect(refusal(z.string(), 7).message).toBe('input is invalid: (root): must be a string, got a number');
  });

  it('is a CanonicalError that callers can catch for any canonical failure', () => {
    const error = refusal(ItemSchema, {});
    expect(error).toBeInstanceOf(CanonicalParseError);
    expect(error).toBeInstanceOf(CanonicalError);
    expect(error).toBeInstanceOf(Error);
    expect(isCanonicalError(error)).toBe(true);
    expect(error.name).toBe('CanonicalParseError');
    expect(() => parseCanonical(ItemSchema, {})).toThrow(CanonicalParseError);
  });
});

describe('safe parsing', () => {
  const hostile: Array<[string, unknown]> = [
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a string', '{"id":"fr-1"}'],
    ['a list', [partialRequest]],
    ['a bigint', 10n],
    ['a symbol', Symbol('fr')],
    ['a function', () => partialRequest],
    ['a date', new Date('2026-11-20T09:30:00Z')],
    ['an empty object', {}],
    ['every field of the wrong type', { id: 1, lines: {}, createdAt: 0, holds: 7, refs: 'x', warehouse: [] }],
  ];

  for (const schemaName of Object.keys(topLevelSchemas) as SchemaName[]) {
    it(`never throws for ${schemaName}, whatever it is given`, () => {
      for (const [, input] of hostile) {
        const result = safeParseCanonical(topLevelSchemas[schemaName], input);
        expect(result.success).toBe(false);
        if (!result.success) {
          expect(result.error).toBeInstanceOf(CanonicalParseError);
          expect(result.error.issues.length).toBeGreaterThan(0);
        }
      }
    });
  }

  it('returns the parsed document, defaults filled, on success', () => {
    const result = safeParseCanonical(ItemSchema, minimalItem);
    expect(result).toEqual({ success: true, data: { ...minimalItem, expiryTracked: false, refs: [] } });
  });
});

describe('wording details', () => {
  it('says a code of the wrong length has the wrong length, not a wrong check digit', () => {
    expect(issuesOf(ItemSchema, { ...minimalItem, gtin: '12345' })).toEqual([
      { path: 'gtin', rule: 'format.regex', message: 'must be a GTIN of 8, 12, 13 or 14 digits' },
    ]);
  });

  it('says an empty required text "must not be empty" and counts one character in the singular', () => {
    expect(issuesOf(ItemSchema, { ...minimalItem, sku: '' })).toEqual([
      { path: 'sku', rule: 'too_small', message: 'must not be empty' },
    ]);
    expect(formatIssues(z.string().min(2).max(1).safeParse('ab').error?.issues ?? [])).toEqual([
      { path: '', rule: 'too_big', message: 'must be at most 1 character long' },
    ]);
  });

  it('reports a nesting loop on the packages in it, not on a carton that merely sits on top of it', () => {
    const shipment = {
      id: 'SHP-LOOP',
      state: 'created',
      packages: [
        { id: 'A', type: 'pallet', parentId: 'B' },
        { id: 'B', type: 'pallet', parentId: 'A' },
        { id: 'C', type: 'carton', parentId: 'A' },
      ],
      contents: [{ requestLineId: '1', item: { sku: 'X' }, quantity: '1', uom: 'EA', packageId: 'C' }],
    };
    const paths = issuesOf(topLevelSchemas.shipment, shipment).map((issue) => issue.path);
    expect(paths).toEqual(['packages[0].parentId', 'packages[1].parentId']);
  });
});
