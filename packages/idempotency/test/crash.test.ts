import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClaimResult, StaleTokenError } from '../src/index.js';
import { migrate, PostgresStore } from '../src/postgres/index.js';
import { openWorkerStore, POSTGRES_URL, REDIS_URL, type StoreConfig } from './workers/open-store.js';

const LEASE_MS = 400;
const crashWorker = new URL('./workers/crash-worker.ts', import.meta.url).pathname;
const transactionalCrashWorker = new URL('./workers/transactional-crash-worker.ts', import.meta.url).pathname;

async function startAndReadLine(
  script: string,
  config: object,
): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(config)], {
    cwd: new URL('..', import.meta.url).pathname,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> });
  const [line] = (await once(lines, 'line')) as [string];
  return { child, line };
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

/** The crash scenario for one store: SIGKILL mid-handler, reclaim after one lease, the dead worker fenced out. */
function describeCrash(name: string, config: () => StoreConfig) {
  it(`${name}: a worker killed mid-handler frees its key after one lease, and its late complete is refused`, async () => {
    const key = `crash-${process.pid}-${Date.now()}`;
    const { child, line } = await startAndReadLine(crashWorker, { ...config(), key, leaseMs: LEASE_MS });
    const victim = JSON.parse(line) as ClaimResult;
    expect(victim.status).toBe('acquired');
    if (victim.status !== 'acquired') return;
    await kill(child);

    const { store, close } = await openWorkerStore(config());
    try {
      const claimOptions = { fingerprint: 'crash-payload', leaseMs: LEASE_MS, ttlMs: 60_000 };
      expect((await store.claim(key, claimOptions)).status).toBe('in_progress');
      await sleep(LEASE_MS + 100);
      const successor = await store.claim(key, claimOptions);
      expect(successor).toMatchObject({ status: 'acquired', attempt: 2 });
      const late = store.complete(key, victim.token, '"written by a dead worker"');
      await expect(late).rejects.toBeInstanceOf(StaleTokenError);
      await expect(late).rejects.toMatchObject({ reason: 'not_owner' });
      if (successor.status === 'acquired')
        await store.complete(key, successor.token, '"done by the successor"');
      expect(await store.claim(key, claimOptions)).toMatchObject({
        status: 'completed',
        result: '"done by the successor"',
      });
    } finally {
      await close();
    }
  });
}

describe('a crashed worker', () => {
  const redisNamespace = `crossdock:test:crash:${process.pid}:${Date.now()}`;
  const pgNamespace = `crossdock_test_crash_${process.pid}_${Date.now()}`;
  const redis = new Redis(REDIS_URL);
  const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: 2 });

  beforeAll(async () => {
    await migrate(pool, { schema: pgNamespace });
    await pool.query(`create table "${pgNamespace}".effects (key text not null)`);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${redisNamespace}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await pool.query(`drop schema if exists "${pgNamespace}" cascade`);
    await pool.end();
  });

  describeCrash('RedisStore', () => ({ kind: 'redis', namespace: redisNamespace }));
  describeCrash('PostgresStore', () => ({ kind: 'postgres', namespace: pgNamespace }));

  it('PostgresStore in transactional mode: a worker killed before COMMIT leaves neither the effect nor the claim', async () => {
    const key = `tx-crash-${process.pid}-${Date.now()}`;
    const { child, line } = await startAndReadLine(transactionalCrashWorker, { namespace: pgNamespace, key });
    expect(JSON.parse(line)).toMatchObject({ status: 'acquired' });
    await kill(child);

    const store = new PostgresStore({ pool, schema: pgNamespace });
    // PostgreSQL notices the dead connection and rolls back; the next claim may wait on the row lock until then.
    const claim = await store.claim(key, { fingerprint: 'crash-payload', leaseMs: 60_000, ttlMs: 600_000 });
    expect(claim).toMatchObject({ status: 'acquired', attempt: 1 });
    const { rows } = await pool.query(
      `select count(*)::int as n from "${pgNamespace}".effects where key = $1`,
      [key],
    );
    expect(rows[0]).toEqual({ n: 0 });
  });
});
