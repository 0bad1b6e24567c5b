import { z } from 'zod';
import { LocationRefSchema } from './inventory.js';
import { ItemRefSchema } from './item.js';
import { ReturnStateSchema } from './lifecycle/return.js';
import { decimal, NonNegativeDecimalSchema, PositiveDecimalSchema } from './primitives/decimal.js';
import { UomCodeSchema } from './primitives/quantity.js';
import { ExternalRefsSchema } from './primitives/references.js';
import { TimestampSchema } from './primitives/timestamp.js';
import { LotSchema } from './shipment.js';
import { uniqueBy } from './unique.js';

/** The state a returned unit arrived in. */
export const ReturnConditionSchema = z.enum([
  'new',
  'opened',
  'used',
  'damaged',
  'defective',
  'missing_parts',
  'wrong_item',
]);
/** What happens to it. */
export const ReturnDispositionSchema = z.enum([
  'restock',
  'refurbish',
  'quarantine',
  'scrap',
  'return_to_vendor',
  'pending',
]);

export const ReturnLineSchema = z.object({
  lineId: z.string().min(1).max(128),
  /** The shipment line or order line being returned. */
  orderLineId: z.string().min(1).max(128).optional(),
  item: ItemRefSchema,
  uom: UomCodeSchema,
  /** How many the customer was authorised to send back. */
  expected: PositiveDecimalSchema,
  /** How many arrived; absent until the receipt. */
  received: NonNegativeDecimalSchema.optional(),
  condition: ReturnConditionSchema.optional(),
  disposition: ReturnDispositionSchema.default('pending'),
  /** The customer's reason, free text or a channel's code. */
  reason: z.string().max(500).optional(),
  lot: LotSchema.optional(),
  serials: z.array(z.string().min(1).max(128)).default([]),
});
export type ReturnLine = z.infer<typeof ReturnLineSchema>;

/** A customer return: the authorisation (RMA), its lines, and the warehouse receipt once it arrives. */
export const ReturnSchema = z
  .object({
    id: z.string().min(1).max(128),
    rma: z.string().min(1).max(64),
    state: ReturnStateSchema,
    orderId: z.string().min(1).max(128).optional(),
    /** The outbound shipment the goods came from, when known. */
    shipmentId: z.string().min(1).max(128).optional(),
    lines: z.array(ReturnLineSchema).min(1),
    receipt: z
      .object({
        receivedAt: TimestampSchema,
        location: LocationRefSchema,
        receivedBy: z.string().max(200).optional(),
      })
      .optional(),
    trackingNumber: z.string().min(1).max(64).optional(),
    createdAt: TimestampSchema,
    refs: ExternalRefsSchema.default([]),
  })
  .superRefine((ret, ctx) => {
    uniqueBy(ret.lines, (line) => line.lineId, ctx, { path: ['lines'], field: 'lineId' });
    const received = ['received', 'inspected', 'closed'].includes(ret.state);
    if (received && !ret.receipt) {
      ctx.addIssue({
        code: 'custom',
        path: ['receipt'],
        message: `a return in state "${ret.state}" needs its receipt (when and where it was received)`,
        params: { rule: 'return.receipt_required' },
      });
    }
    ret.lines.forEach((line, index) => {
      if (received && line.received === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['lines', index, 'received'],
          message: `a return in state "${ret.state}" needs the received quantity of every line (zero if nothing came)`,
          params: { rule: 'return.received_required' },
        });
      }
      if (line.received !== undefined && !decimal.isZero(line.received) && line.condition === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['lines', index, 'condition'],
          message: 'received goods need their condition',
          params: { rule: 'return.condition_required' },
        });
      }
      if (
        line.serials.length > 0 &&
        line.received !== undefined &&
        !decimal.eq(line.received, String(line.serials.length))
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['lines', index, 'serials'],
          message: `${line.serials.length} serial numbers for ${line.received} received; give one serial per unit`,
          params: { rule: 'return.serial_count' },
        });
      }
    });
  })
  .meta({
    title: 'Return',
    description: 'A customer return: RMA, lines with condition and disposition, receipt.',
  });
export type Return = z.infer<typeof ReturnSchema>;
