import { z } from 'zod';
import { TimestampSchema } from '../primitives/timestamp.js';

/** An event type: reverse-DNS style, lower case, ending in its version, e.g. `crossdock.shipment.confirmed.v1`. */
export const EventTypeNameSchema = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+\.v[1-9]\d*$/, {
  error:
    'must be a dotted lower-case event type ending in its version, like "crossdock.shipment.confirmed.v1"',
});

/**
 * The attributes of every event: CloudEvents 1.0 (`specversion, id, source, type, time, subject,
 * datacontenttype, dataschema`) plus what integration needs on top: the `correlationId` that ties
 * one business transaction together, the `causationId` of the event that caused this one, the
 * `idempotencyKey` consumers deduplicate on, and `sequence` / `sourceUpdatedAt` for ordering.
 */
export const EnvelopeAttributesSchema = z.object({
  specversion: z.literal('1.0'),
  /** Unique per event from one source; a redelivery keeps the id. */
  id: z.string().min(1).max(256),
  /** Who produced it, a URI reference, e.g. `/shipbob/acme` or `urn:crossdock:odoo:prod`. */
  source: z.string().min(1).max(512),
  type: EventTypeNameSchema,
  time: TimestampSchema,
  /** The entity the event is about, e.g. the request id. */
  subject: z.string().min(1).max(512).optional(),
  datacontenttype: z.literal('application/json'),
  dataschema: z.string().min(1).max(512).optional(),
  correlationId: z.string().min(1).max(256),
  causationId: z.string().min(1).max(256).optional(),
  idempotencyKey: z.string().min(1).max(256),
  /** Position in the source's stream for `subject`, as a decimal integer string (may exceed 2^53). */
  sequence: z
    .string()
    .regex(/^(0|[1-9]\d{0,39})$/, { error: 'must be a whole number written as a string, like "42"' })
    .optional(),
  /** When the source last changed the entity, for ordering events without a sequence. */
  sourceUpdatedAt: TimestampSchema.optional(),
});
export type EnvelopeAttributes = z.infer<typeof EnvelopeAttributesSchema>;

/** Any event, its data not yet checked against the catalogue. */
export const EventEnvelopeSchema = EnvelopeAttributesSchema.extend({ data: z.unknown() }).meta({
  title: 'EventEnvelope',
  description: 'CloudEvents 1.0 attributes plus correlation, causation, idempotency and ordering.',
});
export type EventEnvelope = z.infer<typeof EventEnvelopeSchema>;

/** How each camelCase attribute is spelt as a CloudEvents extension (lower-case letters and digits only). */
const EXTENSION_NAMES = {
  correlationId: 'correlationid',
  causationId: 'causationid',
  idempotencyKey: 'idempotencykey',
  sourceUpdatedAt: 'sourceupdatedat',
} as const;

/**
 * The structured-mode CloudEvents JSON form, for brokers and SDKs that insist on the spec's
 * attribute naming rules.
 */
export function toCloudEvent(envelope: EventEnvelope): Record<string, unknown> {
  const out: Record<string, unknown> = { ...envelope };
  for (const [camel, lower] of Object.entries(EXTENSION_NAMES)) {
    if (camel in out) {
      out[lower] = out[camel];
      delete out[camel];
    }
  }
  return out;
}

/** Reads the structured-mode CloudEvents JSON form back into envelope attribute names (not validated). */
export function fromCloudEvent(event: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...event };
  for (const [camel, lower] of Object.entries(EXTENSION_NAMES)) {
    if (lower in out) {
      out[camel] = out[lower];
      delete out[lower];
    }
  }
  return out;
}
