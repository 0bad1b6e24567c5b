import { SHIPBOB_DEFAULT_WEBHOOK_SECRET, shipbob } from '@crossdock/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollShipments } from '../src/flows/shipments-poll.ts';
import {
  backordersOf,
  deliver,
  notesOf,
  readPicking,
  releasedOrder,
  type ShipmentWorld,
  startShipmentWorld,
} from './shipment-fixture.ts';

describe('shipment confirmation', () => {
  let world: ShipmentWorld;

  beforeAll(async () => {
    world = await startShipmentWorld([
      { sku: 'SHP-MUG', name: 'Mug', stock: 200 },
      { sku: 'SHP-TEA', name: 'Tea', stock: 200 },
      { sku: 'SHP-LOT', name: 'Honey (lots)', stock: 20, tracking: 'lot' },
      { sku: 'SHP-SER', name: 'Kettle (serials)', stock: 20, tracking: 'serial' },
    ]);
  });
  afterAll(async () => {
    await world?.close();
  });

  const movesOf = async (pickingId: number) =>
    world.systems.odooClient.model('stock.move').searchRead({
      domain: [['picking_id', '=', pickingId]],
      fields: ['product_id', 'quantity', 'state'],
    });
  const events = (type: string) =>
    world.service.runtime.events.recent().filter((event) => event.type === type);

  it('applies a full shipment: picking done with the shipped quantities and the tracking number, v2 and v1 published', async () => {
    const order = await releasedOrder(world, [['SHP-MUG', 2]]);
    await deliver(world, 'shipbob', [
      world.systems.shipbob.control.ship(order.shipbobId, {
        lines: [{ sku: 'SHP-MUG', quantity: 2 }],
        trackingNumber: '1ZFULL0001',
      }),
    ]);
    const picking = await readPicking(world, order.pickingId);
    expect(picking.state).toBe('done');
    expect(picking.carrier_tracking_ref).toBe('1ZFULL0001');
    expect((await movesOf(order.pickingId)).map((move) => move.quantity)).toEqual([2]);
    expect(await backordersOf(world, order.pickingId)).toHaveLength(0);
    const subject = `stock.picking:${order.pickingId}`;
    expect(events('crossdock.shipment.confirmed.v2').some((event) => event.subject === subject)).toBe(true);
    expect(events('crossdock.shipment.confirmed.v1').some((event) => event.subject === subject)).toBe(true);
    const { items } = await world.service.runtime.stores.audit.trace(`order:${order.name}`);
    expect(items.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['shipment.apply', 'stock.picking.apply_shipment']),
    );
  });

  it('keeps a backorder in Odoo for a partial shipment, and applies the next shipment to that backorder', async () => {
    const order = await releasedOrder(world, [['SHP-TEA', 5]]);
    await deliver(world, 'shipbob', [
      world.systems.shipbob.control.ship(order.shipbobId, { lines: [{ sku: 'SHP-TEA', quantity: 3 }] }),
    ]);
    expect((await readPicking(world, order.pickingId)).state).toBe('done');
    const [backorder] = await backordersOf(world, order.pickingId);
    expect(backorder?.state).not.toBe('cancel');
    expect((await movesOf(order.pickingId)).map((move) => move.quantity)).toEqual([3]);

    await deliver(world, 'shipbob', [
      world.systems.shipbob.control.ship(order.shipbobId, { lines: [{ sku: 'SHP-TEA', quantity: 2 }] }),
    ]);
    expect((await readPicking(world, backorder?.id as number)).state).toBe('done');
    expect((await movesOf(backorder?.id as number)).map((move) => move.quantity)).toEqual([2]);
  });

  it('closes short when the warehouse cancels the rest after shipping: no open backorder, short ship and exception published', async () => {
    const order = await releasedOrder(world, [['SHP-MUG', 4]]);
    const [shipped, cancelled] = world.systems.shipbob.control.shortClose(order.shipbobId, {
      lines: [{ sku: 'SHP-MUG', quantity: 1 }],
    });
    await deliver(world, 'shipbob', [shipped]);
    await deliver(world, 'shipbob', [cancelled]);
    expect((await readPicking(world, order.pickingId)).state).toBe('done');
    const open = (await backordersOf(world, order.pickingId)).filter((picking) => picking.state !== 'cancel');
    expect(open).toHaveLength(0);
    const subject = `stock.picking:${order.pickingId}`;
    expect(events('crossdock.shipment.short_shipped.v1').some((event) => event.subject === subject)).toBe(
      true,
    );
    expect(events('crossdock.exception.raised.v1').some((event) => event.subject === subject)).toBe(true);
  });

  it('closes short in one go when the cancellation arrives before the shipment: no backorder at all', async () => {
    const order = await releasedOrder(world, [['SHP-MUG', 3]]);
    const [shipped, cancelled] = world.systems.shipbob.control.shortClose(order.shipbobId, {
      lines: [{ sku: 'SHP-MUG', quantity: 2 }],
    });
    await deliver(world, 'shipbob', [cancelled]);
    await deliver(world, 'shipbob', [shipped]);
    expect((await readPicking(world, order.pickingId)).state).toBe('done');
    expect(await backordersOf(world, order.pickingId)).toHaveLength(0);
    const moves = await movesOf(order.pickingId);
    expect(moves.filter((move) => move.state === 'done').map((move) => move.quantity)).toEqual([2]);
    expect(moves.filter((move) => move.state !== 'done').every((move) => move.state === 'cancel')).toBe(true);
    const subject = `stock.picking:${order.pickingId}`;
    expect(
      events('crossdock.exception.raised.v1').some(
        (event) =>
          event.subject === subject &&
          (event.data as { code: string }).code === 'crossdock.shipment.closed_short',
      ),
    ).toBe(true);
  });

  it('writes lots and serials on the move lines', async () => {
    const order = await releasedOrder(world, [
      ['SHP-LOT', 3],
      ['SHP-SER', 2],
    ]);
    await deliver(world, 'shipbob', [
      world.systems.shipbob.control.ship(order.shipbobId, {
        lines: [
          { sku: 'SHP-LOT', quantity: 3, lot: 'HONEY-2611' },
          { sku: 'SHP-SER', quantity: 2, serials: ['KET-001', 'KET-002'] },
        ],
      }),
    ]);
    expect((await readPicking(world, order.pickingId)).state).toBe('done');
    const lines = await world.systems.odooClient.model('stock.move.line').searchRead({
      domain: [['picking_id', '=', order.pickingId]],
      fields: ['lot_id', 'quantity'],
    });
    // A many2one reads as { id, name } over JSON-2 (Odoo 19) and as [id, name] over JSON-RPC.
    const lotName = (lot: unknown) =>
      Array.isArray(lot) ? String(lot[1]) : String((lot as { name?: unknown } | null)?.name);
    const byLot = Object.fromEntries(lines.map((line) => [lotName(line.lot_id), line.quantity]));
    expect(byLot).toMatchObject({ 'HONEY-2611': 3, 'KET-001': 1, 'KET-002': 1 });
  }, 30_000);

  it('applies the same webhook delivered twice and out of order once, with the right end state', async () => {
    const order = await releasedOrder(world, [['SHP-TEA', 2]]);
    const delivery = world.systems.shipbob.control.ship(order.shipbobId, {
      lines: [{ sku: 'SHP-TEA', quantity: 2 }],
    });
    const before = events('crossdock.shipment.confirmed.v2').length;
    await deliver(world, 'shipbob', [delivery, delivery]);
    // The same shipment, told again with an older shippedAt (a stale copy): audited and dropped.
    const body = JSON.parse(delivery.body) as { actual_fulfillment_date: string; last_updated_date: string };
    body.actual_fulfillment_date = new Date(Date.parse(body.actual_fulfillment_date) - 60_000).toISOString();
    await deliver(world, 'shipbob', [
      shipbob.signDelivery(SHIPBOB_DEFAULT_WEBHOOK_SECRET, 'order.shipped', JSON.stringify(body), new Date()),
    ]);
    expect(events('crossdock.shipment.confirmed.v2').length - before).toBe(1);
    expect((await movesOf(order.pickingId)).map((move) => move.quantity)).toEqual([2]);
    expect(await backordersOf(world, order.pickingId)).toHaveLength(0);
    const { items } = await world.service.runtime.stores.audit.trace(`order:${order.name}`);
    const actions = items.map((entry) => entry.action);
    expect(actions.filter((action) => action === 'stock.picking.apply_shipment')).toHaveLength(1);
    expect(actions).toContain('shipment.stale');
    expect(await notesOf(world, order.pickingId)).toMatch(/shipment/i);
  });

  it('picks up a shipment whose webhook never came with the polling fallback, once', async () => {
    const order = await releasedOrder(world, [['SHP-MUG', 1]]);
    world.systems.shipbob.control.ship(order.shipbobId, { lines: [{ sku: 'SHP-MUG', quantity: 1 }] });
    const report = await pollShipments(world.service.runtime);
    expect(report.deadLettered).toBe(0);
    expect((await readPicking(world, order.pickingId)).state).toBe('done');
    const again = await pollShipments(world.service.runtime);
    expect(again.deadLettered).toBe(0);
    const { items } = await world.service.runtime.stores.audit.trace(`order:${order.name}`);
    expect(items.filter((entry) => entry.action === 'stock.picking.apply_shipment')).toHaveLength(1);
  });

  it('confirms a one-line shipment in at most 6 Odoo RPCs, all of them applying it', async () => {
    const faults = world.systems.odoo.handlers.faults;
    // The first shipment of a process also learns the package model's field types (cached after).
    const warmUp = await releasedOrder(world, [['SHP-MUG', 1]]);
    await deliver(world, 'shipbob', [
      world.systems.shipbob.control.ship(warmUp.shipbobId, { lines: [{ sku: 'SHP-MUG', quantity: 1 }] }),
    ]);
    const order = await releasedOrder(world, [['SHP-MUG', 1]]);
    const delivery = world.systems.shipbob.control.ship(order.shipbobId, {
      lines: [{ sku: 'SHP-MUG', quantity: 1 }],
    });
    faults.resetCalls();
    await deliver(world, 'shipbob', [delivery]);
    const calls = faults.calls();
    expect((await readPicking(world, order.pickingId)).state).toBe('done');
    // The flow itself reads nothing from Odoo (the picking comes from the request id, the backorder
    // and the applied record from the cursor store): every call is `odoo.fulfillment.applyShipment`'s.
    expect(calls.methods).toEqual({
      'stock.move.web_search_read': 1,
      'stock.package.search_read': 1,
      'stock.package.create': 1,
      'stock.picking.write': 1,
      'stock.picking.button_validate': 1,
      'stock.picking.message_post': 1,
    });
    expect(calls.total).toBeLessThanOrEqual(6);
  });
});
