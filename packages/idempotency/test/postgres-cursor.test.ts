import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { PostgresCursorStore } from '../src/postgres/index.js';
import { describeCursorContract } from './conformance/cursor-contract.js';
import { openTestDatabase, POSTGRES_URL, type TestDatabase } from './postgres-helpers.js';

let db: TestDatabase;
let peerPool: pg.Pool;
beforeAll(async () => {
  db = await openTestDatabase();
  peerPool = new pg.Pool({ connectionString: POSTGRES_URL, max: 4 });
});
afterAll(async () => {
  await peerPool?.end();
  await db?.drop();
});

// The peer is another store on its own pool, as a second instance of the service would be.
describeCursorContract('PostgresCursorStore', async () => ({
  store: new PostgresCursorStore({ pool: db.pool, schema: db.schema }),
  peer: new PostgresCursorStore({ pool: peerPool, schema: db.schema, preparedStatements: false }),
}));
