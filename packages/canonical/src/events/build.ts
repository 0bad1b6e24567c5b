import { z } from 'zod';
import { UnknownEventTypeError } from '../errors.js';
import { parseCanonical } from '../issues.js';
import {
  dataSchemaUri,
  EVENT_TYPES,
  type EventData,
  type EventType,
  eventCatalog,
  isEventType,
} from './catalog.js';
import { type EnvelopeAttributes, EnvelopeAttributesSchema } from './envelope.js';

/** An envelope whose `data` has been checked against its type's schema. */
export type TypedEvent<T extends EventType> = Omit<EnvelopeAttributes, 'type'> & {
  type: T;
  data: EventData<T>;
};
/** Any event of the catalogue, narrowed by `type`. */
export type CatalogEvent = { [T in EventType]: TypedEvent<T> }[EventType];

/** What the caller says about an event; the rest is filled in. */
export interface CreateEventOptions {
  source: string;
  correlationId: string;
  subject?: string;
  causationId?: string;
  /** Defaults to the event id; give the source's own id (a webhook id) so redeliveries deduplicate. */
  idempotencyKey?: string;
  sequence?: string;
  sourceUpdatedAt?: string;
  /** Defaults to a random UUID. */
  id?: string;
  /** Defaults to now. */
  time?: string;
}

const envelopeSchemas = new Map<EventType, z.ZodType>();

/** The full envelope schema of one event type, with `data` checked; used for parsing and JSON Schema. */
export function envelopeSchemaFor<T extends EventType>(type: T): z.ZodType<TypedEvent<T>> {
  let schema = envelopeSchemas.get(type);
  if (!schema) {
    schema = EnvelopeAttributesSchema.extend({ type: z.literal(type), data: eventCatalog[type] }).meta({
      title: type,
      description: `The ${type} event.`,
    });
    envelopeSchemas.set(type, schema);
  }
  return schema as z.ZodType<TypedEvent<T>>;
}

/**
 * Builds a validated envelope for a catalogue event.
 *
 * @example
 * const event = createEvent('crossdock.shipment.confirmed.v1', { shipment }, {
 *   source: '/shipbob/acme', correlationId: 'order-S00042', subject: shipment.requestId, idempotencyKey: webhookId,
 * });
 */
export function createEvent<T extends EventType>(
  type: T,
  data: EventData<T>,
  options: CreateEventOptions,
): TypedEvent<T> {
  const id = options.id ?? crypto.randomUUID();
  const { id: _id, time, idempotencyKey, ...rest } = options;
  return parseCanonical(envelopeSchemaFor(type), {
    specversion: '1.0',
    id,
    type,
    time: time ?? new Date().toISOString(),
    datacontenttype: 'application/json',
    dataschema: dataSchemaUri(type),
    idempotencyKey: idempotencyKey ?? id,
    ...rest,
    data,
  }) as TypedEvent<T>;
}

/**
 * Parses any catalogue event from its JSON form; `type` selects the data schema. Throws
 * `UnknownEventTypeError` for a type not in the catalogue and `CanonicalParseError` for bad data.
 *
 * @example
 * const event = parseEvent(JSON.parse(body));
 * if (event.type === 'crossdock.shipment.confirmed.v1') apply(event.data.shipment);
 */
export function parseEvent(input: unknown): CatalogEvent {
  const type = (input as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !isEventType(type)) {
    // Let the attribute schema say what is wrong with a missing or malformed type.
    const attributes = parseCanonical(EnvelopeAttributesSchema, input);
    throw new UnknownEventTypeError(attributes.type, EVENT_TYPES);
  }
  return parseCanonical(envelopeSchemaFor(type), input) as CatalogEvent;
}

/** Parses an event that must be of `type`; any other type is refused. */
export function parseEventOf<T extends EventType>(type: T, input: unknown): TypedEvent<T> {
  return parseCanonical(envelopeSchemaFor(type), input);
}
