import type pg from 'pg';
import { serializeErrorChain } from '../dead-letter/error-chain.js';
import type {
  DeadLetter,
  DeadLetterInput,
  DeadLetterPage,
  DeadLetterQuery,
  DeadLetterStatus,
  DeadLetterStore,
} from '../dead-letter/types.js';
import { DeadLetterNotFoundError, DeadLetterStateError, IdempotencyError } from '../errors.js';
import { DEFAULT_SCHEMA, isoSql, quoteSchema, run, Statement } from './db.js';

export interface PostgresDeadLetterStoreOptions {
  /**
   * The pool the store sends its statements through. The caller owns it. Required.
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
   * Run each statement as a named prepared statement (see `PostgresStoreOptions`). Default `true`.
   *
   * @example false
   */
  readonly preparedStatements?: boolean;
}

interface LetterRow {
  readonly id: string;
  readonly key: string;
  readonly source: string;
  readonly payload: string | null;
  readonly headers: string;
  readonly errors: string;
  readonly attempts: number;
  readonly first_failed_at: string;
  readonly last_failed_at: string;
  readonly correlation_id: string | null;
  readonly status: DeadLetterStatus;
  readonly discard_reason: string | null;
  readonly replayed_at: string | null;
}

/** The largest bigserial id; larger or non-numeric ids name no letter. */
const MAX_ID = 2n ** 63n - 1n;

function parseId(id: string): string | undefined {
  return /^[0-9]{1,19}$/.test(id) && BigInt(id) <= MAX_ID ? id : undefined;
}

/** JSON text of a value for a jsonb parameter; `undefined` is stored as SQL NULL. */
function jsonParameter(value: unknown): string | null {
  return value === undefined ? null : (JSON.stringify(value) ?? null);
}

function toLetter(row: LetterRow): DeadLetter {
  return {
    id: row.id,
    key: row.key,
    source: row.source,
    payload: row.payload === null ? undefined : JSON.parse(row.payload),
    headers: JSON.parse(row.headers),
    errors: JSON.parse(row.errors),
    attempts: row.attempts,
    firstFailedAt: row.first_failed_at,
    lastFailedAt: row.last_failed_at,
    status: row.status,
    ...(row.correlation_id !== null ? { correlationId: row.correlation_id } : {}),
    ...(row.discard_reason !== null ? { discardReason: row.discard_reason } : {}),
    ...(row.replayed_at !== null ? { replayedAt: row.replayed_at } : {}),
  };
}

/**
 * Dead letters in `<schema>.dead_letters`, kept across restarts and shared by instances. A pending
 * letter is unique per (source, key) by a partial unique index (`WHERE status = 'pending'`), so
 * `record` is one upsert: a message that fails again adds its attempts and replaces payload and
 * error chain; once replayed or discarded, the next failure opens a new letter. Payload, headers
 * and errors are `jsonb` (object key order and duplicate keys are not kept, and strings cannot hold
 * `\u0000`); ids are `bigserial` as text, and lists page by id, which is the order of first failure.
 * Run `migrate()` once before use.
 *
 * @example
 * const deadLetters = new PostgresDeadLetterStore({ pool });
 * await deadLetters.record({ key: 'webhook:123', source: 'shipbob.webhook', payload, headers, error });
 * const { items, next } = await deadLetters.list({ status: 'pending', limit: 50 });
 */
export class PostgresDeadLetterStore implements DeadLetterStore {
  readonly #pool: pg.Pool;
  readonly #schema: string;
  readonly #table: string;
  readonly #prepared: boolean;
  readonly #columns: string;
  readonly #record: Statement;
  readonly #get: Statement;
  readonly #replay: Statement;
  readonly #discard: Statement;
  readonly #lists = new Map<string, Statement>();

  constructor(options: PostgresDeadLetterStoreOptions) {
    this.#pool = options.pool;
    this.#schema = options.schema ?? DEFAULT_SCHEMA;
    this.#prepared = options.preparedStatements ?? true;
    const table = `${quoteSchema(this.#schema)}.dead_letters`;
    this.#table = table;
    const columns = (d: string) =>
      [
        `${d}.id::text AS id`,
        `${d}.key`,
        `${d}.source`,
        `${d}.payload::text AS payload`,
        `${d}.headers::text AS headers`,
        `${d}.errors::text AS errors`,
        `${d}.attempts`,
        `${isoSql(`${d}.first_failed_at`)} AS first_failed_at`,
        `${isoSql(`${d}.last_failed_at`)} AS last_failed_at`,
        `${d}.correlation_id`,
        `${d}.status`,
        `${d}.discard_reason`,
        `${isoSql(`${d}.replayed_at`)} AS replayed_at`,
      ].join(', ');
    this.#columns = columns('d');
    this.#record = new Statement(
      `WITH clock AS MATERIALIZED (SELECT clock_timestamp() AS now)
INSERT INTO ${table} AS d (key, source, payload, headers, errors, attempts, first_failed_at, last_failed_at, correlation_id)
SELECT $1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6, clock.now, clock.now, $7 FROM clock
ON CONFLICT (source, key) WHERE status = 'pending' DO UPDATE SET
  payload = excluded.payload,
  errors = excluded.errors,
  attempts = d.attempts + excluded.attempts,
  last_failed_at = excluded.last_failed_at
RETURNING ${this.#columns}`,
      this.#prepared,
    );
    this.#get = new Statement(
      `SELECT ${this.#columns} FROM ${table} d WHERE d.id = $1::bigint`,
      this.#prepared,
    );
    this.#replay = new Statement(
      `UPDATE ${table} d SET status = 'replayed', replayed_at = clock_timestamp()
WHERE d.id = $1::bigint AND d.status = 'pending' RETURNING ${this.#columns}`,
      this.#prepared,
    );
    this.#discard = new Statement(
      `UPDATE ${table} d SET status = 'discarded', discard_reason = $2
WHERE d.id = $1::bigint AND d.status = 'pending' RETURNING ${this.#columns}`,
      this.#prepared,
    );
  }

  async record(input: DeadLetterInput): Promise<DeadLetter> {
    const attempts = input.attempts ?? 1;
    if (!Number.isSafeInteger(attempts) || attempts < 0) {
      throw new RangeError(`attempts must be a non-negative integer, got ${attempts}`);
    }
    const [row] = await run<LetterRow>(this.#pool, this.#schema, this.#record, [
      input.key,
      input.source,
      jsonParameter(input.payload),
      JSON.stringify({ ...input.headers }),
      JSON.stringify(serializeErrorChain(input.error)),
      attempts,
      input.correlationId ?? null,
    ]);
    if (!row) throw new IdempotencyError('recording a dead letter returned no row');
    return toLetter(row);
  }

  async get(id: string): Promise<DeadLetter | undefined> {
    const valid = parseId(id);
    if (valid === undefined) return undefined;
    const [row] = await run<LetterRow>(this.#pool, this.#schema, this.#get, [valid]);
    return row && toLetter(row);
  }

  async list(query: DeadLetterQuery = {}): Promise<DeadLetterPage> {
    const limit = query.limit ?? 100;
    if (!Number.isSafeInteger(limit) || limit <= 0)
      throw new RangeError(`limit must be a positive integer, got ${limit}`);
    const after = query.after === undefined ? '0' : parseId(query.after);
    if (after === undefined) throw new RangeError('after must be the next cursor of a previous page');
    // Only the filters given are in the SQL, so each combination gets a plan that uses its index.
    const filters: [column: string, value: string | undefined][] = [
      ['status', query.status],
      ['source', query.source],
      ['correlation_id', query.correlationId],
      ['key', query.key],
    ];
    const values: unknown[] = [after, limit + 1];
    const conditions = ['d.id > $1::bigint'];
    for (const [column, value] of filters) {
      if (value === undefined) continue;
      values.push(value);
      conditions.push(`d.${column} = $${values.length}`);
    }
    const rows = await run<LetterRow>(this.#pool, this.#schema, this.#listStatement(conditions), values);
    const items = rows.slice(0, limit).map(toLetter);
    const last = items.at(-1);
    return rows.length > limit && last ? { items, next: last.id } : { items };
  }

  async markReplayed(id: string): Promise<DeadLetter> {
    return this.#move(id, this.#replay, [id], 'replayed');
  }

  async discard(id: string, reason: string): Promise<DeadLetter> {
    return this.#move(id, this.#discard, [id, reason], 'discarded');
  }

  #listStatement(conditions: readonly string[]): Statement {
    const text = `SELECT ${this.#columns} FROM ${this.#table} d WHERE ${conditions.join(' AND ')} ORDER BY d.id LIMIT $2`;
    let statement = this.#lists.get(text);
    if (!statement) {
      statement = new Statement(text, this.#prepared);
      this.#lists.set(text, statement);
    }
    return statement;
  }

  async #move(id: string, statement: Statement, values: unknown[], action: string): Promise<DeadLetter> {
    if (parseId(id) === undefined) throw new DeadLetterNotFoundError(id);
    const [moved] = await run<LetterRow>(this.#pool, this.#schema, statement, values);
    if (moved) return toLetter(moved);
    // Nothing moved: say whether the letter is missing or no longer pending (a fresh snapshot).
    const [current] = await run<LetterRow>(this.#pool, this.#schema, this.#get, [id]);
    if (!current) throw new DeadLetterNotFoundError(id);
    throw new DeadLetterStateError(id, current.status, action);
  }
}
