import { afterAll, beforeAll } from 'vitest';
import { PostgresOrderingStore } from '../src/postgres/index.js';
import { describeOrderingContract } from './conformance/ordering-contract.js';
import { openTestDatabase, type TestDatabase } from './postgres-helpers.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describeOrderingContract('PostgresOrderingStore', async () => ({
  store: new PostgresOrderingStore({ pool: db.pool, schema: db.schema }),
}));
