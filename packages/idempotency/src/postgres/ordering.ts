import type pg from 'pg';
import { IdempotencyError } from '../errors.js';
import { positionValue } from '../ordering.js';
import type { OrderingDecision, OrderingPosition, OrderingStore } from '../store.js';
import { DEFAULT_SCHEMA, quoteSchema, run, Statement } from './db.js';

export interface PostgresOrderingStoreOptions {
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

/** numeric(39, 0) holds every integer below 10^39, u128 versions included. */
const LIMIT = 10n ** 39n;

/** Runs of the statement when its snapshot missed the position that refused the candidate. */
const MAX_ROUNDS = 5;

interface DecisionRow {
  readonly accepted: boolean;
  /** numeric as text, so it stays exact beyond 2^53. */
  readonly current: string | null;
}

/**
 * The ordering guard on PostgreSQL: the newest position per entity in
 * `<schema>.ordering_positions`, a `numeric(39,0)` column, so versions beyond 2^63 compare exactly.
 * Each call is one statement: `INSERT … ON CONFLICT (entity) DO UPDATE SET position =
 * excluded.position WHERE position < excluded.position`, which also reads the position that refused
 * a stale event. Run `migrate()` once before use.
 *
 * @example
 * const guard = new PostgresOrderingStore({ pool });
 * const decision = await guard.acceptIfNewer('shipment:88001', { version: 7n });
 * if (!decision.accepted) log.info(`stale, already at ${decision.current}`);
 */
export class PostgresOrderingStore implements OrderingStore {
  readonly #pool: pg.Pool;
  readonly #schema: string;
  readonly #accept: Statement;

  constructor(options: PostgresOrderingStoreOptions) {
    this.#pool = options.pool;
    this.#schema = options.schema ?? DEFAULT_SCHEMA;
    const table = `${quoteSchema(this.#schema)}.ordering_positions`;
    const prepared = options.preparedStatements ?? true;
    // When the upsert changes nothing, the second branch reads the position from the statement's
    // snapshot. A position that raced in after the snapshot may be missing from it; then `current`
    // is NULL or below the candidate, and the statement runs again with a fresh snapshot.
    this.#accept = new Statement(
      `WITH raised AS (
  INSERT INTO ${table} AS t (entity, position, updated_at) VALUES ($1, $2::numeric, clock_timestamp())
  ON CONFLICT (entity) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
  WHERE t.position < excluded.position
  RETURNING 1
)
SELECT true AS accepted, NULL::text AS current FROM raised
UNION ALL
SELECT false, (SELECT t.position::text FROM ${table} t WHERE t.entity = $1)
WHERE NOT EXISTS (SELECT FROM raised)`,
      prepared,
    );
  }

  async acceptIfNewer(entity: string, position: OrderingPosition): Promise<OrderingDecision> {
    const candidate = positionValue(position);
    if (candidate >= LIMIT)
      throw new RangeError(`an ordering position must be below 10^39, got ${candidate}`);
    const values = [entity, candidate.toString()];
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const [row] = await run<DecisionRow>(this.#pool, this.#schema, this.#accept, values);
      if (row?.accepted) return { accepted: true };
      if (row?.current != null && BigInt(row.current) >= candidate)
        return { accepted: false, current: BigInt(row.current) };
      // The position that refused the candidate committed after this statement's snapshot (or was
      // deleted meanwhile): run again with a fresh snapshot, which sees it (or inserts).
    }
    throw new IdempotencyError(
      `the ordering position of an entity kept changing during ${MAX_ROUNDS} comparisons`,
    );
  }
}
