import { z } from 'zod';
import { hasValidGs1CheckDigit } from './primitives/gs1.js';
import { DimensionsSchema, WeightSchema } from './primitives/measures.js';
import { MoneySchema } from './primitives/money.js';
import { CountryCodeSchema } from './primitives/party.js';
import { UomCodeSchema } from './primitives/quantity.js';
import { ExternalRefsSchema } from './primitives/references.js';

/** A stock-keeping unit code: what every system agrees to call the item. */
export const SkuSchema = z.string().min(1).max(128);

/** GTIN-8, -12, -13 or -14 with a valid GS1 check digit. */
export const GtinSchema = z
  .string()
  .regex(/^(\d{8}|\d{12,14})$/, { error: 'must be a GTIN of 8, 12, 13 or 14 digits', abort: true })
  .refine(hasValidGs1CheckDigit, {
    error: 'has a wrong GS1 check digit',
    params: { rule: 'gtin.check_digit' },
  });

/** How the warehouse tracks units of an item: not at all, by lot/batch, or one serial number per unit. */
export const TrackingModeSchema = z.enum(['none', 'lot', 'serial']);
export type TrackingMode = z.infer<typeof TrackingModeSchema>;

/** Customs data for international shipments. */
export const CustomsInfoSchema = z.object({
  /** Harmonized System code, 6 to 10 digits without dots. */
  hsCode: z
    .string()
    .regex(/^\d{6,10}$/, { error: 'must be a Harmonized System code of 6 to 10 digits, without dots' }),
  countryOfOrigin: CountryCodeSchema,
  description: z.string().min(1).max(200),
  /** Declared value of one unit. */
  unitValue: MoneySchema.optional(),
});
export type CustomsInfo = z.infer<typeof CustomsInfoSchema>;

/** A product as warehouses and carriers need it. */
export const ItemSchema = z
  .object({
    sku: SkuSchema,
    gtin: GtinSchema.optional(),
    name: z.string().min(1).max(300),
    /** The unit stock is counted in. */
    uom: UomCodeSchema,
    tracking: TrackingModeSchema,
    /** True when lots carry an expiry date the warehouse must record (FEFO picking). */
    expiryTracked: z.boolean().default(false),
    /** Weight of one unit. */
    weight: WeightSchema.optional(),
    /** Dimensions of one unit. */
    dimensions: DimensionsSchema.optional(),
    customs: CustomsInfoSchema.optional(),
    refs: ExternalRefsSchema.default([]),
  })
  .superRefine((item, ctx) => {
    if (item.expiryTracked && item.tracking !== 'lot' && item.tracking !== 'serial') {
      ctx.addIssue({
        code: 'custom',
        path: ['expiryTracked'],
        message: 'an expiry date can only be tracked on lots or serials; set tracking to "lot" or "serial"',
        params: { rule: 'item.expiry_needs_tracking' },
      });
    }
  })
  .meta({ title: 'Item', description: 'A product as warehouses and carriers need it.' });
export type Item = z.infer<typeof ItemSchema>;

/** The short form of an item used on order, request and shipment lines. */
export const ItemRefSchema = z.object({
  sku: SkuSchema,
  gtin: GtinSchema.optional(),
  name: z.string().min(1).max(300).optional(),
  refs: ExternalRefsSchema.default([]),
});
export type ItemRef = z.infer<typeof ItemRefSchema>;
