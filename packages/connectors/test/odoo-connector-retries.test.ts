import { describe, expect, it } from 'vitest';
import { isConnectorError } from '../src/contract/errors.js';
import { odooFixture, SHIPPED_AT, shipmentOf } from './odoo-fixture.js';

for (const version of [18, 19] as const) {
  describe(`Odoo ${version} connector: writes Odoo cannot deduplicate, repeated`, () => {
    const { odoo, client, connector, product, order } = odooFixture(version, 'retries');

    const onHand = async (productId: number) => {
      const quants = await client.model('stock.quant').searchRead({
        domain: [
          ['product_id', '=', productId],
          ['location_id.usage', '=', 'internal'],
        ],
        fields: ['quantity'],
      });
      return quants.reduce((sum, quant) => sum + (quant.quantity as number), 0);
    };

    it('applies a shipment when Odoo answers 503 to reading its moves with web_search_read', async () => {
      const a = await product(5);
      const { pickingId } = await order([[a.id, 1]]);
      // Named by SKU only, so the fallback must also read the products' internal references.
      const shipment = shipmentOf('s-503', [{ lineId: a.code, sku: a.code, quantity: '1' }]) as never;
      const rule = odoo.faults.add({
        model: 'stock.move',
        method: 'web_search_read',
        effect: { kind: 'http', status: 503 },
        times: 1,
      });
      const result = await connector.fulfillment.applyShipment(pickingId, shipment);
      odoo.faults.remove(rule);
      expect(result).toMatchObject({ applied: true, outcome: 'full' });
    });

    it('applies a delta adjustment once when it is sent twice with the same idempotency key', async () => {
      const a = await product(10);
      const [level] = (await connector.inventory.levels({ skus: [a.code] })).items;
      const adjustment = {
        mode: 'delta',
        idempotencyKey: `count-${a.code}`,
        sku: a.code,
        location: level?.location,
        uom: 'EA',
        reason: 'damaged',
        delta: '-2',
        requestedAt: SHIPPED_AT,
        refs: [],
      };
      await connector.inventory.adjust(adjustment as never, { correlationId: 'c-delta' });
      await connector.inventory.adjust(adjustment as never, { correlationId: 'c-delta' });
      expect(await onHand(a.id)).toBe(8);
    });

    it('creates one return when the same RMA is sent twice, and refuses the RMA for other goods', async () => {
      const a = await product(5);
      const { pickingId, orderId, lineOf } = await order([[a.id, 2]]);
      await connector.fulfillment.applyShipment(
        pickingId,
        shipmentOf('s-ret', [{ lineId: lineOf(a.id), sku: a.code, quantity: '2' }]) as never,
      );
      const ret = {
        id: `r-${a.code}`,
        rma: `RMA-${a.code}`,
        state: 'authorized',
        orderId: `sale.order:${orderId}`,
        shipmentId: `stock.picking:${pickingId}`,
        lines: [
          {
            lineId: 'r1',
            item: { sku: a.code, refs: [] },
            uom: 'EA',
            expected: '1',
            disposition: 'restock',
            serials: [],
          },
        ],
        createdAt: SHIPPED_AT,
        refs: [],
      };
      const first = await connector.returns.create(ret as never, { correlationId: 'c-ret' });
      const second = await connector.returns.create(ret as never, { correlationId: 'c-ret' });
      expect(second.ref).toEqual(first.ref);
      const returns = await client.model('stock.picking').search({ domain: [['return_id', '=', pickingId]] });
      expect(returns).toHaveLength(1);
      const reused = { ...ret, lines: [{ ...ret.lines[0], expected: '2' }] };
      const error = await connector.returns
        .create(reused as never, { correlationId: 'c-ret' })
        .catch((e: unknown) => e);
      expect(isConnectorError(error)).toBe(true);
      expect(error).toMatchObject({ vendorCode: 'idempotency_key_reused' });
    });
  });
}
