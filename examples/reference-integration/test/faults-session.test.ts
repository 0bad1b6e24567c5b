import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedSystems, embeddedService, startEmbeddedSystems } from '../src/demo/environment.ts';
import { type SeededOrder, seedOneProductOrders } from '../src/demo/seed.ts';
import { pollReleases } from '../src/flows/release.ts';
import type { Service } from '../src/service.ts';

const BATCH = 20;

describe('an Odoo session expiring in the middle of a batch', () => {
  let systems: EmbeddedSystems;
  let service: Service;
  let batch: SeededOrder[];

  beforeAll(async () => {
    // Odoo 18 with a password: the client logs in on /web/session/authenticate and keeps the cookie.
    systems = await startEmbeddedSystems({ odooVersion: 18 });
    const mug = { sku: 'SES-MUG', name: 'Mug', stock: 500 };
    batch = await seedOneProductOrders(systems, 18, mug, BATCH, 'Session Customer');
    service = await embeddedService(systems);
  });
  afterAll(async () => {
    await service?.stop();
    await systems?.close();
  });

  it('logs in again and releases every picking once, with one release note each', async () => {
    expect(systems.config.odoo.password).toBeDefined();
    const faults = systems.odoo.handlers.faults;
    faults.add({ route: 'call_kw', effect: { kind: 'session-expiry' }, after: 5, times: 1 });
    faults.add({
      route: 'call_kw',
      model: 'mail.message',
      method: 'create',
      effect: { kind: 'session-expiry' },
      times: 1,
    });
    faults.add({
      route: 'call_kw',
      model: 'mail.message',
      method: 'search_read',
      effect: { kind: 'session-expiry' },
      times: 1,
    });
    const logins = faults.calls().routes['session/authenticate'] ?? 0;

    const report = await pollReleases(service.runtime);

    expect(faults.size).toBe(0); // every session was expired as armed
    expect((faults.calls().routes['session/authenticate'] ?? 0) - logins).toBeGreaterThanOrEqual(3);
    expect(report).toMatchObject({ queued: BATCH, released: BATCH, deadLettered: 0 });
    const references = systems.shipbob.control.orders().map((order) => order.reference_id);
    expect(references.sort()).toEqual(batch.map((order) => `stock.picking:${order.pickingId}`).sort());
    const notes = await systems.odooClient.model('mail.message').searchRead({
      domain: [
        ['model', '=', 'stock.picking'],
        ['body', 'ilike', 'released to ShipBob'],
      ],
      fields: ['res_id'],
    });
    expect(notes.map((note) => note.res_id).sort()).toEqual(batch.map((order) => order.pickingId).sort());
    expect((await service.runtime.stores.deadLetters.list({ status: 'pending' })).items).toEqual([]);
  }, 30_000);
});
