import type pg from 'pg';
import { type ErrorRecord, serializeErrorChain } from '../dead-letter/error-chain.js';
import type { DeadLetterStore } from '../dead-letter/types.js';
import { IdempotencyError } from '../errors.js';
import { positiveInteger } from '../validate.js';
import { DEFAULT_SCHEMA, isoSql, msInterval, quoteSchema, run, Statement } from './db.js';
import { OutboxAttemptsExhaustedError } from './errors.js';

/** A message to publish once the transaction that enqueues it commits. */
export interface OutboxMessageInput {
  /**
   * Where the message goes. Required.
   *
   * @example 'odoo.picking.done'
   */
  readonly topic: string;
  /**
   * The message's idempotency key, so consumers can drop the duplicates at-least-once delivery
   * brings; also the dead letter's key if the message is given up on. Required.
   *
   * @example 'picking:4711:done'
   */
  readonly key: string;
  /**
   * The message body: any JSON value, stored as `jsonb` (strings cannot hold `\u0000`). Required.
   *
   * @example { pickingId: 4711, carrier: 'dhl' }
   */
  readonly payload: unknown;
  /**
   * Headers delivered with the message. Default `{}`.
   *
   * @example { 'x-correlation-id': 'order-S00042' }
   */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface EnqueueOptions {
  /**
   * The schema `migrate()` created the tables in. Default `'crossdock'`.
   *
   * @example 'integrations'
   */
  readonly schema?: string;
  /**
   * Hold the message back for this long after the transaction's statement. Default `0`.
   *
   * @example 60_000
   */
  readonly delayMs?: number;
  /**
   * Run the statement as a named prepared statement (see `PostgresStoreOptions`). Default `true`.
   *
   * @example false
   */
  readonly preparedStatements?: boolean;
}

/** A message as the drain hands it to the handler. */
export interface OutboxMessage {
  /** The outbox row's id (`bigserial`, as text). */
  readonly id: string;
  readonly topic: string;
  readonly key: string;
  readonly payload: unknown;
  readonly headers: Readonly<Record<string, string>>;
  /** 1 on the first delivery, 2 on the first retry, … (a worker that stopped mid-delivery counts too). */
  readonly attempt: number;
  /** When the message was enqueued, ISO-8601. */
  readonly createdAt: string;
}

/** What a handler may return to say that only some messages of the batch failed. */
export interface OutboxDeliveryReport {
  /** The messages that were not delivered, with why; every other message of the batch was. */
  readonly failed: readonly { readonly id: string; readonly error: unknown }[];
}

/**
 * Delivers a batch. Resolving (with nothing) means every message was delivered; throwing means none
 * was; returning an `OutboxDeliveryReport` names the ones that failed. Delivery is at-least-once: a
 * message is delivered again if the worker stops before recording the outcome, so consumers
 * deduplicate by `key`.
 */
export type OutboxHandler = (
  messages: readonly OutboxMessage[],
  context: { readonly signal?: AbortSignal },
) => Promise<OutboxDeliveryReport | undefined> | Promise<void>;

export interface DrainProgress {
  /** Batches claimed so far (empty claims not counted). */
  readonly batches: number;
  readonly delivered: number;
  /** Deliveries that failed and were scheduled again. */
  readonly failed: number;
  /** Messages given up on after `maxAttempts` (moved to `deadLetters` when given). */
  readonly deadLettered: number;
}

export type DrainReport = DrainProgress;

export interface DrainOutboxOptions {
  /**
   * The pool to claim and settle messages through. The caller owns it. Required.
   *
   * @example new pg.Pool({ connectionString: process.env.DATABASE_URL })
   */
  readonly pool: pg.Pool;
  /**
   * The schema `migrate()` created the tables in. Default `'crossdock'`.
   *
   * @example 'integrations'
   */
  readonly schema?: string;
  /**
   * Delivers one batch of messages. Required.
   *
   * @example async (messages) => { await broker.publishBatch(messages.map((m) => ({ topic: m.topic, key: m.key, value: m.payload }))); }
   */
  readonly handler: OutboxHandler;
  /**
   * Most messages claimed and handed to the handler at once. Default `100`.
   *
   * @example 500
   */
  readonly batchSize?: number;
  /**
   * Stops the drain between batches; also passed to the handler. Default: none.
   *
   * @example AbortSignal.timeout(10_000)
   */
  readonly signal?: AbortSignal;
  /**
   * Deliveries of a message before it is given up on: moved to `deadLetters` (when given) and
   * marked `dead` in the outbox. Default `10`.
   *
   * @example 5
   */
  readonly maxAttempts?: number;
  /**
   * Where messages given up on go, as `{ key, source: topic, payload, headers, error, attempts }`.
   * Default: none (they stay in the outbox with status `dead` and their last error).
   *
   * @example new PostgresDeadLetterStore({ pool })
   */
  readonly deadLetters?: DeadLetterStore;
  /**
   * How long a claimed batch stays invisible to other drains. The drain extends it every third of
   * this while the handler runs, so it only ends when the worker stops; then the messages are
   * delivered again. Default `60_000`.
   *
   * @example 300_000
   */
  readonly leaseMs?: number;
  /**
   * The wait before retrying a failed delivery, by attempt number. Default: 1 s doubling per
   * attempt, at most 5 minutes.
   *
   * @example (attempt) => Math.min(500 * 2 ** attempt, 60_000)
   */
  readonly retryDelayMs?: (attempt: number) => number;
  /**
   * Called after each batch with the totals so far. Default: none.
   *
   * @example (p) => log.debug(`outbox: ${p.delivered} delivered, ${p.failed} failed`)
   */
  readonly onProgress?: (progress: DrainProgress) => void;
  /**
   * Run each statement as a named prepared statement (see `PostgresStoreOptions`). Default `true`.
   *
   * @example false
   */
  readonly preparedStatements?: boolean;
}

export interface PurgeOutboxOptions {
  /**
   * The pool to delete through. Required.
   *
   * @example new pg.Pool({ connectionString: process.env.DATABASE_URL })
   */
  readonly pool: pg.Pool;
  /**
   * The schema `migrate()` created the tables in. Default `'crossdock'`.
   *
   * @example 'integrations'
   */
  readonly schema?: string;
  /**
   * Delete delivered messages delivered at least this long ago. Default `604_800_000` (7 days).
   *
   * @example 86_400_000
   */
  readonly olderThanMs?: number;
  /**
   * Rows deleted per statement. Default `1000`.
   *
   * @example 10_000
   */
  readonly batchSize?: number;
  /**
   * Run the statement as a named prepared statement (see `PostgresStoreOptions`). Default `true`.
   *
   * @example false
   */
  readonly preparedStatements?: boolean;
}

interface MessageRow {
  readonly id: string;
  readonly topic: string;
  readonly key: string;
  readonly payload: string;
  readonly headers: string;
  readonly attempts: number;
  readonly created_at: string;
  readonly last_error: string | null;
}

/** How one claimed message leaves the batch. */
interface Outcome {
  readonly id: string;
  readonly status: 'delivered' | 'pending' | 'dead';
  readonly delay_ms: number;
  readonly error: readonly ErrorRecord[] | null;
}

class OutboxStatements {
  readonly enqueue: Statement;
  readonly claim: Statement;
  readonly extend: Statement;
  readonly settle: Statement;
  readonly purge: Statement;

  constructor(s: string, prepared: boolean) {
    const outbox = `${s}.outbox`;
    const ms = msInterval;
    this.enqueue = new Statement(
      `INSERT INTO ${outbox} (topic, key, payload, headers, available_at)
VALUES ($1, $2, $3::jsonb, $4::jsonb, clock_timestamp() + ${ms('$5')}) RETURNING id::text AS id`,
      prepared,
    );
    // One autocommit statement is the claim's whole transaction: the rows are locked (SKIP LOCKED
    // passes over rows another drain is claiming at this instant) and made invisible until the
    // lease ends. A drain whose snapshot predates a concurrent claim re-checks the row once it has
    // the lock and drops it, since its available_at is then in the future.
    this.claim = new Statement(
      `WITH clock AS MATERIALIZED (SELECT clock_timestamp() AS now),
picked AS (
  SELECT o.id FROM ${outbox} o, clock
  WHERE o.status = 'pending' AND o.available_at <= clock.now
  ORDER BY o.id
  LIMIT $1
  FOR UPDATE OF o SKIP LOCKED
)
UPDATE ${outbox} o SET attempts = o.attempts + 1, available_at = clock.now + ${ms('$2')}, claim_token = $3
FROM picked, clock
WHERE o.id = picked.id AND o.status = 'pending' AND o.available_at <= clock.now
RETURNING o.id::text AS id, o.topic, o.key, o.payload::text AS payload, o.headers::text AS headers, o.attempts,
  ${isoSql('o.created_at')} AS created_at, o.last_error::text AS last_error`,
      prepared,
    );
    this.extend = new Statement(
      `UPDATE ${outbox} o SET available_at = clock_timestamp() + ${ms('$3')}
WHERE o.id = ANY ($1::bigint[]) AND o.claim_token = $2 AND o.status = 'pending'`,
      prepared,
    );
    // A delivery is recorded whoever holds the message now (it did happen); a failure only by the
    // claim that made it, so a drain whose lease ran out cannot reschedule its successor's message.
    this.settle = new Statement(
      `WITH clock AS MATERIALIZED (SELECT clock_timestamp() AS now)
UPDATE ${outbox} o SET
  status = f.status,
  available_at = CASE WHEN f.status = 'pending' THEN clock.now + f.delay_ms * interval '1 millisecond' ELSE o.available_at END,
  delivered_at = CASE WHEN f.status = 'delivered' THEN clock.now END,
  last_error = COALESCE(f.error, o.last_error),
  claim_token = NULL
FROM clock, jsonb_to_recordset($1::jsonb) AS f(id bigint, status text, delay_ms float8, error jsonb)
WHERE o.id = f.id AND o.status = 'pending' AND (f.status = 'delivered' OR o.claim_token = $2)`,
      prepared,
    );
    this.purge = new Statement(
      `WITH gone AS (
  DELETE FROM ${outbox} o WHERE o.id IN (
    SELECT id FROM ${outbox}
    WHERE status = 'delivered' AND delivered_at <= clock_timestamp() - ${ms('$1')}
    LIMIT $2
  )
  RETURNING 1
)
SELECT count(*)::float8 AS deleted FROM gone`,
      prepared,
    );
  }
}

const statementCache = new Map<string, OutboxStatements>();

function statementsFor(schema: string, prepared: boolean): OutboxStatements {
  const cacheKey = `${prepared ? 'p' : 'u'}:${schema}`;
  let statements = statementCache.get(cacheKey);
  if (!statements) {
    statements = new OutboxStatements(quoteSchema(schema), prepared);
    statementCache.set(cacheKey, statements);
  }
  return statements;
}

/** The default retry delay: 1 s, 2 s, 4 s, … at most 5 minutes. */
export function defaultOutboxRetryDelayMs(attempt: number): number {
  return Math.min(1_000 * 2 ** Math.max(0, attempt - 1), 300_000);
}

/** An `Error` chain rebuilt from stored records, outermost first, for a dead letter's `cause`. */
function errorFromRecords(records: readonly ErrorRecord[]): Error | undefined {
  let error: Error | undefined;
  for (const record of [...records].reverse()) {
    const rebuilt: Error & { code?: string } = new Error(
      record.message,
      error ? { cause: error } : undefined,
    );
    rebuilt.name = record.name;
    if (record.code !== undefined) rebuilt.code = record.code;
    if (record.stack !== undefined) rebuilt.stack = record.stack;
    error = rebuilt;
  }
  return error;
}

function toMessage(row: MessageRow): OutboxMessage {
  return {
    id: row.id,
    topic: row.topic,
    key: row.key,
    payload: JSON.parse(row.payload),
    headers: JSON.parse(row.headers),
    attempt: row.attempts,
    createdAt: row.created_at,
  };
}

/**
 * Adds a message to the outbox on `client`, inside the transaction you opened on it: the message
 * exists if and only if your transaction commits, so "write the order and publish OrderPlaced"
 * cannot half-happen. A drain (`drainOutbox`, `runOutboxWorker`) delivers it after the commit.
 * Returns the message's id.
 *
 * @example
 * await client.query('BEGIN');
 * await client.query('UPDATE pickings SET state = $1 WHERE id = $2', ['done', pickingId]);
 * await enqueue(client, { topic: 'odoo.picking.done', key: `picking:${pickingId}`, payload: { pickingId } });
 * await client.query('COMMIT');
 */
export async function enqueue(
  client: pg.ClientBase,
  message: OutboxMessageInput,
  options: EnqueueOptions = {},
): Promise<string> {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const delayMs = options.delayMs ?? 0;
  if (!Number.isSafeInteger(delayMs) || delayMs < 0)
    throw new RangeError(`delayMs must be a non-negative integer, got ${delayMs}`);
  const payload = JSON.stringify(message.payload);
  if (payload === undefined) throw new TypeError('an outbox payload must be a JSON value');
  const [row] = await run<{ id: string }>(
    client,
    schema,
    statementsFor(schema, options.preparedStatements ?? true).enqueue,
    [message.topic, message.key, payload, JSON.stringify({ ...message.headers }), delayMs],
  );
  if (!row) throw new IdempotencyError('enqueueing an outbox message returned no row');
  return row.id;
}

/**
 * Delivers what is waiting in the outbox, batch by batch, until no message is due (or `signal`
 * aborts), and reports the counts. Each batch is claimed by one short statement (`SELECT … FOR
 * UPDATE SKIP LOCKED LIMIT batchSize` that pushes the rows' `available_at` one lease ahead and
 * stamps them with a claim token), then handed to `handler` outside any transaction, then settled
 * by one statement: delivered; failed and due again after `retryDelayMs(attempt)` with the error
 * chain in `last_error`; or, after `maxAttempts`, recorded in `deadLetters` and marked `dead`.
 * Drains running side by side (threads, processes, hosts) claim disjoint batches, so none delivers
 * a message another is delivering. Delivery is at-least-once, in id order within a batch but not
 * across drains.
 *
 * @example
 * const report = await drainOutbox({
 *   pool,
 *   handler: async (messages) => { await broker.publishBatch(messages); },
 *   deadLetters: new PostgresDeadLetterStore({ pool }),
 * });
 */
export async function drainOutbox(options: DrainOutboxOptions): Promise<DrainReport> {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const sql = statementsFor(schema, options.preparedStatements ?? true);
  const batchSize = positiveInteger('batchSize', options.batchSize ?? 100);
  const maxAttempts = positiveInteger('maxAttempts', options.maxAttempts ?? 10);
  const leaseMs = positiveInteger('leaseMs', options.leaseMs ?? 60_000);
  const delayOf = options.retryDelayMs ?? defaultOutboxRetryDelayMs;
  const retryDelayMs = (attempt: number) => {
    const delay = delayOf(attempt);
    return Number.isFinite(delay) && delay > 0 ? delay : 0;
  };
  const { pool, signal } = options;
  const progress = { batches: 0, delivered: 0, failed: 0, deadLettered: 0 };

  while (!signal?.aborted) {
    const token = crypto.randomUUID();
    const rows = await run<MessageRow>(pool, schema, sql.claim, [batchSize, leaseMs, token]);
    if (rows.length === 0) break;
    rows.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    progress.batches++;

    // Messages already taken maxAttempts times whose workers never came back are not delivered again.
    const exhausted = rows.filter((row) => row.attempts > maxAttempts);
    const due = rows.filter((row) => row.attempts <= maxAttempts).map(toMessage);
    const claimedIds = rows.map((row) => row.id);
    const failures =
      due.length > 0 ? await deliver(options, sql, schema, due, claimedIds, token, leaseMs) : new Map();

    const outcomes: Outcome[] = [];
    let deadLetterError: unknown;
    /** Records a message given up on; a null `chain` keeps the stored `last_error`. */
    const giveUp = async (
      message: OutboxMessage,
      error: unknown,
      attempts: number,
      chain: ErrorRecord[] | null,
    ) => {
      try {
        await options.deadLetters?.record({
          key: message.key,
          source: message.topic,
          payload: message.payload,
          headers: message.headers,
          error,
          attempts,
        });
        outcomes.push({ id: message.id, status: 'dead', delay_ms: 0, error: chain });
        progress.deadLettered++;
      } catch (recordError) {
        // Keep the message until the dead-letter store takes it: the next claim finds it past
        // maxAttempts and tries the dead-letter store again, without delivering it.
        deadLetterError ??= recordError;
        outcomes.push({
          id: message.id,
          status: 'pending',
          delay_ms: retryDelayMs(message.attempt),
          error: chain,
        });
      }
    };
    for (const row of exhausted) {
      const lastError = row.last_error === null ? undefined : errorFromRecords(JSON.parse(row.last_error));
      const error = new OutboxAttemptsExhaustedError(row.id, row.attempts - 1, lastError);
      await giveUp(toMessage(row), error, row.attempts - 1, null);
    }
    for (const message of due) {
      if (!failures.has(message.id)) {
        outcomes.push({ id: message.id, status: 'delivered', delay_ms: 0, error: null });
        progress.delivered++;
      } else if (message.attempt >= maxAttempts) {
        const error = failures.get(message.id);
        await giveUp(message, error, message.attempt, serializeErrorChain(error));
      } else {
        const chain = serializeErrorChain(failures.get(message.id));
        outcomes.push({
          id: message.id,
          status: 'pending',
          delay_ms: retryDelayMs(message.attempt),
          error: chain,
        });
        progress.failed++;
      }
    }
    await run(pool, schema, sql.settle, [JSON.stringify(outcomes), token]);
    options.onProgress?.({ ...progress });
    if (deadLetterError !== undefined) throw deadLetterError;
  }
  return { ...progress };
}

/**
 * Runs the handler on a batch, keeping the lease of every claimed row alive meanwhile (exhausted
 * rows too, or another drain could take them over and dead-letter them a second time); returns the
 * failed ids with their errors.
 */
async function deliver(
  options: DrainOutboxOptions,
  sql: OutboxStatements,
  schema: string,
  messages: readonly OutboxMessage[],
  claimedIds: readonly string[],
  token: string,
  leaseMs: number,
): Promise<Map<string, unknown>> {
  const ids = messages.map((message) => message.id);
  const keepAlive = setInterval(
    () => void run(options.pool, schema, sql.extend, [claimedIds, token, leaseMs]).catch(() => {}),
    Math.max(1, Math.floor(leaseMs / 3)),
  );
  try {
    const report = await options.handler(messages, options.signal ? { signal: options.signal } : {});
    const known = new Set(ids);
    return new Map(
      (report?.failed ?? []).filter(({ id }) => known.has(id)).map(({ id, error }) => [id, error]),
    );
  } catch (error) {
    return new Map(ids.map((id) => [id, error]));
  } finally {
    clearInterval(keepAlive);
  }
}

/**
 * Deletes delivered messages older than `olderThanMs`, in batches, and returns how many it deleted.
 * Dead and pending messages are kept. Run it on a schedule.
 *
 * @example
 * await purgeOutbox({ pool, olderThanMs: 86_400_000 });
 */
export async function purgeOutbox(options: PurgeOutboxOptions): Promise<number> {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const sql = statementsFor(schema, options.preparedStatements ?? true);
  const olderThanMs = options.olderThanMs ?? 604_800_000;
  if (!Number.isSafeInteger(olderThanMs) || olderThanMs < 0) {
    throw new RangeError(`olderThanMs must be a non-negative integer, got ${olderThanMs}`);
  }
  const batchSize = positiveInteger('batchSize', options.batchSize ?? 1000);
  let total = 0;
  for (;;) {
    const [row] = await run<{ deleted: number }>(options.pool, schema, sql.purge, [olderThanMs, batchSize]);
    const deleted = row?.deleted ?? 0;
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
