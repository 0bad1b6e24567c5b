import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, PostgresAuditLog, SCHEMA_VERSION, SchemaNotMigratedError } from '../src/postgres/index.js';
import { describeAuditLogContract } from './conformance/audit-contract.js';
import { openTestDatabase, type TestDatabase } from './postgres-helpers.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describeAuditLogContract('PostgresAuditLog', async (options) => {
  // Tests in a file run one after another; each starts from an empty log so prune counts are exact.
  await db.pool.query(`TRUNCATE ${db.s}.audit_entries`);
  return { log: new PostgresAuditLog({ ...options, pool: db.pool, schema: db.schema }) };
});

const entry = (correlationId: string, detail?: unknown) => ({
  correlationId,
  kind: 'inbound' as const,
  actor: 'shipbob.webhook',
  action: 'order.shipped',
  ...(detail === undefined ? {} : { detail }),
});

describe('PostgresAuditLog on PostgreSQL', () => {
  it('stores nothing of a batch when PostgreSQL refuses one entry of it', async () => {
    const log = new PostgresAuditLog({ pool: db.pool, schema: db.schema });
    await expect(
      log.append([entry('pg-batch'), entry('pg-batch', { text: 'nul \u0000 byte' })]),
    ).rejects.toThrow();
    expect((await log.trace('pg-batch')).items).toEqual([]);
  });

  it('works without prepared statements, for PgBouncer in transaction mode', async () => {
    const log = new PostgresAuditLog({ pool: db.pool, schema: db.schema, preparedStatements: false });
    await log.append([entry('pg-unprepared'), entry('pg-unprepared')]);
    expect((await log.trace('pg-unprepared', { limit: 1 })).next).toBeDefined();
  });

  it('says the schema was not migrated instead of failing with a bare SQL error', async () => {
    const log = new PostgresAuditLog({ pool: db.pool, schema: `${db.schema}_missing` });
    await expect(log.trace('x')).rejects.toBeInstanceOf(SchemaNotMigratedError);
  });

  it('adds the audit and cursor tables to a schema migrated by the previous release', async () => {
    const other = await openTestDatabase();
    try {
      // Back to version 1: the tables of version 2 and its record gone.
      await other.pool.query(`DROP TABLE ${other.s}.audit_entries, ${other.s}.cursors`);
      await other.pool.query(`DELETE FROM ${other.s}.idempotency_migrations WHERE version = 2`);
      expect(await migrate(other.pool, { schema: other.schema })).toEqual({
        applied: [2],
        version: SCHEMA_VERSION,
      });
      const log = new PostgresAuditLog({ pool: other.pool, schema: other.schema });
      expect(await log.append(entry('upgraded'))).toHaveLength(1);
    } finally {
      await other.drop();
    }
  });
});
