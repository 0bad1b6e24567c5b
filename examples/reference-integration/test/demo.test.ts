import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DayFacts, type DemoWorld, runDay, startDemoWorld } from '../src/demo/day.ts';
import { type Check, checkDay, formatChecks } from '../src/demo/summary.ts';

const run = promisify(execFile);
const exampleDir = fileURLToPath(new URL('..', import.meta.url));

describe('crossdock demo (the embedded default)', () => {
  it('runs the whole day with no configuration and exits 0 with every check passed, in under a minute', async () => {
    const started = performance.now();
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => !/^(ODOO|SHIPBOB|EASYPOST|SHOPIFY|CROSSDOCK)_/.test(name),
      ),
    );
    const { stdout } = await run(process.execPath, ['src/cli/main.ts', 'demo'], { cwd: exampleDir, env });
    expect(performance.now() - started).toBeLessThan(60_000);
    for (const step of [
      'orders released',
      'full shipment with lots',
      'partial shipment',
      'backorder shipped later',
      'short close',
      'substitution: delivered as a canonical event; the fake 3PL has no substitution control',
      'tracking to delivery',
      'duplicate',
      'out-of-order webhooks',
      'Odoo outage',
      'stock variance',
      'return: RMA-',
      'poison message',
      'fix and replay',
      'crossdock trace order:',
    ]) {
      expect(stdout).toContain(step);
    }
    const [, passed, total] = /(\d+) of (\d+) checks passed/.exec(stdout) ?? [];
    expect(Number(total)).toBeGreaterThanOrEqual(14);
    expect(passed).toBe(total);
    expect(stdout).not.toContain('✗');
  }, 90_000);

  describe('the summary reads the end state back, so a wrong end state fails it', () => {
    let world: DemoWorld;
    let facts: DayFacts;
    const failing = (checks: readonly Check[]) => checks.filter((c) => !c.ok).map((c) => c.name);

    beforeAll(async () => {
      world = await startDemoWorld();
      facts = await runDay(world, () => {});
    }, 60_000);
    afterAll(() => world?.close());

    it('passes every check after the day', async () => {
      expect(failing(await checkDay(world, facts))).toEqual([]);
    });

    it('fails the variance and stock checks when an Odoo quant is not what the warehouse counted', async () => {
      const client = world.systems.odooClient;
      const quants = client.model('stock.quant');
      const [quant] = await quants.search({
        domain: [
          ['product_id', '=', world.products.get('CUP-WHITE') as number],
          ['location_id.usage', '=', 'internal'],
        ],
        limit: 1,
      });
      const context = { inventory_mode: true };
      await quants.write([quant as number], { inventory_quantity: 37 }, { context });
      await quants.call('action_apply_inventory', { ids: [quant as number], context });

      const checks = await checkDay(world, facts);
      expect(failing(checks)).toEqual([
        'quant of CUP-WHITE = 38 after the variance was applied',
        'Odoo stock matches ShipBob for every SKU',
      ]);
      const table = formatChecks(checks);
      expect(table.filter((line) => line.endsWith('✗'))).toHaveLength(2);
      expect(table.at(-1)).toBe(`${checks.length - 2} of ${checks.length} checks passed`);
    });

    it('fails the out-of-order check when a stale scan reached the picking', async () => {
      await world.service.runtime.odoo.fulfillment.note(
        facts.orders.outage.pickingId,
        `${facts.tracking.reversed} (ups): in transit`,
        { correlationId: 'test:stale-note' },
      );
      expect(failing(await checkDay(world, facts))).toContain(
        `${facts.tracking.reversed} out-of-order scans: older ones dropped`,
      );
    });

    it('fails the dead-letter check when a letter is still pending', async () => {
      await world.service.runtime.stores.deadLetters.record({
        key: 'test:pending',
        source: 'crossdock.return.receive',
        payload: {},
        error: new Error('still broken'),
        attempts: 1,
      });
      expect(failing(await checkDay(world, facts))).toContain('dead letters replayed after the fix');
    });
  });
});
