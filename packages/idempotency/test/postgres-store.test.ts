import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  InvalidSchemaNameError,
  migrate,
  migrationSql,
  PostgresStore,
  SCHEMA_VERSION,
  SchemaNotMigratedError,
} from '../src/postgres/index.js';
import { describeStoreContract } from './conformance/store-contract.js';
import { openTestDatabase, type TestDatabase } from './postgres-helpers.js';

let db: TestDatabase;
const extraSchemas: string[] = [];
beforeAll(async () => {
  db = await openTestDatabase({ max: 20 });
  await db.pool.query(`CREATE TABLE ${db.s}.effects (key text NOT NULL, note text)`);
});
afterAll(async () => {
  for (const name of extraSchemas)
    await db.pool.query(`DROP SCHEMA IF EXISTS "${name.replaceAll('"', '""')}" CASCADE`);
  await db?.drop();
});

let sequence = 0;
const uniqueKey = (label: string) => `pg:${Date.now()}:${++sequence}:${label}`;
const opts = { fingerprint: 'fp-1', leaseMs: 5_000, ttlMs: 60_000 };
const newStore = () => new PostgresStore({ pool: db.pool, schema: db.schema });

async function effectsOf(key: string): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${db.s}.effects WHERE key = $1`,
    [key],
  );
  return rows[0]?.n ?? 0;
}

/** A schema name unique to this run, for tests that need an unmigrated one; dropped after the file. */
function freshSchemaName(suffix = ''): string {
  const name = `crossdock_test_${process.pid}_${randomBytes(4).toString('hex')}${suffix}`;
  extraSchemas.push(name);
  return name;
}

/** Counts the statements a store sends, by wrapping the pool's `query`. */
function countingPool(pool: pg.Pool): { pool: pg.Pool; statements: () => number } {
  let count = 0;
  const counted = new Proxy(pool, {
    get(target, property, receiver) {
      if (property === 'query') {
        return (...args: unknown[]) => {
          count++;
          return (target.query as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
  return { pool: counted, statements: () => count };
}

/** Runs `work` on a client inside BEGIN; the caller decides how the transaction ends. */
async function withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await db.pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

describeStoreContract('PostgresStore', async () => ({ store: newStore() }));

describe('PostgresStore on PostgreSQL', () => {
  it('claims, answers duplicates and completes in one statement each', async () => {
    const { pool, statements } = countingPool(db.pool);
    const store = new PostgresStore({ pool, schema: db.schema });
    const key = uniqueKey('round-trips');
    const before = statements();
    const claim = await store.claim(key, opts);
    expect(statements() - before).toBe(1);
    expect((await store.claim(key, opts)).status).toBe('in_progress');
    expect(statements() - before).toBe(2);
    if (claim.status !== 'acquired') throw new Error('not acquired');
    await store.complete(key, claim.token, '"done"');
    expect(statements() - before).toBe(3);
    expect((await store.claim(key, opts)).status).toBe('completed');
    expect(statements() - before).toBe(4);
  });

  it('treats an expired record as absent, even for another payload', async () => {
    const store = newStore();
    const key = uniqueKey('expired');
    const claim = await store.claim(key, { ...opts, leaseMs: 50, ttlMs: 80 });
    if (claim.status !== 'acquired') throw new Error('not acquired');
    await store.complete(key, claim.token, '1');
    await sleep(120);
    expect(await store.claim(key, { ...opts, fingerprint: 'fp-other' })).toMatchObject({
      status: 'acquired',
      attempt: 1,
    });
  });

  it('keeps the record for at least one lease when the TTL is shorter than the lease', async () => {
    const store = newStore();
    const key = uniqueKey('ttl-under-lease');
    await store.claim(key, { ...opts, leaseMs: 1_000, ttlMs: 50 });
    await sleep(120);
    expect((await store.claim(key, opts)).status).toBe('in_progress');
  });

  it('says not_found to the owner once the record expired', async () => {
    const store = newStore();
    const key = uniqueKey('owner-expired');
    const claim = await store.claim(key, { ...opts, leaseMs: 50, ttlMs: 50 });
    if (claim.status !== 'acquired') throw new Error('not acquired');
    await sleep(100);
    await expect(store.complete(key, claim.token, '1')).rejects.toMatchObject({ reason: 'not_found' });
  });

  it('refuses lease and TTL values that are not positive whole milliseconds', async () => {
    const store = newStore();
    await expect(store.claim(uniqueKey('bad'), { ...opts, leaseMs: 0 })).rejects.toBeInstanceOf(RangeError);
    await expect(store.claim(uniqueKey('bad'), { ...opts, ttlMs: 1.5 })).rejects.toBeInstanceOf(RangeError);
  });

  it('purges only the records whose TTL has passed, in batches', async () => {
    const store = newStore();
    await store.purgeExpired();
    const short = Array.from({ length: 7 }, (_, index) => uniqueKey(`purge-${index}`));
    for (const key of short) {
      const claim = await store.claim(key, { ...opts, leaseMs: 20, ttlMs: 50 });
      if (claim.status === 'acquired' && key.endsWith('0')) await store.complete(key, claim.token, '1');
    }
    const kept = uniqueKey('purge-kept');
    await store.claim(kept, opts);
    await sleep(100);
    expect(await store.purgeExpired({ batchSize: 2 })).toBe(7);
    const { rows } = await db.pool.query<{ key: string }>(
      `SELECT key FROM ${db.s}.idempotency_keys WHERE key = ANY ($1::text[])`,
      [[...short, kept]],
    );
    expect(rows.map((row) => row.key)).toEqual([kept]);
    expect((await store.claim(kept, opts)).status).toBe('in_progress');
  });
});

describe('PostgresStore in the caller’s transaction', () => {
  it('commits the claim, the effect and the stored result together', async () => {
    const store = newStore();
    const key = uniqueKey('tx-commit');
    await withClient(async (client) => {
      await client.query('BEGIN');
      const tx = store.inTransaction(client);
      const claim = await tx.claim(key, opts);
      if (claim.status !== 'acquired') throw new Error('not acquired');
      await client.query(`INSERT INTO ${db.s}.effects (key) VALUES ($1)`, [key]);
      await tx.complete(key, claim.token, '{"shipment":"SHP-1"}');
      await client.query('COMMIT');
    });
    expect(await store.claim(key, opts)).toEqual({
      status: 'completed',
      result: '{"shipment":"SHP-1"}',
      failed: false,
    });
    expect(await effectsOf(key)).toBe(1);
  });

  it('hands a claimer that waited on the row lock longer than its lease a full lease, so no third claimer can take over at once', async () => {
    const store = newStore();
    const key = uniqueKey('tx-long-wait');
    const short = { ...opts, leaseMs: 1_000 };
    await withClient(async (client) => {
      await client.query('BEGIN');
      expect((await store.inTransaction(client).claim(key, short)).status).toBe('acquired');
      const waiting = store.claim(key, short); // blocks on the uncommitted row
      await sleep(1_500);
      await client.query('ROLLBACK');
      expect((await waiting).status).toBe('acquired');
    });
    expect((await store.claim(key, short)).status).toBe('in_progress');
  });

  it('leaves neither the effect nor the claim after a rollback', async () => {
    const store = newStore();
    const key = uniqueKey('tx-rollback');
    await withClient(async (client) => {
      await client.query('BEGIN');
      const tx = store.inTransaction(client);
      const claim = await tx.claim(key, opts);
      if (claim.status !== 'acquired') throw new Error('not acquired');
      await client.query(`INSERT INTO ${db.s}.effects (key) VALUES ($1)`, [key]);
      await tx.complete(key, claim.token, '"never seen"');
      await client.query('ROLLBACK');
    });
    expect(await store.claim(key, opts)).toMatchObject({ status: 'acquired', attempt: 1 });
    expect(await effectsOf(key)).toBe(0);
  });

  it('makes a second transaction claiming the same key wait, then see the committed result', async () => {
    const store = newStore();
    const key = uniqueKey('tx-wait');
    const first = await db.pool.connect();
    const second = await db.pool.connect();
    try {
      await first.query('BEGIN');
      const claim = await store.inTransaction(first).claim(key, opts);
      if (claim.status !== 'acquired') throw new Error('not acquired');

      await second.query('BEGIN');
      let settled = false;
      const waiting = store
        .inTransaction(second)
        .claim(key, opts)
        .finally(() => {
          settled = true;
        });
      await sleep(300);
      expect(settled).toBe(false);

      await first.query(`INSERT INTO ${db.s}.effects (key) VALUES ($1)`, [key]);
      await store.inTransaction(first).complete(key, claim.token, '"first"');
      await first.query('COMMIT');
      expect(await waiting).toEqual({ status: 'completed', result: '"first"', failed: false });
      await second.query('COMMIT');
    } finally {
      await first.query('ROLLBACK').catch(() => {});
      await second.query('ROLLBACK').catch(() => {});
      first.release();
      second.release();
    }
    expect(await effectsOf(key)).toBe(1);
  });

  it('hands the key to the waiting claimer when the first transaction rolls back', async () => {
    const store = newStore();
    const key = uniqueKey('tx-wait-rollback');
    const first = await db.pool.connect();
    try {
      await first.query('BEGIN');
      expect((await store.inTransaction(first).claim(key, opts)).status).toBe('acquired');
      // A claimer outside any transaction waits on the row lock just the same.
      const waiting = store.claim(key, opts);
      await sleep(200);
      await first.query('ROLLBACK');
      expect(await waiting).toMatchObject({ status: 'acquired', attempt: 1 });
    } finally {
      first.release();
    }
  });

  it('restores an expired owner’s claim when a takeover rolls back', async () => {
    const store = newStore();
    const key = uniqueKey('tx-takeover');
    await store.claim(key, { ...opts, leaseMs: 50 });
    await sleep(80);
    await withClient(async (client) => {
      await client.query('BEGIN');
      expect(await store.inTransaction(client).claim(key, opts)).toMatchObject({
        status: 'acquired',
        attempt: 2,
      });
      await client.query('ROLLBACK');
    });
    expect(await store.claim(key, opts)).toMatchObject({ status: 'acquired', attempt: 2 });
  });

  it('times a claim made late in a long transaction from the statement, not from BEGIN', async () => {
    const store = newStore();
    const key = uniqueKey('tx-clock');
    await withClient(async (client) => {
      await client.query('BEGIN');
      await sleep(600);
      const claim = await store.inTransaction(client).claim(key, { ...opts, leaseMs: 2_000 });
      if (claim.status !== 'acquired') throw new Error('not acquired');
      await client.query('COMMIT');
    });
    const duplicate = await store.claim(key, { ...opts, leaseMs: 2_000 });
    expect(duplicate.status).toBe('in_progress');
    // Timed from BEGIN, the lease would have at most 1,400 ms left.
    if (duplicate.status === 'in_progress') expect(duplicate.retryAfterMs).toBeGreaterThan(1_500);
  });
});

describe('migrate', () => {
  it('creates the schema once when several instances start at the same moment', async () => {
    const schema = freshSchemaName();
    const reports = await Promise.all(Array.from({ length: 4 }, () => migrate(db.pool, { schema })));
    // One instance applied every version, in order; the others found the schema current.
    const everyVersion = Array.from({ length: SCHEMA_VERSION }, (_, index) => index + 1);
    expect(reports.map((report) => report.applied).sort((a, b) => a.length - b.length)).toEqual([
      [],
      [],
      [],
      everyVersion,
    ]);
    expect(reports.every((report) => report.version === SCHEMA_VERSION)).toBe(true);
    expect(await migrate(db.pool, { schema })).toEqual({ applied: [], version: SCHEMA_VERSION });
    const { rows } = await db.pool.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [schema],
    );
    expect(rows.map((row) => row.table_name)).toEqual([
      'audit_entries',
      'cursors',
      'dead_letters',
      'idempotency_keys',
      'idempotency_migrations',
      'ordering_positions',
      'outbox',
    ]);
  });

  it('exports SQL that a migration tool can apply, twice, and that migrate then finds current', async () => {
    const schema = freshSchemaName(`_o'brien\\x`);
    const sql = migrationSql({ schema });
    for (let run = 0; run < 2; run++) {
      await withClient(async (client) => {
        await client.query('BEGIN');
        await client.query(sql);
        await client.query('COMMIT');
      });
    }
    expect(await migrate(db.pool, { schema })).toEqual({ applied: [], version: SCHEMA_VERSION });
  });

  it('quotes the schema name, so any name is inert', async () => {
    const schema = freshSchemaName(`"; DROP TABLE x; --`);
    await migrate(db.pool, { schema });
    const store = new PostgresStore({ pool: db.pool, schema });
    expect((await store.claim('k', opts)).status).toBe('acquired');
    expect(() => new PostgresStore({ pool: db.pool, schema: '' })).toThrow(InvalidSchemaNameError);
    expect(() => new PostgresStore({ pool: db.pool, schema: 'x'.repeat(64) })).toThrow(
      InvalidSchemaNameError,
    );
  });

  it('tells a store used before migrate to run it', async () => {
    const store = new PostgresStore({ pool: db.pool, schema: freshSchemaName() });
    const error = await store.claim('k', opts).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SchemaNotMigratedError);
    expect((error as Error).message).toContain('run migrate(');
  });
});
