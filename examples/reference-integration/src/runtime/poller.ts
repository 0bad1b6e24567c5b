import { setTimeout as sleep } from 'node:timers/promises';

/** Options of {@link startPoller}. */
export interface PollerOptions {
  readonly name: string;
  readonly intervalMs: number;
  /** One pass; the poller never starts a pass while the previous one runs. */
  readonly run: (signal: AbortSignal) => Promise<void>;
  readonly onError: (error: unknown) => void;
  readonly signal: AbortSignal;
}

/** A running poller: `wake()` starts the next pass now instead of at the next interval. */
export interface Poller {
  wake(): void;
  /** Resolves when the loop has stopped (after the signal aborted and the pass in hand ended). */
  readonly stopped: Promise<void>;
}

/**
 * Runs `run` every `intervalMs` until the signal aborts, one pass at a time; wake-ups during a pass
 * coalesce into one more pass right after it. A failed pass is reported and the loop goes on.
 *
 * @example
 * const poller = startPoller({ name: 'release', intervalMs: 30_000, run: (signal) => pollReleases(runtime, { signal }), onError, signal });
 * poller.wake(); // an Odoo automation said something changed
 */
export function startPoller(options: PollerOptions): Poller {
  let wakeUp: AbortController | undefined;
  let woken = false;
  const wake = () => {
    woken = true;
    wakeUp?.abort();
  };
  const loop = async () => {
    while (!options.signal.aborted) {
      woken = false;
      try {
        await options.run(options.signal);
      } catch (error) {
        if (!options.signal.aborted) options.onError(error);
      }
      if (woken || options.signal.aborted) continue;
      wakeUp = new AbortController();
      try {
        await sleep(options.intervalMs, undefined, {
          signal: AbortSignal.any([options.signal, wakeUp.signal]),
        });
      } catch {
        // Woken or stopping: the loop condition decides.
      }
    }
  };
  return { wake, stopped: loop() };
}
