import { z } from 'zod';
import { envelopeSchemaFor } from './events/build.js';
import { dataSchemaUri, EVENT_TYPES } from './events/catalog.js';
import { EventEnvelopeSchema } from './events/envelope.js';
import { FulfillmentRequestSchema } from './fulfillment/request.js';
import { InventoryAdjustmentSchema, InventoryLevelSchema } from './inventory.js';
import { ItemSchema } from './item.js';
import { ReturnSchema } from './return.js';
import { SalesOrderSchema } from './sales-order.js';
import { ShipmentSchema } from './shipment.js';
import { TrackingEventSchema } from './tracking.js';

/** Every top-level document, by the file name its JSON Schema ships under. */
export const topLevelSchemas = {
  item: ItemSchema,
  'sales-order': SalesOrderSchema,
  'fulfillment-request': FulfillmentRequestSchema,
  shipment: ShipmentSchema,
  'tracking-event': TrackingEventSchema,
  'inventory-level': InventoryLevelSchema,
  'inventory-adjustment': InventoryAdjustmentSchema,
  return: ReturnSchema,
  'event-envelope': EventEnvelopeSchema,
} as const satisfies Record<string, z.ZodType>;

const RULES_NOTE =
  'Structure only: cross-field rules (ledger arithmetic, unique ids, package nesting, check digits) are enforced by the @crossdock/canonical zod schemas.';

function toJsonSchema(schema: z.ZodType, id: string): Record<string, unknown> {
  // `input`: a document may leave out fields that have defaults (refs, holds, ledger zeros).
  const generated = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'throw',
  });
  return { ...generated, $id: id, $comment: RULES_NOTE };
}

/**
 * The JSON Schema (draft 2020-12) of every top-level document and every catalogue event, keyed by
 * the path it ships under in `@crossdock/canonical/json-schema/`, e.g. `shipment.json`,
 * `events/crossdock.shipment.confirmed.v1.json`.
 */
export function jsonSchemas(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, schema] of Object.entries(topLevelSchemas)) {
    out[`${name}.json`] = toJsonSchema(schema, `urn:crossdock:canonical:${name}`);
  }
  for (const type of EVENT_TYPES) {
    out[`events/${type}.json`] = toJsonSchema(envelopeSchemaFor(type), dataSchemaUri(type));
  }
  return out;
}
