import { LRUCache } from 'lru-cache';
import { positionValue } from '../ordering.js';
import type { OrderingDecision, OrderingPosition, OrderingStore } from '../store.js';

/**
 * The ordering guard's memory back end: the newest position per entity, LRU-bounded. An entity
 * evicted from the LRU is forgotten, and its next event, however old, is accepted: size
 * `maxEntities` above the entities that receive events, or use the Redis or PostgreSQL store.
 *
 * @example
 * const guard = new MemoryOrderingStore();
 * await guard.acceptIfNewer('shipment:88001', { version: 7 }); // { accepted: true }
 */
export class MemoryOrderingStore implements OrderingStore {
  readonly #latest: LRUCache<string, bigint>;

  constructor(options: { readonly maxEntities?: number } = {}) {
    this.#latest = new LRUCache({ max: options.maxEntities ?? 100_000 });
  }

  async acceptIfNewer(entity: string, position: OrderingPosition): Promise<OrderingDecision> {
    const candidate = positionValue(position);
    const current = this.#latest.get(entity);
    if (current !== undefined && candidate <= current) return { accepted: false, current };
    this.#latest.set(entity, candidate);
    return { accepted: true };
  }
}
