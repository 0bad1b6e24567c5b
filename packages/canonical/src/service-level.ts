import { z } from 'zod';

/**
 * What delivery speed was sold, independent of any carrier's service names. Connectors map it to
 * a concrete carrier service (EasyPost `Ground`, ShipBob `Standard`, …).
 */
export const ServiceLevelSchema = z.enum([
  'economy',
  'standard',
  'expedited',
  'two_day',
  'next_day',
  'same_day',
  'freight',
  'pickup',
]);
export type ServiceLevel = z.infer<typeof ServiceLevelSchema>;

/** A concrete carrier and service, when the seller chose one. */
export const CarrierServiceSchema = z.object({
  /** The carrier, lower case, e.g. `ups`, `fedex`, `dhl_express`; the SCAC when known goes in `scac`. */
  carrier: z.string().min(1).max(64),
  /** The carrier's own service code, e.g. `GROUND` or `Priority`. */
  service: z.string().min(1).max(64).optional(),
  /** Standard Carrier Alpha Code, 2 to 4 capitals. */
  scac: z
    .string()
    .regex(/^[A-Z]{2,4}$/, { error: 'must be a Standard Carrier Alpha Code of 2 to 4 capital letters' })
    .optional(),
  /** The shipper account billed with the carrier, when it is not the warehouse's own. */
  account: z.string().min(1).max(64).optional(),
});
export type CarrierService = z.infer<typeof CarrierServiceSchema>;
