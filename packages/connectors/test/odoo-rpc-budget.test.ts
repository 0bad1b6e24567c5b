// How many Odoo calls each connector operation costs, pinned per case (issue 7: ≤ 6 per confirmed shipment).
import { beforeAll, describe, expect, it } from 'vitest';
import { odooFixture, shipmentOf } from './odoo-fixture.js';

for (const version of [18, 19] as const) {
  describe(`Odoo ${version} connector: RPCs per confirmed shipment`, () => {
    const { odoo, client, connector, product, order } = odooFixture(version, 'budget');
    const packageModel = version >= 19 ? 'stock.package' : 'stock.quant.package';

    /** The calls `work` made, by `model.method`, and their total. */
    async function counted(work: () => Promise<unknown>) {
      const before = odoo.faults.calls();
      await work();
      const after = odoo.faults.calls();
      const methods = Object.fromEntries(
        Object.entries(after.methods)
          .map(([key, n]) => [key, n - (before.methods[key] ?? 0)] as const)
          .filter(([, n]) => n > 0),
      );
      return { total: after.total - before.total, methods };
    }

    /** A one-line order of `ordered` units, and a shipment of `shipped` of them (in `pkg` when given). */
    async function oneLine(ordered: number, shipped: string, extra: { pkg?: string; lot?: string } = {}) {
      const a = await product(50, extra.lot ? 'lot' : 'none');
      const { pickingId, lineOf } = await order([[a.id, ordered]]);
      const base = shipmentOf(`budget-${pickingId}`, [
        { lineId: lineOf(a.id), sku: a.code, quantity: shipped, ...(extra.lot ? { lot: extra.lot } : {}) },
      ]);
      const shipment = {
        ...base,
        trackingNumbers: ['1Z999AA10123456784'],
        refs: [{ system: 'shipbob', id: `sb-${pickingId}` }],
        ...(extra.pkg === undefined
          ? {}
          : {
              packages: [{ id: extra.pkg, contents: [] }],
              contents: base.contents.map((c) => ({ ...c, packageId: extra.pkg })),
            }),
      };
      return { pickingId, lineId: lineOf(a.id), shipment: shipment as never };
    }

    // The client asks `fields_get` once per model and process (to convert values it writes): a warm-up
    // shipment pays for it, so each test counts what a shipment costs in a running service.
    beforeAll(async () => {
      const { pickingId, lineId, shipment } = await oneLine(3, '2', { pkg: `WARM-${version}`, lot: 'WARM' });
      await connector.fulfillment.applyShipment(pickingId, shipment, { remainder: { [lineId]: 'BP' } });
      await connector.fulfillment.applyShipment(pickingId, shipment);
    });

    it('applies a full one-line shipment in a new package in 6 calls', async () => {
      const { pickingId, shipment } = await oneLine(3, '3', { pkg: `BOX-${version}-1` });
      const cost = await counted(() => connector.fulfillment.applyShipment(pickingId, shipment));
      expect(cost.methods).toEqual({
        'stock.move.web_search_read': 1,
        [`${packageModel}.search_read`]: 1,
        [`${packageModel}.create`]: 1,
        'stock.picking.write': 1,
        'stock.picking.button_validate': 1,
        'stock.picking.message_post': 1,
      });
      expect(cost.total).toBe(6);
      const [picking] = await client
        .model('stock.picking')
        .read([pickingId], { fields: ['state', 'carrier_tracking_ref'] });
      expect(picking).toMatchObject({ state: 'done', carrier_tracking_ref: '1Z999AA10123456784' });
      const lines = await client
        .model('stock.move.line')
        .searchRead({ domain: [['picking_id', '=', pickingId]], fields: ['quantity', 'result_package_id'] });
      expect(lines.map((l) => [l.quantity, (l.result_package_id as { name: string } | null)?.name])).toEqual([
        [3, `BOX-${version}-1`],
      ]);
    });

    it('applies a shipment naming its line by SKU only (as ShipBob does) in the same 6 calls', async () => {
      const { pickingId, shipment } = await oneLine(2, '2', { pkg: `BOX-${version}-S` });
      const bySku = shipment as unknown as { contents: { requestLineId: string; item: { sku: string } }[] };
      const renamed = {
        ...bySku,
        contents: bySku.contents.map((c) => ({ ...c, requestLineId: c.item.sku })),
      } as never;
      const cost = await counted(() => connector.fulfillment.applyShipment(pickingId, renamed));
      expect(cost.total).toBe(6);
      expect(cost.methods['product.product.read']).toBeUndefined();
      const [picking] = await client.model('stock.picking').read([pickingId], { fields: ['state'] });
      expect(picking?.state).toBe('done');
    });

    it('applies a full one-line shipment into a package Odoo already has in 5 calls', async () => {
      await client.model(packageModel).create({ name: `BOX-${version}-2` });
      const { pickingId, shipment } = await oneLine(2, '2', { pkg: `BOX-${version}-2` });
      const cost = await counted(() => connector.fulfillment.applyShipment(pickingId, shipment));
      expect(cost.total).toBe(5);
      expect(cost.methods[`${packageModel}.create`]).toBeUndefined();
    });

    it('applies a full one-line shipment without package or lot in 4 calls', async () => {
      const { pickingId, shipment } = await oneLine(4, '4');
      const cost = await counted(() => connector.fulfillment.applyShipment(pickingId, shipment));
      expect(cost.methods).toEqual({
        'stock.move.web_search_read': 1,
        'stock.picking.write': 1,
        'stock.picking.button_validate': 1,
        'stock.picking.message_post': 1,
      });
    });

    it('applies a full one-line shipment of a new lot in 6 calls', async () => {
      const { pickingId, shipment } = await oneLine(2, '2', { lot: `LOT-${version}-B` });
      const cost = await counted(() => connector.fulfillment.applyShipment(pickingId, shipment));
      expect(cost.total).toBe(6);
      expect(cost.methods['stock.lot.create']).toBe(1);
    });

    it('keeps a backorder in 5 calls (no wizard round trip) and answers the short line as BP', async () => {
      const { pickingId, lineId, shipment } = await oneLine(5, '3');
      let result: unknown;
      const cost = await counted(async () => {
        result = await connector.fulfillment.applyShipment(pickingId, shipment, {
          remainder: { [lineId]: 'BP' },
        });
      });
      expect(cost.total).toBe(5);
      expect(result).toMatchObject({
        outcome: 'backorder',
        short: [{ lineId, ordered: '5', shipped: '3', short: '2', reason: 'BP' }],
      });
    });

    it('closes a line short in 4 calls (no wizard round trip) and answers the short line with the warehouse reason', async () => {
      const { pickingId, lineId, shipment } = await oneLine(5, '4');
      let result: unknown;
      const cost = await counted(async () => {
        result = await connector.fulfillment.applyShipment(pickingId, shipment, {
          remainder: { [lineId]: 'IC' },
        });
      });
      expect(cost.total).toBe(4);
      expect(result).toMatchObject({
        outcome: 'closed_short',
        short: [{ lineId, ordered: '5', shipped: '4', short: '1', reason: 'IC' }],
      });
    });

    it('answers no short lines for a full shipment', async () => {
      const { pickingId, shipment } = await oneLine(2, '2');
      const result = await connector.fulfillment.applyShipment(pickingId, shipment);
      expect(result).toMatchObject({ applied: true, outcome: 'full', short: [] });
    });

    it('reports a repeated shipment in 2 calls and writes nothing', async () => {
      const { pickingId, shipment } = await oneLine(1, '1');
      await connector.fulfillment.applyShipment(pickingId, shipment);
      const again = await counted(() => connector.fulfillment.applyShipment(pickingId, shipment));
      expect(again.methods).toEqual({ 'stock.move.web_search_read': 1, 'mail.message.search_read': 1 });
    });
  });
}
