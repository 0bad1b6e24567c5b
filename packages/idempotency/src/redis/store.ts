import type { Cluster, Redis } from 'ioredis';
import { StaleTokenError, type StaleTokenReason } from '../errors.js';
import type { ClaimOptions, ClaimResult, FailOptions, IdempotencyStore } from '../store.js';
import { positiveMs } from '../validate.js';
import { CLAIM, HEARTBEAT, RELEASE, ScriptRunner, SETTLE } from './scripts.js';

export interface RedisStoreOptions {
  /**
   * The ioredis 6 client, or a `Cluster`. The caller owns the connection: the store never connects,
   * quits or redefines commands on it. A `keyPrefix` set on the client applies on top of `prefix`.
   *
   * @example new Redis(process.env.REDIS_URL)
   */
  readonly redis: Redis | Cluster;
  /**
   * Prepended to every idempotency key to name its Redis key (a hash). Default `'crossdock:idem:'`.
   *
   * @example 'billing:idem:'
   */
  readonly prefix?: string;
}

const STALE_REASONS: ReadonlySet<unknown> = new Set<StaleTokenReason>([
  'not_found',
  'not_owner',
  'already_completed',
]);
const isStaleReason = (reply: unknown): reply is StaleTokenReason => STALE_REASONS.has(reply);

// Names the key, not the reply: a reply may hold a stored result, and errors never carry payloads.
const unexpected = (key: string) => new Error(`unexpected reply from a RedisStore script for "${key}"`);

/** An integer reply; a client created with `stringNumbers: true` hands those over as strings. */
function integer(key: string, value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  throw unexpected(key);
}

/**
 * The claim protocol on Redis, for instances that run side by side. Each key is one hash holding
 * fingerprint, state, token, attempt, leaseUntil, result and failed, whose Redis TTL is the
 * record's TTL. Every call is one Lua script on one key: one round trip, atomic, and Cluster-safe.
 * Lease times use the Redis clock.
 *
 * @example
 * import { Redis } from 'ioredis';
 * const store = new RedisStore({ redis: new Redis(process.env.REDIS_URL) });
 */
export class RedisStore implements IdempotencyStore {
  readonly #scripts: ScriptRunner;
  readonly #prefix: string;

  constructor(options: RedisStoreOptions) {
    this.#scripts = new ScriptRunner(options.redis);
    this.#prefix = options.prefix ?? 'crossdock:idem:';
  }

  async claim(key: string, { fingerprint, leaseMs, ttlMs }: ClaimOptions): Promise<ClaimResult> {
    // The token is made here so the claim stays a single script call; it is used only if acquired.
    const token = crypto.randomUUID();
    const reply = await this.#scripts.run(CLAIM, this.#prefix + key, [
      fingerprint,
      positiveMs('leaseMs', leaseMs),
      positiveMs('ttlMs', ttlMs),
      token,
    ]);
    if (!Array.isArray(reply)) throw unexpected(key);
    const [status, first, second] = reply as unknown[];
    switch (status) {
      case 'acquired':
        return { status, token, attempt: integer(key, first) };
      case 'in_progress':
        return { status, retryAfterMs: integer(key, first) };
      case 'completed':
        if (typeof first !== 'string') throw unexpected(key);
        return { status, result: first, failed: second === '1' };
      case 'mismatch':
        return { status };
      default:
        throw unexpected(key);
    }
  }

  async complete(key: string, token: string, result: string): Promise<void> {
    const reply = await this.#scripts.run(SETTLE, this.#prefix + key, [token, result, '0']);
    this.#owned(key, reply);
  }

  async fail(key: string, token: string, options: FailOptions): Promise<void> {
    const reply = options.retryable
      ? await this.#scripts.run(RELEASE, this.#prefix + key, [token])
      : await this.#scripts.run(SETTLE, this.#prefix + key, [token, options.result, '1']);
    this.#owned(key, reply);
  }

  async heartbeat(key: string, token: string, leaseMs: number): Promise<void> {
    const reply = await this.#scripts.run(HEARTBEAT, this.#prefix + key, [
      token,
      positiveMs('leaseMs', leaseMs),
    ]);
    this.#owned(key, reply);
  }

  /** Turns a fenced write's reply into success or the `StaleTokenError` the caller must see. */
  #owned(key: string, reply: unknown): void {
    if (reply === 'ok') return;
    if (isStaleReason(reply)) throw new StaleTokenError(key, reply);
    throw unexpected(key);
  }
}
