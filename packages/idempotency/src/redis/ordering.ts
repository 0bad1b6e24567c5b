import type { Cluster, Redis } from 'ioredis';
import { positionValue } from '../ordering.js';
import type { OrderingDecision, OrderingPosition, OrderingStore } from '../store.js';
import { ACCEPT_IF_NEWER, ScriptRunner } from './scripts.js';

export interface RedisOrderingStoreOptions {
  /**
   * The ioredis 6 client, or a `Cluster`. The caller owns the connection: the store never connects,
   * quits or redefines commands on it.
   *
   * @example new Redis(process.env.REDIS_URL)
   */
  readonly redis: Redis | Cluster;
  /**
   * Prepended to every entity to name its Redis key (a string holding the newest position).
   * Default `'crossdock:order:'`.
   *
   * @example 'wms:order:'
   */
  readonly prefix?: string;
  /**
   * How long an entity's newest position is kept after it last advanced. Once it expires, any event
   * for that entity is accepted again, so make it longer than events can arrive late. Default: no
   * TTL, positions are kept until deleted.
   *
   * @example 30 * 86_400_000 // 30 days
   */
  readonly ttlMs?: number;
}

const unexpected = (entity: string) =>
  new Error(`unexpected reply from the RedisOrderingStore script for "${entity}"`);

/**
 * The ordering guard on Redis: the newest position per entity, advanced by an atomic
 * compare-and-set in one Lua call. Positions are stored as decimal strings and compared exactly,
 * also beyond 2^53.
 *
 * @example
 * const guard = new RedisOrderingStore({ redis, ttlMs: 30 * 86_400_000 });
 * await guard.acceptIfNewer('shipment:88001', { version: 7 }); // { accepted: true }
 */
export class RedisOrderingStore implements OrderingStore {
  readonly #scripts: ScriptRunner;
  readonly #prefix: string;
  readonly #ttlMs: number;

  constructor(options: RedisOrderingStoreOptions) {
    const { ttlMs } = options;
    if (ttlMs !== undefined && (!Number.isSafeInteger(ttlMs) || ttlMs <= 0)) {
      throw new RangeError(`ttlMs must be a positive integer in ms, got ${ttlMs}`);
    }
    this.#scripts = new ScriptRunner(options.redis);
    this.#prefix = options.prefix ?? 'crossdock:order:';
    this.#ttlMs = ttlMs ?? 0; // 0 tells the script to set no TTL
  }

  async acceptIfNewer(entity: string, position: OrderingPosition): Promise<OrderingDecision> {
    // BigInt's decimal form has no sign or leading zeros, which the script's comparison relies on.
    const candidate = positionValue(position).toString();
    const reply = await this.#scripts.run(ACCEPT_IF_NEWER, this.#prefix + entity, [candidate, this.#ttlMs]);
    if (!Array.isArray(reply)) throw unexpected(entity);
    const [status, current] = reply as unknown[];
    if (status === 'accepted') return { accepted: true };
    if (status === 'stale' && typeof current === 'string')
      return { accepted: false, current: BigInt(current) };
    throw unexpected(entity);
  }
}
