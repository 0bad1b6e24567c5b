import type { Address, Party } from '@crossdock/canonical';
import type { OdooContext } from './context.js';
import { m2oId, type OdooRecord, str, unique } from './records.js';
import { recordShape } from './shape.js';

const PARTNER = recordShape('res.partner', {
  name: 'text',
  email: 'text',
  zip: 'text',
  street: 'text',
  street2: 'text',
  city: 'text',
  country_id: 'm2o',
  type: 'text',
  parent_id: 'm2o',
});
const COUNTRY = recordShape('res.country', { code: 'text' });

/** Country ids by ISO code, read once per connector (they do not change). */
export type CountryCache = Map<string, number>;

/** The partners of a channel order: who ordered (`partner_id`) and where it goes (`partner_shipping_id`). */
export interface OrderPartners {
  readonly customerId: number;
  readonly shippingId: number;
}

/**
 * The customer and the delivery address of a channel order, in one `res.partner` read and at most
 * one `create` (plus one `res.country` read the first time a country is seen by the connector).
 *
 * The customer (and a ship-to who is someone else) is found by e-mail, else by name and postcode,
 * or created with the ship-to's address. When the partner the order ships to was found but has no
 * address, or another one than the channel's shipping address, the order ships to a delivery
 * contact under it (`type: 'delivery'`, Odoo's own way to keep several addresses of one customer):
 * an identical one found in the same read, else a new one. So the delivery picking always carries
 * the address the channel was given, and the customer's own address is left as it is.
 *
 * @example const { customerId, shippingId } = await orderPartners(ctx, order.customer, order.shipTo, countries);
 */
export async function orderPartners(
  ctx: OdooContext,
  customer: Party,
  shipTo: Party,
  countries: CountryCache,
): Promise<OrderPartners> {
  const same = samePerson(customer, shipTo);
  const parties = same ? [withAddressOf(customer, shipTo)] : [customer, shipTo];
  const partners = ctx.client.model('res.partner');
  const found = PARTNER.check(
    await partners.searchRead({
      domain: or([
        ...parties.map((party) => partyDomain(party)),
        ['&', ['type', '=', 'delivery'], ...or(parties.map((party) => partyDomain(party, 'parent_id.')))],
      ]),
      fields: PARTNER.fields,
      order: 'id asc',
    }),
  );
  const people = found.filter((partner) => partner.type !== 'delivery');
  const ids = parties.map(
    (party) => people.find((partner) => matches(party, partner))?.id as number | undefined,
  );
  const shipIndex = same ? 0 : 1;
  const shipPartner = found.find((partner) => partner.id === ids[shipIndex]);
  const address = shipTo.address;
  const missing = parties.filter((_, i) => ids[i] === undefined);
  await ensureCountries(ctx, shipPartner === undefined ? missing : [...missing, shipTo], countries);
  // The ship-to partner found, when its address is not the channel's: deliver to a contact under it.
  const needsDelivery =
    shipPartner !== undefined && address !== undefined && !sameAddress(shipPartner, address, countries);
  const delivery = needsDelivery
    ? found.find(
        (partner) =>
          partner.type === 'delivery' &&
          m2oId(partner.parent_id) === shipPartner.id &&
          sameText(str(partner.name), shipTo.name) &&
          sameAddress(partner, address, countries),
      )
    : undefined;
  const toCreate: Record<string, unknown>[] = [];
  const slots: number[] = [];
  parties.forEach((party, i) => {
    if (ids[i] !== undefined) return;
    slots.push(i);
    toCreate.push(partnerValues(party, countries));
  });
  if (needsDelivery && delivery === undefined && shipPartner !== undefined) {
    toCreate.push({
      ...partnerValues(shipTo, countries, false),
      type: 'delivery',
      parent_id: shipPartner.id,
    });
  }
  const created = toCreate.length === 0 ? [] : await partners.create(toCreate);
  slots.forEach((slot, n) => {
    ids[slot] = created[n] as number;
  });
  const customerId = ids[0] as number;
  const shipToId = ids[shipIndex] as number;
  if (!needsDelivery) return { customerId, shippingId: shipToId };
  return { customerId, shippingId: (delivery?.id as number | undefined) ?? (created.at(-1) as number) };
}

/** A domain that holds when any of `domains` does (Polish notation: one `|` per extra operand). */
function or(domains: readonly unknown[][]): unknown[] {
  return [...domains.slice(1).map(() => '|'), ...domains.flat()];
}

/** The domain that finds a party: its e-mail, else its name and postcode (on `prefix`, e.g. the parent). */
function partyDomain(party: Party, prefix = ''): unknown[] {
  if (party.email !== undefined) return [[`${prefix}email`, '=ilike', party.email]];
  return ['&', [`${prefix}name`, '=', party.name], [`${prefix}zip`, '=', party.address?.postalCode ?? false]];
}

/** How a party is matched: its e-mail, else its name and postcode. */
function matches(party: Party, partner: OdooRecord): boolean {
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

/** Text compared as a person reads it: case, spacing and empty values do not count. */
function sameText(a: string | undefined, b: string | undefined): boolean {
  const norm = (value: string | undefined) => (value ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(a) === norm(b);
}

/** Whether a partner's address is this address (streets, city, postcode, country). */
function sameAddress(partner: OdooRecord, address: Address, countries: CountryCache): boolean {
  return (
    sameText(str(partner.street), address.lines[0]) &&
    sameText(str(partner.street2), address.lines.slice(1).join(', ')) &&
    sameText(str(partner.city), address.city) &&
    sameText(str(partner.zip), address.postalCode) &&
    m2oId(partner.country_id) !== undefined &&
    m2oId(partner.country_id) === countries.get(address.countryCode)
  );
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

/** A partner's values: name, (e-mail,) phone and the address, the country by ISO code. */
function partnerValues(party: Party, countries: CountryCache, withEmail = true): Record<string, unknown> {
  const address = party.address;
  const countryId = address === undefined ? undefined : countries.get(address.countryCode);
  return {
    name: party.name,
    ...(party.email === undefined || !withEmail ? {} : { email: party.email }),
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
