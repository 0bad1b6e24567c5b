import { DeadLetterNotFoundError, DeadLetterStateError } from '../errors.js';
import { serializeErrorChain } from './error-chain.js';
import type {
  DeadLetter,
  DeadLetterInput,
  DeadLetterPage,
  DeadLetterQuery,
  DeadLetterStore,
} from './types.js';

/**
 * Dead letters in process memory, in order of first failure. For tests and single-instance
 * services that accept losing them on restart; use `PostgresDeadLetterStore` otherwise.
 */
export class MemoryDeadLetterStore implements DeadLetterStore {
  readonly #letters = new Map<string, DeadLetter>();
  /** The pending letter of each (source, key), so a repeated failure updates it instead of adding one. */
  readonly #pending = new Map<string, string>();
  readonly #now: () => Date;
  #nextId = 1;

  constructor(options: { readonly now?: () => Date } = {}) {
    this.#now = options.now ?? (() => new Date());
  }

  async record(input: DeadLetterInput): Promise<DeadLetter> {
    const now = this.#now().toISOString();
    const errors = serializeErrorChain(input.error);
    const attempts = input.attempts ?? 1;
    const pendingKey = `${input.source}\u0000${input.key}`;
    const existingId = this.#pending.get(pendingKey);
    const existing = existingId === undefined ? undefined : this.#letters.get(existingId);
    const letter: DeadLetter = existing
      ? {
          ...existing,
          errors,
          attempts: existing.attempts + attempts,
          lastFailedAt: now,
          payload: input.payload,
        }
      : {
          id: String(this.#nextId++),
          key: input.key,
          source: input.source,
          payload: input.payload,
          headers: { ...input.headers },
          errors,
          attempts,
          firstFailedAt: now,
          lastFailedAt: now,
          status: 'pending',
          ...(input.correlationId !== undefined ? { correlationId: input.correlationId } : {}),
        };
    this.#letters.set(letter.id, structuredClone(letter));
    this.#pending.set(pendingKey, letter.id);
    return structuredClone(letter);
  }

  async get(id: string): Promise<DeadLetter | undefined> {
    const letter = this.#letters.get(id);
    return letter && structuredClone(letter);
  }

  async list(query: DeadLetterQuery = {}): Promise<DeadLetterPage> {
    const limit = query.limit ?? 100;
    const after = query.after === undefined ? 0 : Number(query.after);
    const matching = [...this.#letters.values()].filter(
      (letter) =>
        Number(letter.id) > after &&
        (query.status === undefined || letter.status === query.status) &&
        (query.source === undefined || letter.source === query.source) &&
        (query.correlationId === undefined || letter.correlationId === query.correlationId) &&
        (query.key === undefined || letter.key === query.key),
    );
    const items = matching.slice(0, limit).map((letter) => structuredClone(letter));
    const last = items.at(-1);
    return matching.length > limit && last ? { items, next: last.id } : { items };
  }

  async markReplayed(id: string): Promise<DeadLetter> {
    return this.#move(id, 'replayed', { replayedAt: this.#now().toISOString() });
  }

  async discard(id: string, reason: string): Promise<DeadLetter> {
    return this.#move(id, 'discarded', { discardReason: reason });
  }

  #move(id: string, status: 'replayed' | 'discarded', extra: Partial<DeadLetter>): DeadLetter {
    const letter = this.#letters.get(id);
    if (!letter) throw new DeadLetterNotFoundError(id);
    if (letter.status !== 'pending') throw new DeadLetterStateError(id, letter.status, status);
    const moved = { ...letter, ...extra, status };
    this.#letters.set(id, moved);
    this.#pending.delete(`${letter.source}\u0000${letter.key}`);
    return structuredClone(moved);
  }
}
