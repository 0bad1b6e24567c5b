import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliver, releasedOrder, type ShipmentWorld, startShipmentWorld } from './shipment-fixture.ts';

describe('returns', () => {
  let world: ShipmentWorld;

  beforeAll(async () => {
    world = await startShipmentWorld([{ sku: 'RET-KETTLE', name: 'Kettle', stock: 20 }]);
  });
  afterAll(() => world?.close());

  /** Ships an order in full through ShipBob's webhook, then opens a ShipBob return for `quantity` of it. */
  async function shippedAndReturned(quantity: number, rma: string) {
    const order = await releasedOrder(world, [['RET-KETTLE', 3]]);
    await deliver(world, 'shipbob', [
      world.systems.shipbob.control.ship(order.shipbobId, { lines: [{ sku: 'RET-KETTLE', quantity: 3 }] }),
    ]);
    const shipment = world.systems.shipbob.control
      .orders()
      .find((candidate) => candidate.id === order.shipbobId)?.shipments[0];
    const { ref } = await world.service.runtime.warehouses.shipbob.returns.create(
      {
        id: rma,
        rma,
        state: 'requested',
        shipmentId: String(shipment?.id),
        lines: [
          {
            lineId: '1',
            item: { sku: 'RET-KETTLE', refs: [] },
            expected: String(quantity),
            uom: 'EA',
            disposition: 'pending',
            serials: [],
          },
        ],
        createdAt: '2026-11-25T12:00:00Z',
        refs: [],
      },
      { correlationId: `test:${rma}` },
    );
    return { order, returnId: ref.id };
  }

  async function returnPickings(deliveryId: number) {
    return world.systems.odooClient.model('stock.picking').searchRead({
      domain: [['return_id', '=', deliveryId]],
      fields: ['state', 'move_ids'],
    });
  }

  it('turns a ShipBob return receipt into a validated Odoo return of the original delivery', async () => {
    const { order, returnId } = await shippedAndReturned(2, 'RMA-1001');
    await deliver(world, 'shipbob', [world.systems.shipbob.control.receiveReturn(returnId)]);
    const returns = await returnPickings(order.pickingId);
    expect(returns).toHaveLength(1);
    expect(returns[0]?.state).toBe('done');
    const moves = await world.systems.odooClient
      .model('stock.move')
      .read(returns[0]?.move_ids as number[], { fields: ['quantity'] });
    expect(moves.map((move) => move.quantity)).toEqual([2]);
    const { items } = await world.service.runtime.stores.audit.trace(`order:${order.name}`);
    expect(items.map((entry) => entry.action)).toContain('stock.return.picking.create');
  });

  it('creates one Odoo return however often ShipBob delivers the receipt', async () => {
    const { order, returnId } = await shippedAndReturned(1, 'RMA-1002');
    const receipt = world.systems.shipbob.control.receiveReturn(returnId);
    await deliver(world, 'shipbob', [receipt, receipt, receipt]);
    expect(await returnPickings(order.pickingId)).toHaveLength(1);
  });

  it('dead-letters a return whose shipment Crossdock never applied, with its payload, instead of guessing', async () => {
    const { ref } = await world.service.runtime.warehouses.shipbob.returns.create(
      {
        id: 'RMA-1003',
        rma: 'RMA-1003',
        state: 'requested',
        lines: [
          {
            lineId: '1',
            item: { sku: 'RET-KETTLE', refs: [] },
            expected: '1',
            uom: 'EA',
            disposition: 'pending',
            serials: [],
          },
        ],
        createdAt: '2026-11-25T12:00:00Z',
        refs: [],
      },
      { correlationId: 'test:RMA-1003' },
    );
    await deliver(world, 'shipbob', [world.systems.shipbob.control.receiveReturn(ref.id)]);
    const { items } = await world.service.runtime.stores.deadLetters.list({
      source: 'crossdock.return.receive',
    });
    const [letter, ...others] = items;
    expect(others).toEqual([]);
    expect(letter?.errors[0]?.message).toMatch(/RMA-1003: no Odoo delivery/);
    expect(letter?.payload).toMatchObject({ return: { rma: 'RMA-1003' } });
  });
});
