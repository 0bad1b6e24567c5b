import type { RecordStore } from '../store.js';
import type { FakeOdooUser, FakeOdooVersion } from '../types.js';

/** The admin and demo users of the recordings, with their passwords and API keys. */
export const SEED_USERS: readonly FakeOdooUser[] = [
  {
    id: 2,
    login: 'admin',
    password: 'admin',
    apiKeys: ['<api-key>'],
    groups: [
      'base.group_user',
      'base.group_system',
      'base.group_erp_manager',
      'stock.group_stock_manager',
      'stock.group_stock_user',
      'sales_team.group_sale_manager',
      'sales_team.group_sale_salesman',
    ],
  },
  {
    id: 6,
    login: 'demo',
    password: 'demo',
    apiKeys: ['<demo-api-key>'],
    groups: ['base.group_user', 'stock.group_stock_user', 'sales_team.group_sale_salesman'],
  },
];

/** The timestamp the seed records carry (the recordings' demo database). */
export const SEED_DATE = '2026-11-22 15:45:46';

/** Location and picking type ids of a version's base data. */
export interface BaseIds {
  readonly stock: number;
  readonly customers: number;
  readonly vendors: number;
  readonly inventory: number;
  readonly whView: number;
}

/** The ids the recordings show: WH/Stock is 8 on 17/18, 5 on 19. */
export function baseIds(version: FakeOdooVersion): BaseIds {
  return version === 19
    ? { stock: 5, customers: 2, vendors: 1, inventory: 3, whView: 4 }
    : { stock: 8, customers: 5, vendors: 4, inventory: 14, whView: 7 };
}

/** Field values making a product storable in a version. */
export function storable(version: FakeOdooVersion, yes: boolean): Record<string, unknown> {
  if (version === 17)
    return yes ? { type: 'product', detailed_type: 'product' } : { type: 'consu', detailed_type: 'consu' };
  return { type: 'consu', is_storable: yes };
}

/** Base data of every seed: company, users, currencies, countries, units, warehouse WH and its locations. */
export function seedBase(store: RecordStore, version: FakeOdooVersion): void {
  const put = (model: string, values: Record<string, unknown>) =>
    store.insert(model, { create_date: SEED_DATE, write_date: SEED_DATE, ...values }, 1);
  const ids = baseIds(version);
  put('res.currency', { id: 1, name: 'USD', symbol: '$' });
  for (const [id, name, code] of [
    [233, 'United States', 'US'],
    [128, 'Liechtenstein', 'LI'],
    [139, 'Montenegro', 'ME'],
    [203, 'San Marino', 'SM'],
    [20, 'Belgium', 'BE'],
  ] as const) {
    put('res.country', { id, name, code });
  }
  const companyName = version === 19 ? 'My Company (San Francisco)' : 'YourCompany';
  put('res.partner', {
    id: 1,
    name: companyName,
    is_company: true,
    active: true,
    type: 'contact',
    country_id: 233,
    email: 'info@yourcompany.com',
  });
  put('res.partner', {
    id: 3,
    name: 'Mitchell Admin',
    is_company: false,
    active: true,
    type: 'contact',
    parent_id: 1,
    email: 'admin@yourcompany.example.com',
    country_id: 233,
  });
  put('res.partner', {
    id: 7,
    name: 'Marc Demo',
    is_company: false,
    active: true,
    type: 'contact',
    parent_id: 1,
    email: 'mark.brown23@example.com',
    country_id: 233,
  });
  put('res.company', { id: 1, name: companyName, partner_id: 1, currency_id: 1 });
  put('res.users', { id: 2, login: 'admin', partner_id: 3, company_id: 1, active: true, share: false });
  put('res.users', { id: 6, login: 'demo', partner_id: 7, company_id: 1, active: true, share: false });
  store.reserveIds('res.users', 7);
  // The chatter subtypes of the mail module (ids as `SUBTYPE_IDS` gives them).
  put('mail.message.subtype', { id: 1, name: 'Discussions', internal: false, default: true });
  put('mail.message.subtype', { id: 2, name: 'Note', internal: true, default: false });
  put('mail.message.subtype', { id: 3, name: 'Activities', internal: false, default: true });
  // Their xml ids (`mail.mt_comment`…), as `ir.model.data` answers them to a `search_read`.
  for (const [id, name] of [
    [1, 'mt_comment'],
    [2, 'mt_note'],
    [3, 'mt_activities'],
  ] as const) {
    put('ir.model.data', {
      id,
      module: 'mail',
      name,
      model: 'mail.message.subtype',
      res_id: id,
      noupdate: true,
    });
  }
  put('ir.config_parameter', { id: 1, key: 'web.base.url', value: 'http://localhost:8069' });
  put('ir.config_parameter', { id: 2, key: 'database.uuid', value: '00000000-0000-4000-8000-000000000000' });
  if (version === 19) {
    put('uom.uom', {
      id: 1,
      name: 'Units',
      relative_factor: 1,
      factor: 1,
      rounding: 0.01,
      active: true,
      relative_uom_id: false,
    });
    put('uom.uom', {
      id: 2,
      name: 'Dozens',
      relative_factor: 12,
      factor: 12,
      rounding: 0.01,
      active: true,
      relative_uom_id: 1,
    });
    put('uom.uom', {
      id: 12,
      name: 'kg',
      relative_factor: 1,
      factor: 1,
      rounding: 0.01,
      active: true,
      relative_uom_id: false,
    });
  } else {
    put('uom.category', { id: 1, name: 'Unit' });
    put('uom.category', { id: 2, name: 'Weight' });
    put('uom.uom', {
      id: 1,
      name: 'Units',
      category_id: 1,
      factor: 1,
      rounding: 0.01,
      uom_type: 'reference',
      active: true,
    });
    put('uom.uom', {
      id: 2,
      name: 'Dozens',
      category_id: 1,
      factor: 1 / 12,
      rounding: 0.01,
      uom_type: 'bigger',
      active: true,
    });
    put('uom.uom', {
      id: 12,
      name: 'kg',
      category_id: 2,
      factor: 1,
      rounding: 0.01,
      uom_type: 'reference',
      active: true,
    });
  }
  const loc = (
    id: number,
    name: string,
    usage: string,
    parent: number | false,
    extra: Record<string, unknown> = {},
  ) =>
    put('stock.location', {
      id,
      name,
      usage,
      location_id: parent,
      active: true,
      company_id: usage === 'internal' || usage === 'view' ? 1 : false,
      ...extra,
    });
  if (version === 19) {
    loc(ids.vendors, 'Vendors', 'supplier', false);
    loc(ids.customers, 'Customers', 'customer', false);
    loc(ids.inventory, 'Inventory adjustment', 'inventory', false);
    loc(ids.whView, 'WH', 'view', false, { warehouse_id: 1 });
    loc(ids.stock, 'Stock', 'internal', ids.whView, { warehouse_id: 1 });
  } else {
    loc(1, 'Physical Locations', 'view', false);
    loc(2, 'Partners', 'view', false);
    loc(3, 'Virtual Locations', 'view', false);
    loc(ids.vendors, 'Vendors', 'supplier', 2);
    loc(ids.customers, 'Customers', 'customer', 2);
    loc(ids.whView, 'WH', 'view', 1, { warehouse_id: 1 });
    loc(ids.stock, 'Stock', 'internal', ids.whView, { warehouse_id: 1 });
    loc(ids.inventory, 'Inventory adjustment', 'inventory', 3);
  }
  store.reserveIds('stock.location', 30);
  put('stock.warehouse', {
    id: 1,
    name: 'YourCompany',
    code: 'WH',
    company_id: 1,
    partner_id: 1,
    view_location_id: ids.whView,
    lot_stock_id: ids.stock,
    in_type_id: 1,
    out_type_id: 2,
    sequence: 10,
    active: true,
    reception_steps: 'one_step',
    delivery_steps: 'ship_only',
  });
  put('stock.picking.type', {
    id: 1,
    name: 'Receipts',
    code: 'incoming',
    sequence_code: 'IN',
    warehouse_id: 1,
    default_location_src_id: ids.vendors,
    default_location_dest_id: ids.stock,
    return_picking_type_id: 2,
    active: true,
  });
  put('stock.picking.type', {
    id: 2,
    name: 'Delivery Orders',
    code: 'outgoing',
    sequence_code: 'OUT',
    warehouse_id: 1,
    default_location_src_id: ids.stock,
    default_location_dest_id: ids.customers,
    return_picking_type_id: 1,
    active: true,
  });
  store.reserveIds('stock.picking.type', 10);
  for (const [id, name] of [
    [1, 'Standard delivery'],
    [2, 'The Poste'],
  ] as const) {
    put('delivery.carrier', {
      id,
      name,
      active: true,
      sequence: 10,
      delivery_type: 'fixed',
      company_id: false,
    });
  }
}
