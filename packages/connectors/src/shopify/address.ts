import type { Party } from '@crossdock/canonical';
import type { MailingAddress } from './schemas.js';

const text = (value: string | null | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/**
 * A canonical party from a Shopify address: the name from first and last name (else `name`,
 * company or the fallback), the address only when it has a street, a city and a country.
 *
 * @example toParty({ firstName: 'Ada', lastName: 'Lovelace', address1: '1 Main St', city: 'X', countryCodeV2: 'US' })
 */
export function toParty(
  address: MailingAddress | null | undefined,
  extra: { readonly email?: string | null | undefined; readonly fallbackName?: string } = {},
): Party {
  const name =
    text([address?.firstName, address?.lastName].filter(Boolean).join(' ')) ??
    text(address?.name) ??
    text(address?.company) ??
    extra.fallbackName ??
    'Unknown';
  const lines = [text(address?.address1), text(address?.address2)].filter(
    (l): l is string => l !== undefined,
  );
  const city = text(address?.city);
  const country = text(address?.countryCodeV2 ?? address?.countryCode)?.toUpperCase();
  const email = text(extra.email ?? address?.email);
  const phone = text(address?.phone);
  const company = text(address?.company);
  const region = text(address?.provinceCode);
  const zip = text(address?.zip);
  return {
    name,
    ...(company === undefined ? {} : { company }),
    ...(email === undefined ? {} : { email }),
    ...(phone === undefined || phone.length < 3 ? {} : { phone }),
    ...(lines.length > 0 && city !== undefined && country !== undefined
      ? {
          address: {
            lines,
            city,
            ...(region === undefined ? {} : { region }),
            ...(zip === undefined ? {} : { postalCode: zip }),
            countryCode: country,
          },
        }
      : {}),
    refs: [],
  };
}
