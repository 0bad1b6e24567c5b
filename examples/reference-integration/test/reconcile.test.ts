import { defaultOwnershipPolicy, defineOwnershipPolicy } from '@crossdock/canonical';
import { x2many } from '@crossdock/odoo-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedSystems, embeddedService, startEmbeddedSystems } from '../src/demo/environment.ts';
import { seedCustomer, seedOrder, seedProducts } from '../src/demo/seed.ts';
import { applyVariances, reconcile } from '../src/flows/reconcile.ts';
import { pollReleases } from '../src/flows/release.ts';
import type { Runtime } from '../src/runtime/runtime.ts';
import type { Service } from '../src/service.ts';

/** Odoo's on hand of a SKU, all quants, as Odoo answers it now. */
async function odooOnHand(runtime: Runtime, sku: string): Promise<number> {
  const { items } = await runtime.odoo.inventory.levels({ skus: [sku] });
  return items.reduce((sum, level) => sum + Number(level.quantities.onHand ?? 0), 0);
}

/** A person changes the count in Odoo (an inventory adjustment in the UI). */
async function countInOdoo(systems: EmbeddedSystems, productId: number, quantity: number): Promise<void> {
  const quants = systems.odooClient.model('stock.quant');
  const [quant] = await quants.search({
    domain: [
      ['product_id', '=', productId],
      ['location_id.usage', '=', 'internal'],
    ],
    limit: 1,
  });
  const context = { inventory_mode: true };
  await quants.write([quant as number], { inventory_quantity: quantity }, { context });
  await quants.call('action_apply_inventory', { ids: [quant as number], context });
}

/** The exceptions the service raised, by code and subject. */
function exceptions(runtime: Runtime): { code: string; subject: string | undefined }[] {
  return runtime.events
    .recent('crossdock.exception.raised.v1')
    .flatMap((event) =>
      event.type === 'crossdock.exception.raised.v1'
        ? [{ code: event.data.code, subject: event.subject }]
        : [],
    );
}

describe('inventory reconciliation', () => {
  let systems: EmbeddedSystems;
  let service: Service;
  let products: Map<string, number>;

  beforeAll(async () => {
    systems = await startEmbeddedSystems({ config: { reconcileTolerance: 1 } });
    const client = systems.odooClient;
    products = await seedProducts(client, 19, [
      { sku: 'REC-MUG', name: 'Mug', stock: 40 },
      { sku: 'REC-TEA', name: 'Tea', stock: 20 },
      { sku: 'REC-CUP', name: 'Cup', stock: 10 },
      { sku: 'REC-BOWL', name: 'Bowl', stock: 7 },
    ]);
    const stock = { 'REC-MUG': 38, 'REC-TEA': 20, 'REC-CUP': 9, 'REC-BOWL': 7 };
    for (const [sku, onHand] of Object.entries(stock))
      systems.shipbob.control.changeStock(sku, { onHand, fulfillable: onHand });
    service = await embeddedService(systems);
    // ShipBob ships 3 teas; the webhook has not reached Odoo yet, so its picking is still open.
    const customer = await seedCustomer(client, 'Grace Hopper');
    await seedOrder(client, customer, [[products.get('REC-TEA') as number, 3]]);
    expect(await pollReleases(service.runtime)).toMatchObject({ released: 1 });
    const [order] = systems.shipbob.control.orders();
    systems.shipbob.control.ship(order?.id as number, { lines: [{ sku: 'REC-TEA', quantity: 3 }] });
  });
  afterAll(async () => {
    await service?.stop();
    await systems?.close();
  });

  it('reports a count below Odoo as a variance, a shipment Odoo has not applied as timing and a small difference as within tolerance', async () => {
    const { report, remaining, results } = await reconcile(service.runtime);
    const bySku = Object.fromEntries(report.rows.map((row) => [row.sku, row]));
    expect(bySku['REC-MUG']).toMatchObject({
      odooOnHand: '40',
      warehouseOnHand: '38',
      unexplained: '-2',
      classification: 'variance',
    });
    expect(bySku['REC-TEA']).toMatchObject({
      odooOnHand: '20',
      warehouseOnHand: '17',
      inFlight: '3',
      unexplained: '0',
      classification: 'timing',
    });
    expect(bySku['REC-CUP']).toMatchObject({ unexplained: '-1', classification: 'within_tolerance' });
    expect(bySku['REC-BOWL']).toMatchObject({ classification: 'match' });
    expect(remaining).toBe(1);
    expect(results.size).toBe(0);
    expect(await odooOnHand(service.runtime, 'REC-MUG')).toBe(40);
    const raised = exceptions(service.runtime).filter((raised) => raised.code === 'inventory.variance');
    expect(raised.map((event) => event.subject)).toEqual(['REC-MUG']);
  });

  it('sets the Odoo quant to the warehouse count with apply, and applying again changes nothing', async () => {
    const first = await reconcile(service.runtime, { apply: true });
    expect(first.results.get('shipbob|REC-MUG|')).toEqual({ status: 'applied', before: '40', after: '38' });
    expect(first.remaining).toBe(0);
    expect(await odooOnHand(service.runtime, 'REC-MUG')).toBe(38);
    // Timing and tolerance rows are reported, never adjusted.
    expect(await odooOnHand(service.runtime, 'REC-TEA')).toBe(20);
    expect(await odooOnHand(service.runtime, 'REC-CUP')).toBe(10);
    const { items } = await service.runtime.stores.audit.trace(first.correlationId);
    expect(items.map((entry) => entry.action)).toEqual(
      expect.arrayContaining([
        'inventory.snapshot',
        'inventory.variance',
        'stock.quant.action_apply_inventory',
      ]),
    );
    expect(items.find((entry) => entry.kind === 'outbound')).toMatchObject({
      before: { quantity: '40' },
      after: { quantity: '38' },
    });

    // The same adjustment replayed (a retried job, a second --apply of the same report) writes nothing.
    const replayed = await applyVariances(service.runtime, first);
    expect(replayed.get('shipbob|REC-MUG|')).toEqual({ status: 'unchanged' });
    expect(await odooOnHand(service.runtime, 'REC-MUG')).toBe(38);

    const again = await reconcile(service.runtime, { apply: true });
    expect(again.report.rows.find((row) => row.sku === 'REC-MUG')?.classification).toBe('match');
    expect(again.results.size).toBe(0);
    expect(await odooOnHand(service.runtime, 'REC-MUG')).toBe(38);
  });

  it('refuses a stale compare-and-set when Odoo stock moved between the read and the write, and reports it', async () => {
    const seeded = await seedProducts(systems.odooClient, 19, [{ sku: 'REC-LAMP', name: 'Lamp', stock: 15 }]);
    const lamp = seeded.get('REC-LAMP');
    systems.shipbob.control.changeStock('REC-LAMP', { onHand: 12, fulfillable: 12 });
    const read = await reconcile(service.runtime);
    expect(read.report.rows.find((row) => row.sku === 'REC-LAMP')).toMatchObject({
      odooOnHand: '15',
      classification: 'variance',
    });
    await countInOdoo(systems, lamp as number, 16);
    const results = await applyVariances(service.runtime, read);
    expect(results.get('shipbob|REC-LAMP|')).toMatchObject({ status: 'stale' });
    expect(await odooOnHand(service.runtime, 'REC-LAMP')).toBe(16);
    const { items } = await service.runtime.stores.audit.trace(read.correlationId);
    expect(items.map((entry) => entry.action)).toContain('inventory.adjust.stale');
    expect(exceptions(service.runtime).map((raised) => raised.code)).toContain('inventory.stale_count');
    expect(await service.runtime.stores.deadLetters.list()).toMatchObject({ items: [] });
  });

  it('explains a surplus at the warehouse by a receipt Odoo has not booked yet, and adjusts nothing', async () => {
    const client = systems.odooClient;
    const seeded = await seedProducts(client, 19, [{ sku: 'REC-JUG', name: 'Jug', stock: 10 }]);
    const [warehouse] = await client
      .model('stock.warehouse')
      .searchRead({ fields: ['in_type_id', 'lot_stock_id'] });
    const idOf = (value: unknown) => (value as { id: number }).id;
    const [vendors] = await client
      .model('stock.location')
      .search({ domain: [['usage', '=', 'supplier']], limit: 1 });
    const [receipt] = (await client.model('stock.picking').create({
      picking_type_id: idOf(warehouse?.in_type_id),
      location_id: vendors,
      location_dest_id: idOf(warehouse?.lot_stock_id),
      move_ids: [
        x2many.create({
          product_id: seeded.get('REC-JUG'),
          product_uom_qty: 6,
          location_id: vendors,
          location_dest_id: idOf(warehouse?.lot_stock_id),
        }),
      ],
    })) as [number];
    await client.model('stock.picking').call('action_confirm', { ids: [receipt] });
    // ShipBob already counted the 6 that arrived; Odoo's receipt is still open.
    systems.shipbob.control.changeStock('REC-JUG', { onHand: 16, fulfillable: 16 });
    const { report, results } = await reconcile(service.runtime, { apply: true });
    expect(report.rows.find((row) => row.sku === 'REC-JUG')).toMatchObject({
      difference: '6',
      receipts: '6',
      unexplained: '0',
      classification: 'timing',
      receiptPickings: [receipt],
    });
    expect(results.has('shipbob|REC-JUG|')).toBe(false);
    expect(await odooOnHand(service.runtime, 'REC-JUG')).toBe(10);
  });

  it('does not adjust Odoo when the ownership policy says the warehouse does not own on hand', async () => {
    const erpOwnsStock = defineOwnershipPolicy({
      ...defaultOwnershipPolicy,
      records: { ...defaultOwnershipPolicy.records, inventory: { owner: 'erp' } },
    });
    const strict = await embeddedService(systems, { policy: erpOwnsStock });
    try {
      const before = await odooOnHand(strict.runtime, 'REC-LAMP');
      systems.shipbob.control.changeStock('REC-LAMP', { onHand: before - 3, fulfillable: before - 3 });
      const { results, remaining } = await reconcile(strict.runtime, { apply: true });
      expect(results.get('shipbob|REC-LAMP|')).toMatchObject({ status: 'refused' });
      expect(remaining).toBeGreaterThan(0);
      expect(await odooOnHand(strict.runtime, 'REC-LAMP')).toBe(before);
    } finally {
      await strict.stop();
    }
  });
});
