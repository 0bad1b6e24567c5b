import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedSystems, embeddedService, startEmbeddedSystems } from '../src/demo/environment.ts';
import { type SeededOrder, seedOneProductOrders } from '../src/demo/seed.ts';
import { pollReleases } from '../src/flows/release.ts';
import type { Service } from '../src/service.ts';

const BATCH = 24;
const STORM = 8;

describe('a ShipBob 429 storm during a release batch', () => {
  let systems: EmbeddedSystems;
  let service: Service;
  let batch: SeededOrder[];

  beforeAll(async () => {
    systems = await startEmbeddedSystems();
    const mug = { sku: 'RL-MUG', name: 'Mug', stock: 500 };
    batch = await seedOneProductOrders(systems, 19, mug, BATCH, 'Storm Customer');
    service = await embeddedService(systems);
  });
  afterAll(async () => {
    await service?.stop();
    await systems?.close();
  });

  it('waits out x-retry-after and releases every picking once, never going over the published limit', async () => {
    const control = systems.shipbob.control;
    // The next requests are refused (1 s, ShipBob's smallest x-retry-after): some releases are
    // refused three times in a row, more than the connector waits out, and go back to the queue.
    for (let index = 0; index < STORM; index++) control.refuseNext(1_000);
    const seen = control.requests.length;

    const started = Date.now();
    const report = await pollReleases(service.runtime);

    expect(report).toMatchObject({ queued: BATCH, released: BATCH, deadLettered: 0 });
    const refused = control.requests.slice(seen).length - BATCH;
    expect(refused).toBeGreaterThanOrEqual(STORM); // every armed refusal was met, and retried
    expect(control.state.armed).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000); // the wait was honoured
    expect(control.refusals).toBe(0); // the connector paced itself under 150 a minute
    const references = control.orders().map((order) => order.reference_id);
    expect(new Set(references).size).toBe(references.length);
    expect(references.sort()).toEqual(batch.map((order) => `stock.picking:${order.pickingId}`).sort());
    expect((await service.runtime.stores.deadLetters.list({ status: 'pending' })).items).toEqual([]);
  }, 30_000);
});
