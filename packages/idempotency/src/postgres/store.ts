import type pg from 'pg';
import { StaleTokenError, type StaleTokenReason } from '../errors.js';
import type { ClaimOptions, ClaimResult, FailOptions, IdempotencyStore } from '../store.js';
import { positiveMs } from '../validate.js';
import { DEFAULT_SCHEMA, msInterval, type Queryable, quoteSchema, run, Statement } from './db.js';

export interface PostgresStoreOptions {
  /**
   * The pool the store sends its statements through. The caller owns it: the store never ends it.
   * Required.
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
   * Run each statement as a named prepared statement, parsed and planned once per connection.
   * Turn it off behind a pooler that cannot keep prepared statements (PgBouncer in transaction
   * mode before 1.21). Default `true`.
   *
   * @example false
   */
  readonly preparedStatements?: boolean;
}

export interface PurgeExpiredOptions {
  /**
   * Rows deleted per statement; each batch is its own short transaction, so a large purge never
   * holds many row locks at once. Default `1000`.
   *
   * @example 10_000
   */
  readonly batchSize?: number;
  /**
   * Stops the purge between batches. Default: none (runs until no expired row is left).
   *
   * @example AbortSignal.timeout(30_000)
   */
  readonly signal?: AbortSignal;
}

/** How often a claim or a fenced write is run again when its snapshot disagreed with a concurrent change. */
const MAX_ROUNDS = 5;

type Verdict = 'acquired' | 'completed' | 'in_progress' | 'mismatch' | 'claimable';

interface ClaimRow {
  readonly verdict: Verdict;
  readonly attempt: number | null;
  readonly result: string | null;
  readonly failed: boolean | null;
  readonly retry_after_ms: number | null;
}

interface FencedRow {
  readonly ok: boolean;
  readonly reason: StaleTokenReason | null;
}

/** The statements of one schema, built once and shared by a store and the stores it binds to transactions. */
class Statements {
  readonly claim: Statement;
  readonly complete: Statement;
  readonly release: Statement;
  readonly heartbeat: Statement;
  readonly purge: Statement;

  constructor(s: string, prepared: boolean) {
    const keys = `${s}.idempotency_keys`;
    // One clock reading per statement. clock_timestamp(), not now(): inside a caller's transaction
    // now() is frozen at BEGIN, so a claim made late in a long transaction would get a lease that is
    // already partly spent and would judge other owners' leases by a stale time.
    const clock = 'WITH clock AS MATERIALIZED (SELECT clock_timestamp() AS now)';
    const ms = msInterval;

    // First the row as the statement's snapshot shows it. When it settles the answer (mismatch,
    // completed, live lease), that is the answer and nothing is written or locked: a duplicate is a
    // read-only statement, with no commit to flush and no row lock for a hot key's claimers to queue
    // on. Otherwise (no row, an expired record, an expired lease) the INSERT … ON CONFLICT acquires,
    // or takes over; its row lock makes concurrent claimers queue, and its WHERE is judged on the
    // newest committed version of the row. If that version turns out to settle the answer (a
    // claimer committed after the snapshot was taken), the verdict is 'claimable' without an
    // acquisition, and the claim runs again with a fresh snapshot: rare, and never wrong.
    this.claim = new Statement(
      `${clock},
seen AS MATERIALIZED (
  SELECT CASE
           WHEN k.expires_at <= clock.now THEN 'claimable'
           WHEN k.fingerprint <> $2 THEN 'mismatch'
           WHEN k.state = 'completed' THEN 'completed'
           WHEN k.lease_until > clock.now THEN 'in_progress'
           ELSE 'claimable'
         END AS verdict,
         k.result, k.failed,
         ceil(extract(epoch FROM k.lease_until - clock.now) * 1000)::float8 AS retry_after_ms
  FROM clock JOIN ${keys} k ON k.key = $1
),
acquired AS (
  INSERT INTO ${keys} AS k (key, fingerprint, state, token, attempt, lease_until, expires_at, updated_at)
  SELECT $1, $2, 'in_progress', $3, 1, clock.now + ${ms('$4')}, clock.now + ${ms('greatest($4::float8, $5::float8)')}, clock.now
  FROM clock
  WHERE NOT EXISTS (SELECT FROM seen WHERE seen.verdict <> 'claimable')
  ON CONFLICT (key) DO UPDATE SET
    fingerprint = excluded.fingerprint,
    state = 'in_progress',
    token = excluded.token,
    attempt = CASE WHEN k.expires_at <= excluded.updated_at THEN 1 ELSE k.attempt + 1 END,
    lease_until = excluded.lease_until,
    expires_at = excluded.expires_at,
    result = NULL,
    failed = false,
    updated_at = excluded.updated_at
  WHERE k.expires_at <= excluded.updated_at
     OR (k.state = 'in_progress' AND k.fingerprint = excluded.fingerprint AND k.lease_until <= excluded.updated_at)
  RETURNING k.attempt, k.lease_until
)
SELECT 'acquired' AS verdict, attempt, NULL::text AS result, NULL::boolean AS failed,
       -- Read after any lock wait: what is really left of the lease just written.
       ceil(extract(epoch FROM lease_until - clock_timestamp()) * 1000)::float8 AS retry_after_ms
FROM acquired
UNION ALL
SELECT verdict, NULL, result, failed, retry_after_ms FROM seen
WHERE NOT EXISTS (SELECT FROM acquired)`,
      prepared,
    );

    // complete, fail and heartbeat: a write fenced on key + token + state + not expired. When it
    // changes no row, the same statement reads the row to name the reason; a NULL reason means the
    // snapshot still showed the caller as owner (a concurrent change), and the write runs again.
    const owned = (now: string) =>
      `k.key = $1 AND k.token = $2 AND k.state = 'in_progress' AND k.expires_at > ${now}`;
    const fenced = (write: string) =>
      new Statement(
        `${clock},
changed AS (${write} RETURNING 1)
SELECT EXISTS (SELECT FROM changed) AS ok,
       CASE
         WHEN k.key IS NULL OR k.expires_at <= clock.now THEN 'not_found'
         WHEN k.token <> $2 THEN 'not_owner'
         WHEN k.state = 'completed' THEN 'already_completed'
       END AS reason
FROM clock LEFT JOIN ${keys} k ON k.key = $1`,
        prepared,
      );
    this.complete = fenced(
      `UPDATE ${keys} k SET state = 'completed', result = $3, failed = $4, updated_at = clock.now FROM clock WHERE ${owned('clock.now')}`,
    );
    this.release = fenced(`DELETE FROM ${keys} k USING clock WHERE ${owned('clock.now')}`);
    this.heartbeat = fenced(
      // The record must outlive the lease, or a duplicate could start over while the owner still works.
      `UPDATE ${keys} k SET lease_until = clock.now + ${ms('$3')},
  expires_at = greatest(k.expires_at, clock.now + ${ms('$3')}), updated_at = clock.now
FROM clock WHERE ${owned('clock.now')}`,
    );

    // The row lock and the repeated condition keep a purge from deleting a record that a claim
    // revived between the SELECT and the DELETE.
    this.purge = new Statement(
      `${clock},
doomed AS (
  SELECT k.key FROM ${keys} k, clock WHERE k.expires_at <= clock.now
  ORDER BY k.expires_at LIMIT $1 FOR UPDATE OF k SKIP LOCKED
),
gone AS (DELETE FROM ${keys} k USING doomed, clock WHERE k.key = doomed.key AND k.expires_at <= clock.now RETURNING 1)
SELECT count(*)::float8 AS deleted FROM gone`,
      prepared,
    );
  }
}

/** The claim protocol on one connection or pool; what `PostgresStore` and `inTransaction` hand out. */
class BoundStore implements IdempotencyStore {
  readonly #db: Queryable;
  readonly #schema: string;
  readonly #sql: Statements;

  constructor(db: Queryable, schema: string, sql: Statements) {
    this.#db = db;
    this.#schema = schema;
    this.#sql = sql;
  }

  async claim(key: string, { fingerprint, leaseMs, ttlMs }: ClaimOptions): Promise<ClaimResult> {
    const values = [
      key,
      fingerprint,
      crypto.randomUUID(),
      positiveMs('leaseMs', leaseMs),
      positiveMs('ttlMs', ttlMs),
    ];
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const [row] = await run<ClaimRow>(this.#db, this.#schema, this.#sql.claim, values);
      switch (row?.verdict) {
        case 'acquired': {
          const token = values[2] as string;
          // The lease was computed before any wait on a row lock (a claimer in another transaction);
          // after a long wait it may be partly or wholly spent, so renew it before handing it out.
          if ((row.retry_after_ms ?? leaseMs) < leaseMs * 0.9 && !(await this.#renewed(key, token, leaseMs)))
            break;
          return { status: 'acquired', token, attempt: row.attempt ?? 1 };
        }
        case 'mismatch':
          return { status: 'mismatch' };
        case 'completed':
          return { status: 'completed', result: row.result ?? 'null', failed: row.failed === true };
        case 'in_progress':
          return { status: 'in_progress', retryAfterMs: Math.max(1, row.retry_after_ms ?? 1) };
        default:
        // No row (deleted meanwhile) or a stale snapshot: run the claim again.
      }
    }
    // Five rounds each lost to another claimer that committed in between: the key is contended.
    return { status: 'in_progress', retryAfterMs: 1 };
  }

  async complete(key: string, token: string, result: string): Promise<void> {
    await this.#fenced(key, this.#sql.complete, [key, token, result, false]);
  }

  async fail(key: string, token: string, options: FailOptions): Promise<void> {
    if (options.retryable) await this.#fenced(key, this.#sql.release, [key, token]);
    else await this.#fenced(key, this.#sql.complete, [key, token, options.result, true]);
  }

  async heartbeat(key: string, token: string, leaseMs: number): Promise<void> {
    await this.#fenced(key, this.#sql.heartbeat, [key, token, positiveMs('leaseMs', leaseMs)]);
  }

  /** Renews a lease just acquired; false when another claimer took the key over in the meantime. */
  async #renewed(key: string, token: string, leaseMs: number): Promise<boolean> {
    try {
      await this.heartbeat(key, token, leaseMs);
      return true;
    } catch (error) {
      if (error instanceof StaleTokenError) return false;
      throw error;
    }
  }

  async #fenced(key: string, statement: Statement, values: readonly unknown[]): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const [row] = await run<FencedRow>(this.#db, this.#schema, statement, values);
      if (row?.ok) return;
      if (row?.reason) throw new StaleTokenError(key, row.reason);
    }
    // The row kept changing under the write: whoever changed it owns it now.
    throw new StaleTokenError(key, 'not_owner');
  }
}

/**
 * The claim protocol on PostgreSQL, for instances that share a database. Each key is one row of
 * `<schema>.idempotency_keys`; every call is one statement (one round trip) whose times come from
 * the database clock (`clock_timestamp()`), so instances with skewed clocks agree. Run `migrate()`
 * once before use.
 *
 * - `claim` is one `INSERT … ON CONFLICT (key) DO UPDATE … WHERE <record expired or lease expired>`
 *   that also reads the existing row when it acquires nothing: mismatch, completed (with the stored
 *   result), in_progress (with the time left on the lease), or acquired (a new row at attempt 1, a
 *   takeover of an expired lease at attempt + 1, or an expired record reused at attempt 1).
 * - `complete`, `fail` and `heartbeat` are an `UPDATE`/`DELETE` fenced on key, token and state that
 *   throws `StaleTokenError` with the reason when it changes nothing.
 * - Expired rows are ignored by every call and deleted by `purgeExpired()`: schedule it.
 *
 * For the claim, your own writes and `complete` to commit or roll back together, use
 * `inTransaction(client)`.
 *
 * @example
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate(pool);
 * const store = new PostgresStore({ pool });
 * const claim = await store.claim('shipbob:webhook:123', { fingerprint, leaseMs: 30_000, ttlMs: 86_400_000 });
 */
export class PostgresStore implements IdempotencyStore {
  readonly #pool: pg.Pool;
  readonly #schema: string;
  readonly #sql: Statements;
  readonly #bound: BoundStore;

  constructor(options: PostgresStoreOptions) {
    this.#pool = options.pool;
    this.#schema = options.schema ?? DEFAULT_SCHEMA;
    this.#sql = new Statements(quoteSchema(this.#schema), options.preparedStatements ?? true);
    this.#bound = new BoundStore(this.#pool, this.#schema, this.#sql);
  }

  claim(key: string, options: ClaimOptions): Promise<ClaimResult> {
    return this.#bound.claim(key, options);
  }

  complete(key: string, token: string, result: string): Promise<void> {
    return this.#bound.complete(key, token, result);
  }

  fail(key: string, token: string, options: FailOptions): Promise<void> {
    return this.#bound.fail(key, token, options);
  }

  heartbeat(key: string, token: string, leaseMs: number): Promise<void> {
    return this.#bound.heartbeat(key, token, leaseMs);
  }

  /**
   * The same protocol on `client`, a connection on which you ran `BEGIN`: the claim, your own
   * writes on that client and `complete` commit together or not at all.
   *
   * - A rollback leaves neither your effect nor the claim: the key is as it was before (absent, or
   *   an earlier owner's expired lease, whose next taker gets the attempt number it would have got).
   * - Until you commit or roll back, the key's row is locked by your transaction. Another claimer of
   *   the same key (in a transaction or not) does not get `in_progress`: its claim waits on the row
   *   lock, then sees `completed` if you committed after `complete`, or acquires if you rolled back.
   *   Bound that wait with `SET lock_timeout` (the claim then fails with SQLSTATE 55P03) and keep
   *   such transactions short. `in_progress` still means what it always means for a claim that was
   *   committed without `complete` (and for claims made outside transactions): a live lease.
   * - Claim several keys in one transaction in a fixed order (sorted), or two transactions can
   *   deadlock; PostgreSQL then aborts one of them (SQLSTATE 40P01).
   * - `fail(…, { retryable: false })` is rolled back with everything else: to keep a final failure,
   *   roll back your writes and record it with the pool-bound store.
   * - Run the transaction at READ COMMITTED (the default). At REPEATABLE READ or SERIALIZABLE a
   *   claim that meets a row changed since your snapshot fails with SQLSTATE 40001, to be retried
   *   like any serialization failure.
   * - A failing statement aborts your transaction, as any statement does.
   *
   * The store does not issue `BEGIN`, `COMMIT` or `ROLLBACK`, nor release the client.
   *
   * @example
   * const client = await pool.connect();
   * try {
   *   await client.query('BEGIN');
   *   const tx = store.inTransaction(client);
   *   const claim = await tx.claim(key, { fingerprint, leaseMs: 30_000, ttlMs: 86_400_000 });
   *   if (claim.status === 'acquired') {
   *     await client.query('INSERT INTO shipments (id, carrier) VALUES ($1, $2)', [id, carrier]);
   *     await tx.complete(key, claim.token, JSON.stringify({ id }));
   *   }
   *   await client.query('COMMIT');
   * } catch (error) {
   *   await client.query('ROLLBACK');
   *   throw error;
   * } finally {
   *   client.release();
   * }
   */
  inTransaction(client: pg.ClientBase): IdempotencyStore {
    return new BoundStore(client, this.#schema, this.#sql);
  }

  /**
   * Deletes the records whose TTL has passed, in batches, and returns how many it deleted. Expired
   * records are already treated as absent; this only reclaims their space. Run it on a schedule
   * (every few minutes), from one instance or several: batches skip rows another purge holds.
   *
   * @example
   * setInterval(() => void store.purgeExpired().catch(log.error), 300_000).unref();
   */
  async purgeExpired(options: PurgeExpiredOptions = {}): Promise<number> {
    const batchSize = options.batchSize ?? 1000;
    if (!Number.isSafeInteger(batchSize) || batchSize <= 0) {
      throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
    }
    let total = 0;
    for (;;) {
      options.signal?.throwIfAborted();
      const [row] = await run<{ deleted: number }>(this.#pool, this.#schema, this.#sql.purge, [batchSize]);
      const deleted = row?.deleted ?? 0;
      total += deleted;
      if (deleted < batchSize) return total;
    }
  }
}
