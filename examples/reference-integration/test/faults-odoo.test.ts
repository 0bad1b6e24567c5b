import { type DeadLetter, replayDeadLetters } from '@crossdock/idempotency';
import { deliverWebhooks } from '@crossdock/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EmbeddedSystems, embeddedService, startEmbeddedSystems } from '../src/demo/environment.ts';
import { type SeededOrder, seedCustomer, seedOrder, seedProducts, seedWarehouse } from '../src/demo/seed.ts';
import { pollReleases } from '../src/flows/release.ts';
import { STEPS } from '../src/flows/steps.ts';
import { replayLetter } from '../src/runtime/replay.ts';
import type { Service } from '../src/service.ts';

const HOUR_MS = 3_600_000;
const BATCH = 30;
const unavailable = { kind: 'http', status: 503 } as const;

describe('Odoo unavailable (503) in the middle of a batch', () => {
  let systems: EmbeddedSystems;
  let service: Service;
  let mug: number;
  let customer: number;

  // A fresh world per test: a release pass re-reads every open picking from the start, and the
  // ones an earlier test released would spend ShipBob's rate limit being found again.
  beforeEach(async () => {
    systems = await startEmbeddedSystems({
      config: { releaseIntervalMs: HOUR_MS, shipmentPollIntervalMs: HOUR_MS, snapshotIntervalMs: HOUR_MS },
    });
    const products = [{ sku: 'F503-MUG', name: 'Mug', stock: 1000 }];
    mug = (await seedProducts(systems.odooClient, 19, products)).get('F503-MUG') as number;
    seedWarehouse(systems.shipbob.control, products);
    customer = await seedCustomer(systems.odooClient, 'Outage Customer');
    service = await embeddedService(systems);
    await service.start();
  });
  afterEach(async () => {
    systems?.odoo.handlers.faults.clear();
    await service?.stop();
    await systems?.close();
  });

  const orders = async (count: number): Promise<SeededOrder[]> => {
    const seeded: SeededOrder[] = [];
    for (let index = 0; index < count; index++)
      seeded.push(await seedOrder(systems.odooClient, customer, [[mug, 1]]));
    return seeded;
  };
  const referenceOf = (order: SeededOrder) => `stock.picking:${order.pickingId}`;
  const shipbobOrdersFor = (batch: readonly SeededOrder[]) => {
    const wanted = new Set(batch.map(referenceOf));
    return systems.shipbob.control.orders().filter((order) => wanted.has(order.reference_id));
  };
  /** Release notes per picking of `batch` (the note names ShipBob). */
  const releaseNotes = async (batch: readonly SeededOrder[]): Promise<Map<number, number>> => {
    const notes = await systems.odooClient.model('mail.message').searchRead({
      domain: [
        ['model', '=', 'stock.picking'],
        ['res_id', 'in', batch.map((order) => order.pickingId)],
        ['body', 'ilike', 'released to ShipBob'],
      ],
      fields: ['res_id'],
    });
    const perPicking = new Map<number, number>();
    for (const note of notes)
      perPicking.set(note.res_id as number, (perPicking.get(note.res_id as number) ?? 0) + 1);
    return perPicking;
  };
  const pending = async (): Promise<DeadLetter[]> => [
    ...(await service.runtime.stores.deadLetters.list({ status: 'pending' })).items,
  ];

  it('releases a batch of 30 once each while Odoo answers 503 to reads and to the release notes', async () => {
    const batch = await orders(BATCH);
    const faults = systems.odoo.handlers.faults;
    // Reads are retried by the Odoo client; the page's note batch (one mail.message create) is retried
    // by the release pass, which first reads what is already noted, so nothing is noted twice.
    faults.add({ model: 'stock.picking', method: 'search_read', effect: unavailable, times: 2 });
    faults.add({ model: 'mail.message', method: 'create', effect: unavailable, times: 2 });
    const creates = faults.calls().methods['mail.message.create'] ?? 0;

    const report = await pollReleases(service.runtime);

    expect(faults.size).toBe(0); // every armed 503 was answered
    expect(report).toMatchObject({ queued: BATCH, released: BATCH, deadLettered: 0 });
    const released = shipbobOrdersFor(batch).map((order) => order.reference_id);
    expect(released.sort()).toEqual(batch.map(referenceOf).sort());
    const notes = await releaseNotes(batch);
    expect(notes.size).toBe(BATCH);
    expect([...notes.values()].every((count) => count === 1)).toBe(true);
    expect((faults.calls().methods['mail.message.create'] ?? 0) - creates).toBe(3);
    expect(await pending()).toEqual([]);
  }, 30_000);

  it('applies shipment confirmations once each while Odoo answers 503 to the picking writes', async () => {
    const batch = await orders(6);
    await pollReleases(service.runtime);
    const faults = systems.odoo.handlers.faults;
    faults.add({ model: 'stock.picking', method: 'write', effect: unavailable, times: 3, after: 1 });
    const deliveries = shipbobOrdersFor(batch).map((held) =>
      systems.shipbob.control.ship(held.id, { lines: [{ sku: 'F503-MUG', quantity: 1 }] }),
    );
    const results = await deliverWebhooks(deliveries, { url: `${service.url()}/webhooks/shipbob` });
    expect(results.map((result) => result.status)).toEqual(deliveries.map(() => 200));
    await service.runtime.queue.onIdle();

    expect(faults.size).toBe(0);
    const pickings = await systems.odooClient.model('stock.picking').read(
      batch.map((order) => order.pickingId),
      { fields: ['state'] },
    );
    expect(pickings.map((picking) => picking.state)).toEqual(batch.map(() => 'done'));
    const backorders = await systems.odooClient.model('stock.picking').searchRead({
      domain: [['backorder_id', 'in', batch.map((order) => order.pickingId)]],
      fields: ['id'],
    });
    expect(backorders).toEqual([]);
    for (const order of batch) {
      const { items } = await service.runtime.stores.audit.trace(`order:${order.name}`);
      expect(items.filter((entry) => entry.action === 'stock.picking.apply_shipment')).toHaveLength(1);
    }
    expect(await pending()).toEqual([]);
  }, 30_000);

  it('dead-letters a shipment Odoo refuses longer than the retries last, and a later replay applies it once', async () => {
    const [order] = (await orders(1)) as [SeededOrder];
    await pollReleases(service.runtime);
    const [held] = shipbobOrdersFor([order]);
    const faults = systems.odoo.handlers.faults;
    const outage = faults.add({ model: 'stock.picking', method: 'write', effect: unavailable });
    const delivery = systems.shipbob.control.ship(held?.id as number, {
      lines: [{ sku: 'F503-MUG', quantity: 1 }],
    });
    const [result] = await deliverWebhooks([delivery], { url: `${service.url()}/webhooks/shipbob` });
    expect(result?.status).toBe(200);
    await service.runtime.queue.onIdle();
    const [letter] = (await pending()) as [DeadLetter];
    expect(letter).toMatchObject({
      source: 'crossdock.shipment.confirm',
      correlationId: `order:${order.name}`,
      attempts: 5,
    });
    const picking = async () =>
      (await systems.odooClient.model('stock.picking').read([order.pickingId], { fields: ['state'] }))[0]
        ?.state;
    expect(await picking()).not.toBe('done');

    faults.remove(outage);
    const replay = await replayDeadLetters(
      service.runtime.stores.deadLetters,
      [letter.id],
      (payload, context) => replayLetter(service.runtime, STEPS, payload, context),
    );
    expect(replay.replayed).toHaveLength(1);
    expect((await service.runtime.stores.deadLetters.get(letter.id))?.status).toBe('replayed');
    expect(await picking()).toBe('done');
    const applied = async () =>
      (await service.runtime.stores.audit.trace(`order:${order.name}`)).items.filter(
        (entry) => entry.action === 'stock.picking.apply_shipment',
      ).length;
    expect(await applied()).toBe(1);

    const again = await replayDeadLetters(
      service.runtime.stores.deadLetters,
      [letter.id],
      (payload, context) => replayLetter(service.runtime, STEPS, payload, context),
    );
    expect(again.replayed).toHaveLength(0);
    expect(await applied()).toBe(1);
  }, 30_000);
});
