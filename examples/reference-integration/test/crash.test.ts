import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toEnvironment } from '../src/config/env.ts';
import { type EmbeddedSystems, startEmbeddedSystems } from '../src/demo/environment.ts';
import { type SeededOrder, seedOneProductOrders } from '../src/demo/seed.ts';

const CLI = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const ORDERS = 40;

/** Starts `crossdock run` as its own process on PostgreSQL stores, as production runs it. */
function startCrossdock(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [CLI, 'run'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a crash in the middle of a release batch', () => {
  let systems: EmbeddedSystems;
  let orders: SeededOrder[];
  let env: Record<string, string>;
  const schema = `crash_${process.pid}_${Date.now()}`;
  const pool = new pg.Pool({ connectionString: DATABASE_URL });

  beforeAll(async () => {
    systems = await startEmbeddedSystems({
      config: { store: { kind: 'postgres', url: DATABASE_URL, schema } },
    });
    const mug = { sku: 'CRASH-MUG', name: 'Mug', stock: 1000 };
    orders = await seedOneProductOrders(systems, 19, mug, ORDERS, 'Crash Customer');
    env = toEnvironment(systems.config);
  }, 120_000);
  afterAll(async () => {
    await systems?.close();
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  });

  it('resumes after SIGKILL without losing a release or releasing anything twice', async () => {
    const first = startCrossdock(env);
    await until(() => systems.shipbob.control.orders().length >= 5, 'the first releases');
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    const releasedBeforeCrash = systems.shipbob.control.orders().length;
    expect(releasedBeforeCrash).toBeLessThan(ORDERS);

    const second = startCrossdock(env);
    try {
      await until(
        () => systems.shipbob.control.orders().length >= ORDERS,
        'every release after the restart',
        60_000,
      );
      // Let the restarted service finish the batch it is on (notes on the pickings, the cursor).
      await until(async () => {
        const messages = await systems.odooClient.model('mail.message').searchRead({
          domain: [
            ['model', '=', 'stock.picking'],
            ['body', 'ilike', 'ShipBob'],
          ],
          fields: ['res_id'],
        });
        return new Set(messages.map((message) => message.res_id)).size >= ORDERS;
      }, 'a release note on every picking');
    } finally {
      second.kill('SIGTERM');
      await new Promise((resolve) => second.once('exit', resolve));
    }

    const references = systems.shipbob.control.orders().map((order) => order.reference_id);
    expect(new Set(references).size).toBe(references.length);
    expect([...references].sort()).toEqual(orders.map((order) => `stock.picking:${order.pickingId}`).sort());
    const notes = await systems.odooClient.model('mail.message').searchRead({
      domain: [
        ['model', '=', 'stock.picking'],
        ['body', 'ilike', 'ShipBob'],
      ],
      fields: ['res_id'],
    });
    const perPicking = new Map<unknown, number>();
    for (const note of notes) perPicking.set(note.res_id, (perPicking.get(note.res_id) ?? 0) + 1);
    expect([...perPicking.values()].filter((count) => count > 1)).toEqual([]);
  }, 120_000);
});
