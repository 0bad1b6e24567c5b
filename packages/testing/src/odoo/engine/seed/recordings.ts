import type { RecordStore } from '../store.js';
import type { FakeOdooVersion } from '../types.js';
import { baseIds, SEED_DATE, storable } from './base.js';

type Row = Record<string, unknown>;

/** Partners of the 17/18 recordings (ids as read there). */
const PARTNERS_18: readonly Row[] = [
  {
    id: 10,
    name: 'Deco Addict',
    is_company: true,
    email: 'deco_addict@yourcompany.example.com',
    country_id: 233,
  },
  {
    id: 11,
    name: 'Gemini Furniture',
    is_company: true,
    email: 'gemini_furniture@fake.geminifurniture.com',
    country_id: 233,
  },
  {
    id: 15,
    name: 'Azure Interior',
    is_company: true,
    email: 'azure.Interior24@example.com',
    country_id: 233,
  },
  { id: 16, name: 'Lumber Inc', is_company: true, email: 'lumber-inv92@example.com', country_id: 233 },
  { id: 21, name: 'Edwin Hansen', parent_id: 11, email: 'edwin.hansen58@example.com', country_id: 233 },
  { id: 23, name: 'Jesse Brown', parent_id: 11, email: 'jesse.brown74@example.com', country_id: 233 },
  { id: 26, name: 'Brandon Freeman', parent_id: 15, email: 'brandon.freeman55@example.com', country_id: 233 },
];

/** Partners of the 19 recordings. */
const PARTNERS_19: readonly Row[] = [
  { id: 8, name: 'Wood Corner', is_company: true, email: 'wood.corner26@example.com', country_id: 233 },
  {
    id: 9,
    name: 'Acme Corporation',
    is_company: true,
    email: 'acme_corp@yourcompany.example.com',
    country_id: 233,
  },
  {
    id: 10,
    name: 'Deco Addict',
    is_company: true,
    email: 'deco_addict@yourcompany.example.com',
    country_id: 233,
  },
  { id: 11, name: 'Ready Mat', is_company: true, email: 'ready.mat28@example.com', country_id: 233 },
  { id: 12, name: 'OpenWood', is_company: true, email: 'openwood@example.com', country_id: 233 },
  { id: 13, name: 'LightsUp', is_company: true, email: 'lightsup@example.com', country_id: 233 },
  {
    id: 14,
    name: 'The Jackson Group',
    is_company: true,
    email: 'jackson.group82@example.com',
    country_id: 233,
  },
  {
    id: 15,
    name: 'Azure Interior',
    is_company: true,
    email: 'azure.Interior24@example.com',
    country_id: 233,
  },
  {
    id: 16,
    name: 'Gemini Furniture',
    is_company: true,
    email: 'gemini_furniture@fake.geminifurniture.com',
    country_id: 233,
  },
  { id: 17, name: 'Lumber Inc', is_company: true, email: 'lumber-inv92@example.com', country_id: 233 },
  { id: 18, name: 'Nexus Supplies', is_company: true, email: 'nexus@example.com', country_id: 233 },
  { id: 27, name: 'Brandon Freeman', parent_id: 15, email: 'brandon.freeman55@example.com', country_id: 233 },
  { id: 34, name: 'Colleen Diaz', parent_id: 15, email: 'colleen.diaz83@example.com', country_id: 233 },
  { id: 35, name: 'Aldo Rossi', country_id: 203 },
  { id: 36, name: 'Bianca Conti', country_id: 203 },
  { id: 37, name: 'Carlo Bruni', country_id: 203 },
  { id: 38, name: 'Dario Galli', country_id: 203 },
  { id: 39, name: 'Elena Moretti', country_id: 203 },
  { id: 40, name: 'Felix Frick', country_id: 128 },
  { id: 41, name: 'Goran Vuković', country_id: 139 },
];

/** Products of the 17/18 recordings: `[id, code, name, storable, list price]`. */
const PRODUCTS_18: readonly (readonly [number, string, string, boolean, number])[] = [
  [5, 'FURN_7777', 'Office Chair', true, 70],
  [6, 'FURN_8888', 'Office Lamp', true, 40],
  [7, 'FURN_6666', 'Acoustic Bloc Screens', true, 295],
  [8, 'FURN_5555', 'Cable Management Box', true, 100],
  [9, 'FURN_9999', 'Office Design Software', false, 280],
  [10, 'FURN_0096', 'Customizable Desk', false, 750],
  [11, 'FURN_8220', 'Four Person Desk', false, 2350],
  [12, 'FURN_1118', 'Corner Desk Left Sit', true, 85],
  [16, 'E-COM06', 'Corner Desk Right Sit', false, 147],
  [17, 'E-COM07', 'Large Cabinet', true, 320],
  [18, 'E-COM08', 'Storage Box', true, 15.8],
  [20, 'E-COM10', 'Pedal Bin', true, 47],
  [21, 'E-COM11', 'Cabinet with Doors', true, 140],
  [30, 'FURN_0789', 'Individual Workplace', true, 885],
  [48, 'DESK0005', 'Customizable Desk (Custom, White)', true, 750],
  [49, 'DESK0006', 'Customizable Desk (Custom, Black)', true, 750],
];

/** Products of the 19 recordings. */
const PRODUCTS_19: readonly (readonly [number, string, string, boolean, number])[] = [
  [5, 'FURN_7777', 'Office Chair', true, 70],
  [6, 'FURN_8888', 'Office Lamp', true, 40],
  [7, 'FURN_6666', 'Acoustic Bloc Screens', true, 295],
  [17, 'E-COM07', 'Large Cabinet', true, 320],
  [20, 'E-COM10', 'Pedal Bin', true, 47],
];

/** Quants of the 17/18 recordings at WH/Stock: `[id, product, quantity, reserved]`. */
const QUANTS_18: readonly (readonly [number, number, number, number])[] = [
  [1, 30, 16, 0],
  [2, 18, 18, 0],
  [3, 17, 500, 153],
  [4, 20, 22, 0],
  [5, 21, 33, 15],
  [6, 48, 65, 0],
  [7, 49, 70, 0],
];

/**
 * The records the recordings read, with the same ids, and id/sequence counters set so the
 * recorded flows create the same ids (`S00025`, `WH/OUT/00015` on 18, `WH/OUT/00047` on 19).
 */
export function seedRecordings(store: RecordStore, version: FakeOdooVersion): void {
  const put = (model: string, values: Row) =>
    store.insert(model, { create_date: SEED_DATE, write_date: SEED_DATE, ...values }, 2);
  const ids = baseIds(version);
  for (const p of version === 19 ? PARTNERS_19 : PARTNERS_18) {
    put('res.partner', { is_company: false, active: true, type: 'contact', ...p });
  }
  store.reserveIds('res.partner', 45);
  for (const [id, code, name, stored, price] of version === 19 ? PRODUCTS_19 : PRODUCTS_18) {
    put('product.product', {
      id,
      default_code: code,
      name,
      list_price: price,
      standard_price: Math.round(price * 0.6),
      uom_id: 1,
      tracking: 'none',
      active: true,
      sale_ok: true,
      purchase_ok: true,
      barcode: false,
      ...storable(version, stored),
    });
  }
  store.reserveIds('product.product', version === 19 ? 60 : 60);
  if (version !== 19) {
    for (const [id, product, quantity, reserved] of QUANTS_18) {
      put('stock.quant', {
        id,
        product_id: product,
        location_id: ids.stock,
        lot_id: false,
        package_id: false,
        quantity,
        reserved_quantity: reserved,
        inventory_quantity: 0,
        inventory_quantity_set: false,
        company_id: 1,
        in_date: SEED_DATE,
      });
    }
  }
  seedOrders(store, version, put);
  const next =
    version === 19
      ? { picking: 53, out: 47, move: 81, moveLine: 70, quant: 20 }
      : { picking: 21, out: 15, move: 43, moveLine: 38, quant: 8 };
  store.reserveIds('stock.picking', next.picking);
  store.setSequence('picking.2', next.out);
  store.reserveIds('stock.move', next.move);
  store.reserveIds('stock.move.line', next.moveLine);
  store.reserveIds('stock.quant', next.quant);
}

function seedOrders(
  store: RecordStore,
  version: FakeOdooVersion,
  put: (model: string, values: Row) => unknown,
) {
  const orderDate = '2026-11-22 15:46:21';
  const writeDate = '2026-11-22 15:46:27';
  const uomField = version === 19 ? 'product_uom_id' : 'product_uom';
  /** Lines per order: `[line id, product, qty, price]`. */
  const special: Record<number, { partner: number; lines: [number, number, number, number][] }> =
    version === 19
      ? {}
      : {
          6: { partner: 16, lines: [[13, 10, 1, 750]] },
          7: {
            partner: 11,
            lines: [
              [14, 11, 0.5, 2350],
              [15, 12, 2, 85],
              [16, 20, 1, 47],
              [17, 5, 1, 314],
            ],
          },
          8: {
            partner: 11,
            lines: [
              [18, 6, 3, 40],
              [19, 7, 1, 342],
            ],
          },
        };
  let lineId = 1;
  const taken = new Set(Object.values(special).flatMap((o) => o.lines.map(([lid]) => lid)));
  const partners = version === 19 ? [10, 11, 12, 15] : [10, 11, 15, 16];
  for (let id = 1; id <= 24; id++) {
    const state = id >= 5 && id <= 23 ? 'sale' : 'draft';
    const spec = special[id];
    const partner = spec?.partner ?? partners[id % partners.length] ?? 10;
    put('sale.order', {
      id,
      name: `S${String(id).padStart(5, '0')}`,
      state,
      partner_id: partner,
      partner_invoice_id: partner,
      partner_shipping_id: partner,
      date_order: orderDate,
      write_date: writeDate,
      company_id: 1,
      currency_id: 1,
      user_id: 2,
      warehouse_id: 1,
      client_order_ref: false,
    });
    const filler = version === 19 ? 7 : 9;
    const lines = spec?.lines ?? [[0, filler, 1, 280] as [number, number, number, number]];
    for (const [given, product, qty, price] of lines) {
      while (!given && taken.has(lineId)) lineId++;
      const lid = given || lineId++;
      put('sale.order.line', {
        id: lid,
        order_id: id,
        product_id: product,
        name: `Line ${lid}`,
        product_uom_qty: qty,
        price_unit: price,
        discount: 0,
        sequence: 10,
        [uomField]: 1,
      });
    }
  }
  store.reserveIds('sale.order', 25);
  store.reserveIds('sale.order.line', 51);
  store.setSequence('sale.order', 25);
}
