import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedSystems, startEmbeddedSystems } from '../src/demo/environment.ts';
import { seedProducts } from '../src/demo/seed.ts';

const EXAMPLE = fileURLToPath(new URL('..', import.meta.url));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `crossdock <args>` as a separate process, configured only by environment variables. */
function crossdock(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['src/cli/main.ts', ...args],
      { cwd: EXAMPLE, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('crossdock reconcile and sync (child process)', () => {
  let systems: EmbeddedSystems;
  let env: Record<string, string>;

  beforeAll(async () => {
    systems = await startEmbeddedSystems();
    await seedProducts(systems.odooClient, 19, [
      { sku: 'CLI-MUG', name: 'Mug', stock: 40 },
      { sku: 'CLI-CUP', name: 'Cup', stock: 5 },
    ]);
    systems.shipbob.control.changeStock('CLI-MUG', { onHand: 38, fulfillable: 38 });
    systems.shipbob.control.changeStock('CLI-CUP', { onHand: 5, fulfillable: 5 });
    const { odoo, shipbob } = systems.config;
    env = {
      ODOO_URL: odoo.url,
      ODOO_DB: odoo.db,
      ODOO_LOGIN: odoo.login,
      ODOO_API_KEY: odoo.apiKey ?? '',
      SHIPBOB_BASE_URL: shipbob.baseUrl ?? '',
      SHIPBOB_TOKEN: shipbob.token,
      SHIPBOB_CHANNEL_ID: String(shipbob.channelId),
      SHIPBOB_WEBHOOK_SECRETS: shipbob.webhookSecrets.join(','),
    };
  });
  afterAll(async () => {
    await systems?.close();
  });

  it('prints the variance report and exits 1 while a variance is unexplained, changing nothing', async () => {
    const run = await crossdock(env, 'reconcile');
    expect(run.stderr).toMatch(/reconcile: \d+ warehouse levels, \d+ Odoo quants/);
    expect(run.stdout).toMatch(/^WAREHOUSE\s+SKU\s+LOT\s+ODOO\s+COUNTED/m);
    expect(run.stdout).toMatch(/^shipbob\s+CLI-MUG\s+40\s+38\s+-2\s+-2\s+variance\s+report only/m);
    expect(run.stdout).toMatch(/2 items: 1 match, 0 timing, 0 within tolerance \(±0\), 1 variance/);
    expect(run.stdout).toMatch(/crossdock trace reconcile:/);
    expect(run.code).toBe(1);
    expect(await mugQuants(systems)).toEqual([40]);
  });

  it('adjusts Odoo to the count with --apply and exits 0; a second run finds everything matching', async () => {
    const applied = await crossdock(env, 'reconcile', '--apply');
    expect(applied.stdout).toMatch(/CLI-MUG.*adjusted 40 -> 38/);
    expect(applied.code).toBe(0);
    const again = await crossdock(env, 'reconcile', '--apply');
    expect(again.stdout).toMatch(/2 items: 2 match/);
    expect(again.code).toBe(0);
    expect(await mugQuants(systems)).toEqual([38]);
  });

  it('runs one sync pass with progress on stderr and counts on stdout', async () => {
    const run = await crossdock(env, 'sync', '--once');
    expect(run.stderr).toMatch(/sync: inventory: \d+ warehouse levels/);
    const summary = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}');
    expect(summary).toMatchObject({ failed: [], inventory: { match: 2, variance: 0 }, deadLettered: 0 });
    expect(run.code).toBe(0);
    expect(await crossdock(env, 'sync')).toMatchObject({ code: 2 });
  });
});

/** The quantity of each Odoo quant of CLI-MUG, read from the fake Odoo. */
async function mugQuants(systems: EmbeddedSystems): Promise<number[]> {
  const quants = await systems.odooClient.model('stock.quant').searchRead({
    domain: [
      ['product_id.default_code', '=', 'CLI-MUG'],
      ['location_id.usage', '=', 'internal'],
    ],
    fields: ['quantity'],
  });
  return quants.map((quant) => Number(quant.quantity));
}
