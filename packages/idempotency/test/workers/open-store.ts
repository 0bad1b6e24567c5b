// Opens the store a worker process was asked for, on the real services the tests use.
import { Redis } from 'ioredis';
import pg from 'pg';
import type { IdempotencyStore } from '../../src/index.js';
import { PostgresStore } from '../../src/postgres/index.js';
import { RedisStore } from '../../src/redis/index.js';

export interface WorkerStore {
  readonly store: IdempotencyStore;
  /** Records one execution of the effect for `key`, in the same back end. */
  readonly recordEffect: (key: string) => Promise<void>;
  readonly close: () => Promise<void>;
}

export interface StoreConfig {
  readonly kind: 'redis' | 'postgres';
  /** Redis key prefix or PostgreSQL schema, unique per test run. */
  readonly namespace: string;
}

export const REDIS_URL = 'redis://127.0.0.1:6379';
export const POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

export async function openWorkerStore(config: StoreConfig): Promise<WorkerStore> {
  if (config.kind === 'redis') {
    const redis = new Redis(REDIS_URL, { enableAutoPipelining: true });
    return {
      store: new RedisStore({ redis, prefix: `${config.namespace}:idem:` }),
      recordEffect: async (key) => {
        await redis.hincrby(`${config.namespace}:effects`, key, 1);
      },
      close: async () => {
        redis.disconnect();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 8 });
  return {
    store: new PostgresStore({ pool, schema: config.namespace }),
    recordEffect: async (key) => {
      await pool.query(`insert into "${config.namespace}".effects (key) values ($1)`, [key]);
    },
    close: () => pool.end(),
  };
}
