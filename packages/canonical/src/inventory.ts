import { z } from 'zod';
import { SkuSchema } from './item.js';
import { DecimalSchema, NonNegativeDecimalSchema } from './primitives/decimal.js';
import { UomCodeSchema } from './primitives/quantity.js';
import { ExternalRefsSchema } from './primitives/references.js';
import { TimestampSchema } from './primitives/timestamp.js';
import { LotSchema } from './shipment.js';

/** A stock location: a warehouse, or a bin, zone or sublocation inside one. */
export const LocationRefSchema = z.object({
  /** The location's id in the sending system, e.g. `WH/Stock` or a 3PL fulfillment center id. */
  id: z.string().min(1).max(256),
  warehouseId: z.string().min(1).max(128).optional(),
  refs: ExternalRefsSchema.default([]),
});
export type LocationRef = z.infer<typeof LocationRefSchema>;

function buckets<T extends z.ZodType>(amount: T) {
  return z.object({
    /** Physically in the location. */
    onHand: amount.optional(),
    /** Can be promised to new orders. */
    available: amount.optional(),
    /** Promised to orders, not shipped yet. */
    committed: amount.optional(),
    /** On its way in: purchase orders, transfers, returns in transit. */
    incoming: amount.optional(),
    /** Ordered by customers beyond what is available. */
    backordered: amount.optional(),
    /** On hand but not sellable, by cause (Shopify's breakdown, plus expired). */
    unavailable: z
      .object({
        damaged: amount.optional(),
        qualityControl: amount.optional(),
        safetyStock: amount.optional(),
        reserved: amount.optional(),
        expired: amount.optional(),
        other: amount.optional(),
      })
      .optional(),
  });
}

const levelCommon = {
  asOf: TimestampSchema,
  sku: SkuSchema,
  location: LocationRefSchema,
  lot: LotSchema.optional(),
  uom: UomCodeSchema,
  refs: ExternalRefsSchema.default([]),
};

function requireSomeBucket(level: { quantities: Record<string, unknown> }, ctx: z.RefinementCtx) {
  const stated = Object.values(level.quantities).some((value) => value !== undefined);
  if (!stated) {
    ctx.addIssue({
      code: 'custom',
      path: ['quantities'],
      message: 'states no quantity; give at least one bucket (onHand, available, …)',
      params: { rule: 'inventory.no_bucket' },
    });
  }
}

/**
 * Stock of one item in one location (and lot), saying what it is: a `snapshot` is the whole truth
 * at `asOf` (quantities never negative); a `delta` is a signed change since the previous report.
 * Buckets a system does not report are left out, never sent as zero.
 */
export const InventoryLevelSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('snapshot'), ...levelCommon, quantities: buckets(NonNegativeDecimalSchema) }),
    z.object({ kind: z.literal('delta'), ...levelCommon, quantities: buckets(DecimalSchema) }),
  ])
  .superRefine(requireSomeBucket)
  .meta({
    title: 'InventoryLevel',
    description: 'Stock of one item in one location and lot: a snapshot or a delta.',
  });
export type InventoryLevel = z.infer<typeof InventoryLevelSchema>;

/** Why stock was adjusted. */
export const AdjustmentReasonSchema = z.enum([
  'cycle_count',
  'damaged',
  'shrinkage',
  'found',
  'expired',
  'receipt_correction',
  'return_to_stock',
  'quality_hold',
  'other',
]);
export type AdjustmentReason = z.infer<typeof AdjustmentReasonSchema>;

const adjustmentCommon = {
  /** Applying the same key twice changes stock once. */
  idempotencyKey: z.string().min(1).max(256),
  sku: SkuSchema,
  location: LocationRefSchema,
  lot: LotSchema.optional(),
  uom: UomCodeSchema,
  reason: AdjustmentReasonSchema,
  note: z.string().max(1000).optional(),
  requestedAt: TimestampSchema,
  refs: ExternalRefsSchema.default([]),
};

/**
 * A stock write, in one of two safe forms: `set` is compare-and-set (write `quantity` only if the
 * on-hand is still `expected`); `delta` adds a signed amount. Both carry a reason and an
 * idempotency key.
 */
export const InventoryAdjustmentSchema = z
  .discriminatedUnion('mode', [
    z.object({
      mode: z.literal('set'),
      ...adjustmentCommon,
      expected: NonNegativeDecimalSchema,
      quantity: NonNegativeDecimalSchema,
    }),
    z.object({
      mode: z.literal('delta'),
      ...adjustmentCommon,
      delta: DecimalSchema.regex(/^(?!-?0(\.0+)?$)/, {
        error: 'must not be zero: a zero adjustment changes nothing',
      }),
    }),
  ])
  .meta({ title: 'InventoryAdjustment', description: 'A compare-and-set or reasoned delta stock write.' });
export type InventoryAdjustment = z.infer<typeof InventoryAdjustmentSchema>;
