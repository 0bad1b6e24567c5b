import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProgressError, idempotent, MemoryStore } from '../src/index.js';
import { migrate } from '../src/postgres/index.js';
import { POSTGRES_URL, REDIS_URL, type StoreConfig } from './workers/open-store.js';

const KEYS = 1_000;
const WORKERS = 4;
const CLAIMERS_PER_KEY = 52; // 13 per worker: at least 50 concurrent claimers per key
const workerScript = new URL('./workers/storm-worker.ts', import.meta.url).pathname;

interface Tally {
  fulfilled: number;
  inProgress: number;
  other: string[];
  results: Record<string, string[]>;
}

/** Starts the workers, releases them together, and collects their tallies. */
async function storm(config: StoreConfig): Promise<Tally[]> {
  const workers = Array.from({ length: WORKERS }, (_, worker) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        workerScript,
        JSON.stringify({ ...config, keys: KEYS, claimersPerKey: CLAIMERS_PER_KEY / WORKERS, worker }),
      ],
      { cwd: new URL('..', import.meta.url).pathname, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    return { child, next: async () => (await lines.next()).value as string };
  });
  for (const worker of workers) expect(await worker.next()).toBe('ready');
  for (const worker of workers) worker.child.stdin.write('go\n');
  return Promise.all(workers.map(async (worker) => JSON.parse(await worker.next()) as Tally));
}

function expectOneEffectPerKey(effects: Map<string, number>, tallies: Tally[]) {
  expect(effects.size).toBe(KEYS);
  expect([...effects.values()].every((count) => count === 1)).toBe(true);
  expect(tallies.flatMap((tally) => tally.other)).toEqual([]);
  const answered = tallies.reduce((sum, tally) => sum + tally.fulfilled + tally.inProgress, 0);
  expect(answered).toBe(KEYS * CLAIMERS_PER_KEY);
  // Every duplicate that got a result got the one result of its key, in every process.
  for (let index = 0; index < KEYS; index++) {
    const distinct = new Set(tallies.flatMap((tally) => tally.results[`storm-key-${index}`] ?? []));
    expect(distinct.size).toBeLessThanOrEqual(1);
  }
}

describe('a duplicate storm of 1,000 keys × 52 concurrent claimers', () => {
  it('runs each key’s effect exactly once on MemoryStore (one process: memory is per process)', async () => {
    const store = new MemoryStore();
    const effects = new Map<string, number>();
    const confirm = idempotent(
      async (key: string) => {
        effects.set(key, (effects.get(key) ?? 0) + 1);
        await new Promise((resolve) => setImmediate(resolve));
        // Unique per execution, so a second execution would show up as a second distinct result.
        return { key, execution: crypto.randomUUID() };
      },
      { store, key: (key) => key },
    );
    const tally: Tally = { fulfilled: 0, inProgress: 0, other: [], results: {} };
    await Promise.all(
      Array.from({ length: KEYS * CLAIMERS_PER_KEY }, (_, call) => {
        const key = `storm-key-${call % KEYS}`;
        return confirm(key).then(
          (result) => {
            tally.fulfilled++;
            const seen = tally.results[key] ?? [];
            const text = JSON.stringify(result);
            if (!seen.includes(text)) tally.results[key] = [...seen, text];
          },
          (error: unknown) =>
            error instanceof InProgressError ? tally.inProgress++ : tally.other.push(String(error)),
        );
      }),
    );
    expectOneEffectPerKey(effects, [tally]);
  });

  describe('from 4 worker processes on Redis', () => {
    const namespace = `crossdock:test:storm:${process.pid}:${Date.now()}`;
    const redis = new Redis(REDIS_URL);
    afterAll(async () => {
      const keys = await redis.keys(`${namespace}:*`);
      for (let index = 0; index < keys.length; index += 500)
        await redis.del(...keys.slice(index, index + 500));
      redis.disconnect();
    });

    it('runs each key’s effect exactly once and answers every duplicate with the result or in-progress', async () => {
      const tallies = await storm({ kind: 'redis', namespace });
      const counts = await redis.hgetall(`${namespace}:effects`);
      expectOneEffectPerKey(
        new Map(Object.entries(counts).map(([key, count]) => [key, Number(count)])),
        tallies,
      );
    });
  });

  describe('from 4 worker processes on PostgreSQL', () => {
    const namespace = `crossdock_test_storm_${process.pid}_${Date.now()}`;
    const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 2 });
    beforeAll(async () => {
      await migrate(pool, { schema: namespace });
      await pool.query(`create table "${namespace}".effects (key text not null)`);
    });
    afterAll(async () => {
      await pool.query(`drop schema if exists "${namespace}" cascade`);
      await pool.end();
    });

    it('runs each key’s effect exactly once and answers every duplicate with the result or in-progress', async () => {
      const tallies = await storm({ kind: 'postgres', namespace });
      const { rows } = await pool.query<{ key: string; count: string }>(
        `select key, count(*) from "${namespace}".effects group by key`,
      );
      expectOneEffectPerKey(new Map(rows.map((row) => [row.key, Number(row.count)])), tallies);
    });
  });
});
