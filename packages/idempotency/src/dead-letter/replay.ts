import { DeadLetterStateError } from '../errors.js';
import type { DeadLetterStore } from './types.js';

/** What a replay handler is told about the message besides its payload. */
export interface ReplayContext {
  /**
   * The original idempotency key. Replay through the same `idempotent` wrapper as the live path (same
   * store, scope and payload) so a message that already succeeded is recognised and not applied twice.
   */
  readonly key: string;
  readonly source: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly correlationId?: string;
  readonly signal?: AbortSignal;
}

export interface ReplayProgress {
  readonly done: number;
  readonly total: number;
  readonly replayed: number;
  readonly failed: number;
  readonly skipped: number;
}

export interface ReplayOptions {
  /** Stops between letters; the letter in hand finishes first. */
  readonly signal?: AbortSignal;
  /** Called after each letter, for a progress line. */
  readonly onProgress?: (progress: ReplayProgress) => void;
}

export interface ReplayReport {
  readonly replayed: readonly string[];
  /** Letters whose handler failed again; they stay pending with the new error and one more attempt. */
  readonly failed: readonly { readonly id: string; readonly error: unknown }[];
  /** Letters not pending (already replayed or discarded) or not found. */
  readonly skipped: readonly { readonly id: string; readonly reason: string }[];
}

/**
 * Replays dead letters one by one through `handler`, with their original payload, headers and
 * idempotency key. A success marks the letter replayed; a failure records the new error on it.
 *
 * @example
 * const report = await replayDeadLetters(deadLetters, ids, (payload, { key }) =>
 *   idempotent(applyShipment, { store, key: () => key })(payload),
 * { onProgress: (p) => process.stdout.write(`\rreplayed ${p.done}/${p.total}`) });
 */
export async function replayDeadLetters(
  store: DeadLetterStore,
  ids: readonly string[],
  handler: (payload: unknown, context: ReplayContext) => Promise<unknown>,
  options: ReplayOptions = {},
): Promise<ReplayReport> {
  const replayed: string[] = [];
  const failed: { id: string; error: unknown }[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const id of ids) {
    options.signal?.throwIfAborted();
    const letter = await store.get(id);
    if (letter?.status !== 'pending') {
      skipped.push({ id, reason: letter ? `already ${letter.status}` : 'not found' });
    } else {
      let handled = false;
      try {
        await handler(letter.payload, {
          key: letter.key,
          source: letter.source,
          headers: letter.headers,
          ...(letter.correlationId !== undefined ? { correlationId: letter.correlationId } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        });
        handled = true;
      } catch (error) {
        await store.record({ ...letter, error, attempts: 1 });
        failed.push({ id, error });
      }
      if (handled) {
        // Someone may have replayed or discarded it meanwhile; the message was applied either way.
        try {
          await store.markReplayed(id);
          replayed.push(id);
        } catch (error) {
          if (!(error instanceof DeadLetterStateError)) throw error;
          skipped.push({ id, reason: `already ${error.status}` });
        }
      }
    }
    options.onProgress?.({
      done: replayed.length + failed.length + skipped.length,
      total: ids.length,
      replayed: replayed.length,
      failed: failed.length,
      skipped: skipped.length,
    });
  }
  return { replayed, failed, skipped };
}
