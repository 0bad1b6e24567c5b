import type pg from 'pg';
import {
  checkRetention,
  noRetention,
  normalizeEntry,
  type PagePosition,
  pageCursor,
  pageLimit,
  parsePageCursor,
} from '../audit/entry.js';
import type {
  AuditEntry,
  AuditEntryInput,
  AuditKind,
  AuditLog,
  AuditLogOptions,
  AuditPage,
  AuditPageOptions,
  AuditQuery,
  PruneAuditOptions,
} from '../audit/types.js';
import { DEFAULT_SCHEMA, isoSql, msInterval, quoteSchema, run, Statement } from './db.js';

/**
 * Options of `PostgresAuditLog`.
 *
 * @example
 * const options: PostgresAuditLogOptions = { pool, retentionMs: 90 * 86_400_000 };
 */
export interface PostgresAuditLogOptions extends AuditLogOptions {
  /**
   * The pool the log sends its statements through. The caller owns it. Required.
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

interface EntryRow {
  readonly id: string;
  readonly correlation_id: string;
  readonly kind: AuditKind;
  readonly actor: string;
  readonly action: string;
  readonly subject_type: string | null;
  readonly subject_id: string | null;
  readonly before: string | null;
  readonly after: string | null;
  readonly detail: string | null;
  readonly at: string;
}

/** Rows `prune` deletes per statement, so a large backlog never holds one long lock. */
const PRUNE_BATCH = 10_000;

function toEntry(row: EntryRow): AuditEntry {
  return {
    id: row.id,
    correlationId: row.correlation_id,
    kind: row.kind,
    actor: row.actor,
    action: row.action,
    ...(row.subject_type !== null && row.subject_id !== null
      ? { subject: { type: row.subject_type, id: row.subject_id } }
      : {}),
    ...(row.before !== null ? { before: JSON.parse(row.before) } : {}),
    ...(row.after !== null ? { after: JSON.parse(row.after) } : {}),
    ...(row.detail !== null ? { detail: JSON.parse(row.detail) } : {}),
    at: row.at,
  };
}

/**
 * The audit log in `<schema>.audit_entries`, shared by instances and kept until pruned. Entries
 * without `at` get the database's clock (one instant per `append`, to the millisecond), so
 * instances with skewed clocks agree; ids are `bigserial` as text. `before`, `after` and `detail`
 * are `jsonb` (a JSON `null` is kept; strings cannot hold `\u0000`). Indexed on (correlation_id,
 * at, id) for `trace` and on (at, id) for `list` and `prune`. Run `migrate()` once before use.
 *
 * @example
 * const audit = new PostgresAuditLog({ pool, retentionMs: 90 * 86_400_000 });
 * await audit.append({
 *   correlationId: 'order-S00042', kind: 'outbound', actor: 'crossdock.release',
 *   action: 'stock.picking.button_validate', subject: { type: 'stock.picking', id: 21 },
 *   before: { state: 'assigned' }, after: { state: 'done' },
 * });
 * const { items } = await audit.trace('order-S00042');
 * setInterval(() => void audit.prune(), 3_600_000); // retention is the caller's schedule
 */
export class PostgresAuditLog implements AuditLog {
  readonly #pool: pg.Pool;
  readonly #schema: string;
  readonly #table: string;
  readonly #prepared: boolean;
  readonly #options: AuditLogOptions;
  readonly #columns: string;
  readonly #append: Statement;
  readonly #prune: Statement;
  readonly #selects = new Map<string, Statement>();

  constructor(options: PostgresAuditLogOptions) {
    const { pool, schema = DEFAULT_SCHEMA, preparedStatements = true, ...common } = options;
    checkRetention(common.retentionMs);
    this.#pool = pool;
    this.#schema = schema;
    this.#prepared = preparedStatements;
    this.#options = common;
    this.#table = `${quoteSchema(schema)}.audit_entries`;
    this.#columns = [
      'a.id::text AS id',
      'a.correlation_id',
      'a.kind',
      'a.actor',
      'a.action',
      'a.subject_type',
      'a.subject_id',
      'a.before::text AS before',
      'a.after::text AS after',
      'a.detail::text AS detail',
      `${isoSql('a.at')} AS at`,
    ].join(', ');
    // The entries arrive as one JSON array; ORDINALITY keeps their order in the ids.
    this.#append = new Statement(
      `WITH clock AS MATERIALIZED (SELECT date_trunc('milliseconds', clock_timestamp()) AS now)
INSERT INTO ${this.#table} AS a (correlation_id, kind, actor, action, subject_type, subject_id, before, after, detail, at)
SELECT e.v->>'correlationId', e.v->>'kind', e.v->>'actor', e.v->>'action', e.v->'subject'->>'type',
  e.v->'subject'->>'id', e.v->'before', e.v->'after', e.v->'detail', COALESCE((e.v->>'at')::timestamptz, clock.now)
FROM clock, jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(v, n)
ORDER BY e.n
RETURNING ${this.#columns}`,
      this.#prepared,
    );
    this.#prune = new Statement(
      `WITH doomed AS (
  SELECT id FROM ${this.#table}
  WHERE at < COALESCE($1::timestamptz, clock_timestamp() - ${msInterval('$2')})
  ORDER BY at LIMIT $3
), gone AS (DELETE FROM ${this.#table} a USING doomed WHERE a.id = doomed.id RETURNING 1)
SELECT count(*)::int AS removed FROM gone`,
      this.#prepared,
    );
  }

  async append(entries: AuditEntryInput | readonly AuditEntryInput[]): Promise<AuditEntry[]> {
    const inputs: readonly AuditEntryInput[] = Array.isArray(entries)
      ? entries
      : [entries as AuditEntryInput];
    if (inputs.length === 0) return [];
    const rows = inputs.map((input) => {
      const { atMs, ...fields } = normalizeEntry(input, this.#options);
      return atMs === undefined ? fields : { ...fields, at: new Date(atMs).toISOString() };
    });
    const stored = await run<EntryRow>(this.#pool, this.#schema, this.#append, [JSON.stringify(rows)]);
    // RETURNING has no promised order; ids follow the input's.
    return stored.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1)).map(toEntry);
  }

  async trace(correlationId: string, options: AuditPageOptions = {}): Promise<AuditPage> {
    return this.#page(
      ['a.correlation_id = $'],
      [correlationId],
      pageLimit(options.limit, 1_000),
      parsePageCursor(options.after),
    );
  }

  async list(query: AuditQuery = {}): Promise<AuditPage> {
    const filters: [condition: string, value: unknown][] = [
      ['a.at >= $::timestamptz', query.since?.toISOString()],
      ['a.at < $::timestamptz', query.until?.toISOString()],
      ['a.actor = $', query.actor],
      ['a.kind = $', query.kind],
    ];
    const given = filters.filter(([, value]) => value !== undefined);
    return this.#page(
      given.map(([condition]) => condition),
      given.map(([, value]) => value),
      pageLimit(query.limit, 100),
      parsePageCursor(query.after),
    );
  }

  async prune(options: PruneAuditOptions = {}): Promise<number> {
    const { retentionMs } = this.#options;
    if (options.olderThan === undefined && retentionMs === undefined) throw noRetention();
    const values = [options.olderThan?.toISOString() ?? null, retentionMs ?? null, PRUNE_BATCH];
    let removed = 0;
    for (;;) {
      const [row] = await run<{ removed: number }>(this.#pool, this.#schema, this.#prune, values);
      const batch = row?.removed ?? 0;
      removed += batch;
      if (batch < PRUNE_BATCH) return removed;
    }
  }

  /**
   * One page in (at, id) order. `conditions` hold `$` where their value goes; only the filters
   * given are in the SQL, so each combination gets a plan that uses its index.
   */
  async #page(
    conditions: readonly string[],
    filterValues: readonly unknown[],
    limit: number,
    after: PagePosition | undefined,
  ): Promise<AuditPage> {
    const values: unknown[] = [limit + 1];
    const where = conditions.map((condition, index) => {
      values.push(filterValues[index]);
      return condition.replace('$', `$${values.length}`);
    });
    if (after) {
      values.push(new Date(after.atMs).toISOString(), after.id.toString());
      where.push(`(a.at, a.id) > ($${values.length - 1}::timestamptz, $${values.length}::bigint)`);
    }
    const text = `SELECT ${this.#columns} FROM ${this.#table} a${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY a.at, a.id LIMIT $1`;
    let statement = this.#selects.get(text);
    if (!statement) {
      statement = new Statement(text, this.#prepared);
      this.#selects.set(text, statement);
    }
    const rows = await run<EntryRow>(this.#pool, this.#schema, statement, values);
    const items = rows.slice(0, limit).map(toEntry);
    const last = items.at(-1);
    return rows.length > limit && last ? { items, next: pageCursor(last.at, last.id) } : { items };
  }
}
