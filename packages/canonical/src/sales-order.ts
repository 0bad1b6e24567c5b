import { z } from 'zod';
import { ItemRefSchema } from './item.js';
import { PositiveDecimalSchema } from './primitives/decimal.js';
import { CurrencyCodeSchema, MoneySchema } from './primitives/money.js';
import { AddressSchema, PartySchema } from './primitives/party.js';
import { UomCodeSchema } from './primitives/quantity.js';
import { ExternalRefsSchema } from './primitives/references.js';
import { CalendarDateSchema, TimestampSchema } from './primitives/timestamp.js';
import { CarrierServiceSchema, ServiceLevelSchema } from './service-level.js';
import { uniqueBy } from './unique.js';

export const SalesOrderLineSchema = z.object({
  /** Stable id of the line within the order; fulfillment and shipment lines point back to it. */
  lineId: z.string().min(1).max(128),
  item: ItemRefSchema,
  quantity: PositiveDecimalSchema,
  uom: UomCodeSchema,
  unitPrice: MoneySchema.optional(),
  /** Percentage, e.g. `"10"` for 10 %. */
  discountPercent: z
    .string()
    .regex(/^(100(\.0+)?|\d{1,2}(\.\d+)?)$/, {
      error: 'must be a percentage from 0 to 100 written as a string',
    })
    .optional(),
  requestedDeliveryDate: CalendarDateSchema.optional(),
  refs: ExternalRefsSchema.default([]),
});
export type SalesOrderLine = z.infer<typeof SalesOrderLineSchema>;

export const SalesOrderStatusSchema = z.enum(['draft', 'confirmed', 'cancelled', 'done']);

/** A customer's order as the system of record (Odoo `sale.order`, a Shopify order) knows it. */
export const SalesOrderSchema = z
  .object({
    id: z.string().min(1).max(128),
    /** The number people quote, e.g. `S00042` or `#1001`. */
    number: z.string().min(1).max(64),
    status: SalesOrderStatusSchema,
    /** The sales channel, e.g. `odoo`, `shopify:acme-store`. */
    channel: z.string().min(1).max(128).optional(),
    customer: PartySchema,
    billTo: AddressSchema.optional(),
    shipTo: PartySchema.refine((party) => party.address !== undefined, {
      error: 'a ship-to needs an address',
      params: { rule: 'order.ship_to_address' },
    }),
    currency: CurrencyCodeSchema,
    serviceLevel: ServiceLevelSchema.default('standard'),
    carrierService: CarrierServiceSchema.optional(),
    orderedAt: TimestampSchema,
    requestedShipDate: CalendarDateSchema.optional(),
    requestedDeliveryDate: CalendarDateSchema.optional(),
    lines: z.array(SalesOrderLineSchema).min(1),
    totals: z
      .object({ subtotal: MoneySchema, tax: MoneySchema, shipping: MoneySchema, total: MoneySchema })
      .partial()
      .optional(),
    note: z.string().max(4000).optional(),
    refs: ExternalRefsSchema.default([]),
  })
  .superRefine((order, ctx) => {
    uniqueBy(order.lines, (line) => line.lineId, ctx, { path: ['lines'], field: 'lineId' });
    order.lines.forEach((line, index) => {
      if (line.unitPrice && line.unitPrice.currency !== order.currency) {
        ctx.addIssue({
          code: 'custom',
          path: ['lines', index, 'unitPrice', 'currency'],
          message: `is ${line.unitPrice.currency} but the order is in ${order.currency}`,
          params: { rule: 'order.line_currency' },
        });
      }
    });
  })
  .meta({ title: 'SalesOrder', description: "A customer's order as the system of record knows it." });
export type SalesOrder = z.infer<typeof SalesOrderSchema>;
