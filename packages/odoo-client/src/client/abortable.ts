import { fromFetchFailure } from '../transport/index.js';

/**
 * Waits for a promise other callers share (server detection, a model's field types) until this
 * caller's signal aborts; the abort ends only this wait, as an `OdooTransportError` (`aborted`).
 */
export function abortable<T>(
  shared: Promise<T>,
  signal: AbortSignal | undefined,
  context: { model: string; method: string },
): Promise<T> {
  if (!signal) return shared;
  if (signal.aborted) return Promise.reject(fromFetchFailure(signal.reason, context, signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(fromFetchFailure(signal.reason, context, signal));
    signal.addEventListener('abort', onAbort, { once: true });
    shared.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
