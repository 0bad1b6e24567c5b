import { z } from 'zod';
import { ItemRefSchema } from '../item.js';
import { HandshakeStateSchema } from '../lifecycle/handshake.js';
import { PartySchema } from '../primitives/party.js';
import { UomCodeSchema } from '../primitives/quantity.js';
import { ExternalRefsSchema } from '../primitives/references.js';
import { CalendarDateSchema, TimestampSchema } from '../primitives/timestamp.js';
import { CarrierServiceSchema, ServiceLevelSchema } from '../service-level.js';
import { uniqueBy } from '../unique.js';
import { ledgerViolations, QuantityLedgerSchema } from './ledger.js';
import { LineDifferenceSchema } from './reasons.js';

/** Why a request may not be worked on yet. Holds are a set: a request can be on several at once. */
export const HoldSchema = z.enum([
  'address',
  'payment',
  'fraud',
  'inventory',
  'operator',
  'customs',
  'scheduled',
]);
export type Hold = z.infer<typeof HoldSchema>;

/** One line of a fulfillment request, with its quantity ledger and the recorded differences. */
export const FulfillmentLineSchema = z
  .object({
    lineId: z.string().min(1).max(128),
    /** The sales order line this line fulfils. */
    orderLineId: z.string().min(1).max(128).optional(),
    item: ItemRefSchema,
    uom: UomCodeSchema,
    ledger: QuantityLedgerSchema,
    differences: z.array(LineDifferenceSchema).default([]),
    refs: ExternalRefsSchema.default([]),
  })
  .superRefine((line, ctx) => {
    for (const violation of ledgerViolations(line.ledger, line.differences)) {
      ctx.addIssue({
        code: 'custom',
        path: violation.field === 'differences' ? ['differences'] : ['ledger', violation.field],
        message: violation.message,
        params: { rule: violation.rule },
      });
    }
  });
export type FulfillmentLine = z.infer<typeof FulfillmentLineSchema>;

/** The warehouse a request goes to. */
export const WarehouseRefSchema = z.object({
  id: z.string().min(1).max(128),
  name: z.string().min(1).max(200).optional(),
  refs: ExternalRefsSchema.default([]),
});
export type WarehouseRef = z.infer<typeof WarehouseRefSchema>;

/**
 * What one warehouse is asked to ship (X12 940, a Shopify FulfillmentOrder, an Odoo outgoing
 * picking). It is demand, not fact: what actually left is a `Shipment`.
 */
export const FulfillmentRequestSchema = z
  .object({
    id: z.string().min(1).max(128),
    orderId: z.string().min(1).max(128).optional(),
    orderNumber: z.string().min(1).max(64).optional(),
    warehouse: WarehouseRefSchema,
    handshake: HandshakeStateSchema.default('unsubmitted'),
    holds: z.array(HoldSchema).default([]).meta({ uniqueItems: true }),
    shipTo: PartySchema.refine((party) => party.address !== undefined, {
      error: 'a ship-to needs an address',
      params: { rule: 'request.ship_to_address' },
    }),
    serviceLevel: ServiceLevelSchema.default('standard'),
    carrierService: CarrierServiceSchema.optional(),
    requestedShipDate: CalendarDateSchema.optional(),
    requestedDeliveryDate: CalendarDateSchema.optional(),
    lines: z.array(FulfillmentLineSchema).min(1),
    instructions: z.string().max(4000).optional(),
    /** Ids of the shipments already counted in the ledgers, so applying one twice changes nothing. */
    appliedShipmentIds: z.array(z.string().min(1).max(128)).default([]).meta({ uniqueItems: true }),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema.optional(),
    refs: ExternalRefsSchema.default([]),
  })
  .superRefine((request, ctx) => {
    uniqueBy(request.lines, (line) => line.lineId, ctx, { path: ['lines'], field: 'lineId' });
    uniqueBy(request.holds, (hold) => hold, ctx, { path: ['holds'], noun: 'hold' });
  })
  .meta({ title: 'FulfillmentRequest', description: 'What one warehouse is asked to ship.' });
export type FulfillmentRequest = z.infer<typeof FulfillmentRequestSchema>;
