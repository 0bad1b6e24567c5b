// In one PostgreSQL transaction: claims a key, writes the effect, then stops before COMMIT and
// prints "ready". The test kills it with SIGKILL there; PostgreSQL must roll everything back.
import pg from 'pg';
import { PostgresStore } from '../../src/postgres/index.js';
import { POSTGRES_URL } from './open-store.js';

const { namespace, key } = JSON.parse(process.argv[2] ?? '{}') as { namespace: string; key: string };
const client = new pg.Client({ connectionString: POSTGRES_URL });
await client.connect();
const store = new PostgresStore({
  pool: new pg.Pool({ connectionString: POSTGRES_URL, max: 1 }),
  schema: namespace,
});

await client.query('BEGIN');
const tx = store.inTransaction(client);
const claim = await tx.claim(key, { fingerprint: 'crash-payload', leaseMs: 60_000, ttlMs: 600_000 });
await client.query(`insert into "${namespace}".effects (key) values ($1)`, [key]);
process.stdout.write(`${JSON.stringify(claim)}\n`);
// Never commits: only SIGKILL ends this process.
setInterval(() => {}, 1_000);
