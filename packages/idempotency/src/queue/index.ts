export { type Enqueued, MemoryWorkQueue, type MemoryWorkQueueOptions } from './memory.js';
export type { Job, JobHandler, JobInput, JobOutcome, QueueStats, WorkQueueEvents } from './types.js';
