import { createHash } from 'node:crypto';
import type pg from 'pg';
import { InvalidSchemaNameError, SchemaNotMigratedError } from './errors.js';

/**
 * What the PostgreSQL back ends send their SQL through: a `pg.Pool`, or a `pg.PoolClient` /
 * `pg.Client` (for instance one on which the caller has run `BEGIN`).
 */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(config: pg.QueryConfig): Promise<pg.QueryResult<R>>;
}

/** The schema every PostgreSQL back end uses unless told otherwise. */
export const DEFAULT_SCHEMA = 'crossdock';

const MAX_IDENTIFIER_BYTES = 63;

/**
 * The schema name as a quoted SQL identifier (`"crossdock"`, `"my ""odd"" schema"`). Any name
 * PostgreSQL can hold is accepted, and quoting makes it inert: it is never read as SQL.
 */
export function quoteSchema(schema: string): string {
  if (schema.length === 0) throw new InvalidSchemaNameError('it is empty');
  if (schema.includes('\u0000')) throw new InvalidSchemaNameError('it contains a NUL character');
  if (Buffer.byteLength(schema, 'utf8') > MAX_IDENTIFIER_BYTES) {
    throw new InvalidSchemaNameError(`it is longer than ${MAX_IDENTIFIER_BYTES} bytes`);
  }
  return `"${schema.replaceAll('"', '""')}"`;
}

/**
 * One SQL text of a store, built once per store from its schema. With `prepared`, it runs as a
 * named prepared statement, so each connection parses and plans it once.
 */
export class Statement {
  readonly text: string;
  readonly #name: string | undefined;

  constructor(text: string, prepared: boolean) {
    this.text = text;
    // The name follows from the text, so two stores with the same schema share the prepared
    // statement on a connection and stores with different schemas never collide.
    this.#name = prepared
      ? `crossdock_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`
      : undefined;
  }

  config(values: readonly unknown[]): pg.QueryConfig {
    return this.#name === undefined
      ? { text: this.text, values: [...values] }
      : { name: this.#name, text: this.text, values: [...values] };
  }
}

/** SQLSTATEs of a missing table (42P01) or schema (3F000): the schema was not migrated. */
const NOT_MIGRATED = new Set(['42P01', '3F000']);

/** Runs `statement`, turning "relation does not exist" into a `SchemaNotMigratedError`. */
export async function run<R extends pg.QueryResultRow>(
  db: Queryable,
  schema: string,
  statement: Statement,
  values: readonly unknown[] = [],
): Promise<R[]> {
  try {
    return (await db.query<R>(statement.config(values))).rows;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && NOT_MIGRATED.has(code)) throw new SchemaNotMigratedError(schema, error);
    throw error;
  }
}

/** An ISO-8601 UTC timestamp, in milliseconds, of a `timestamptz` expression: independent of the session's time zone and of any type parser set on the pool. */
export function isoSql(expression: string): string {
  return `to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/**
 * Runs `work` inside `BEGIN … COMMIT` on a connection of `pool`, rolling back if it throws. A
 * connection left in an unknown state (a failed `BEGIN` or `ROLLBACK`) is destroyed, not reused.
 */
export async function withTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let healthy = false;
  try {
    await client.query('BEGIN');
    try {
      const value = await work(client);
      await client.query('COMMIT');
      healthy = true;
      return value;
    } catch (error) {
      await client.query('ROLLBACK').then(
        () => {
          healthy = true;
        },
        () => {},
      );
      throw error;
    }
  } finally {
    client.release(!healthy);
  }
}

/** SQL for a parameter holding milliseconds, as an interval: `msInterval('$2')`. */
export function msInterval(parameter: string): string {
  return `${parameter}::float8 * interval '1 millisecond'`;
}
