import type { QueueStats, StoredCursor } from '@crossdock/idempotency';
import type { Runtime } from './runtime.ts';

/** What `crossdock status` and `GET /status` show. */
export interface ServiceStatus {
  readonly cursors: readonly Pick<StoredCursor, 'name' | 'value' | 'updatedAt'>[];
  readonly queue: QueueStats;
  /** Pending dead letters, counted up to `DLQ_COUNT_LIMIT`. */
  readonly deadLetters: number;
}

const DLQ_COUNT_LIMIT = 10_000;

export async function serviceStatus(runtime: Runtime): Promise<ServiceStatus> {
  const cursors = (await runtime.stores.cursors.list())
    // Read positions have plain names; `kind:id` entries are the flows' records (links, applied shipments).
    .filter((cursor) => !cursor.name.includes(':'))
    .map(({ name, value, updatedAt }) => ({ name, value, updatedAt }));
  let deadLetters = 0;
  let after: string | undefined;
  do {
    const page = await runtime.stores.deadLetters.list({ status: 'pending', limit: 1000, after });
    deadLetters += page.items.length;
    after = page.next;
  } while (after !== undefined && deadLetters < DLQ_COUNT_LIMIT);
  return { cursors, queue: runtime.queue.stats(), deadLetters };
}
