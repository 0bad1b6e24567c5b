export { MemoryWorkQueue, type MemoryWorkQueueOptions } from './memory.js';
export type { Job, JobHandler, JobInput, QueueStats, WorkQueueEvents } from './types.js';
