import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  createEvent,
  dataSchemaUri,
  EVENT_TYPES,
  type EventData,
  type EventType,
  FulfillmentRequestSchema,
  InventoryLevelSchema,
  jsonSchemas,
  parseCanonical,
  ReturnSchema,
  SalesOrderSchema,
  ShipmentSchema,
  safeParseCanonical,
  TrackingEventSchema,
  topLevelSchemas,
} from '../src/index.js';
import { type InvalidFixture, invalidByRule, invalidStructure, type SchemaName, valid } from './fixtures.js';

const schemas = jsonSchemas();
const schemaNames = Object.keys(topLevelSchemas) as SchemaName[];

// ajv and ajv-formats are CommonJS; under NodeNext their default export is the module, whose
// `default` is the class / plugin (and is the same object at runtime).
function strictAjv() {
  const instance = new Ajv2020.default({ allErrors: true, strict: true });
  addFormats.default(instance);
  return instance;
}
const ajv = strictAjv();

/** A validator for the shipped schema at `path`, e.g. `shipment.json`. */
function validatorFor(path: string) {
  const schema = schemas[path];
  if (!schema) throw new Error(`no JSON Schema ships as ${path}`);
  return ajv.getSchema(String(schema.$id)) ?? ajv.compile(schema);
}

/** What a JSON Schema validator sees: the document as JSON, after a trip over the wire. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const words = (name: string) => name.replace(/[A-Z0-9]/g, (letter) => ` ${letter.toLowerCase()}`);

describe('every shipped JSON Schema', () => {
  for (const [path, schema] of Object.entries(schemas)) {
    it(`${path} compiles with a strict draft 2020-12 validator`, () => {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(() => strictAjv().compile(schema)).not.toThrow();
    });
  }

  it('covers every top-level document and every catalogue event, and nothing else', () => {
    expect(Object.keys(schemas).sort()).toEqual(
      [
        ...schemaNames.map((name) => `${name}.json`),
        ...EVENT_TYPES.map((type) => `events/${type}.json`),
      ].sort(),
    );
  });

  for (const name of schemaNames) {
    it(`${name}.json has the id urn:crossdock:canonical:${name} and says cross-field rules are zod's job`, () => {
      const schema = schemas[`${name}.json`];
      expect(schema?.$id).toBe(`urn:crossdock:canonical:${name}`);
      expect(schema?.$comment).toMatch(
        /^Structure only: cross-field rules .* are enforced by the @crossdock\/canonical zod schemas\.$/,
      );
    });
  }
});

describe('JSON Schema and zod agree on the fixtures', () => {
  for (const schemaName of schemaNames) {
    describe(schemaName, () => {
      const zodSchema = topLevelSchemas[schemaName];
      const validate = validatorFor(`${schemaName}.json`);

      for (const [name, input] of Object.entries<unknown>(valid[schemaName])) {
        it(`both accept ${words(name)}, before and after zod fills its defaults`, () => {
          const parsed = safeParseCanonical(zodSchema, input);
          expect(parsed.success).toBe(true);
          expect(validate(asJson(input)), JSON.stringify(validate.errors)).toBe(true);
          if (parsed.success)
            expect(validate(asJson(parsed.data)), JSON.stringify(validate.errors)).toBe(true);
        });
      }

      for (const fixture of Object.values<InvalidFixture>(invalidStructure[schemaName])) {
        it(`both refuse ${fixture.why}`, () => {
          expect(safeParseCanonical(zodSchema, fixture.input).success).toBe(false);
          expect(validate(asJson(fixture.input))).toBe(false);
        });
      }

      for (const fixture of Object.values<InvalidFixture>(invalidByRule[schemaName])) {
        it(`zod refuses ${fixture.why}; the structure-only JSON Schema accepts it, as its $comment says`, () => {
          expect(safeParseCanonical(zodSchema, fixture.input).success).toBe(false);
          expect(validate(asJson(fixture.input)), JSON.stringify(validate.errors)).toBe(true);
        });
      }
    });
  }

  it('lets a document leave out every field that has a default, as zod does', () => {
    const validate = validatorFor('fulfillment-request.json');
    const request = valid['fulfillment-request'].newWithDefaults;
    expect(validate(request)).toBe(true);
    expect(schemas['fulfillment-request.json']?.required).toEqual([
      'id',
      'warehouse',
      'shipTo',
      'lines',
      'createdAt',
    ]);
  });
});

describe('JSON Schema and zod agree on how values are spelt', () => {
  const scan = valid['tracking-event'].inTransitScan;
  const snapshot = valid['inventory-level'].snapshotOfNothingAvailable;
  const delta = valid['inventory-adjustment'].damagedDelta;
  const lot = valid.shipment.partialShipmentFromTwoLots;

  const cases: Array<{
    what: string;
    name: SchemaName;
    build: (value: string) => unknown;
    values: Record<string, boolean>;
  }> = [
    {
      what: 'a timestamp',
      name: 'tracking-event',
      build: (value) => ({ ...scan, occurredAt: value }),
      values: {
        '2026-11-20T09:30:00Z': true,
        '2026-11-20T15:30:00+06:00': true,
        '2026-11-20T09:30:00.123Z': true,
        '2028-02-29T09:30:00-08:00': true,
        '2026-11-25 14:00:00': false,
        '2026-11-20T09:30:00': false,
        '2026-11-20T09:30Z': false,
        '2026-11-20T09:30:00+0100': false,
        '2026-11-20t09:30:00z': false,
        '2026-02-29T09:30:00Z': false,
        '2026-11-20T24:00:00Z': false,
      },
    },
    {
      what: 'a calendar date',
      name: 'shipment',
      build: (value) => ({
        ...lot,
        contents: [{ ...lot.contents[0], lot: { number: 'L1', expiresOn: value } }],
      }),
      values: {
        '2027-03-31': true,
        '2028-02-29': true,
        '2027-02-29': false,
        '2027-3-31': false,
        '31/03/2027': false,
        '2027-03-31T00:00:00Z': false,
      },
    },
    {
      what: 'a quantity of zero or more',
      name: 'inventory-level',
      build: (value) => ({ ...snapshot, quantities: { onHand: value } }),
      values: {
        '0': true,
        '12.5': true,
        '12.50': true,
        '0.001': true,
        '1000000000000000000000000': true,
        '-1': false,
        '-0': false,
        '1e3': false,
        '12.': false,
        '.5': false,
        '007': false,
        '+1': false,
        ' 1': false,
        '1,5': false,
        NaN: false,
        '': false,
      },
    },
    {
      what: 'a stock delta, which must not be zero',
      name: 'inventory-adjustment',
      build: (value) => ({ ...delta, delta: value }),
      values: {
        '-3': true,
        '0.75': true,
        '-0.001': true,
        '0': false,
        '0.000': false,
        '-0': false,
        '-0.00': false,
        '--3': false,
      },
    },
  ];

  for (const { what, name, build, values } of cases) {
    for (const [value, accepted] of Object.entries(values)) {
      it(`both ${accepted ? 'accept' : 'refuse'} ${JSON.stringify(value)} as ${what}`, () => {
        const input = build(value);
        expect(safeParseCanonical(topLevelSchemas[name], input).success).toBe(accepted);
        expect(validatorFor(`${name}.json`)(asJson(input))).toBe(accepted);
      });
    }
  }
});

describe('event schemas', () => {
  const partialRequest = parseCanonical(
    FulfillmentRequestSchema,
    valid['fulfillment-request'].partialShipmentWithBackorder,
  );
  const shipment = parseCanonical(ShipmentSchema, valid.shipment.partialShipmentFromTwoLots);

  /** One realistic payload for each catalogue event. */
  const payloads: { [T in EventType]: EventData<T> } = {
    'crossdock.order.received.v1': {
      order: parseCanonical(SalesOrderSchema, valid['sales-order'].confirmedWithPricesAndTotals),
    },
    'crossdock.order.cancelled.v1': {
      orderRef: { system: 'shopify', account: 'acme.myshopify.com', id: 'gid://shopify/Order/5521' },
      orderNumber: '#1042',
      reason: 'customer',
      cancelledAt: '2026-11-25T09:14:00Z',
    },
    'crossdock.fulfillment.released.v1': { request: partialRequest },
    'crossdock.fulfillment.release_acknowledged.v1': {
      requestId: partialRequest.id,
      externalRef: { system: 'shipbob', account: 'acme', id: 'ORD-771203' },
      handshake: 'accepted',
    },
    'crossdock.fulfillment.release_rejected.v1': {
      requestId: partialRequest.id,
      handshake: 'rejected',
      reason: 'SKU ST-2B is not set up in fulfillment center FC-12',
      vendorCode: 'E1042',
    },
    'crossdock.shipment.confirmed.v1': { shipment },
    'crossdock.shipment.confirmed.v2': { shipment, remainder: { '1': 'BP' } },
    'crossdock.shipment.short_shipped.v1': {
      requestId: partialRequest.id,
      shipmentId: shipment.id,
      lines: [{ lineId: '1', uom: 'EA', ordered: '24', shipped: '16', short: '8', reason: 'BP' }],
    },
    'crossdock.shipment.substitution.v1': {
      requestId: 'fr-4212-1',
      shipmentId: 'shp-4212-1',
      requestLineId: '1',
      orderedItem: { sku: 'WB-750-BLU', refs: [] },
      shippedItem: { sku: 'WB-750-GRN', refs: [] },
      quantity: '6',
      uom: 'EA',
      reason: 'CS',
    },
    'crossdock.tracking.updated.v1': {
      tracking: parseCanonical(TrackingEventSchema, valid['tracking-event'].deliveredWithSignature),
    },
    'crossdock.inventory.changed.v1': {
      levels: Object.values(valid['inventory-level']).map((level) =>
        parseCanonical(InventoryLevelSchema, level),
      ),
    },
    'crossdock.return.received.v1': {
      return: parseCanonical(ReturnSchema, valid.return.receivedWithConditionsAndDispositions),
    },
    'crossdock.exception.raised.v1': {
      code: 'short_shipped',
      severity: 'warning',
      message: 'Request fr-4211-1 shipped 16 of 24 TM-500G; 8 are backordered',
      entity: { type: 'fulfillment_request', id: partialRequest.id },
      details: { backordered: '8', lot: 'L2411C' },
    },
  };

  for (const type of EVENT_TYPES) {
    it(`${type} ships as events/${type}.json under the id its events name in dataschema`, () => {
      const schema = schemas[`events/${type}.json`];
      expect(schema?.$id).toBe(dataSchemaUri(type));
      expect(schema?.title).toBe(type);
    });

    it(`an event built with createEvent for ${type} validates against its JSON Schema and the envelope's`, () => {
      const event = createEvent(type, payloads[type], {
        source: '/shipbob/acme',
        correlationId: 'order-S04211',
        subject: partialRequest.id,
        idempotencyKey: `webhook-${type}`,
        time: '2026-11-20T17:31:02Z',
      });
      expect(event.dataschema).toBe(dataSchemaUri(type));
      const validate = validatorFor(`events/${type}.json`);
      expect(validate(asJson(event)), JSON.stringify(validate.errors)).toBe(true);
      expect(validatorFor('event-envelope.json')(asJson(event))).toBe(true);
    });
  }

  it('refuses an event whose type is not the one the schema is for', () => {
    const event = createEvent(
      'crossdock.shipment.confirmed.v1',
      payloads['crossdock.shipment.confirmed.v1'],
      {
        source: '/shipbob/acme',
        correlationId: 'order-S04211',
      },
    );
    const validate = validatorFor('events/crossdock.shipment.substitution.v1.json');
    expect(validate(asJson(event))).toBe(false);
  });

  it('refuses an event whose data breaks the data schema', () => {
    const event = createEvent(
      'crossdock.shipment.confirmed.v1',
      payloads['crossdock.shipment.confirmed.v1'],
      {
        source: '/shipbob/acme',
        correlationId: 'order-S04211',
      },
    );
    const broken = { ...event, data: { shipment: { ...event.data.shipment, contents: [] } } };
    expect(validatorFor('events/crossdock.shipment.confirmed.v1.json')(asJson(broken))).toBe(false);
  });
});

describe('the built package', () => {
  const root = fileURLToPath(new URL('../dist/json-schema/', import.meta.url));
  const built = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.split('\\').join('/'))
    .sort();

  it('ships exactly the schemas jsonSchemas() returns, one file each', () => {
    expect(built).toEqual(Object.keys(schemas).sort());
  });

  for (const file of built) {
    it(`ships dist/json-schema/${file} equal to what jsonSchemas() returns for it`, () => {
      expect(JSON.parse(readFileSync(`${root}${file}`, 'utf8'))).toEqual(schemas[file]);
    });
  }
});
