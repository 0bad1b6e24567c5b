import { defaultOwnershipPolicy, type OwnershipPolicy } from '@crossdock/canonical';
import { MemoryWorkQueue } from '@crossdock/idempotency';
import type { Config } from '../config/schema.ts';
import { type Audit, createAudit } from './audit.ts';
import type { Connectors } from './connectors.ts';
import { type CorrelationIndex, createCorrelationIndex } from './correlation.ts';
import { EventBus } from './events.ts';
import type { Stores } from './stores.ts';

/** A unit of queued work: which flow step, and its JSON payload. */
export interface WorkPayload {
  readonly [key: string]: unknown;
}

/** Where progress and problems are told; secrets are never passed here. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Everything a flow needs: the systems, the stores, the queue, the policy, the trail and the bus. */
export interface Runtime extends Connectors {
  readonly config: Config;
  readonly stores: Stores;
  readonly queue: MemoryWorkQueue<WorkPayload>;
  readonly policy: OwnershipPolicy;
  readonly audit: Audit;
  readonly correlations: CorrelationIndex;
  readonly events: EventBus;
  readonly log: Logger;
  readonly now: () => Date;
}

/** What the queue runs: a flow step by kind. */
export type StepHandler = (runtime: Runtime, payload: WorkPayload, context: StepContext) => Promise<void>;

export interface StepContext {
  readonly correlationId: string;
  readonly signal: AbortSignal;
  readonly attempt: number;
}

/** A logger that writes one JSON line per message to stderr. */
export const jsonLogger: Logger = {
  info: (message, fields) => console.error(JSON.stringify({ level: 'info', message, ...fields })),
  warn: (message, fields) => console.error(JSON.stringify({ level: 'warn', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
};

export interface CreateRuntimeOptions {
  readonly policy?: OwnershipPolicy;
  readonly log?: Logger;
  readonly concurrency?: number;
  readonly now?: () => Date;
}

/**
 * Wires connectors, stores and the step handlers into a runtime whose queue runs every step by
 * priority, retries transient failures and dead-letters the rest with payload and correlation id.
 */
export function createRuntime(
  config: Config,
  connectors: Connectors,
  stores: Stores,
  steps: Readonly<Record<string, StepHandler>>,
  options: CreateRuntimeOptions = {},
): Runtime {
  const log = options.log ?? jsonLogger;
  let runtime: Runtime | undefined;
  const queue = new MemoryWorkQueue<WorkPayload>({
    deadLetters: stores.deadLetters,
    source: 'crossdock',
    concurrency: options.concurrency ?? 4,
    handler: async (job, signal) => {
      const step = steps[job.kind];
      if (step === undefined || runtime === undefined) {
        throw Object.assign(new Error(`no step handles ${job.kind}`), { retryable: false });
      }
      await step(runtime, job.payload, { correlationId: job.correlationId, signal, attempt: job.attempt });
    },
  });
  const audit = createAudit(stores.audit);
  queue.on('deadLettered', (job, error) => {
    log.error('dead-lettered', {
      kind: job.kind,
      key: job.key,
      correlationId: job.correlationId,
      error: String(error),
    });
    void audit.error(job.correlationId, 'crossdock.queue', `${job.kind}.dead_lettered`, error, {
      detail: { key: job.key, attempts: job.attempt },
    });
  });
  queue.on('deadLetterFailed', (job, error, storeError) =>
    log.error('dead-letter store failed: job lost', {
      kind: job.kind,
      key: job.key,
      correlationId: job.correlationId,
      error: String(error),
      storeError: String(storeError),
    }),
  );
  runtime = {
    ...connectors,
    config,
    stores,
    queue,
    policy: options.policy ?? defaultOwnershipPolicy,
    audit,
    correlations: createCorrelationIndex(stores.cursors),
    events: new EventBus(),
    log,
    now: options.now ?? (() => new Date()),
  };
  return runtime;
}
