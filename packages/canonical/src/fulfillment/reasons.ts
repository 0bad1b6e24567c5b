import { z } from 'zod';
import { ItemRefSchema } from '../item.js';
import { PositiveDecimalSchema } from '../primitives/decimal.js';
import { TimestampSchema } from '../primitives/timestamp.js';

/**
 * Why a line's shipped quantity differs from what was ordered, after X12 element 368
 * (Shipment/Order Status Code) as used on 945 and 856 documents:
 * - `CP` partial shipment, considered no backorder: the rest is closed;
 * - `BP` partial shipment, backorder to follow;
 * - `IC` item cancelled;
 * - `CS` shipment complete with substitution (the whole line shipped as another item);
 * - `IS` item substituted for part of the line;
 * - `CM` shipment complete with additional quantity (over-shipment).
 */
export const DifferenceReasonSchema = z.enum(['CP', 'BP', 'IC', 'CS', 'IS', 'CM']);
export type DifferenceReason = z.infer<typeof DifferenceReasonSchema>;

/** The reasons that explain a cancelled quantity. */
export const CANCEL_REASONS: readonly DifferenceReason[] = ['CP', 'IC'];
/** The reasons that say another item was shipped. */
export const SUBSTITUTION_REASONS: readonly DifferenceReason[] = ['CS', 'IS'];

/** One recorded difference on a line: how much, why, and for substitutions what was shipped instead. */
export const LineDifferenceSchema = z.object({
  reason: DifferenceReasonSchema,
  quantity: PositiveDecimalSchema,
  /** The item shipped instead of the ordered one; required for `CS` and `IS`. */
  substitute: ItemRefSchema.optional(),
  note: z.string().max(1000).optional(),
  recordedAt: TimestampSchema.optional(),
});
export type LineDifference = z.infer<typeof LineDifferenceSchema>;
