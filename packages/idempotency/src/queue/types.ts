/** Work to do: what kind, its payload, and the correlation id it carries from the first event on. */
export interface JobInput<T> {
  /** Names the handler's branch and the dead letters' source, e.g. `shipment.confirm`. */
  readonly kind: string;
  readonly payload: T;
  readonly correlationId: string;
  /**
   * While a job with this key waits, runs or waits for a retry, enqueuing it again is a no-op
   * (`duplicate: true`); also the dead letter's key. Default: the job's own id.
   * @example `shipment:${deliveryId}`
   */
  readonly key?: string;
  /** Higher runs first; equal priorities run in arrival order. Default 0. @example 100 */
  readonly priority?: number;
}

/** A job as the handler sees it. */
export interface Job<T> extends JobInput<T> {
  readonly id: string;
  readonly key: string;
  readonly priority: number;
  /** Attempts started so far, this one included, from 1. */
  readonly attempt: number;
  /** When it was first enqueued, on the queue's clock (ms). */
  readonly enqueuedAt: number;
}

/** How a job ended. `lost` means the dead-letter store failed too: act on it. */
export type JobOutcome =
  | { readonly status: 'completed' }
  | { readonly status: 'dead_lettered'; readonly error: unknown }
  | { readonly status: 'lost'; readonly error: unknown; readonly storeError: unknown }
  | { readonly status: 'dropped' };

/** Runs one job; a throw is classified for a retry, or ends in the dead-letter store. */
export type JobHandler<T> = (job: Job<T>, signal: AbortSignal) => Promise<void>;

/** What a queue holds right now, for a status line or a metric. */
export interface QueueStats {
  /** Waiting to start. */
  readonly waiting: number;
  /** Waiting for a retry's backoff to pass. */
  readonly delayed: number;
  readonly active: number;
  /** Age of the oldest job not yet done (waiting, delayed or active), ms; 0 when empty. */
  readonly oldestAgeMs: number;
  /** Jobs not yet done, by kind. */
  readonly byKind: Readonly<Record<string, number>>;
  readonly completed: number;
  readonly deadLettered: number;
}

/** Events of a work queue, for logs and progress lines. */
export interface WorkQueueEvents<T> {
  completed: (job: Job<T>) => void;
  retrying: (job: Job<T>, error: unknown, delayMs: number) => void;
  deadLettered: (job: Job<T>, error: unknown) => void;
  /** The dead-letter store itself failed: the job is lost unless this is acted on. */
  deadLetterFailed: (job: Job<T>, error: unknown, storeError: unknown) => void;
}
