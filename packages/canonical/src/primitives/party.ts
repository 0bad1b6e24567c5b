import { z } from 'zod';
import { ExternalRefsSchema } from './references.js';

/** ISO 3166-1 alpha-2 country code, e.g. `"DE"`. */
export const CountryCodeSchema = z.string().regex(/^[A-Z]{2}$/, {
  error: 'must be an ISO 3166-1 alpha-2 country code in capitals, like "DE" or "US"',
});

/** A postal address. `lines` are street lines in order; `region` is the state or province code where one exists. */
export const AddressSchema = z
  .object({
    lines: z.array(z.string().min(1).max(200)).min(1).max(4),
    city: z.string().min(1).max(120),
    region: z.string().min(1).max(120).optional(),
    postalCode: z.string().min(1).max(20).optional(),
    countryCode: CountryCodeSchema,
    residential: z.boolean().optional(),
  })
  .meta({ title: 'Address' });
export type Address = z.infer<typeof AddressSchema>;

/** A person or company: a customer, a ship-to, a warehouse contact. */
export const PartySchema = z
  .object({
    name: z.string().min(1).max(200),
    company: z.string().min(1).max(200).optional(),
    email: z.email({ error: 'must be an e-mail address' }).optional(),
    phone: z.string().min(3).max(40).optional(),
    taxId: z.string().min(1).max(64).optional(),
    address: AddressSchema.optional(),
    refs: ExternalRefsSchema.default([]),
  })
  .meta({ title: 'Party' });
export type Party = z.infer<typeof PartySchema>;
