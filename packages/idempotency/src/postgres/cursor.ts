import type pg from 'pg';
import { CursorConflictError, checkCursorArguments } from '../cursor/errors.js';
import type { CursorStore, SetCursorOptions, StoredCursor } from '../cursor/types.js';
import { DEFAULT_SCHEMA, isoSql, quoteSchema, run, Statement } from './db.js';

/**
 * Options of `PostgresCursorStore`.
 *
 * @example
 * const options: PostgresCursorStoreOptions = { pool, schema: 'crossdock' };
 */
export interface PostgresCursorStoreOptions {
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

interface CursorRow {
  readonly name: string;
  readonly value: string;
  readonly version: string;
  readonly updated_at: string;
}

const toCursor = (row: CursorRow): StoredCursor => ({
  name: row.name,
  value: row.value,
  version: Number(row.version),
  updatedAt: row.updated_at,
});

/**
 * Cursors in `<schema>.cursors`, shared by instances. Each `set` is one statement: an upsert
 * without `expectedVersion`, an `INSERT … ON CONFLICT DO NOTHING` for `expectedVersion: 0`, and an
 * `UPDATE … WHERE version = $expected` otherwise, so two instances can never both move a cursor
 * from the same version. `updatedAt` is the database's clock. Values are `text` (no `\u0000`).
 * Run `migrate()` once before use.
 *
 * @example
 * const cursors = new PostgresCursorStore({ pool });
 * const current = await cursors.get('odoo.stock.picking');
 * await cursors.set('odoo.stock.picking', '2025-06-01 09:30:00|4711', { expectedVersion: current?.version ?? 0 });
 */
export class PostgresCursorStore implements CursorStore {
  readonly #pool: pg.Pool;
  readonly #schema: string;
  readonly #get: Statement;
  readonly #list: Statement;
  readonly #upsert: Statement;
  readonly #create: Statement;
  readonly #move: Statement;

  constructor(options: PostgresCursorStoreOptions) {
    this.#pool = options.pool;
    this.#schema = options.schema ?? DEFAULT_SCHEMA;
    const prepared = options.preparedStatements ?? true;
    const table = `${quoteSchema(this.#schema)}.cursors`;
    const columns = `c.name, c.value, c.version::text AS version, ${isoSql('c.updated_at')} AS updated_at`;
    const now = `date_trunc('milliseconds', clock_timestamp())`;
    this.#get = new Statement(`SELECT ${columns} FROM ${table} c WHERE c.name = $1`, prepared);
    this.#list = new Statement(`SELECT ${columns} FROM ${table} c ORDER BY c.name COLLATE "C"`, prepared);
    this.#upsert = new Statement(
      `INSERT INTO ${table} AS c (name, value, version, updated_at) VALUES ($1, $2, 1, ${now})
ON CONFLICT (name) DO UPDATE SET value = excluded.value, version = c.version + 1, updated_at = excluded.updated_at
RETURNING ${columns}`,
      prepared,
    );
    this.#create = new Statement(
      `INSERT INTO ${table} AS c (name, value, version, updated_at) VALUES ($1, $2, 1, ${now})
ON CONFLICT (name) DO NOTHING RETURNING ${columns}`,
      prepared,
    );
    this.#move = new Statement(
      `UPDATE ${table} c SET value = $2, version = c.version + 1, updated_at = ${now}
WHERE c.name = $1 AND c.version = $3::bigint RETURNING ${columns}`,
      prepared,
    );
  }

  async get(name: string): Promise<StoredCursor | undefined> {
    const [row] = await run<CursorRow>(this.#pool, this.#schema, this.#get, [name]);
    return row && toCursor(row);
  }

  async set(name: string, value: string, options: SetCursorOptions = {}): Promise<StoredCursor> {
    const { expectedVersion } = options;
    checkCursorArguments(name, expectedVersion);
    const [statement, values] =
      expectedVersion === undefined
        ? [this.#upsert, [name, value]]
        : expectedVersion === 0
          ? [this.#create, [name, value]]
          : [this.#move, [name, value, expectedVersion]];
    const [row] = await run<CursorRow>(this.#pool, this.#schema, statement, values);
    if (row) return toCursor(row);
    // Refused: report the version found now (0 if the cursor is missing).
    const current = await this.get(name);
    throw new CursorConflictError(name, expectedVersion ?? 0, current?.version ?? 0);
  }

  async list(): Promise<StoredCursor[]> {
    return (await run<CursorRow>(this.#pool, this.#schema, this.#list)).map(toCursor);
  }
}
