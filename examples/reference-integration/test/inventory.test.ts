import { type CatalogEvent, createEvent, type InventoryLevel } from '@crossdock/canonical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedSystems, embeddedService, startEmbeddedSystems } from '../src/demo/environment.ts';
import { seedProducts } from '../src/demo/seed.ts';
import { dispatchEvents } from '../src/http/dispatch.ts';
import type { Runtime } from '../src/runtime/runtime.ts';
import type { Service } from '../src/service.ts';

async function odooOnHand(runtime: Runtime, sku: string): Promise<number> {
  const { items } = await runtime.odoo.inventory.levels({ skus: [sku] });
  return items.reduce((sum, level) => sum + Number(level.quantities.onHand ?? 0), 0);
}

/** A WMS's stock change as the webhook receiver turns it into a canonical event. */
function stockChanged(system: string, levels: readonly Partial<InventoryLevel>[], id: string): CatalogEvent {
  return createEvent(
    'crossdock.inventory.changed.v1',
    {
      levels: levels.map((level) => ({
        kind: 'delta',
        asOf: '2026-11-25T10:00:00.000Z',
        sku: 'INV-MUG',
        location: { id: 'FC-7', refs: [] },
        uom: 'EA',
        quantities: { onHand: '5' },
        refs: [{ system, id: `movement-${id}` }],
        ...level,
      })) as InventoryLevel[],
    },
    { id, source: `/${system}`, correlationId: `inventory:${id}`, idempotencyKey: id },
  ) as CatalogEvent;
}

describe('inventory deltas', () => {
  let systems: EmbeddedSystems;
  let service: Service;

  beforeAll(async () => {
    systems = await startEmbeddedSystems();
    await seedProducts(systems.odooClient, 19, [{ sku: 'INV-MUG', name: 'Mug', stock: 10 }]);
    service = await embeddedService(systems);
  });
  afterAll(async () => {
    await service?.stop();
    await systems?.close();
  });

  it('adds a warehouse stock delta to the Odoo stock location of the warehouse routed to it, once per event', async () => {
    const event = stockChanged('shipbob', [{ quantities: { onHand: '5' } }], 'evt-1');
    await dispatchEvents(service.runtime, 'shipbob', [event]);
    await service.runtime.queue.onIdle();
    expect(await odooOnHand(service.runtime, 'INV-MUG')).toBe(15);
    // The same event delivered again changes nothing.
    await dispatchEvents(service.runtime, 'shipbob', [event]);
    await service.runtime.queue.onIdle();
    expect(await odooOnHand(service.runtime, 'INV-MUG')).toBe(15);
    const { items } = await service.runtime.stores.audit.trace('inventory:evt-1');
    expect(items.map((entry) => `${entry.kind}:${entry.action}`)).toContain(
      'outbound:stock.quant.action_apply_inventory',
    );
  });

  it('takes a negative delta off and leaves a count to the reconciliation', async () => {
    await dispatchEvents(service.runtime, 'shipbob', [
      stockChanged('shipbob', [{ quantities: { onHand: '-2' } }], 'evt-2'),
      stockChanged('shipbob', [{ kind: 'snapshot', quantities: { onHand: '99' } }], 'evt-3'),
    ]);
    await service.runtime.queue.onIdle();
    expect(await odooOnHand(service.runtime, 'INV-MUG')).toBe(13);
    const { items } = await service.runtime.stores.audit.trace('inventory:evt-3');
    expect(items.map((entry) => entry.action)).toEqual([
      'crossdock.inventory.changed.v1',
      'inventory.delta.ignored',
    ]);
  });

  it('refuses a delta from a system the ownership policy does not know, and raises it', async () => {
    await dispatchEvents(service.runtime, 'acme', [
      stockChanged('acme_wms', [{ quantities: { onHand: '50' } }], 'evt-4'),
    ]);
    await service.runtime.queue.onIdle();
    expect(await odooOnHand(service.runtime, 'INV-MUG')).toBe(13);
    const { items } = await service.runtime.stores.audit.trace('inventory:evt-4');
    expect(items.map((entry) => entry.action)).toContain('inventory.delta.refused');
    const codes = service.runtime.events
      .recent('crossdock.exception.raised.v1')
      .flatMap((event) => (event.type === 'crossdock.exception.raised.v1' ? [event.data.code] : []));
    expect(codes).toContain('inventory.ownership_refused');
  });
});
