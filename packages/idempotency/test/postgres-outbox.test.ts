import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  drainOutbox,
  enqueue,
  OutboxAttemptsExhaustedError,
  type OutboxHandler,
  type OutboxMessage,
  PostgresDeadLetterStore,
  purgeOutbox,
  runOutboxWorker,
  SchemaNotMigratedError,
} from '../src/postgres/index.js';
import { openTestDatabase, type TestDatabase } from './postgres-helpers.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase({ max: 12 });
});
afterAll(async () => {
  await db?.drop();
});
// Every test starts from an empty outbox, so no drain sees another test's messages.
beforeEach(async () => {
  await db.pool.query(`TRUNCATE ${db.s}.outbox, ${db.s}.dead_letters`);
});

/** Enqueues `messages` in one committed transaction. */
async function enqueueCommitted(
  messages: readonly { topic: string; key: string; payload: unknown }[],
): Promise<string[]> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    const ids: string[] = [];
    for (const message of messages) ids.push(await enqueue(client, message, { schema: db.schema }));
    await client.query('COMMIT');
    return ids;
  } finally {
    client.release();
  }
}

async function outboxRow(id: string) {
  const { rows } = await db.pool.query<{
    status: string;
    attempts: number;
    last_error: unknown;
    due_in_ms: number;
  }>(
    `SELECT status, attempts, last_error, extract(epoch FROM available_at - clock_timestamp())::float8 * 1000 AS due_in_ms
     FROM ${db.s}.outbox WHERE id = $1`,
    [id],
  );
  return rows[0];
}

const collect = () => {
  const seen: OutboxMessage[] = [];
  const handler: OutboxHandler = async (messages) => {
    seen.push(...messages);
  };
  return { seen, handler };
};

describe('the PostgreSQL outbox', () => {
  it('holds a message only if the transaction that enqueued it commits', async () => {
    const client: pg.PoolClient = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await enqueue(
        client,
        {
          topic: 'odoo.picking.done',
          key: 'picking:1',
          payload: { pickingId: 1 },
          headers: { 'x-trace': 't1' },
        },
        { schema: db.schema },
      );
      await client.query('COMMIT');
      await client.query('BEGIN');
      await enqueue(
        client,
        { topic: 'odoo.picking.done', key: 'picking:2', payload: { pickingId: 2 } },
        { schema: db.schema },
      );
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    const { seen, handler } = collect();
    const report = await drainOutbox({ pool: db.pool, schema: db.schema, handler });
    expect(report).toMatchObject({ delivered: 1, failed: 0, deadLettered: 0 });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      topic: 'odoo.picking.done',
      key: 'picking:1',
      payload: { pickingId: 1 },
      headers: { 'x-trace': 't1' },
      attempt: 1,
    });
    expect(Date.parse(seen[0]?.createdAt ?? '')).not.toBeNaN();
  });

  it('delivers each of 2,000 messages exactly once across 4 concurrent drains', async () => {
    const total = 2_000;
    const ids = await enqueueCommitted(
      Array.from({ length: total }, (_, index) => ({ topic: 'bulk', key: `m${index}`, payload: { index } })),
    );
    const deliveries = new Map<string, number>();
    const perDrain = [0, 0, 0, 0];
    const reports = await Promise.all(
      perDrain.map((_, drain) =>
        drainOutbox({
          pool: db.pool,
          schema: db.schema,
          batchSize: 50,
          handler: async (messages) => {
            for (const message of messages) deliveries.set(message.id, (deliveries.get(message.id) ?? 0) + 1);
            perDrain[drain] = (perDrain[drain] ?? 0) + messages.length;
            await sleep(2);
          },
        }),
      ),
    );
    expect(deliveries.size).toBe(total);
    expect([...deliveries.values()].every((count) => count === 1)).toBe(true);
    expect(new Set(deliveries.keys())).toEqual(new Set(ids));
    expect(reports.reduce((sum, report) => sum + report.delivered, 0)).toBe(total);
    expect(perDrain.every((count) => count > 0)).toBe(true);
    const { rows } = await db.pool.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM ${db.s}.outbox GROUP BY status`,
    );
    expect(rows).toEqual([{ status: 'delivered', n: total }]);
  });

  it('backs a failed delivery off and retries it until it succeeds', async () => {
    const [id] = await enqueueCommitted([{ topic: 'flaky', key: 'k1', payload: { n: 1 } }]);
    const attempts: number[] = [];
    const handler: OutboxHandler = async (messages) => {
      for (const message of messages) attempts.push(message.attempt);
      if (attempts.length < 3) throw new Error('carrier API timed out');
    };
    const options = { pool: db.pool, schema: db.schema, handler, retryDelayMs: () => 500 };

    expect(await drainOutbox(options)).toMatchObject({ delivered: 0, failed: 1 });
    const afterFirst = await outboxRow(id as string);
    expect(afterFirst).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: [{ message: 'carrier API timed out' }],
    });
    expect(afterFirst?.due_in_ms).toBeGreaterThan(300);
    // Not due yet: a drain right now finds nothing.
    expect(await drainOutbox(options)).toMatchObject({ batches: 0 });

    await sleep(550);
    expect(await drainOutbox(options)).toMatchObject({ failed: 1 });
    await sleep(550);
    expect(await drainOutbox(options)).toMatchObject({ delivered: 1 });
    expect(attempts).toEqual([1, 2, 3]);
    expect(await outboxRow(id as string)).toMatchObject({ status: 'delivered', attempts: 3 });
  });

  it('retries only the messages a handler reports as failed', async () => {
    const ids = await enqueueCommitted(
      ['a', 'b', 'c'].map((key) => ({ topic: 'partial', key, payload: key })),
    );
    const report = await drainOutbox({
      pool: db.pool,
      schema: db.schema,
      handler: async (messages) => ({
        failed: messages
          .filter((message) => message.key === 'b')
          .map((message) => ({ id: message.id, error: new Error('rejected') })),
      }),
    });
    expect(report).toMatchObject({ delivered: 2, failed: 1 });
    expect((await outboxRow(ids[0] as string))?.status).toBe('delivered');
    expect(await outboxRow(ids[1] as string)).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await outboxRow(ids[2] as string))?.status).toBe('delivered');
  });

  it('moves a message to the dead-letter store with its payload after maxAttempts', async () => {
    const deadLetters = new PostgresDeadLetterStore({ pool: db.pool, schema: db.schema });
    const payload = { order: 'S00042', lines: [{ sku: 'FURN_6666', qty: '7' }] };
    const [id] = await enqueueCommitted([{ topic: 'shipbob.order.create', key: 'order:S00042', payload }]);
    let calls = 0;
    const report = await drainOutbox({
      pool: db.pool,
      schema: db.schema,
      maxAttempts: 3,
      retryDelayMs: () => 0,
      deadLetters,
      handler: async () => {
        calls++;
        throw new Error('422 invalid address', { cause: new Error('zip code missing') });
      },
    });
    expect(calls).toBe(3);
    expect(report).toMatchObject({ delivered: 0, failed: 2, deadLettered: 1 });
    const { items } = await deadLetters.list({ source: 'shipbob.order.create' });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ key: 'order:S00042', payload, attempts: 3, status: 'pending' });
    expect(items[0]?.errors.map((error) => error.message)).toEqual([
      '422 invalid address',
      'zip code missing',
    ]);
    expect(await outboxRow(id as string)).toMatchObject({ status: 'dead', attempts: 3 });
    // A dead message is never delivered again.
    expect(await drainOutbox({ pool: db.pool, schema: db.schema, handler: collect().handler })).toMatchObject(
      { batches: 0 },
    );
  });

  it('keeps a message given up on in the outbox, marked dead, when no dead-letter store is given', async () => {
    const [id] = await enqueueCommitted([{ topic: 'no-dlq', key: 'k', payload: 1 }]);
    const report = await drainOutbox({
      pool: db.pool,
      schema: db.schema,
      maxAttempts: 1,
      handler: async () => {
        throw new Error('nope');
      },
    });
    expect(report).toMatchObject({ failed: 0, deadLettered: 1 });
    expect(await outboxRow(id as string)).toMatchObject({
      status: 'dead',
      last_error: [{ message: 'nope' }],
    });
  });

  it('delivers again a message whose worker stopped before recording the outcome', async () => {
    const [id] = await enqueueCommitted([{ topic: 'crash', key: 'k', payload: 1 }]);
    // What a worker that claimed the message and died leaves behind.
    await db.pool.query(
      `UPDATE ${db.s}.outbox SET attempts = 1, claim_token = 'gone', available_at = clock_timestamp() + interval '400 milliseconds' WHERE id = $1`,
      [id],
    );
    const { seen, handler } = collect();
    expect(await drainOutbox({ pool: db.pool, schema: db.schema, handler })).toMatchObject({ batches: 0 });
    await sleep(450);
    expect(await drainOutbox({ pool: db.pool, schema: db.schema, handler })).toMatchObject({ delivered: 1 });
    expect(seen.map((message) => message.attempt)).toEqual([2]);
  });

  it('dead-letters without delivering a message whose workers kept stopping mid-delivery', async () => {
    const deadLetters = new PostgresDeadLetterStore({ pool: db.pool, schema: db.schema });
    const [id] = await enqueueCommitted([{ topic: 'poison', key: 'k', payload: { big: true } }]);
    await db.pool.query(
      `UPDATE ${db.s}.outbox SET attempts = 3, last_error = '[{"name":"Error","message":"out of memory"}]' WHERE id = $1`,
      [id],
    );
    const { seen, handler } = collect();
    const report = await drainOutbox({
      pool: db.pool,
      schema: db.schema,
      handler,
      maxAttempts: 3,
      deadLetters,
    });
    expect(seen).toEqual([]);
    expect(report).toMatchObject({ delivered: 0, deadLettered: 1 });
    const [letter] = (await deadLetters.list({ source: 'poison' })).items;
    expect(letter).toMatchObject({ key: 'k', payload: { big: true }, attempts: 3 });
    expect(letter?.errors.map((error) => [error.name, error.message])).toEqual([
      ['OutboxAttemptsExhaustedError', new OutboxAttemptsExhaustedError(id as string, 3).message],
      ['Error', 'out of memory'],
    ]);
  });

  it('keeps a slow batch invisible to other drains while its handler runs past the lease', async () => {
    await enqueueCommitted([{ topic: 'slow', key: 'k', payload: 1 }]);
    const slow = drainOutbox({
      pool: db.pool,
      schema: db.schema,
      leaseMs: 150,
      handler: async () => {
        await sleep(600);
      },
    });
    await sleep(400);
    const other = collect();
    expect(await drainOutbox({ pool: db.pool, schema: db.schema, handler: other.handler })).toMatchObject({
      batches: 0,
    });
    expect(await slow).toMatchObject({ delivered: 1 });
    expect(other.seen).toEqual([]);
  });

  it('deletes delivered messages once they are old enough, and keeps the others', async () => {
    const ids = await enqueueCommitted(['a', 'b'].map((key) => ({ topic: 'purge', key, payload: key })));
    await drainOutbox({
      pool: db.pool,
      schema: db.schema,
      handler: async (messages) => ({
        failed: messages
          .filter((message) => message.key === 'b')
          .map((message) => ({ id: message.id, error: 'later' })),
      }),
    });
    expect(await purgeOutbox({ pool: db.pool, schema: db.schema, olderThanMs: 60_000 })).toBe(0);
    expect(await purgeOutbox({ pool: db.pool, schema: db.schema, olderThanMs: 0 })).toBe(1);
    expect(await outboxRow(ids[0] as string)).toBeUndefined();
    expect((await outboxRow(ids[1] as string))?.status).toBe('pending');
  });
});

describe('the outbox worker', () => {
  it('delivers messages enqueued while it runs, and stops promptly when the signal aborts', async () => {
    const controller = new AbortController();
    const { seen, handler } = collect();
    const worker = runOutboxWorker({
      pool: db.pool,
      schema: db.schema,
      handler,
      signal: controller.signal,
      pollIntervalMs: 50,
    });
    await sleep(100);
    await enqueueCommitted([{ topic: 'live', key: 'k1', payload: 1 }]);
    for (let waited = 0; seen.length === 0 && waited < 2_000; waited += 10) await sleep(10);
    expect(seen.map((message) => message.key)).toEqual(['k1']);

    // Idle now, with a long poll interval ahead: the abort must not wait for it.
    const idle = runOutboxWorker({
      pool: db.pool,
      schema: db.schema,
      handler,
      signal: controller.signal,
      pollIntervalMs: 60_000,
    });
    await sleep(50);
    const started = performance.now();
    controller.abort();
    await Promise.all([worker, idle]);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('reports errors of the outbox itself to onError and keeps going, or rejects without onError', async () => {
    const pool = db.pool;
    const missing = `${db.schema}_missing`;
    await expect(
      runOutboxWorker({
        pool,
        schema: missing,
        handler: collect().handler,
        signal: new AbortController().signal,
      }),
    ).rejects.toBeInstanceOf(SchemaNotMigratedError);

    const controller = new AbortController();
    const errors: unknown[] = [];
    const worker = runOutboxWorker({
      pool,
      schema: missing,
      handler: collect().handler,
      signal: controller.signal,
      pollIntervalMs: 20,
      onError: (error) => {
        errors.push(error);
        if (errors.length === 3) controller.abort();
      },
    });
    await worker;
    expect(errors).toHaveLength(3);
    expect(errors.every((error) => error instanceof SchemaNotMigratedError)).toBe(true);
  });
});
