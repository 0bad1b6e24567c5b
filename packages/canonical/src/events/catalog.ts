import { z } from 'zod';
import { DifferenceReasonSchema } from '../fulfillment/reasons.js';
import { FulfillmentRequestSchema } from '../fulfillment/request.js';
import { InventoryLevelSchema } from '../inventory.js';
import { ItemRefSchema } from '../item.js';
import { HandshakeStateSchema } from '../lifecycle/handshake.js';
import { NonNegativeDecimalSchema, PositiveDecimalSchema } from '../primitives/decimal.js';
import { UomCodeSchema } from '../primitives/quantity.js';
import { ExternalRefSchema } from '../primitives/references.js';
import { TimestampSchema } from '../primitives/timestamp.js';
import { ReturnSchema } from '../return.js';
import { SalesOrderSchema } from '../sales-order.js';
import { ShipmentSchema } from '../shipment.js';
import { TrackingEventSchema } from '../tracking.js';

const id = z.string().min(1).max(128);

/**
 * Every event type Crossdock emits, with the schema of its `data`. A type's name ends in its
 * version: a changed payload is a new type (`….v2`) published next to the old one, so
 * consumers of `….v1` keep working until they move.
 */
export const eventCatalog = {
  /** A channel took an order (a Shopify checkout, an EDI 850): the demand, before any warehouse sees it. */
  'crossdock.order.received.v1': z.object({ order: SalesOrderSchema }),
  /** A channel cancelled an order; whoever released it must cancel downstream. */
  'crossdock.order.cancelled.v1': z.object({
    orderRef: ExternalRefSchema,
    orderNumber: z.string().min(1).max(128).optional(),
    reason: z.string().min(1).max(2000).optional(),
    cancelledAt: TimestampSchema,
  }),
  /** A request was sent to a warehouse. */
  'crossdock.fulfillment.released.v1': z.object({ request: FulfillmentRequestSchema }),
  /** The warehouse accepted a request and gave it its own reference. */
  'crossdock.fulfillment.release_acknowledged.v1': z.object({
    requestId: id,
    externalRef: ExternalRefSchema,
    handshake: HandshakeStateSchema.extract(['accepted']),
  }),
  /** The warehouse refused a request. */
  'crossdock.fulfillment.release_rejected.v1': z.object({
    requestId: id,
    handshake: HandshakeStateSchema.extract(['rejected']),
    reason: z.string().min(1).max(2000),
    vendorCode: z.string().max(128).optional(),
  }),
  /** Goods left the warehouse. Superseded by `….v2`, which also says what happens to the rest. */
  'crossdock.shipment.confirmed.v1': z.object({ shipment: ShipmentSchema }),
  /**
   * Goods left the warehouse, with the warehouse's decision for every line it did not ship in full
   * (`BP` backorder, `CP` close short, `IC` cancel), so a consumer applies a partial shipment in one
   * step instead of pairing it with a `short_shipped` event. Emitted next to `….v1` (see
   * `withOlderVersions`).
   */
  'crossdock.shipment.confirmed.v2': z.object({
    shipment: ShipmentSchema,
    remainder: z.record(id, DifferenceReasonSchema.extract(['BP', 'CP', 'IC'])),
  }),
  /** Lines shipped less than ordered, with the reason per line. */
  'crossdock.shipment.short_shipped.v1': z.object({
    requestId: id,
    shipmentId: id.optional(),
    lines: z
      .array(
        z.object({
          lineId: id,
          uom: UomCodeSchema,
          ordered: PositiveDecimalSchema,
          shipped: NonNegativeDecimalSchema,
          short: PositiveDecimalSchema,
          reason: DifferenceReasonSchema.extract(['CP', 'BP', 'IC']),
        }),
      )
      .min(1),
  }),
  /** Another item shipped in place of the ordered one. */
  'crossdock.shipment.substitution.v1': z.object({
    requestId: id,
    shipmentId: id,
    requestLineId: id,
    orderedItem: ItemRefSchema,
    shippedItem: ItemRefSchema,
    quantity: PositiveDecimalSchema,
    uom: UomCodeSchema,
    reason: DifferenceReasonSchema.extract(['CS', 'IS']),
  }),
  /** A carrier reported a scan. */
  'crossdock.tracking.updated.v1': z.object({ tracking: TrackingEventSchema }),
  /** Stock changed or was counted. */
  'crossdock.inventory.changed.v1': z.object({ levels: z.array(InventoryLevelSchema).min(1) }),
  /** A return arrived at the warehouse. */
  'crossdock.return.received.v1': z.object({ return: ReturnSchema }),
  /** Something needs a person: a short ship, a rejected request, a payload that cannot be processed. */
  'crossdock.exception.raised.v1': z.object({
    code: z.string().min(1).max(128),
    severity: z.enum(['warning', 'error', 'critical']),
    message: z.string().min(1).max(4000),
    entity: z.object({ type: z.string().min(1).max(64), id }).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
} as const;

export type EventCatalog = typeof eventCatalog;
export type EventType = keyof EventCatalog;
export type EventData<T extends EventType> = z.output<EventCatalog[T]>;

export const EVENT_TYPES = Object.keys(eventCatalog) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventCatalog, type);
}

/** The `dataschema` URI of an event type; it names the JSON Schema shipped as `json-schema/events/<type>.json`. */
export function dataSchemaUri(type: EventType): string {
  return `urn:crossdock:canonical:event:${type}`;
}
