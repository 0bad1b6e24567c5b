import { z } from 'zod';
import { TrackingStatusSchema } from './lifecycle/tracking.js';
import { CountryCodeSchema } from './primitives/party.js';
import { ExternalRefsSchema } from './primitives/references.js';
import { TimestampSchema } from './primitives/timestamp.js';

/** Where a scan happened, as precisely as the carrier says. */
export const TrackingLocationSchema = z.object({
  city: z.string().min(1).max(120).optional(),
  region: z.string().min(1).max(120).optional(),
  postalCode: z.string().min(1).max(20).optional(),
  countryCode: CountryCodeSchema.optional(),
});

/**
 * One carrier scan in the canonical taxonomy. The carrier's own status code and text are kept
 * verbatim in `carrierCode` and `carrierDetail`, so nothing the carrier said is lost in mapping.
 */
export const TrackingEventSchema = z
  .object({
    trackingNumber: z.string().min(1).max(64),
    /** The carrier, lower case, e.g. `ups`, `usps`, `dhl_express`. */
    carrier: z.string().min(1).max(64),
    status: TrackingStatusSchema,
    /** The carrier's raw status code, e.g. UPS `D`, EasyPost `delivered`, USPS event code `01`. */
    carrierCode: z.string().min(1).max(64),
    /** The carrier's own words for the event. */
    carrierDetail: z.string().max(1000).optional(),
    occurredAt: TimestampSchema,
    location: TrackingLocationSchema.optional(),
    estimatedDeliveryAt: TimestampSchema.optional(),
    /** Who signed for the parcel, on delivery. */
    signedBy: z.string().max(200).optional(),
    shipmentId: z.string().min(1).max(128).optional(),
    refs: ExternalRefsSchema.default([]),
  })
  .meta({ title: 'TrackingEvent', description: 'One carrier scan in the canonical tracking taxonomy.' });
export type TrackingEvent = z.infer<typeof TrackingEventSchema>;
