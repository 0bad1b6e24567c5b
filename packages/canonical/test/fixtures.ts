/**
 * Named, realistic documents for every top-level canonical schema: valid ones, ones whose structure
 * is wrong (what a JSON Schema validator also catches), and ones that break a cross-field rule only
 * the zod schemas check. One outdoor-gear merchant ("Acme") ships from a Reno warehouse through
 * ShipBob; Odoo is the system of record.
 */
import type { z } from 'zod';
import type {
  EventEnvelopeSchema,
  FulfillmentRequestSchema,
  InventoryAdjustmentSchema,
  InventoryLevelSchema,
  ItemSchema,
  ReturnSchema,
  SalesOrderSchema,
  ShipmentSchema,
  TrackingEventSchema,
  topLevelSchemas,
} from '../src/index.js';

/** The file name each top-level schema ships under, e.g. `fulfillment-request`. */
export type SchemaName = keyof typeof topLevelSchemas;

/** A document a schema must refuse, with where and why it is expected to fail. */
export interface InvalidFixture {
  /** What is wrong with it, in words; tests are named after it. */
  readonly why: string;
  readonly input: unknown;
  /** The path of the issue the schema must report, e.g. `lines[0].ledger.shipped`. */
  readonly path: string;
  /** The rule of that issue, e.g. `ledger.over_shipped` or `invalid_type`. */
  readonly rule: string;
  /** The exact message of that issue, where a test pins it. */
  readonly message?: string;
}

// ---------------------------------------------------------------------------------------------
// GS1 check digits, computed here rather than copied, so every GTIN and SSCC below is valid.
// ---------------------------------------------------------------------------------------------

/** Appends the GS1 mod-10 check digit: weights 3, 1, 3, … from the rightmost digit of `body`. */
export function withGs1CheckDigit(body: string): string {
  const digits = [...body].reverse().map(Number);
  const sum = digits.reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 3 : 1), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** The same code with its check digit off by one: right length, wrong digit. */
export function withWrongCheckDigit(code: string): string {
  return `${code.slice(0, -1)}${(Number(code.at(-1)) + 1) % 10}`;
}

/** An SSCC-18 under GS1's example company prefix 0950110153: extension digit 0, then the serial reference. */
const sscc = (serial: number) => withGs1CheckDigit(`00950110153${String(serial).padStart(6, '0')}`);
/** A GTIN-13 under the same prefix. */
const gtin13 = (item: number) => withGs1CheckDigit(`950110153${String(item).padStart(3, '0')}`);

export const ssccs = {
  pallet: sscc(1),
  palletCarton1: sscc(2),
  palletCarton2: sscc(3),
  palletCarton3: sscc(4),
  parcelCarton1: sscc(5),
  parcelCarton2: sscc(6),
} as const;

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

type PartyIn = z.input<typeof FulfillmentRequestSchema>['shipTo'];
type ItemRefIn = z.input<typeof ShipmentSchema>['contents'][number]['item'];

const dana = {
  name: 'Dana Whitfield',
  company: 'Whitfield Outdoor Supply',
  email: 'dana@whitfield-outdoor.example',
  phone: '+1 775 555 0134',
  address: {
    lines: ['1450 Kietzke Ln', 'Suite 200'],
    city: 'Reno',
    region: 'NV',
    postalCode: '89502',
    countryCode: 'US',
    residential: false,
  },
  refs: [{ system: 'odoo', account: 'acme-prod', id: 'res.partner:311' }],
} satisfies PartyIn;

const sam = {
  name: 'Sam Ortega',
  address: {
    lines: ['88 Harbor St'],
    city: 'Portland',
    region: 'OR',
    postalCode: '97205',
    countryCode: 'US',
  },
} satisfies PartyIn;

const trailMix = { sku: 'TM-500G', gtin: gtin13(1), name: 'Trail mix, 500 g pouch' } satisfies ItemRefIn;
const headlamp = { sku: 'HL-400', gtin: gtin13(2), name: 'Headlamp 400 lm' } satisfies ItemRefIn;
const bottleBlue = {
  sku: 'WB-750-BLU',
  gtin: gtin13(3),
  name: 'Water bottle 750 ml, blue',
} satisfies ItemRefIn;
const bottleGreen = {
  sku: 'WB-750-GRN',
  gtin: gtin13(4),
  name: 'Water bottle 750 ml, green',
} satisfies ItemRefIn;
const socksGrey = { sku: 'SK-M-GRY', name: 'Merino socks M, grey' } satisfies ItemRefIn;
const socksCharcoal = { sku: 'SK-M-CHR', name: 'Merino socks M, charcoal' } satisfies ItemRefIn;
const stove = { sku: 'ST-2B', name: 'Two-burner camp stove' } satisfies ItemRefIn;
const coffee = { sku: 'COF-BULK', gtin: '96385074', name: 'Coffee beans, bulk' } satisfies ItemRefIn;

const renoWarehouse = {
  id: 'wh-reno',
  name: 'Reno fulfillment center',
  refs: [{ system: 'shipbob', account: 'acme', id: 'FC-12' }],
};
const upsSecondDay = { carrier: 'ups', service: '2ND_DAY_AIR', scac: 'UPSN' };
const stockA12 = { id: 'WH-RENO/Stock/A-12', warehouseId: 'wh-reno' };
const lotSeptember = { number: 'L2409A', expiresOn: '2027-03-31', producedOn: '2026-09-30' };
const lotOctober = { number: 'L2410B', expiresOn: '2027-04-30' };

// ---------------------------------------------------------------------------------------------
// Item
// ---------------------------------------------------------------------------------------------

const items = {
  lotTrackedWithExpiry: {
    sku: 'TM-500G',
    gtin: trailMix.gtin,
    name: 'Trail mix, 500 g pouch',
    uom: 'EA',
    tracking: 'lot',
    expiryTracked: true,
    weight: { value: '0.52', uom: 'KGM' },
    dimensions: { length: '24', width: '16', height: '5.5', uom: 'CMT' },
    customs: {
      hsCode: '200819',
      countryOfOrigin: 'US',
      description: 'Mixed nuts and dried fruit',
      unitValue: { amount: '6.40', currency: 'USD' },
    },
    refs: [
      { system: 'odoo', account: 'acme-prod', id: 'product.product:1187' },
      { system: 'shipbob', account: 'acme', id: '88231' },
    ],
  },
  serialTracked: {
    sku: 'HL-400',
    gtin: headlamp.gtin,
    name: 'Headlamp 400 lm',
    uom: 'EA',
    tracking: 'serial',
    weight: { value: '96', uom: 'GRM' },
  },
  soldByWeightWithGtin8: {
    sku: 'COF-BULK',
    gtin: '96385074',
    name: 'Coffee beans, bulk',
    uom: 'KGM',
    tracking: 'lot',
  },
  upcWithoutTracking: {
    sku: 'GL-TOWEL',
    gtin: '036000291452',
    name: 'Microfibre towel',
    uom: 'EA',
    tracking: 'none',
  },
  minimal: { sku: 'ST-2B', name: 'Two-burner camp stove', uom: 'EA', tracking: 'none' },
} satisfies Record<string, z.input<typeof ItemSchema>>;

// ---------------------------------------------------------------------------------------------
// SalesOrder
// ---------------------------------------------------------------------------------------------

const salesOrders = {
  confirmedWithPricesAndTotals: {
    id: 'odoo:sale.order:4211',
    number: 'S04211',
    status: 'confirmed',
    channel: 'shopify:acme-store',
    customer: dana,
    billTo: { lines: ['PO Box 7781'], city: 'Reno', region: 'NV', postalCode: '89510', countryCode: 'US' },
    shipTo: dana,
    currency: 'USD',
    serviceLevel: 'two_day',
    carrierService: upsSecondDay,
    orderedAt: '2026-11-18T16:05:00-08:00',
    requestedShipDate: '2026-11-20',
    lines: [
      {
        lineId: '10',
        item: trailMix,
        quantity: '24',
        uom: 'EA',
        unitPrice: { amount: '7.99', currency: 'USD' },
        discountPercent: '10',
      },
      {
        lineId: '20',
        item: headlamp,
        quantity: '2',
        uom: 'EA',
        unitPrice: { amount: '39.50', currency: 'USD' },
      },
      {
        lineId: '30',
        item: bottleBlue,
        quantity: '6',
        uom: 'EA',
        unitPrice: { amount: '14', currency: 'USD' },
        requestedDeliveryDate: '2026-11-24',
      },
    ],
    totals: {
      subtotal: { amount: '335.58', currency: 'USD' },
      tax: { amount: '28.52', currency: 'USD' },
      shipping: { amount: '12.95', currency: 'USD' },
      total: { amount: '377.05', currency: 'USD' },
    },
    note: 'Leave at the loading dock, back entrance.',
    refs: [
      { system: 'odoo', account: 'acme-prod', id: 'sale.order:4211' },
      { system: 'shopify', account: 'acme-store', id: 'gid://shopify/Order/5550012' },
    ],
  },
  draftMinimal: {
    id: 'odoo:sale.order:4300',
    number: 'S04300',
    status: 'draft',
    customer: { name: 'Sam Ortega' },
    shipTo: sam,
    currency: 'EUR',
    orderedAt: '2026-11-20T09:30:00+01:00',
    lines: [{ lineId: '1', item: { sku: 'ST-2B' }, quantity: '1', uom: 'EA' }],
  },
  fractionalQuantityByWeight: {
    id: 'odoo:sale.order:4301',
    number: 'S04301',
    status: 'confirmed',
    customer: sam,
    shipTo: sam,
    currency: 'EUR',
    orderedAt: '2026-11-20T09:30:00Z',
    lines: [
      {
        lineId: '1',
        item: coffee,
        quantity: '2.5',
        uom: 'KGM',
        unitPrice: { amount: '18.40', currency: 'EUR' },
        discountPercent: '12.5',
      },
    ],
  },
} satisfies Record<string, z.input<typeof SalesOrderSchema>>;

// ---------------------------------------------------------------------------------------------
// FulfillmentRequest
// ---------------------------------------------------------------------------------------------

const requestHeader = {
  orderId: 'odoo:sale.order:4211',
  orderNumber: 'S04211',
  warehouse: renoWarehouse,
  handshake: 'accepted',
  shipTo: dana,
  serviceLevel: 'two_day',
  carrierService: upsSecondDay,
  requestedShipDate: '2026-11-20',
  createdAt: '2026-11-19T08:00:00Z',
  updatedAt: '2026-11-20T17:45:00Z',
} as const;

const fulfillmentRequests = {
  newWithDefaults: {
    id: 'fr-5001',
    warehouse: { id: 'wh-reno' },
    shipTo: sam,
    lines: [{ lineId: '1', item: { sku: 'ST-2B' }, uom: 'EA', ledger: { ordered: '3' } }],
    createdAt: '2026-11-20T09:30:00Z',
  },
  partialShipmentWithBackorder: {
    id: 'fr-4211-1',
    ...requestHeader,
    lines: [
      {
        lineId: '1',
        orderLineId: '10',
        item: trailMix,
        uom: 'EA',
        ledger: { ordered: '24', shipped: '16', backordered: '8' },
        differences: [
          {
            reason: 'BP',
            quantity: '8',
            note: 'Lot L2411C is still in quality control; the rest ships when it is released',
            recordedAt: '2026-11-20T17:40:00Z',
          },
        ],
      },
      { lineId: '2', orderLineId: '20', item: headlamp, uom: 'EA', ledger: { ordered: '2', shipped: '2' } },
    ],
    refs: [{ system: 'shipbob', account: 'acme', id: 'ORD-771203' }],
  },
  substitution: {
    id: 'fr-4212-1',
    ...requestHeader,
    orderNumber: 'S04212',
    lines: [
      {
        lineId: '1',
        item: bottleBlue,
        uom: 'EA',
        ledger: { ordered: '6', shipped: '6' },
        differences: [
          {
            reason: 'CS',
            quantity: '6',
            substitute: bottleGreen,
            note: 'Blue sold out; customer accepted green',
          },
        ],
      },
      {
        lineId: '2',
        item: socksGrey,
        uom: 'EA',
        ledger: { ordered: '10', shipped: '10' },
        differences: [{ reason: 'IS', quantity: '4', substitute: socksCharcoal }],
      },
    ],
  },
  shortClose: {
    id: 'fr-4213-1',
    ...requestHeader,
    orderNumber: 'S04213',
    lines: [
      {
        lineId: '1',
        item: trailMix,
        uom: 'EA',
        ledger: { ordered: '10', shipped: '6', cancelled: '4' },
        differences: [{ reason: 'CP', quantity: '4', note: 'Closed short by customer service' }],
      },
      {
        lineId: '2',
        item: stove,
        uom: 'EA',
        ledger: { ordered: '1', cancelled: '1' },
        differences: [{ reason: 'IC', quantity: '1' }],
      },
    ],
  },
  overShipmentWithCm: {
    id: 'fr-4214-1',
    ...requestHeader,
    orderNumber: 'S04214',
    lines: [
      {
        lineId: '1',
        item: coffee,
        uom: 'KGM',
        ledger: { ordered: '12.5', shipped: '12.75' },
        differences: [{ reason: 'CM', quantity: '0.25', note: 'Sack filled over weight' }],
      },
    ],
  },
  onHoldPartlyAllocated: {
    id: 'fr-4215-1',
    ...requestHeader,
    handshake: 'submitted',
    holds: ['address', 'payment'],
    lines: [
      { lineId: '1', item: stove, uom: 'EA', ledger: { ordered: '5', allocated: '3' } },
      { lineId: '2', item: coffee, uom: 'KGM', ledger: { ordered: '2.5', allocated: '2.5' } },
    ],
  },
  shippedThenPartlyReturned: {
    id: 'fr-4216-1',
    ...requestHeader,
    lines: [
      { lineId: '1', item: headlamp, uom: 'EA', ledger: { ordered: '2', shipped: '2', returned: '1' } },
    ],
  },
} satisfies Record<string, z.input<typeof FulfillmentRequestSchema>>;

// ---------------------------------------------------------------------------------------------
// Shipment
// ---------------------------------------------------------------------------------------------

const shipments = {
  /** What left for `partialShipmentWithBackorder`: line 1 from two lots in two cartons, line 2 serialised. */
  partialShipmentFromTwoLots: {
    id: 'shp-4211-1',
    requestId: 'fr-4211-1',
    orderId: 'odoo:sale.order:4211',
    warehouse: renoWarehouse,
    state: 'shipped',
    carrierService: upsSecondDay,
    trackingNumbers: ['1Z999AA10123456784', '1Z999AA10123456793'],
    shippedAt: '2026-11-20T17:30:00Z',
    shipTo: dana,
    packages: [
      {
        id: 'CTN-1',
        type: 'carton',
        sscc: ssccs.parcelCarton1,
        trackingNumber: '1Z999AA10123456784',
        weight: { value: '6.2', uom: 'KGM' },
        dimensions: { length: '40', width: '30', height: '30', uom: 'CMT' },
      },
      {
        id: 'CTN-2',
        type: 'carton',
        sscc: ssccs.parcelCarton2,
        trackingNumber: '1Z999AA10123456793',
        weight: { value: '3.1', uom: 'KGM' },
      },
    ],
    contents: [
      {
        requestLineId: '1',
        orderLineId: '10',
        item: trailMix,
        quantity: '10',
        uom: 'EA',
        packageId: 'CTN-1',
        lot: lotSeptember,
      },
      {
        requestLineId: '1',
        orderLineId: '10',
        item: trailMix,
        quantity: '6',
        uom: 'EA',
        packageId: 'CTN-2',
        lot: lotOctober,
      },
      {
        requestLineId: '2',
        orderLineId: '20',
        item: headlamp,
        quantity: '2',
        uom: 'EA',
        packageId: 'CTN-2',
        serials: ['HL4-2611-000193', 'HL4-2611-000194'],
      },
    ],
    cost: { amount: '24.85', currency: 'USD' },
    refs: [{ system: 'shipbob', account: 'acme', id: 'SHP-99120' }],
  },
  /** What left for the `substitution` request: a whole line as another item, part of another. */
  substitution: {
    id: 'shp-4212-1',
    requestId: 'fr-4212-1',
    shippedAt: '2026-11-21T11:02:00-08:00',
    trackingNumbers: ['1Z999AA10123456802'],
    contents: [
      {
        requestLineId: '1',
        item: bottleGreen,
        quantity: '6',
        uom: 'EA',
        substitution: 'CS',
        orderedItem: bottleBlue,
      },
      { requestLineId: '2', item: socksGrey, quantity: '6', uom: 'EA' },
      {
        requestLineId: '2',
        item: socksCharcoal,
        quantity: '4',
        uom: 'EA',
        substitution: 'IS',
        orderedItem: socksGrey,
      },
    ],
  },
  /** An LTL pallet carrying three labelled cartons. */
  palletWithNestedCartons: {
    id: 'shp-6001-1',
    requestId: 'fr-6001-1',
    warehouse: renoWarehouse,
    carrierService: { carrier: 'old_dominion', service: 'LTL', scac: 'ODFL' },
    trackingNumbers: ['07123456789'],
    shippedAt: '2026-11-24T15:00:00-08:00',
    shipTo: dana,
    packages: [
      {
        id: 'PLT-1',
        type: 'pallet',
        sscc: ssccs.pallet,
        weight: { value: '182', uom: 'KGM' },
        dimensions: { length: '120', width: '100', height: '150', uom: 'CMT' },
      },
      { id: 'CTN-1', type: 'carton', sscc: ssccs.palletCarton1, parentId: 'PLT-1' },
      { id: 'CTN-2', type: 'carton', sscc: ssccs.palletCarton2, parentId: 'PLT-1' },
      { id: 'CTN-3', type: 'carton', sscc: ssccs.palletCarton3, parentId: 'PLT-1' },
    ],
    contents: [
      { requestLineId: '1', item: trailMix, quantity: '48', uom: 'EA', packageId: 'CTN-1', lot: lotOctober },
      { requestLineId: '1', item: trailMix, quantity: '48', uom: 'EA', packageId: 'CTN-2', lot: lotOctober },
      { requestLineId: '2', item: stove, quantity: '4', uom: 'EA', packageId: 'CTN-3' },
    ],
    cost: { amount: '312.40', currency: 'USD' },
  },
  serialTracked: {
    id: 'shp-4217-1',
    requestId: 'fr-4217-1',
    carrierService: { carrier: 'usps', service: 'Priority' },
    trackingNumbers: ['9400111899223197428490'],
    shippedAt: '2026-11-20T16:10:00Z',
    packages: [{ id: 'BOX-1', type: 'carton', trackingNumber: '9400111899223197428490' }],
    contents: [
      {
        requestLineId: '1',
        item: headlamp,
        quantity: '3',
        uom: 'EA',
        packageId: 'BOX-1',
        serials: ['HL4-2611-000201', 'HL4-2611-000202', 'HL4-2611-000203'],
      },
    ],
  },
  labelPurchasedNotShippedYet: {
    id: 'shp-4218-1',
    requestId: 'fr-4218-1',
    state: 'label_purchased',
    carrierService: { carrier: 'usps', service: 'GroundAdvantage' },
    trackingNumbers: ['9400111899223197428506'],
    contents: [{ requestLineId: '1', item: stove, quantity: '1', uom: 'EA' }],
  },
} satisfies Record<string, z.input<typeof ShipmentSchema>>;

// ---------------------------------------------------------------------------------------------
// TrackingEvent
// ---------------------------------------------------------------------------------------------

const trackingEvents = {
  deliveredWithSignature: {
    trackingNumber: '1Z999AA10123456784',
    carrier: 'ups',
    status: 'delivered',
    carrierCode: 'D',
    carrierDetail: 'DELIVERED',
    occurredAt: '2026-11-22T14:12:00-08:00',
    location: { city: 'Reno', region: 'NV', postalCode: '89502', countryCode: 'US' },
    signedBy: 'WHITFIELD',
    shipmentId: 'shp-4211-1',
    refs: [{ system: 'easypost', id: 'trk_5d1c0f2e9a' }],
  },
  inTransitScan: {
    trackingNumber: '9400111899223197428490',
    carrier: 'usps',
    status: 'in_transit',
    carrierCode: '10',
    occurredAt: '2026-11-21T03:40:00Z',
    estimatedDeliveryAt: '2026-11-23T20:00:00Z',
  },
} satisfies Record<string, z.input<typeof TrackingEventSchema>>;

// ---------------------------------------------------------------------------------------------
// InventoryLevel and InventoryAdjustment
// ---------------------------------------------------------------------------------------------

const inventoryLevels = {
  snapshotOfALotWithBreakdown: {
    kind: 'snapshot',
    asOf: '2026-11-20T06:00:00Z',
    sku: 'TM-500G',
    location: stockA12,
    lot: lotOctober,
    uom: 'EA',
    quantities: {
      onHand: '412',
      available: '380',
      committed: '24',
      unavailable: { damaged: '3', qualityControl: '5' },
    },
    refs: [{ system: 'shipbob', account: 'acme', id: 'inv:88231:FC-12' }],
  },
  snapshotOfNothingAvailable: {
    kind: 'snapshot',
    asOf: '2026-11-20T06:00:00Z',
    sku: 'ST-2B',
    location: { id: 'wh-reno' },
    uom: 'EA',
    quantities: { available: '0', backordered: '4' },
  },
  deltaAfterShipment: {
    kind: 'delta',
    asOf: '2026-11-20T17:30:00Z',
    sku: 'TM-500G',
    location: stockA12,
    uom: 'EA',
    quantities: { onHand: '-16', committed: '-16' },
  },
} satisfies Record<string, z.input<typeof InventoryLevelSchema>>;

const inventoryAdjustments = {
  compareAndSetCycleCount: {
    mode: 'set',
    idempotencyKey: 'cycle-count:2026-11-20:A-12:TM-500G:L2410B',
    sku: 'TM-500G',
    location: stockA12,
    lot: lotOctober,
    uom: 'EA',
    reason: 'cycle_count',
    note: 'Three pouches short on the shelf',
    requestedAt: '2026-11-20T07:15:00Z',
    expected: '412',
    quantity: '409',
  },
  damagedDelta: {
    mode: 'delta',
    idempotencyKey: 'damage:2026-11-20:HL-400:1',
    sku: 'HL-400',
    location: stockA12,
    uom: 'EA',
    reason: 'damaged',
    requestedAt: '2026-11-20T10:00:00Z',
    delta: '-3',
  },
  foundFractionalDelta: {
    mode: 'delta',
    idempotencyKey: 'found:2026-11-21:COF-BULK',
    sku: 'COF-BULK',
    location: { id: 'WH-RENO/Stock/B-02' },
    uom: 'KGM',
    reason: 'found',
    requestedAt: '2026-11-21T08:00:00Z',
    delta: '0.75',
    refs: [{ system: 'odoo', account: 'acme-prod', id: 'stock.quant:9912' }],
  },
} satisfies Record<string, z.input<typeof InventoryAdjustmentSchema>>;

// ---------------------------------------------------------------------------------------------
// Return
// ---------------------------------------------------------------------------------------------

const returnReceipt = {
  receivedAt: '2026-12-03T15:20:00Z',
  location: { id: 'WH-RENO/Returns', warehouseId: 'wh-reno' },
  receivedBy: 'M. Chen',
};

const returns = {
  receivedWithConditionsAndDispositions: {
    id: 'ret-4211-1',
    rma: 'RMA-20261128-007',
    state: 'received',
    orderId: 'odoo:sale.order:4211',
    shipmentId: 'shp-4211-1',
    trackingNumber: '1Z999AA10123456811',
    createdAt: '2026-11-28T10:00:00Z',
    receipt: returnReceipt,
    lines: [
      {
        lineId: '1',
        orderLineId: '20',
        item: headlamp,
        uom: 'EA',
        expected: '1',
        received: '1',
        condition: 'defective',
        disposition: 'return_to_vendor',
        reason: 'Does not switch on',
        serials: ['HL4-2611-000193'],
      },
      {
        lineId: '2',
        orderLineId: '10',
        item: trailMix,
        uom: 'EA',
        expected: '4',
        received: '3',
        condition: 'new',
        disposition: 'restock',
        reason: 'Ordered too many',
        lot: lotSeptember,
      },
      {
        lineId: '3',
        orderLineId: '10',
        item: trailMix,
        uom: 'EA',
        expected: '1',
        received: '1',
        condition: 'damaged',
        disposition: 'scrap',
        lot: lotSeptember,
      },
      // Authorised but not in the box: received zero, so no condition; the disposition stays pending.
      { lineId: '4', item: bottleGreen, uom: 'EA', expected: '1', received: '0' },
    ],
    refs: [{ system: 'shopify', account: 'acme-store', id: 'gid://shopify/Return/771' }],
  },
  authorizedAwaitingGoods: {
    id: 'ret-4220-1',
    rma: 'RMA-20261201-002',
    state: 'authorized',
    createdAt: '2026-12-01T09:00:00Z',
    lines: [{ lineId: '1', item: headlamp, uom: 'EA', expected: '1', reason: 'Changed mind' }],
  },
} satisfies Record<string, z.input<typeof ReturnSchema>>;

// ---------------------------------------------------------------------------------------------
// EventEnvelope
// ---------------------------------------------------------------------------------------------

const eventEnvelopes = {
  shipmentConfirmedWithOrdering: {
    specversion: '1.0',
    id: 'evt-01JD3Q8W6Z4M2T7C9K1R5N8B0F',
    source: '/shipbob/acme',
    type: 'crossdock.shipment.confirmed.v1',
    time: '2026-11-20T17:31:02Z',
    subject: 'fr-4211-1',
    datacontenttype: 'application/json',
    dataschema: 'urn:crossdock:canonical:event:crossdock.shipment.confirmed.v1',
    correlationId: 'order-S04211',
    causationId: 'evt-01JD2X0A1B2C3D4E5F6G7H8J9K',
    idempotencyKey: 'shipbob-webhook-8812931',
    sequence: '9007199254740993',
    sourceUpdatedAt: '2026-11-20T17:30:41Z',
    data: { shipment: shipments.partialShipmentFromTwoLots },
  },
  foreignTypeFromAnotherProducer: {
    specversion: '1.0',
    id: '42',
    source: 'urn:acme:crm',
    type: 'acme.customer.note_added.v2',
    time: '2026-11-20T09:30:00+01:00',
    datacontenttype: 'application/json',
    correlationId: 'customer-311',
    idempotencyKey: 'crm-42',
    data: { note: 'Prefers deliveries before noon' },
  },
} satisfies Record<string, z.input<typeof EventEnvelopeSchema>>;

/** Every valid fixture, by schema and name; each parses unchanged in meaning. */
export const valid = {
  item: items,
  'sales-order': salesOrders,
  'fulfillment-request': fulfillmentRequests,
  shipment: shipments,
  'tracking-event': trackingEvents,
  'inventory-level': inventoryLevels,
  'inventory-adjustment': inventoryAdjustments,
  return: returns,
  'event-envelope': eventEnvelopes,
} satisfies Record<SchemaName, Record<string, unknown>>;

// ---------------------------------------------------------------------------------------------
// Invalid: structure (wrong type, missing field, bad enum or format: JSON Schema sees these too)
// ---------------------------------------------------------------------------------------------

/** The entry at `index`, which the fixture above is known to have. */
function entry<T>(list: readonly T[], index: number): T {
  const found = list[index];
  if (found === undefined) throw new Error(`fixture has no entry ${index}`);
  return found;
}

const partial = fulfillmentRequests.partialShipmentWithBackorder;
const backorderedLine = entry(partial.lines, 0);
const headlampLine = entry(partial.lines, 1);
const pallet = shipments.palletWithNestedCartons;
const palletPackage = entry(pallet.packages, 0);
const carton1 = entry(pallet.packages, 1);
const carton2 = entry(pallet.packages, 2);
const carton3 = entry(pallet.packages, 3);
const receivedReturn = returns.receivedWithConditionsAndDispositions;
const defectiveReturnLine = entry(receivedReturn.lines, 0);
const restockReturnLine = entry(receivedReturn.lines, 1);
const order = salesOrders.confirmedWithPricesAndTotals;
const orderLine = entry(order.lines, 0);
const envelope = eventEnvelopes.shipmentConfirmedWithOrdering;
const snapshot = inventoryLevels.snapshotOfALotWithBreakdown;
const cycleCount = inventoryAdjustments.compareAndSetCycleCount;
const damagedDelta = inventoryAdjustments.damagedDelta;
const serialShipment = shipments.serialTracked;
const serialContent = entry(serialShipment.contents, 0);
const substitutionShipment = shipments.substitution;
const wholeLineSubstitute = entry(substitutionShipment.contents, 0);
const twoLots = shipments.partialShipmentFromTwoLots;
const naive = '2026-11-25 14:00:00';

/** A copy of `value` without `keys`: the field is absent, as it would be in JSON. */
function omit<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  return Object.fromEntries(
    Object.entries(value).filter(([key]) => !(keys as PropertyKey[]).includes(key)),
  ) as Omit<T, K>;
}

export const invalidStructure = {
  item: {
    missingName: {
      why: 'an item without a name',
      input: omit(items.lotTrackedWithExpiry, 'name'),
      path: 'name',
      rule: 'invalid_type',
      message: 'is required',
    },
    unknownTrackingMode: {
      why: 'an item tracked by "batch", which is not a tracking mode',
      input: { ...items.minimal, tracking: 'batch' },
      path: 'tracking',
      rule: 'invalid_value',
      message: 'must be one of "none", "lot", "serial"',
    },
    weightAsNumber: {
      why: 'a weight sent as the JSON number 0.52 instead of a decimal string',
      input: { ...items.lotTrackedWithExpiry, weight: { value: 0.52, uom: 'KGM' } },
      path: 'weight.value',
      rule: 'invalid_type',
      message: 'must be a string, got a number',
    },
    gtinOfElevenDigits: {
      why: 'a GTIN of eleven digits',
      input: { ...items.serialTracked, gtin: '95011015300' },
      path: 'gtin',
      rule: 'format.regex',
      message: 'must be a GTIN of 8, 12, 13 or 14 digits',
    },
    hsCodeWithDots: {
      why: 'an HS code written with dots',
      input: {
        ...items.lotTrackedWithExpiry,
        customs: { ...items.lotTrackedWithExpiry.customs, hsCode: '2008.19' },
      },
      path: 'customs.hsCode',
      rule: 'format.regex',
    },
  },
  'sales-order': {
    emptyLines: {
      why: 'an order with no lines',
      input: { ...order, lines: [] },
      path: 'lines',
      rule: 'too_small',
      message: 'must not be empty',
    },
    unknownCurrency: {
      why: 'an order in "EUD", which is no ISO 4217 currency',
      input: { ...order, currency: 'EUD' },
      path: 'currency',
      rule: 'invalid_value',
    },
    naiveOrderedAt: {
      why: 'an order time without an offset, as Odoo writes it',
      input: { ...order, orderedAt: naive },
      path: 'orderedAt',
      rule: 'format.datetime',
      message:
        'must be an ISO-8601 timestamp with an offset, like "2026-11-25T14:00:00Z" or "2026-11-25T15:00:00+01:00"',
    },
    quantityAsNumber: {
      why: 'a line quantity sent as the JSON number 12.5',
      input: { ...order, lines: [{ ...orderLine, quantity: 12.5 }] },
      path: 'lines[0].quantity',
      rule: 'invalid_type',
      message: 'must be a string, got a number',
    },
    quantityInExponentNotation: {
      why: 'a line quantity written "1e3"',
      input: { ...order, lines: [{ ...orderLine, quantity: '1e3' }] },
      path: 'lines[0].quantity',
      rule: 'format.regex',
      message: 'must be a decimal number greater than zero, written as a string, like "12.5"',
    },
    discountAboveHundredPercent: {
      why: 'a discount of 110 %',
      input: { ...order, lines: [{ ...orderLine, discountPercent: '110' }] },
      path: 'lines[0].discountPercent',
      rule: 'format.regex',
    },
    unknownStatus: {
      why: 'an order in status "shipped", which orders do not have',
      input: { ...order, status: 'shipped' },
      path: 'status',
      rule: 'invalid_value',
    },
  },
  'fulfillment-request': {
    duplicateHolds: {
      why: 'a request put on the address hold twice',
      input: { ...fulfillmentRequests.onHoldPartlyAllocated, holds: ['address', 'payment', 'address'] },
      path: 'holds[2]',
      rule: 'unique.hold',
      message: '"address" appears twice; each hold must be unique',
    },
    unknownHold: {
      why: 'a request on a "weather" hold',
      input: { ...fulfillmentRequests.onHoldPartlyAllocated, holds: ['weather'] },
      path: 'holds[0]',
      rule: 'invalid_value',
    },
    unknownHandshake: {
      why: 'a request in handshake state "acknowledged"',
      input: { ...partial, handshake: 'acknowledged' },
      path: 'handshake',
      rule: 'invalid_value',
    },
    emptyLines: {
      why: 'a request with no lines',
      input: { ...partial, lines: [] },
      path: 'lines',
      rule: 'too_small',
      message: 'must not be empty',
    },
    negativeShipped: {
      why: 'a ledger that shipped -2',
      input: { ...partial, lines: [{ ...headlampLine, ledger: { ordered: '2', shipped: '-2' } }] },
      path: 'lines[0].ledger.shipped',
      rule: 'format.regex',
      message: 'must be a decimal number of zero or more, written as a string, like "12.5"',
    },
    orderedZero: {
      why: 'a ledger that ordered nothing ("0.000")',
      input: { ...partial, lines: [{ ...headlampLine, ledger: { ordered: '0.000' } }] },
      path: 'lines[0].ledger.ordered',
      rule: 'format.regex',
    },
    ledgerWithoutOrdered: {
      why: 'a ledger that does not say how many were ordered',
      input: { ...partial, lines: [{ ...headlampLine, ledger: { shipped: '2' } }] },
      path: 'lines[0].ledger.ordered',
      rule: 'invalid_type',
      message: 'is required',
    },
    orderedAsNumber: {
      why: 'a ledger whose ordered quantity is the JSON number 24',
      input: {
        ...partial,
        lines: [{ ...backorderedLine, ledger: { ...backorderedLine.ledger, ordered: 24 } }],
      },
      path: 'lines[0].ledger.ordered',
      rule: 'invalid_type',
    },
    unknownDifferenceReason: {
      why: 'a difference with reason "XX", which is no X12 368 code in use',
      input: { ...partial, lines: [{ ...backorderedLine, differences: [{ reason: 'XX', quantity: '8' }] }] },
      path: 'lines[0].differences[0].reason',
      rule: 'invalid_value',
    },
    naiveCreatedAt: {
      why: 'a creation time without an offset',
      input: { ...partial, createdAt: naive },
      path: 'createdAt',
      rule: 'format.datetime',
    },
  },
  shipment: {
    emptyContents: {
      why: 'a shipment that shipped nothing',
      input: { ...twoLots, contents: [] },
      path: 'contents',
      rule: 'too_small',
      message: 'must not be empty',
    },
    naiveShippedAt: {
      why: 'a ship time without an offset',
      input: { ...twoLots, shippedAt: naive },
      path: 'shippedAt',
      rule: 'format.datetime',
    },
    ssccOfSixteenDigits: {
      why: 'an SSCC of sixteen digits',
      input: {
        ...pallet,
        packages: [{ ...palletPackage, sscc: '0095011015300000' }, carton1, carton2, carton3],
      },
      path: 'packages[0].sscc',
      rule: 'format.regex',
      message: 'must be an SSCC of exactly 18 digits',
    },
    unknownPackageType: {
      why: 'a package of type "crate"',
      input: { ...pallet, packages: [{ ...palletPackage, type: 'crate' }, carton1, carton2, carton3] },
      path: 'packages[0].type',
      rule: 'invalid_value',
    },
    duplicateTrackingNumbers: {
      why: 'the same tracking number listed twice',
      input: { ...twoLots, trackingNumbers: ['1Z999AA10123456784', '1Z999AA10123456784'] },
      path: 'trackingNumbers[1]',
      rule: 'unique.tracking_number',
      message: '"1Z999AA10123456784" appears twice; each tracking number must be unique',
    },
    contentQuantityAsNumber: {
      why: 'a content quantity sent as the JSON number 3',
      input: { ...serialShipment, contents: [{ ...serialContent, quantity: 3 }] },
      path: 'contents[0].quantity',
      rule: 'invalid_type',
    },
    backorderAsSubstitutionReason: {
      why: 'a content whose substitution reason is BP',
      input: { ...substitutionShipment, contents: [{ ...wholeLineSubstitute, substitution: 'BP' }] },
      path: 'contents[0].substitution',
      rule: 'invalid_value',
      message: 'must be one of "CS", "IS"',
    },
    expiryDateNotACalendarDate: {
      why: 'a lot expiring on "31/03/2027"',
      input: {
        ...twoLots,
        contents: twoLots.contents.map((content, index) =>
          index === 0 ? { ...content, lot: { number: 'L2409A', expiresOn: '31/03/2027' } } : content,
        ),
      },
      path: 'contents[0].lot.expiresOn',
      rule: 'format.date',
      message: 'must be a calendar date written YYYY-MM-DD, like "2027-03-31"',
    },
  },
  'tracking-event': {
    unknownStatus: {
      why: 'a scan with status "lost", which is not in the canonical taxonomy',
      input: { ...trackingEvents.deliveredWithSignature, status: 'lost' },
      path: 'status',
      rule: 'invalid_value',
    },
    naiveOccurredAt: {
      why: 'a scan time without an offset',
      input: { ...trackingEvents.inTransitScan, occurredAt: naive },
      path: 'occurredAt',
      rule: 'format.datetime',
    },
    missingCarrierCode: {
      why: 'a scan that drops the carrier’s own status code',
      input: omit(trackingEvents.inTransitScan, 'carrierCode'),
      path: 'carrierCode',
      rule: 'invalid_type',
      message: 'is required',
    },
    lowerCaseCountry: {
      why: 'a scan location in country "us"',
      input: {
        ...trackingEvents.deliveredWithSignature,
        location: { ...trackingEvents.deliveredWithSignature.location, countryCode: 'us' },
      },
      path: 'location.countryCode',
      rule: 'format.regex',
    },
  },
  'inventory-level': {
    negativeOnHandInSnapshot: {
      why: 'a snapshot with -4 on hand',
      input: { ...snapshot, quantities: { ...snapshot.quantities, onHand: '-4' } },
      path: 'quantities.onHand',
      rule: 'format.regex',
      message: 'must be a decimal number of zero or more, written as a string, like "12.5"',
    },
    unknownKind: {
      why: 'a level of kind "estimate", neither snapshot nor delta',
      input: { ...snapshot, kind: 'estimate' },
      path: 'kind',
      rule: 'invalid_union',
      message: 'matches none of the allowed shapes',
    },
    availableInExponentNotation: {
      why: 'an available quantity written "1e3"',
      input: { ...snapshot, quantities: { available: '1e3' } },
      path: 'quantities.available',
      rule: 'format.regex',
    },
    missingLocation: {
      why: 'a level that does not say where the stock is',
      input: omit(inventoryLevels.deltaAfterShipment, 'location'),
      path: 'location',
      rule: 'invalid_type',
      message: 'is required',
    },
  },
  'inventory-adjustment': {
    zeroDelta: {
      why: 'a delta of zero, which changes nothing',
      input: { ...damagedDelta, delta: '0.00' },
      path: 'delta',
      rule: 'format.regex',
      message: 'must not be zero: a zero adjustment changes nothing',
    },
    negativeZeroDelta: {
      why: 'a delta of "-0"',
      input: { ...damagedDelta, delta: '-0' },
      path: 'delta',
      rule: 'format.regex',
    },
    setWithoutExpected: {
      why: 'a compare-and-set without the expected on-hand',
      input: omit(cycleCount, 'expected'),
      path: 'expected',
      rule: 'invalid_type',
      message: 'is required',
    },
    negativeSetQuantity: {
      why: 'a compare-and-set to -1',
      input: { ...cycleCount, quantity: '-1' },
      path: 'quantity',
      rule: 'format.regex',
    },
    unknownReason: {
      why: 'an adjustment for reason "theft"',
      input: { ...damagedDelta, reason: 'theft' },
      path: 'reason',
      rule: 'invalid_value',
    },
  },
  return: {
    emptyLines: {
      why: 'a return with no lines',
      input: { ...returns.authorizedAwaitingGoods, lines: [] },
      path: 'lines',
      rule: 'too_small',
      message: 'must not be empty',
    },
    unknownCondition: {
      why: 'a returned unit in condition "broken"',
      input: {
        ...receivedReturn,
        lines: [{ ...defectiveReturnLine, condition: 'broken' }, restockReturnLine],
      },
      path: 'lines[0].condition',
      rule: 'invalid_value',
    },
    receivedAsNumber: {
      why: 'a received quantity sent as the JSON number 1',
      input: { ...receivedReturn, lines: [{ ...defectiveReturnLine, received: 1 }, restockReturnLine] },
      path: 'lines[0].received',
      rule: 'invalid_type',
      message: 'must be a string, got a number',
    },
    unknownState: {
      why: 'a return in state "refunded"',
      input: { ...receivedReturn, state: 'refunded' },
      path: 'state',
      rule: 'invalid_value',
    },
  },
  'event-envelope': {
    wrongSpecVersion: {
      why: 'an envelope of CloudEvents 0.3',
      input: { ...envelope, specversion: '0.3' },
      path: 'specversion',
      rule: 'invalid_value',
      message: 'must be one of "1.0"',
    },
    typeWithoutVersion: {
      why: 'an event type that does not end in its version',
      input: { ...envelope, type: 'crossdock.shipment.confirmed' },
      path: 'type',
      rule: 'format.regex',
    },
    naiveTime: {
      why: 'an event time without an offset',
      input: { ...envelope, time: naive },
      path: 'time',
      rule: 'format.datetime',
    },
    sequenceAsNumber: {
      why: 'a sequence sent as a JSON number, which loses digits past 2^53',
      input: { ...envelope, sequence: 42 },
      path: 'sequence',
      rule: 'invalid_type',
      message: 'must be a string, got a number',
    },
    sequenceWithLeadingZero: {
      why: 'a sequence written "042"',
      input: { ...envelope, sequence: '042' },
      path: 'sequence',
      rule: 'format.regex',
      message: 'must be a whole number written as a string, like "42"',
    },
    missingCorrelationId: {
      why: 'an envelope without a correlation id',
      input: omit(envelope, 'correlationId'),
      path: 'correlationId',
      rule: 'invalid_type',
      message: 'is required',
    },
    xmlContentType: {
      why: 'an envelope whose data is declared as XML',
      input: { ...envelope, datacontenttype: 'application/xml' },
      path: 'datacontenttype',
      rule: 'invalid_value',
    },
  },
} satisfies Record<SchemaName, Record<string, InvalidFixture>>;

// ---------------------------------------------------------------------------------------------
// Invalid by rule (well-formed, but a cross-field rule only the zod schemas check is broken)
// ---------------------------------------------------------------------------------------------

/** The partial-shipment request with its first line replaced. */
const requestWithLine = (line: Record<string, unknown>) => ({ ...partial, lines: [line, headlampLine] });

export const invalidByRule = {
  item: {
    gtinWithWrongCheckDigit: {
      why: 'an item whose GTIN has a wrong check digit',
      input: { ...items.lotTrackedWithExpiry, gtin: withWrongCheckDigit(trailMix.gtin) },
      path: 'gtin',
      rule: 'gtin.check_digit',
      message: 'has a wrong GS1 check digit',
    },
    expiryTrackedWithoutLots: {
      why: 'an item that tracks expiry dates but neither lots nor serials',
      input: { ...items.minimal, expiryTracked: true },
      path: 'expiryTracked',
      rule: 'item.expiry_needs_tracking',
    },
  },
  'sales-order': {
    duplicateLineIds: {
      why: 'an order with two lines numbered 10',
      input: { ...order, lines: [orderLine, { ...orderLine, item: stove }] },
      path: 'lines[1].lineId',
      rule: 'unique.lineId',
      message: '"10" appears twice; each lineId must be unique',
    },
    lineInAnotherCurrency: {
      why: 'a USD order with a line priced in EUR',
      input: { ...order, lines: [{ ...orderLine, unitPrice: { amount: '7.49', currency: 'EUR' } }] },
      path: 'lines[0].unitPrice.currency',
      rule: 'order.line_currency',
      message: 'is EUR but the order is in USD',
    },
    shipToWithoutAddress: {
      why: 'an order shipping to a party without an address',
      input: { ...order, shipTo: { name: 'Dana Whitfield' } },
      path: 'shipTo',
      rule: 'order.ship_to_address',
    },
  },
  'fulfillment-request': {
    overShippedWithoutCm: {
      why: 'a line that shipped 8 and cancelled 4 of 10 without an over-shipment reason',
      input: requestWithLine({
        ...backorderedLine,
        ledger: { ordered: '10', shipped: '8', cancelled: '4' },
        differences: [{ reason: 'CP', quantity: '4' }],
      }),
      path: 'lines[0].ledger.shipped',
      rule: 'ledger.over_shipped',
      message:
        'shipped (8) plus cancelled (4) exceeds ordered (10) and no over-shipment reason (CM) is given',
    },
    cancelledWithoutReason: {
      why: 'a line that cancelled 4 without a CP or IC difference',
      input: requestWithLine({
        ...backorderedLine,
        ledger: { ordered: '10', shipped: '6', cancelled: '4' },
        differences: [],
      }),
      path: 'lines[0].ledger.cancelled',
      rule: 'ledger.cancel_without_reason',
      message:
        '4 cancelled without a reason: record a difference with reason CP (closed, no backorder) or IC (item cancelled)',
    },
    cancelledWithOnlyABackorderReason: {
      why: 'a line that cancelled 4 and explains it with BP, the backorder reason',
      input: requestWithLine({
        ...backorderedLine,
        ledger: { ordered: '10', shipped: '6', cancelled: '4' },
        differences: [{ reason: 'BP', quantity: '4' }],
      }),
      path: 'lines[0].ledger.cancelled',
      rule: 'ledger.cancel_without_reason',
    },
    backorderedWithoutBp: {
      why: 'a line with 8 backordered and no BP difference',
      input: requestWithLine({ ...backorderedLine, differences: [] }),
      path: 'lines[0].ledger.backordered',
      rule: 'ledger.backorder_without_reason',
      message: '8 backordered without a reason: record a difference with reason BP (backorder to follow)',
    },
    backorderedBeyondOpen: {
      why: 'a line that backorders 10 when only 8 are open',
      input: requestWithLine({
        ...backorderedLine,
        ledger: { ordered: '24', shipped: '16', backordered: '10' },
      }),
      path: 'lines[0].ledger.backordered',
      rule: 'ledger.over_backordered',
    },
    allocatedBeyondOpen: {
      why: 'a line that allocated 7 when only 6 are open',
      input: requestWithLine({ ...backorderedLine, ledger: { ordered: '10', shipped: '4', allocated: '7' } }),
      path: 'lines[0].ledger.allocated',
      rule: 'ledger.over_allocated',
      message: 'allocated (7) exceeds the open quantity (ordered − shipped − cancelled = 6)',
    },
    returnedBeyondShipped: {
      why: 'a line that got 3 back of 2 shipped',
      input: requestWithLine({ ...headlampLine, ledger: { ordered: '2', shipped: '2', returned: '3' } }),
      path: 'lines[0].ledger.returned',
      rule: 'ledger.returned_exceeds_shipped',
      message: 'returned (3) exceeds shipped (2)',
    },
    substitutionWithoutSubstitute: {
      why: 'a CS difference that does not name the substitute',
      input: requestWithLine({
        ...backorderedLine,
        ledger: { ordered: '6', shipped: '6' },
        differences: [{ reason: 'CS', quantity: '6' }],
      }),
      path: 'lines[0].differences',
      rule: 'ledger.substitution_without_item',
      message: 'a CS substitution must name the substitute item that was shipped',
    },
    duplicateLineIds: {
      why: 'a request with two lines numbered 1',
      input: { ...partial, lines: [backorderedLine, { ...headlampLine, lineId: '1' }] },
      path: 'lines[1].lineId',
      rule: 'unique.lineId',
      message: '"1" appears twice; each lineId must be unique',
    },
    shipToWithoutAddress: {
      why: 'a request shipping to a party without an address',
      input: { ...partial, shipTo: { name: 'Dana Whitfield', email: 'dana@whitfield-outdoor.example' } },
      path: 'shipTo',
      rule: 'request.ship_to_address',
      message: 'a ship-to needs an address',
    },
    twoIdsInOneSystem: {
      why: 'a request with two ShipBob ids for the same account',
      input: {
        ...partial,
        refs: [
          { system: 'shipbob', account: 'acme', id: 'ORD-771203' },
          { system: 'shipbob', account: 'acme', id: 'ORD-771204' },
        ],
      },
      path: 'refs[1]',
      rule: 'refs.unique_system',
      message: 'a second reference for shipbob account acme; an object has one id per system and account',
    },
  },
  shipment: {
    cartonOnMissingPallet: {
      why: 'a shipment whose carton names a pallet that is not in it',
      input: { ...pallet, packages: [palletPackage, { ...carton1, parentId: 'PLT-9' }, carton2, carton3] },
      path: 'packages[1].parentId',
      rule: 'shipment.unknown_parent',
      message: 'names package "PLT-9", which is not in this shipment',
    },
    nestingCycle: {
      why: 'a pallet inside a carton that is inside the pallet',
      input: { ...pallet, packages: [{ ...palletPackage, parentId: 'CTN-1' }, carton1, carton2, carton3] },
      path: 'packages[0].parentId',
      rule: 'shipment.nesting_cycle',
      message: 'package "PLT-1" ends up inside itself; nesting must not loop',
    },
    packageInsideItself: {
      why: 'a carton that names itself as parent',
      input: { ...pallet, packages: [palletPackage, { ...carton1, parentId: 'CTN-1' }, carton2, carton3] },
      path: 'packages[1].parentId',
      rule: 'shipment.nesting_cycle',
    },
    duplicatePackageIds: {
      why: 'two packages both called CTN-1',
      input: { ...pallet, packages: [palletPackage, carton1, { ...carton2, id: 'CTN-1' }, carton3] },
      path: 'packages[2].id',
      rule: 'unique.id',
      message: '"CTN-1" appears twice; each package id must be unique',
    },
    ssccWithWrongCheckDigit: {
      why: 'a pallet label whose SSCC has a wrong check digit',
      input: {
        ...pallet,
        packages: [{ ...palletPackage, sscc: withWrongCheckDigit(ssccs.pallet) }, carton1, carton2, carton3],
      },
      path: 'packages[0].sscc',
      rule: 'sscc.check_digit',
      message: 'has a wrong GS1 check digit',
    },
    gtinWithWrongCheckDigit: {
      why: 'a shipped item whose GTIN has a wrong check digit',
      input: {
        ...serialShipment,
        contents: [{ ...serialContent, item: { ...headlamp, gtin: withWrongCheckDigit(headlamp.gtin) } }],
      },
      path: 'contents[0].item.gtin',
      rule: 'gtin.check_digit',
    },
    contentInUnknownPackage: {
      why: 'a content packed in a carton that is not in the shipment',
      input: { ...serialShipment, contents: [{ ...serialContent, packageId: 'BOX-2' }] },
      path: 'contents[0].packageId',
      rule: 'shipment.unknown_package',
    },
    serialCountDiffersFromQuantity: {
      why: 'three headlamps shipped with two serial numbers',
      input: {
        ...serialShipment,
        contents: [{ ...serialContent, serials: ['HL4-2611-000201', 'HL4-2611-000202'] }],
      },
      path: 'contents[0].serials',
      rule: 'shipment.serial_count',
      message: '2 serial numbers for a quantity of 3; give one serial per unit',
    },
    serialShippedTwice: {
      why: 'the same headlamp serial in two contents',
      input: {
        ...serialShipment,
        contents: [
          { ...serialContent, quantity: '2', serials: ['HL4-2611-000201', 'HL4-2611-000202'] },
          { ...serialContent, quantity: '1', serials: ['HL4-2611-000202'] },
        ],
      },
      path: 'contents[1].serials[0]',
      rule: 'shipment.duplicate_serial',
    },
    substitutionWithoutOrderedItem: {
      why: 'a CS substitution that does not say what was ordered',
      input: {
        ...substitutionShipment,
        contents: [{ requestLineId: '1', item: bottleGreen, quantity: '6', uom: 'EA', substitution: 'CS' }],
      },
      path: 'contents[0].orderedItem',
      rule: 'shipment.substitution_incomplete',
      message: 'a substitution needs both the reason (CS or IS) and the ordered item',
    },
    orderedItemWithoutSubstitution: {
      why: 'an ordered item on a content without a substitution reason',
      input: {
        ...substitutionShipment,
        contents: [
          { requestLineId: '1', item: bottleGreen, quantity: '6', uom: 'EA', orderedItem: bottleBlue },
        ],
      },
      path: 'contents[0].substitution',
      rule: 'shipment.substitution_incomplete',
    },
    substitutionOfTheSameItem: {
      why: 'a substitution that ships the very item that was ordered',
      input: { ...substitutionShipment, contents: [{ ...wholeLineSubstitute, orderedItem: bottleGreen }] },
      path: 'contents[0].orderedItem.sku',
      rule: 'shipment.substitution_same_item',
    },
    shippedWithoutShipTime: {
      why: 'a shipment in state shipped without the time it shipped',
      input: { ...shipments.labelPurchasedNotShippedYet, state: 'shipped' },
      path: 'shippedAt',
      rule: 'shipment.shipped_at',
      message: 'a shipment in state "shipped" needs the time it shipped',
    },
  },
  'tracking-event': {
    twoIdsInOneSystem: {
      why: 'a scan with two EasyPost ids',
      input: {
        ...trackingEvents.deliveredWithSignature,
        refs: [
          { system: 'easypost', id: 'trk_5d1c0f2e9a' },
          { system: 'easypost', id: 'trk_77aa01' },
        ],
      },
      path: 'refs[1]',
      rule: 'refs.unique_system',
    },
  },
  'inventory-level': {
    noBucketStated: {
      why: 'a level that states no quantity at all',
      input: { ...snapshot, quantities: {} },
      path: 'quantities',
      rule: 'inventory.no_bucket',
      message: 'states no quantity; give at least one bucket (onHand, available, …)',
    },
  },
  'inventory-adjustment': {
    locationWithTwoOdooIds: {
      why: 'an adjustment whose location has two Odoo ids for one database',
      input: {
        ...damagedDelta,
        location: {
          ...stockA12,
          refs: [
            { system: 'odoo', account: 'acme-prod', id: 'stock.location:8' },
            { system: 'odoo', account: 'acme-prod', id: 'stock.location:9' },
          ],
        },
      },
      path: 'location.refs[1]',
      rule: 'refs.unique_system',
    },
  },
  return: {
    receivedWithoutReceipt: {
      why: 'a return in state received without its receipt',
      input: omit(receivedReturn, 'receipt'),
      path: 'receipt',
      rule: 'return.receipt_required',
      message: 'a return in state "received" needs its receipt (when and where it was received)',
    },
    receivedLineWithoutQuantity: {
      why: 'an inspected return with a line that does not say how many arrived',
      input: {
        ...receivedReturn,
        state: 'inspected',
        lines: [defectiveReturnLine, omit(restockReturnLine, 'received', 'condition')],
      },
      path: 'lines[1].received',
      rule: 'return.received_required',
    },
    receivedGoodsWithoutCondition: {
      why: 'received goods without their condition',
      input: { ...receivedReturn, lines: [defectiveReturnLine, omit(restockReturnLine, 'condition')] },
      path: 'lines[1].condition',
      rule: 'return.condition_required',
      message: 'received goods need their condition',
    },
    serialCountDiffersFromReceived: {
      why: 'one headlamp received with two serial numbers',
      input: {
        ...receivedReturn,
        lines: [
          { ...defectiveReturnLine, serials: ['HL4-2611-000193', 'HL4-2611-000194'] },
          restockReturnLine,
        ],
      },
      path: 'lines[0].serials',
      rule: 'return.serial_count',
      message: '2 serial numbers for 1 received; give one serial per unit',
    },
    duplicateLineIds: {
      why: 'a return with two lines numbered 1',
      input: { ...receivedReturn, lines: [defectiveReturnLine, { ...restockReturnLine, lineId: '1' }] },
      path: 'lines[1].lineId',
      rule: 'unique.lineId',
    },
  },
  // The envelope has no cross-field rules: everything about it is structure.
  'event-envelope': {},
} satisfies Record<SchemaName, Record<string, InvalidFixture>>;
