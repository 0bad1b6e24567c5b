import { type CatalogEvent, type CreateEventOptions, createEvent, type TypedEvent } from './build.js';
import type { EventData, EventType } from './catalog.js';

/** How a newer event version is expressed in the version before it. */
interface Downgrade<From extends EventType, To extends EventType> {
  readonly to: To;
  readonly convert: (data: EventData<From>) => EventData<To>;
}

type Downgrades = { readonly [From in EventType]?: Downgrade<From, EventType> };

/**
 * Each superseded event type, reached from its successor. An entry lives as long as some consumer
 * still reads the older type; removing it is the last step of an upgrade.
 */
export const eventDowngrades: Downgrades = {
  'crossdock.shipment.confirmed.v2': {
    to: 'crossdock.shipment.confirmed.v1',
    // v1 carried the shipment alone; its consumers learn the remainder from `short_shipped`.
    convert: (data) => ({ shipment: data.shipment }),
  },
};

function downgrade(event: CatalogEvent): CatalogEvent | undefined {
  const step = eventDowngrades[event.type] as Downgrade<EventType, EventType> | undefined;
  if (step === undefined) return undefined;
  const { id, time, source, correlationId, idempotencyKey, ...optional } = event;
  const options: CreateEventOptions = { id, time, source, correlationId, idempotencyKey };
  // Optional attributes travel only when present: absent, never `undefined`.
  for (const name of ['subject', 'causationId', 'sequence', 'sourceUpdatedAt'] as const) {
    const value = optional[name];
    if (value !== undefined) options[name] = value;
  }
  return createEvent(step.to, step.convert(event.data as EventData<EventType>), options) as CatalogEvent;
}

/**
 * The event followed by the same event in every older version still in use, newest first, so a
 * producer can move to a new version while consumers of the old one keep working. Each older copy
 * keeps the id, correlation id and idempotency key, so consumers deduplicate it as the same event.
 *
 * @example
 * for (const event of withOlderVersions(createEvent('crossdock.shipment.confirmed.v2', { shipment, remainder }, options))) {
 *   await bus.publish(event); // v2 for consumers that moved, v1 for the rest
 * }
 */
export function withOlderVersions<T extends EventType>(event: TypedEvent<T>): CatalogEvent[] {
  const versions: CatalogEvent[] = [event as CatalogEvent];
  for (let older = downgrade(event as CatalogEvent); older !== undefined; older = downgrade(older)) {
    versions.push(older);
  }
  return versions;
}
