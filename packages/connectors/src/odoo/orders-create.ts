import type { ExternalRef, Party, SalesOrder } from '@crossdock/canonical';
import { x2many } from '@crossdock/odoo-client';
import type { OdooContext } from './context.js';
import { refusal } from './errors.js';
import { odooRef, str, unique } from './records.js';
import { recordShape } from './shape.js';

/** What `orders.create` answers: the Odoo order, and whether it was there already (a retry). */
export interface CreatedOrder {
  /** `{ system: 'odoo', id: 'sale.order:<id>' }`. */
  readonly ref: ExternalRef;
  /** True when an order with this `client_order_ref` existed: nothing new was created. */
  readonly existing: boolean;
}

const ORDER = recordShape('sale.order', { state: 'text!' });
const PRODUCT = recordShape('product.product', { default_code: 'text' });
const PARTNER = recordShape('res.partner', { name: 'text', email: 'text', zip: 'text' });
const COUNTRY = recordShape('res.country', { code: 'text' });

/** Country ids by ISO code, read once per connector (they do not change). */
export type CountryCache = Map<string, number>;

/**
 * Creates the Odoo sale order of a channel order, once: an order whose `client_order_ref` is the
 * channel's order number is the same order (found, confirmed if a previous attempt stopped before
 * `action_confirm`, and answered with `existing: true`). Products are found by internal reference
 * (`default_code`) in one read, before anything is written: a SKU Odoo does not know refuses the whole
 * order naming the line. The customer and the ship-to are found by e-mail, else by name and postcode,
 * in one read, and the missing ones created in one call (with their address, the country by ISO
 * code). Prices are the channel's (`price_unit`, `discount`); the order is confirmed so Odoo creates
 * its delivery. Five calls for a known customer; seven with a new one (one more the first time a
 * country is seen).
 *
 * @example const { ref, existing } = await createSalesOrder(ctx, order, new Map(), 'c-1');
 */
export async function createSalesOrder(
  ctx: OdooContext,
  order: SalesOrder,
  countries: CountryCache,
  correlationId: string | undefined,
): Promise<CreatedOrder> {
  const orders = ctx.client.model('sale.order');
  const [found] = ORDER.check(
    await orders.searchRead({
      domain: [['client_order_ref', '=', order.number]],
      fields: ORDER.fields,
      order: 'id asc',
      limit: 1,
    }),
  );
  if (found) {
    const id = found.id as number;
    if (found.state === 'draft' || found.state === 'sent') await orders.call('action_confirm', { ids: [id] });
    return { ref: odooRef('sale.order', id), existing: true };
  }
  const productIds = await productsBySku(ctx, order, correlationId);
  const sameParty = samePerson(order.customer, order.shipTo);
  const [customerId, shipToId = customerId] = await partnersOf(
    ctx,
    sameParty ? [withAddressOf(order.customer, order.shipTo)] : [order.customer, order.shipTo],
    countries,
  );
  const [id] = await orders.create({
    partner_id: customerId,
    ...(shipToId === customerId ? {} : { partner_shipping_id: shipToId }),
    client_order_ref: order.number,
    ...(order.note === undefined ? {} : { note: order.note }),
    order_line: order.lines.map((line) =>
      x2many.create({
        product_id: productIds.get(line.item.sku),
        product_uom_qty: Number(line.quantity),
        ...(line.unitPrice === undefined ? {} : { price_unit: Number(line.unitPrice.amount) }),
        ...(line.discountPercent === undefined ? {} : { discount: Number(line.discountPercent) }),
      }),
    ),
  });
  await orders.call('action_confirm', { ids: [id as number] });
  return { ref: odooRef('sale.order', id as number), existing: false };
}

/** Product ids by SKU, in one read; a line whose SKU Odoo does not know refuses the order. */
async function productsBySku(
  ctx: OdooContext,
  order: SalesOrder,
  correlationId: string | undefined,
): Promise<Map<string, number>> {
  const skus = unique(order.lines.map((line) => line.item.sku));
  const products = PRODUCT.check(
    await ctx.client.model('product.product').searchRead({
      domain: [['default_code', 'in', skus]],
      fields: PRODUCT.fields,
      order: 'id asc',
    }),
  );
  const bySku = new Map<string, number>();
  for (const product of products) {
    const sku = str(product.default_code);
    if (sku !== undefined && !bySku.has(sku)) bySku.set(sku, product.id as number);
  }
  const unknown = order.lines.filter((line) => !bySku.has(line.item.sku));
  if (unknown.length > 0) {
    throw refusal(
      'orders.create',
      'unknown_sku',
      `order ${order.number}: no Odoo product with internal reference ${unknown
        .map((line) => `${line.item.sku} (line ${line.lineId})`)
        .join(', ')}; nothing was created`,
      correlationId,
    );
  }
  return bySku;
}

/** How a party is matched: its e-mail, else its name and postcode. */
function matches(party: Party, partner: Record<string, unknown>): boolean {
  if (party.email !== undefined) return str(partner.email)?.toLowerCase() === party.email.toLowerCase();
  return str(partner.name) === party.name && str(partner.zip) === party.address?.postalCode;
}

/** The customer with the ship-to's address when it has none of its own. */
function withAddressOf(customer: Party, shipTo: Party): Party {
  const address = customer.address ?? shipTo.address;
  return address === undefined ? customer : { ...customer, address };
}

/** Whether the ship-to is the customer (same e-mail, or same name and postcode): one partner, not two. */
function samePerson(customer: Party, shipTo: Party): boolean {
  if (customer.email !== undefined && shipTo.email !== undefined)
    return customer.email.toLowerCase() === shipTo.email.toLowerCase();
  return customer.name === shipTo.name && customer.address?.postalCode === shipTo.address?.postalCode;
}

/** The domain leaf that finds a party (Polish notation: `&` before a pair). */
function partyDomain(party: Party): unknown[] {
  if (party.email !== undefined) return [['email', '=ilike', party.email]];
  return ['&', ['name', '=', party.name], ['zip', '=', party.address?.postalCode ?? false]];
}

/** The partner ids of `parties` (same order): one read, then one create for the missing ones. */
async function partnersOf(
  ctx: OdooContext,
  parties: readonly Party[],
  countries: CountryCache,
): Promise<number[]> {
  const partners = ctx.client.model('res.partner');
  const domain = parties.flatMap(partyDomain);
  const found = PARTNER.check(
    await partners.searchRead({
      domain: [...parties.slice(1).map(() => '|'), ...domain],
      fields: PARTNER.fields,
      order: 'id asc',
    }),
  );
  const ids = parties.map(
    (party) => found.find((partner) => matches(party, partner))?.id as number | undefined,
  );
  const missing = parties.filter((_, index) => ids[index] === undefined);
  if (missing.length === 0) return ids as number[];
  await ensureCountries(ctx, missing, countries);
  const created = await partners.create(missing.map((party) => partnerValues(party, countries)));
  return parties.map((party, index) => ids[index] ?? (created[missing.indexOf(party)] as number));
}

/** Reads the country ids of the parties' ISO codes that are not cached yet, in one call. */
async function ensureCountries(ctx: OdooContext, parties: readonly Party[], countries: CountryCache) {
  const codes = unique(parties.map((party) => party.address?.countryCode)).filter((c) => !countries.has(c));
  if (codes.length === 0) return;
  const rows = COUNTRY.check(
    await ctx.client
      .model('res.country')
      .searchRead({ domain: [['code', 'in', codes]], fields: COUNTRY.fields }),
  );
  for (const row of rows) {
    const code = str(row.code)?.toUpperCase();
    if (code !== undefined) countries.set(code, row.id as number);
  }
}

/** A new partner's values: name, e-mail, phone and the address, the country by ISO code. */
function partnerValues(party: Party, countries: CountryCache): Record<string, unknown> {
  const address = party.address;
  const countryId = address === undefined ? undefined : countries.get(address.countryCode);
  return {
    name: party.name,
    ...(party.email === undefined ? {} : { email: party.email }),
    ...(party.phone === undefined ? {} : { phone: party.phone }),
    ...(address === undefined
      ? {}
      : {
          street: address.lines[0],
          ...(address.lines.length > 1 ? { street2: address.lines.slice(1).join(', ') } : {}),
          city: address.city,
          ...(address.postalCode === undefined ? {} : { zip: address.postalCode }),
          ...(countryId === undefined ? {} : { country_id: countryId }),
        }),
  };
}
