import { IdempotencyError } from '../errors.js';

/**
 * The schema name given to a PostgreSQL store cannot name a schema: it is empty, holds a NUL
 * character or is longer than PostgreSQL's 63-byte identifier limit (PostgreSQL would silently cut
 * it, and two long names could end up sharing one schema).
 */
export class InvalidSchemaNameError extends IdempotencyError {
  override name = 'InvalidSchemaNameError';

  constructor(reason: string) {
    super(`invalid PostgreSQL schema name: ${reason}`);
  }
}

/**
 * The store's tables are not there: `migrate(pool, { schema })` (or the SQL of `migrationSql`) has
 * not run against this database and schema. The original database error is the `cause`.
 */
export class SchemaNotMigratedError extends IdempotencyError {
  override name = 'SchemaNotMigratedError';
  readonly schema: string;

  constructor(schema: string, cause: unknown) {
    super(`the tables of schema "${schema}" are missing; run migrate(pool, { schema: "${schema}" }) first`, {
      cause,
    });
    this.schema = schema;
  }
}

/**
 * An outbox message used up its `maxAttempts` without a failure that could be dead-lettered: the
 * workers that took it stopped (crashed, were killed, lost their connection) before recording an
 * outcome, or the dead-letter store refused it. It is dead-lettered without another delivery, so a
 * message that crashes its worker cannot crash every worker in turn. `cause` is the last recorded
 * delivery error, if any.
 */
export class OutboxAttemptsExhaustedError extends IdempotencyError {
  override name = 'OutboxAttemptsExhaustedError';
  readonly id: string;
  readonly attempts: number;

  constructor(id: string, attempts: number, cause?: unknown) {
    super(
      `outbox message ${id} used up its ${attempts} delivery attempts; giving up`,
      cause === undefined ? undefined : { cause },
    );
    this.id = id;
    this.attempts = attempts;
  }
}
