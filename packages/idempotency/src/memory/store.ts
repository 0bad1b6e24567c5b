import { LRUCache } from 'lru-cache';
import { StaleTokenError } from '../errors.js';
import type { ClaimOptions, ClaimResult, FailOptions, IdempotencyStore } from '../store.js';
import { positiveMs } from '../validate.js';

interface Entry {
  fingerprint: string;
  state: 'in_progress' | 'completed';
  token: string;
  attempt: number;
  leaseUntil: number;
  expiresAt: number;
  result: string | undefined;
  failed: boolean;
}

export interface MemoryStoreOptions {
  /**
   * Most keys kept; the least recently used go first, completed or not. An evicted key is forgotten
   * before its TTL and its handler can run again, so size it above the keys seen during `ttlMs`.
   * Default 100_000.
   */
  readonly maxKeys?: number;
  /** Clock in ms; default `Date.now`. */
  readonly now?: () => number;
}

/**
 * The default store: one process, no dependencies, LRU-bounded with per-key TTL. Right for a
 * single instance and for tests; use `RedisStore` or `PostgresStore` when instances run side by side.
 *
 * @example
 * const store = new MemoryStore({ maxKeys: 10_000 });
 */
export class MemoryStore implements IdempotencyStore {
  readonly #entries: LRUCache<string, Entry>;
  readonly #now: () => number;
  // Tokens only need to be unique within this store: a random prefix and a counter are enough and cost far less than a UUID each.
  readonly #tokenPrefix = crypto.randomUUID().slice(0, 8);
  #tokenSequence = 0;

  constructor(options: MemoryStoreOptions = {}) {
    this.#entries = new LRUCache({ max: options.maxKeys ?? 100_000 });
    this.#now = options.now ?? Date.now;
  }

  claim(key: string, options: ClaimOptions): Promise<ClaimResult> {
    // Synchronous inside: an async function would cost a second promise per claim on the hot path.
    try {
      return Promise.resolve(this.#claim(key, options));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  #claim(key: string, { fingerprint, leaseMs, ttlMs }: ClaimOptions): ClaimResult {
    positiveMs('leaseMs', leaseMs);
    positiveMs('ttlMs', ttlMs);
    const now = this.#now();
    const entry = this.#live(key, now);
    if (entry && entry.fingerprint !== fingerprint) return { status: 'mismatch' };
    if (entry?.state === 'completed') {
      return { status: 'completed', result: entry.result ?? 'null', failed: entry.failed };
    }
    if (entry && entry.leaseUntil > now)
      return { status: 'in_progress', retryAfterMs: entry.leaseUntil - now };
    const attempt = (entry?.attempt ?? 0) + 1;
    const token = `${this.#tokenPrefix}:${(++this.#tokenSequence).toString(36)}`;
    this.#entries.set(key, {
      fingerprint,
      state: 'in_progress',
      token,
      attempt,
      leaseUntil: now + leaseMs,
      // TTL counts from the latest acquisition and never ends inside the lease.
      expiresAt: now + Math.max(ttlMs, leaseMs),
      result: undefined,
      failed: false,
    });
    return { status: 'acquired', token, attempt };
  }

  async complete(key: string, token: string, result: string): Promise<void> {
    const entry = this.#owned(key, token);
    entry.state = 'completed';
    entry.result = result;
    entry.failed = false;
  }

  async fail(key: string, token: string, options: FailOptions): Promise<void> {
    const entry = this.#owned(key, token);
    if (options.retryable) {
      this.#entries.delete(key);
      return;
    }
    entry.state = 'completed';
    entry.result = options.result;
    entry.failed = true;
  }

  async heartbeat(key: string, token: string, leaseMs: number): Promise<void> {
    positiveMs('leaseMs', leaseMs);
    const entry = this.#owned(key, token);
    entry.leaseUntil = this.#now() + leaseMs;
    // The record must outlive the lease, or a duplicate could start over while the owner still works.
    entry.expiresAt = Math.max(entry.expiresAt, entry.leaseUntil);
  }

  #live(key: string, now: number): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt <= now) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #owned(key: string, token: string): Entry {
    const entry = this.#live(key, this.#now());
    if (!entry) throw new StaleTokenError(key, 'not_found');
    if (entry.token !== token) throw new StaleTokenError(key, 'not_owner');
    if (entry.state === 'completed') throw new StaleTokenError(key, 'already_completed');
    return entry;
  }
}
