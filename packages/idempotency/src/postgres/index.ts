/**
 * The PostgreSQL back ends of `@crossdock/idempotency`: the claim protocol (`PostgresStore`, with a
 * transactional mode), the ordering guard, dead letters, a transactional outbox, an audit log and
 * read cursors, all in one schema created by `migrate()`. Needs the `pg` 8 peer dependency; the
 * caller owns the `pg.Pool`.
 *
 * @example
 * import pg from 'pg';
 * import { migrate, PostgresStore } from '@crossdock/idempotency/postgres';
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate(pool);
 * const store = new PostgresStore({ pool });
 */
export { PostgresAuditLog, type PostgresAuditLogOptions } from './audit.js';
export { PostgresCursorStore, type PostgresCursorStoreOptions } from './cursor.js';
export { DEFAULT_SCHEMA, type Queryable } from './db.js';
export { PostgresDeadLetterStore, type PostgresDeadLetterStoreOptions } from './dead-letter.js';
export { InvalidSchemaNameError, OutboxAttemptsExhaustedError, SchemaNotMigratedError } from './errors.js';
export { type MigrateOptions, type MigrateReport, migrate, migrationSql, SCHEMA_VERSION } from './migrate.js';
export { PostgresOrderingStore, type PostgresOrderingStoreOptions } from './ordering.js';
export {
  type DrainOutboxOptions,
  type DrainProgress,
  type DrainReport,
  defaultOutboxRetryDelayMs,
  drainOutbox,
  type EnqueueOptions,
  enqueue,
  type OutboxDeliveryReport,
  type OutboxHandler,
  type OutboxMessage,
  type OutboxMessageInput,
  type PurgeOutboxOptions,
  purgeOutbox,
} from './outbox.js';
export { type OutboxWorkerOptions, runOutboxWorker } from './outbox-worker.js';
export { PostgresStore, type PostgresStoreOptions, type PurgeExpiredOptions } from './store.js';
