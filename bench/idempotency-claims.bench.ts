// Claim throughput and latency per store, each next to a baseline measured in the same run:
// a Map insert for memory, the raw `SET NX PX` for Redis, a raw durable INSERT for PostgreSQL.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MemoryStore } from '@crossdock/idempotency';
import { migrate, PostgresStore } from '@crossdock/idempotency/postgres';
import { RedisStore } from '@crossdock/idempotency/redis';
import { Redis } from 'ioredis';
import pg from 'pg';
import { type LoadResult, runLoad, step } from './harness.ts';

const run = `${process.pid}-${Date.now()}`;
const claim = { fingerprint: 'bench', leaseMs: 30_000, ttlMs: 600_000 };
const results: LoadResult[] = [];

async function memory() {
  const total = 1_000_000;
  step(`memory: ${total} claims`);
  const map = new Map<string, string>();
  const load = { total, concurrency: 64, sampleEvery: 10 };
  results.push(await runLoad('baseline: Map.set', load, async (i) => map.set(`k${i}`, 'v')));
  // Warm the JIT on a throwaway store first, as the Map baseline was warmed by the line above.
  const warmup = new MemoryStore({ maxKeys: total });
  await runLoad('warm-up', load, (i) => warmup.claim(`k${i}`, claim));
  const store = new MemoryStore({ maxKeys: total });
  results.push(await runLoad('MemoryStore.claim', load, (i) => store.claim(`k${i}`, claim)));
}

async function redis() {
  const total = 200_000;
  const concurrency = 64;
  step(`redis: ${total} claims, ${concurrency} in flight on one connection`);
  // No auto-pipelining: it batches per event-loop turn, so Node and Redis take turns idling (measured: half the throughput).
  const client = new Redis('redis://127.0.0.1:6379');
  const prefix = `crossdock:bench:${run}:`;
  const constantScript = (await client.script('LOAD', "return {'acquired', 1}")) as string;
  results.push(
    await runLoad('baseline: Redis EVALSHA of a constant', { total, concurrency }, (i) =>
      client.evalsha(constantScript, 1, `${prefix}const:${i}`, 'bench', 30_000, 600_000, 'token'),
    ),
  );
  results.push(
    await runLoad('baseline: Redis SET NX PX', { total, concurrency }, (i) =>
      client.set(`${prefix}raw:${i}`, '1', 'PX', 600_000, 'NX'),
    ),
  );
  const store = new RedisStore({ redis: client, prefix: `${prefix}idem:` });
  results.push(await runLoad('RedisStore.claim', { total, concurrency }, (i) => store.claim(`k${i}`, claim)));
  for (let cursor = '0'; ; ) {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 10_000);
    if (keys.length > 0) await client.unlink(...keys);
    if (next === '0') break;
    cursor = next;
  }
  client.disconnect();
}

async function postgres() {
  const total = 50_000;
  const concurrency = 32;
  step(`postgres: ${total} claims, ${concurrency} connections, synchronous_commit on`);
  const pool = new pg.Pool({
    connectionString: 'postgresql://postgres@127.0.0.1:5432/postgres',
    max: concurrency,
  });
  const schema = `crossdock_bench_${run.replace('-', '_')}`;
  const { rows } = await pool.query<{ synchronous_commit: string }>('show synchronous_commit');
  if (rows[0]?.synchronous_commit !== 'on')
    throw new Error('synchronous_commit is not on: the numbers would not be durable');
  await migrate(pool, { schema });
  await pool.query(`create table "${schema}".raw (key text primary key, fingerprint text not null)`);
  results.push(
    await runLoad('baseline: PostgreSQL INSERT ON CONFLICT DO NOTHING', { total, concurrency }, (i) =>
      pool.query(`insert into "${schema}".raw values ($1, 'bench') on conflict do nothing`, [`k${i}`]),
    ),
  );
  const store = new PostgresStore({ pool, schema });
  results.push(
    await runLoad('PostgresStore.claim', { total, concurrency }, (i) => store.claim(`k${i}`, claim)),
  );
  await pool.query(`drop schema "${schema}" cascade`);
  await pool.end();
}

// Each store runs in a process of its own, so one section's heap and JIT state never weigh on the next.
const section = process.argv[2];
const sections = { memory, redis, postgres } as const;
if (section && section in sections) {
  await sections[section as keyof typeof sections]();
  process.stdout.write(`RESULTS ${JSON.stringify(results)}\n`);
} else {
  console.log('idempotency claim benchmark: memory, redis, postgres, each in its own process');
  for (const name of Object.keys(sections)) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), name], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (child.status !== 0) throw new Error(`the ${name} section failed with exit code ${child.status}`);
    for (const line of child.stdout.split('\n')) {
      if (line.startsWith('RESULTS ')) results.push(...(JSON.parse(line.slice(8)) as LoadResult[]));
      else if (line) console.log(line);
    }
  }
  console.log(`\nNode ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}`);
  console.table(
    results.map(({ name, ops, opsPerSecond, p50Ms, p99Ms }) => ({
      name,
      ops,
      'ops/s': opsPerSecond,
      'p50 ms': p50Ms,
      'p99 ms': p99Ms,
    })),
  );
}
