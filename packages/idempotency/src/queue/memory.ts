import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'eventemitter3';
import PQueue from 'p-queue';
import { type Clock, systemClock } from '../clock.js';
import type { DeadLetterStore } from '../dead-letter/types.js';
import { defaultClassifier, type RetryClassifier } from '../retry/classify.js';
import type { Job, JobHandler, JobInput, JobOutcome, QueueStats, WorkQueueEvents } from './types.js';

/** Options of {@link MemoryWorkQueue}. */
export interface MemoryWorkQueueOptions<T> {
  readonly handler: JobHandler<T>;
  /** Where a job goes after its last attempt, with payload, error chain and correlation id. */
  readonly deadLetters: DeadLetterStore;
  /** Prefix of the dead letters' source (`${source}.${kind}`). Default `queue`. */
  readonly source?: string;
  /** Jobs running at once. Default 4. */
  readonly concurrency?: number;
  /** Attempts per job before it is dead-lettered. Default 5. */
  readonly maxAttempts?: number;
  /** Upper bound of the first backoff, doubling per attempt, with full jitter. Default 200. */
  readonly baseDelayMs?: number;
  /** Upper bound of any backoff. Default 30_000. */
  readonly maxDelayMs?: number;
  /** Which failures are worth another attempt. Default `defaultClassifier` (honours `retryable` and `retryAfterMs`). */
  readonly classify?: RetryClassifier;
  readonly clock?: Clock;
  /** In [0, 1); fix it for deterministic tests. Default `Math.random`. */
  readonly random?: () => number;
}

interface Tracked<T> {
  job: Job<T>;
  state: 'waiting' | 'delayed' | 'active';
  readonly done: Promise<JobOutcome>;
  readonly settle: (outcome: JobOutcome) => void;
}

/** What {@link MemoryWorkQueue.enqueue} answers. */
export interface Enqueued {
  readonly id: string;
  /** True when a job with the same key was already pending; `done` is that job's. */
  readonly duplicate: boolean;
  /** Settles when the job completed, was dead-lettered, or was dropped by `close`; never rejects. */
  readonly done: Promise<JobOutcome>;
}

/**
 * A work queue in this process: strict priorities (a burst of low-priority work never delays a
 * higher one that is waiting), a concurrency limit, retries with backoff outside the worker slots
 * (a job waiting for its retry does not block others), deduplication by key while a job is
 * pending, and dead letters for jobs that exhaust their attempts or fail for good.
 *
 * @example
 * const queue = new MemoryWorkQueue({ handler: (job, signal) => flows[job.kind](job, signal), deadLetters });
 * await queue.enqueue({ kind: 'shipment.confirm', payload: shipment, correlationId, key: `shipment:${id}`, priority: 100 });
 * await queue.enqueue({ kind: 'inventory.snapshot', payload: {}, correlationId, priority: 1 });
 * await queue.onIdle();
 */
export class MemoryWorkQueue<T> extends EventEmitter<WorkQueueEvents<T>> {
  readonly #options: MemoryWorkQueueOptions<T>;
  readonly #clock: Clock;
  readonly #queue: PQueue;
  readonly #pending = new Map<string, Tracked<T>>();
  readonly #abort = new AbortController();
  readonly #idle = new Set<() => void>();
  #completed = 0;
  #deadLettered = 0;
  #closed = false;

  constructor(options: MemoryWorkQueueOptions<T>) {
    super();
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#queue = new PQueue({ concurrency: options.concurrency ?? 4 });
  }

  /**
   * Adds a job; answers `duplicate: true` (and adds nothing) while a job with the same key is
   * waiting, running or waiting for a retry.
   */
  async enqueue(input: JobInput<T>): Promise<Enqueued> {
    if (this.#closed) throw new Error('the work queue is closed');
    const id = randomUUID();
    const key = input.key ?? id;
    const existing = this.#pending.get(key);
    if (existing !== undefined) return { id: existing.job.id, duplicate: true, done: existing.done };
    const job: Job<T> = {
      ...input,
      id,
      key,
      priority: input.priority ?? 0,
      attempt: 0,
      enqueuedAt: this.#clock.now(),
    };
    let settle!: (outcome: JobOutcome) => void;
    const done = new Promise<JobOutcome>((resolve) => (settle = resolve));
    this.#pending.set(key, { job, state: 'waiting', done, settle });
    this.#schedule(job);
    return { id, duplicate: false, done };
  }

  /** What the queue holds now. */
  stats(): QueueStats {
    const now = this.#clock.now();
    const counts = { waiting: 0, delayed: 0, active: 0 };
    const byKind: Record<string, number> = {};
    let oldest = now;
    for (const { job, state } of this.#pending.values()) {
      counts[state]++;
      byKind[job.kind] = (byKind[job.kind] ?? 0) + 1;
      oldest = Math.min(oldest, job.enqueuedAt);
    }
    return {
      ...counts,
      oldestAgeMs: now - oldest,
      byKind,
      completed: this.#completed,
      deadLettered: this.#deadLettered,
    };
  }

  /** Resolves when no job waits, runs or waits for a retry. */
  onIdle(): Promise<void> {
    if (this.#pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.add(resolve));
  }

  /** Stops taking jobs and aborts the running ones' signals; waits for them to return. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#abort.abort(new Error('the work queue is closing'));
    this.#queue.clear();
    await this.#queue.onIdle();
    for (const { job } of [...this.#pending.values()]) this.#done(job, { status: 'dropped' });
  }

  #schedule(job: Job<T>): void {
    const tracked = this.#pending.get(job.key);
    if (tracked) tracked.state = 'waiting';
    void this.#queue.add(() => this.#run(job), { priority: job.priority });
  }

  async #run(queued: Job<T>): Promise<void> {
    const job: Job<T> = { ...queued, attempt: queued.attempt + 1 };
    const tracked = this.#pending.get(job.key);
    if (tracked === undefined || this.#closed) return;
    tracked.state = 'active';
    tracked.job = job;
    try {
      await this.#options.handler(job, this.#abort.signal);
      this.#completed++;
      this.#done(job, { status: 'completed' });
      this.emit('completed', job);
    } catch (error) {
      await this.#failed(job, error);
    }
  }

  async #failed(job: Job<T>, error: unknown): Promise<void> {
    const verdict = (this.#options.classify ?? defaultClassifier)(error, this.#clock.now());
    if (verdict.retryable && job.attempt < (this.#options.maxAttempts ?? 5) && !this.#closed) {
      const delayMs = verdict.delayMs ?? this.#backoff(job.attempt);
      const tracked = this.#pending.get(job.key);
      if (tracked) tracked.state = 'delayed';
      this.emit('retrying', job, error, delayMs);
      // The wait happens outside the worker slots, so other jobs run meanwhile.
      void this.#clock.sleep(delayMs, this.#abort.signal).then(
        () => this.#schedule(job),
        () => this.#done(job, { status: 'dropped' }),
      );
      return;
    }
    let outcome: JobOutcome = { status: 'dead_lettered', error };
    try {
      await this.#options.deadLetters.record({
        key: job.key,
        source: `${this.#options.source ?? 'queue'}.${job.kind}`,
        payload: job.payload,
        error,
        correlationId: job.correlationId,
        attempts: job.attempt,
      });
      this.#deadLettered++;
      this.emit('deadLettered', job, error);
    } catch (storeError) {
      outcome = { status: 'lost', error, storeError };
      this.emit('deadLetterFailed', job, error, storeError);
    } finally {
      this.#done(job, outcome);
    }
  }

  #backoff(attempt: number): number {
    const bound = Math.min(
      this.#options.maxDelayMs ?? 30_000,
      (this.#options.baseDelayMs ?? 200) * 2 ** (attempt - 1),
    );
    return Math.floor((this.#options.random ?? Math.random)() * bound);
  }

  #done(job: Job<T>, outcome: JobOutcome): void {
    this.#pending.get(job.key)?.settle(outcome);
    this.#pending.delete(job.key);
    if (this.#pending.size > 0) return;
    for (const resolve of this.#idle) resolve();
    this.#idle.clear();
  }
}
