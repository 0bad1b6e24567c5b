import { z } from 'zod';

/** An EasyPost address as the API returns it (only the fields the connector reads). */
export const EpAddressSchema = z.looseObject({
  id: z.string().optional(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  zip: z.string().nullish(),
  country: z.string().nullish(),
});

/** One rate offered on a shipment. `rate` is a decimal string, e.g. `"7.50"`. */
export const EpRateSchema = z.looseObject({
  id: z.string().min(1),
  carrier: z.string().min(1),
  service: z.string().min(1),
  rate: z.string().min(1),
  currency: z.string().min(1),
});
export type EpRate = z.infer<typeof EpRateSchema>;

/** One scan of a tracker. */
export const EpTrackingDetailSchema = z.looseObject({
  status: z.string().min(1),
  status_detail: z.string().nullish(),
  message: z.string().nullish(),
  datetime: z.string().min(1),
  tracking_location: z
    .looseObject({
      city: z.string().nullish(),
      state: z.string().nullish(),
      zip: z.string().nullish(),
      country: z.string().nullish(),
    })
    .nullish(),
});
export type EpTrackingDetail = z.infer<typeof EpTrackingDetailSchema>;

/** An EasyPost tracker. */
export const EpTrackerSchema = z.looseObject({
  id: z.string().min(1),
  object: z.literal('Tracker').optional(),
  tracking_code: z.string().min(1),
  carrier: z.string().min(1),
  status: z.string().min(1),
  status_detail: z.string().nullish(),
  updated_at: z.string().min(1),
  est_delivery_date: z.string().nullish(),
  signed_by: z.string().nullish(),
  shipment_id: z.string().nullish(),
  tracking_details: z.array(EpTrackingDetailSchema).default([]),
});
export type EpTracker = z.infer<typeof EpTrackerSchema>;

/** An EasyPost shipment; `postage_label` is set once a rate was bought. */
export const EpShipmentSchema = z.looseObject({
  id: z.string().min(1),
  reference: z.string().nullish(),
  rates: z.array(EpRateSchema).default([]),
  selected_rate: EpRateSchema.nullish(),
  tracking_code: z.string().nullish(),
  postage_label: z.looseObject({ label_url: z.string().min(1) }).nullish(),
});
export type EpShipment = z.infer<typeof EpShipmentSchema>;

export const EpShipmentListSchema = z.looseObject({
  shipments: z.array(EpShipmentSchema),
  has_more: z.boolean().optional(),
});

export const EpTrackerListSchema = z.looseObject({
  trackers: z.array(EpTrackerSchema),
  has_more: z.boolean().optional(),
});

/** A webhook delivery: an EasyPost `Event` whose `result` is the changed object. */
export const EpEventSchema = z.looseObject({
  id: z.string().min(1),
  object: z.literal('Event').optional(),
  description: z.string().min(1),
  result: z.unknown(),
});

/** EasyPost's error body: `{ error: { code, message, errors } }`. */
export const EpErrorBodySchema = z.object({
  error: z.looseObject({
    code: z.string().optional(),
    message: z.string().optional(),
    errors: z.array(z.unknown()).optional(),
  }),
});
