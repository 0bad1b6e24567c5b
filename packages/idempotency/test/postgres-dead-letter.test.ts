import { afterAll, beforeAll } from 'vitest';
import { PostgresDeadLetterStore } from '../src/postgres/index.js';
import { describeDeadLetterContract } from './conformance/dead-letter-contract.js';
import { openTestDatabase, type TestDatabase } from './postgres-helpers.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describeDeadLetterContract('PostgresDeadLetterStore', async () => ({
  store: new PostgresDeadLetterStore({ pool: db.pool, schema: db.schema }),
}));
