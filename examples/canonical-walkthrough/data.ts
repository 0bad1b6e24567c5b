// The documents of one order's life, as an Odoo sale order, a 3PL's shipment reports and a return would
// describe them after mapping to canonical form. Quantities are decimal strings; times carry offsets.

export const order = {
  id: 'sale.order:42',
  number: 'S00042',
  status: 'confirmed',
  channel: 'odoo',
  customer: {
    name: 'Deco Addict',
    email: 'deco.addict82@example.com',
    refs: [{ system: 'odoo', id: 'res.partner:9' }],
  },
  shipTo: {
    name: 'Deco Addict',
    address: {
      lines: ['77 Santa Barbara Rd'],
      city: 'Pleasant Hill',
      region: 'CA',
      postalCode: '94523',
      countryCode: 'US',
    },
  },
  currency: 'USD',
  serviceLevel: 'two_day',
  orderedAt: '2026-11-20T08:12:00Z',
  lines: [
    {
      lineId: '101',
      item: { sku: 'FURN_6666', name: 'Acoustic Bloc Screens' },
      quantity: '10',
      uom: 'EA',
      unitPrice: { amount: '295', currency: 'USD' },
    },
    {
      lineId: '102',
      item: { sku: 'FURN_7777', name: 'Office Chair' },
      quantity: '4',
      uom: 'EA',
      unitPrice: { amount: '70', currency: 'USD' },
    },
    {
      lineId: '103',
      item: { sku: 'FURN_0096', name: 'Drawer Black' },
      quantity: '2',
      uom: 'DZN',
      unitPrice: { amount: '300', currency: 'USD' },
    },
  ],
  refs: [{ system: 'odoo', account: 'acme-prod', id: 'sale.order:42' }],
};

/** The first shipment: a pallet with two cartons; the screens ship 7 of 10 from two lots, the drawers are counted in units. */
export const firstShipment = {
  id: 'shipbob:shipment:88001',
  requestId: 'WH/OUT/00042',
  carrierService: { carrier: 'ups', service: 'GROUND', scac: 'UPSN' },
  trackingNumbers: ['1Z999AA10123456784'],
  shippedAt: '2026-11-21T16:40:00-05:00',
  packages: [
    { id: 'PAL-1', type: 'pallet', sscc: '000123450000000010', weight: { value: '182.5', uom: 'KGM' } },
    { id: 'CTN-1', type: 'carton', parentId: 'PAL-1', sscc: '000123450000000027' },
    { id: 'CTN-2', type: 'carton', parentId: 'PAL-1', sscc: '000123450000000034' },
  ],
  contents: [
    {
      requestLineId: '101',
      item: { sku: 'FURN_6666' },
      quantity: '5',
      uom: 'EA',
      packageId: 'CTN-1',
      lot: { number: 'LOT-2026-0412', expiresOn: '2031-04-12' },
    },
    {
      requestLineId: '101',
      item: { sku: 'FURN_6666' },
      quantity: '2',
      uom: 'EA',
      packageId: 'CTN-1',
      lot: { number: 'LOT-2026-0519', expiresOn: '2031-05-19' },
    },
    {
      requestLineId: '102',
      item: { sku: 'FURN_7777' },
      quantity: '4',
      uom: 'EA',
      packageId: 'CTN-2',
      serials: ['CH-0001', 'CH-0002', 'CH-0003', 'CH-0004'],
    },
    { requestLineId: '103', item: { sku: 'FURN_0096' }, quantity: '24', uom: 'EA', packageId: 'PAL-1' },
  ],
  cost: { amount: '212.40', currency: 'USD' },
  refs: [{ system: 'shipbob', id: '88001' }],
};

/** The backorder: the last three screens. */
export const backorderShipment = {
  id: 'shipbob:shipment:88017',
  requestId: 'WH/OUT/00042',
  carrierService: { carrier: 'ups', service: 'GROUND' },
  trackingNumbers: ['1Z999AA10123456795'],
  shippedAt: '2026-11-24T10:05:00-05:00',
  contents: [
    {
      requestLineId: '101',
      item: { sku: 'FURN_6666' },
      quantity: '3',
      uom: 'EA',
      lot: { number: 'LOT-2026-0601', expiresOn: '2031-06-01' },
    },
  ],
  refs: [{ system: 'shipbob', id: '88017' }],
};

export const trackingScans = [
  {
    status: 'pre_transit',
    carrierCode: 'MP',
    carrierDetail: 'Shipper created a label',
    occurredAt: '2026-11-21T16:41:00-05:00',
  },
  {
    status: 'in_transit',
    carrierCode: 'I',
    carrierDetail: 'Departed from facility',
    occurredAt: '2026-11-21T22:10:00-05:00',
  },
  {
    status: 'out_for_delivery',
    carrierCode: 'O',
    carrierDetail: 'Out for delivery today',
    occurredAt: '2026-11-23T07:55:00-08:00',
  },
  {
    status: 'delivered',
    carrierCode: 'D',
    carrierDetail: 'Delivered, front door',
    occurredAt: '2026-11-23T13:02:00-08:00',
  },
  // A late scan arriving after delivery: the tracking lifecycle refuses it instead of un-delivering the parcel.
  {
    status: 'in_transit',
    carrierCode: 'I',
    carrierDetail: 'Arrived at facility',
    occurredAt: '2026-11-22T03:00:00-05:00',
  },
] as const;

export const customerReturn = {
  id: 'RET-0007',
  rma: 'RMA-2026-0007',
  state: 'received',
  orderId: 'sale.order:42',
  shipmentId: 'shipbob:shipment:88001',
  lines: [
    {
      lineId: 'r1',
      orderLineId: '102',
      item: { sku: 'FURN_7777' },
      uom: 'EA',
      expected: '2',
      received: '2',
      condition: 'damaged',
      disposition: 'quarantine',
      serials: ['CH-0002', 'CH-0003'],
      reason: 'arrived scratched',
    },
  ],
  receipt: {
    receivedAt: '2026-11-28T11:20:00-05:00',
    location: { id: 'SB-CA-1/RETURNS', warehouseId: 'SB-CA-1' },
  },
  createdAt: '2026-11-25T09:00:00Z',
};
