import { type CatalogEvent, withOlderVersions } from '@crossdock/canonical';
import { EventEmitter } from 'eventemitter3';

/**
 * Where the service publishes canonical events (exceptions raised, deliveries, short ships): every
 * event in each version still in use. In this process, listeners subscribe by type; a broker
 * (Redis streams, BullMQ, NATS) takes this place in a multi-instance deployment.
 */
export class EventBus extends EventEmitter<{ event: (event: CatalogEvent) => void }> {
  readonly #published: CatalogEvent[] = [];
  readonly #keep: number;

  constructor(options: { readonly keep?: number } = {}) {
    super();
    this.#keep = options.keep ?? 10_000;
  }

  /** Publishes the event and its older versions; listeners of either version receive theirs. */
  publish(event: CatalogEvent): void {
    for (const version of withOlderVersions(event)) {
      this.#published.push(version);
      if (this.#published.length > this.#keep) this.#published.shift();
      this.emit('event', version);
    }
  }

  /** The most recent events, oldest first (bounded by `keep`). */
  recent(type?: CatalogEvent['type']): CatalogEvent[] {
    return type === undefined ? [...this.#published] : this.#published.filter((event) => event.type === type);
  }
}
