// The real Redis the tests share, and how each test keeps to a key space of its own.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The client settings that change reply shapes. */
export interface ClientOptions {
  readonly protocol?: 2 | 3;
  readonly replyMapping?: 'legacy' | 'resp3';
  readonly stringNumbers?: boolean;
}

export const connect = (options: ClientOptions = {}): Redis =>
  new Redis(REDIS_URL, { maxRetriesPerRequest: 1, ...options });

/** A prefix no other test run uses: `crossdock:test:<area>:<pid>:<uuid>:`. */
export const freshPrefix = (area: string): string => `crossdock:test:${area}:${process.pid}:${randomUUID()}:`;

export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 500 }) as AsyncIterable<string[]>) {
    if (keys.length > 0) await redis.unlink(...keys);
  }
}
