import type { Party } from '@crossdock/canonical';
import type { OdooContext } from './context.js';
import { byId, m2oId, type OdooRecord, odooRef, str, unique } from './records.js';
import { recordShape } from './shape.js';

const PARTNER = recordShape('res.partner', {
  name: 'text',
  street: 'text',
  street2: 'text',
  city: 'text',
  zip: 'text',
  state_id: 'm2o',
  country_id: 'm2o',
  email: 'text',
  phone: 'text',
  parent_id: 'm2o',
});
const COUNTRY = recordShape('res.country', { code: 'text' });

/**
 * Reads partners and their countries in two calls, whatever their number, and maps them to parties.
 *
 * @example const parties = await readParties(ctx, [45, 46]); parties.get(45)?.address?.countryCode; // 'US'
 */
export async function readParties(
  ctx: OdooContext,
  partnerIds: readonly number[],
): Promise<Map<number, Party>> {
  const parties = new Map<number, Party>();
  if (partnerIds.length === 0) return parties;
  const partners = PARTNER.check(
    await ctx.client.model('res.partner').read(unique(partnerIds), { fields: PARTNER.fields }),
  );
  const countryIds = unique(partners.map((p) => m2oId(p.country_id)));
  const countries =
    countryIds.length === 0
      ? new Map<number, OdooRecord>()
      : byId(
          COUNTRY.check(await ctx.client.model('res.country').read(countryIds, { fields: COUNTRY.fields })),
        );
  for (const partner of partners) parties.set(partner.id as number, toParty(partner, countries));
  return parties;
}

function toParty(partner: OdooRecord, countries: Map<number, OdooRecord>): Party {
  const countryCode = str(countries.get(m2oId(partner.country_id) ?? -1)?.code)?.toUpperCase();
  const lines = [str(partner.street), str(partner.street2)].filter(
    (line): line is string => line !== undefined,
  );
  const city = str(partner.city);
  const email = str(partner.email);
  const phone = str(partner.phone);
  const company = str((partner.parent_id as { name?: unknown } | null | undefined)?.name);
  return {
    name: str(partner.name) ?? `Partner ${String(partner.id)}`,
    ...(company === undefined ? {} : { company }),
    ...(email === undefined ? {} : { email }),
    ...(phone === undefined ? {} : { phone }),
    ...(lines.length > 0 && city !== undefined && countryCode !== undefined
      ? {
          address: {
            lines,
            city,
            countryCode,
            ...(str(partner.zip) === undefined ? {} : { postalCode: str(partner.zip) as string }),
          },
        }
      : {}),
    refs: [odooRef('res.partner', partner.id as number)],
  };
}
