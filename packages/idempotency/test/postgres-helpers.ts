// A fresh schema per test file on the real PostgreSQL the tests share, dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../src/postgres/index.js';

export const POSTGRES_URL = process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  readonly pool: pg.Pool;
  readonly schema: string;
  /** The schema as a quoted identifier, for the tests' own SQL. */
  readonly s: string;
  readonly drop: () => Promise<void>;
}

/** Opens a pool and creates (and migrates) a schema named `crossdock_test_<pid>_<random>`. */
export async function openTestDatabase(
  options: { readonly max?: number; readonly migrate?: boolean } = {},
): Promise<TestDatabase> {
  const pool = new pg.Pool({ connectionString: POSTGRES_URL, max: options.max ?? 10 });
  const schema = `crossdock_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  if (options.migrate ?? true) await migrate(pool, { schema });
  return {
    pool,
    schema,
    s: `"${schema}"`,
    drop: async () => {
      try {
        await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await pool.end();
      }
    },
  };
}
