import { positiveInteger } from '../validate.js';
import { type DrainOutboxOptions, drainOutbox } from './outbox.js';

export interface OutboxWorkerOptions extends DrainOutboxOptions {
  /**
   * Stops the worker: it finishes the batch in hand and resolves. Required.
   *
   * @example controller.signal
   */
  readonly signal: AbortSignal;
  /**
   * The wait between polls when the outbox is empty, and after an error. Default `1_000`.
   *
   * @example 250
   */
  readonly pollIntervalMs?: number;
  /**
   * Called with errors of the outbox itself (database unreachable, dead-letter store failing), after
   * which the worker waits `pollIntervalMs` and goes on. Handler failures are not errors here: they
   * are retried and dead-lettered. Default: none, and the worker rejects with the first such error.
   *
   * @example (error) => log.error({ err: error }, 'outbox worker')
   */
  readonly onError?: (error: unknown) => void;
}

/**
 * Drains the outbox continuously until `signal` aborts: drains, and when nothing was due waits
 * `pollIntervalMs` (cut short by the abort) before looking again. On abort it lets the batch in
 * hand finish and settle, then resolves. Start one or several per process; they share the work.
 *
 * @example
 * const controller = new AbortController();
 * const worker = runOutboxWorker({ pool, handler: publish, signal: controller.signal, onError: log.error });
 * process.once('SIGTERM', () => controller.abort());
 * await worker;
 */
export async function runOutboxWorker(options: OutboxWorkerOptions): Promise<void> {
  const pollIntervalMs = positiveInteger('pollIntervalMs', options.pollIntervalMs ?? 1_000);
  const { signal } = options;
  while (!signal.aborted) {
    let busy = false;
    try {
      const report = await drainOutbox(options);
      busy = report.batches > 0;
    } catch (error) {
      if (signal.aborted) return;
      if (!options.onError) throw error;
      options.onError(error);
    }
    if (!busy) await pause(pollIntervalMs, signal);
  }
}

/** Waits `ms`, or less if `signal` aborts; never rejects. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
