import type { ErrorRecord } from './error-chain.js';

export type DeadLetterStatus = 'pending' | 'replayed' | 'discarded';

/** What a consumer hands over when it gives up on a message. */
export interface DeadLetterInput {
  /** The message's idempotency key; a replay runs with the same key, so replaying a success is a no-op. */
  readonly key: string;
  /** Where the message came from, e.g. `shipbob.webhook` or `odoo.release`. */
  readonly source: string;
  /** The original payload, exactly as received (JSON). */
  readonly payload: unknown;
  /** The original headers (signature headers included, so a replay can be verified again). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The last error; its whole `cause` chain is kept. */
  readonly error: unknown;
  readonly correlationId?: string;
  /** Attempts made before giving up this time. Default 1. */
  readonly attempts?: number;
}

/** A message nobody could process, with everything needed to understand and replay it. */
export interface DeadLetter {
  readonly id: string;
  readonly key: string;
  readonly source: string;
  readonly payload: unknown;
  readonly headers: Readonly<Record<string, string>>;
  /** The chain of the most recent failure, outermost error first. */
  readonly errors: readonly ErrorRecord[];
  /** Attempts over the message's whole life, replays included. */
  readonly attempts: number;
  /** ISO-8601 timestamps. */
  readonly firstFailedAt: string;
  readonly lastFailedAt: string;
  readonly correlationId?: string;
  readonly status: DeadLetterStatus;
  readonly discardReason?: string;
  readonly replayedAt?: string;
}

export interface DeadLetterQuery {
  readonly status?: DeadLetterStatus;
  readonly source?: string;
  readonly correlationId?: string;
  /** One message's letters, e.g. to resolve its pending letter once a redelivery succeeded. */
  readonly key?: string;
  /** Page size. Default 100. */
  readonly limit?: number;
  /** The `next` cursor of the previous page; `undefined` for the first page. */
  readonly after?: string | undefined;
}

export interface DeadLetterPage {
  readonly items: readonly DeadLetter[];
  /** Pass as `after` for the next page; absent on the last page. */
  readonly next?: string;
}

/**
 * Where dead letters are kept. `record` is an upsert on (source, key) while the letter is pending:
 * a message that fails again adds its attempts and replaces the error chain instead of piling up
 * copies. Lists are in order of first failure.
 */
export interface DeadLetterStore {
  record(input: DeadLetterInput): Promise<DeadLetter>;
  get(id: string): Promise<DeadLetter | undefined>;
  list(query?: DeadLetterQuery): Promise<DeadLetterPage>;
  /** Marks a pending letter replayed; throws `DeadLetterStateError` if it is not pending. */
  markReplayed(id: string): Promise<DeadLetter>;
  /** Gives up on a pending letter for a stated reason; throws `DeadLetterStateError` if it is not pending. */
  discard(id: string, reason: string): Promise<DeadLetter>;
}
