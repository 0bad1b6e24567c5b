import type pg from 'pg';
import { DEFAULT_SCHEMA, quoteSchema, withTransaction } from './db.js';

export interface MigrateOptions {
  /**
   * The schema that holds the tables; created if missing. Default `'crossdock'`.
   *
   * @example 'integrations'
   */
  readonly schema?: string;
}

export interface MigrateReport {
  /** The versions this call applied, in order; empty when the schema was up to date. */
  readonly applied: readonly number[];
  /** The schema's version after the call. */
  readonly version: number;
}

interface Migration {
  readonly version: number;
  readonly name: string;
  /** The step's SQL for a quoted schema name; every statement is idempotent (`IF NOT EXISTS`). */
  readonly sql: (s: string) => string;
}

/**
 * The schema's history. Append new steps with the next version; never edit an applied one, since
 * `migrate` runs only the versions a database has not recorded.
 */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'idempotency keys, ordering positions, dead letters, outbox',
    sql: (s) => `
CREATE TABLE IF NOT EXISTS ${s}.idempotency_keys (
  key text PRIMARY KEY,
  fingerprint text NOT NULL,
  state text NOT NULL CHECK (state IN ('in_progress', 'completed')),
  token text NOT NULL,
  attempt integer NOT NULL CHECK (attempt > 0),
  lease_until timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  result text,
  failed boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS idempotency_keys_expires_at_idx ON ${s}.idempotency_keys (expires_at);

CREATE TABLE IF NOT EXISTS ${s}.ordering_positions (
  entity text PRIMARY KEY,
  position numeric(39, 0) NOT NULL CHECK (position >= 0),
  updated_at timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS ${s}.dead_letters (
  id bigserial PRIMARY KEY,
  key text NOT NULL,
  source text NOT NULL,
  payload jsonb,
  headers jsonb NOT NULL DEFAULT '{}',
  errors jsonb NOT NULL,
  attempts integer NOT NULL CHECK (attempts >= 0),
  first_failed_at timestamptz NOT NULL,
  last_failed_at timestamptz NOT NULL,
  correlation_id text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'replayed', 'discarded')),
  discard_reason text,
  replayed_at timestamptz
);
CREATE UNIQUE INDEX IF NOT EXISTS dead_letters_pending_key_idx ON ${s}.dead_letters (source, key) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS dead_letters_source_idx ON ${s}.dead_letters (source, id);
CREATE INDEX IF NOT EXISTS dead_letters_status_idx ON ${s}.dead_letters (status, id);
CREATE INDEX IF NOT EXISTS dead_letters_correlation_idx ON ${s}.dead_letters (correlation_id, id) WHERE correlation_id IS NOT NULL;

CREATE TABLE IF NOT EXISTS ${s}.outbox (
  id bigserial PRIMARY KEY,
  topic text NOT NULL,
  key text NOT NULL,
  payload jsonb NOT NULL,
  headers jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  available_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  claim_token text,
  last_error jsonb,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  delivered_at timestamptz
);
CREATE INDEX IF NOT EXISTS outbox_pending_idx ON ${s}.outbox (id) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS outbox_delivered_idx ON ${s}.outbox (delivered_at) WHERE status = 'delivered';
`,
  },
  {
    version: 2,
    name: 'audit entries, cursors',
    sql: (s) => `
CREATE TABLE IF NOT EXISTS ${s}.audit_entries (
  id bigserial PRIMARY KEY,
  correlation_id text NOT NULL,
  kind text NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  subject_type text,
  subject_id text,
  before jsonb,
  after jsonb,
  detail jsonb,
  at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_entries_correlation_idx ON ${s}.audit_entries (correlation_id, at, id);
CREATE INDEX IF NOT EXISTS audit_entries_at_idx ON ${s}.audit_entries (at, id);

CREATE TABLE IF NOT EXISTS ${s}.cursors (
  name text PRIMARY KEY,
  value text NOT NULL,
  version bigint NOT NULL CHECK (version > 0),
  updated_at timestamptz NOT NULL
);
`,
  },
];

/** The newest schema version this release knows. */
export const SCHEMA_VERSION: number = MIGRATIONS.at(-1)?.version ?? 0;

const bookkeeping = (s: string) => `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.idempotency_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
`;

/** The advisory lock's name: one lock per schema, so schemas migrate independently. */
const lockName = (schema: string) => `@crossdock/idempotency:migrate:${schema}`;

/** A SQL string literal, whatever `standard_conforming_strings` says (as `pg.escapeLiteral`). */
function literal(text: string): string {
  const quoted = `'${text.replaceAll("'", "''")}'`;
  return text.includes('\\') ? `E${quoted.replaceAll('\\', '\\\\')}` : quoted;
}

const record = (s: string, migration: Migration) =>
  `INSERT INTO ${s}.idempotency_migrations (version, name) VALUES (${migration.version}, ${literal(migration.name)}) ON CONFLICT (version) DO NOTHING;`;

/**
 * The whole schema as one SQL script, for teams that apply migrations with their own tool
 * (Flyway, Sqitch, node-pg-migrate, …). Every statement is idempotent, and the script records the
 * versions it holds in `<schema>.idempotency_migrations`, so `migrate()` later only adds newer steps.
 * Run it in one transaction: it starts by taking the advisory lock `migrate()` takes, so it waits
 * for (and is waited for by) instances migrating the same schema.
 *
 * @example
 * import { writeFileSync } from 'node:fs';
 * writeFileSync('migrations/V7__crossdock.sql', migrationSql({ schema: 'crossdock' }));
 */
export function migrationSql(options: MigrateOptions = {}): string {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const s = quoteSchema(schema);
  return [
    `-- @crossdock/idempotency schema, version ${SCHEMA_VERSION}`,
    `SELECT pg_advisory_xact_lock(hashtextextended(${literal(lockName(schema))}, 0));`,
    bookkeeping(s).trim(),
    ...MIGRATIONS.flatMap((migration) => [
      `-- version ${migration.version}: ${migration.name}`,
      migration.sql(s).trim(),
      record(s, migration),
    ]),
    '',
  ].join('\n');
}

/**
 * Creates or upgrades the tables of every PostgreSQL back end (idempotency keys, ordering
 * positions, dead letters, outbox, audit entries, cursors) in `schema`, in one transaction. A
 * transaction-scoped advisory lock per schema makes instances that start at once wait for each
 * other instead of racing, and the `idempotency_migrations` table makes it a no-op when the schema
 * is current. Safe to call at every start. Takes a connection from `pool` for the transaction and
 * gives it back.
 *
 * @example
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate(pool, { schema: 'crossdock' });
 */
export async function migrate(pool: pg.Pool, options: MigrateOptions = {}): Promise<MigrateReport> {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const s = quoteSchema(schema);
  return withTransaction(pool, async (client) => {
    // The lock is taken before anything is created: concurrent CREATE ... IF NOT EXISTS can still
    // collide on the catalog's unique indexes.
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [lockName(schema)]);
    await client.query(bookkeeping(s));
    const { rows } = await client.query<{ version: number }>(
      `SELECT version FROM ${s}.idempotency_migrations`,
    );
    const done = new Set(rows.map((row) => row.version));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      await client.query(`${migration.sql(s)}\n${record(s, migration)}`);
      applied.push(migration.version);
    }
    return { applied, version: Math.max(SCHEMA_VERSION, ...done) };
  });
}
