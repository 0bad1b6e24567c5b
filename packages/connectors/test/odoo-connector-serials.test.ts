import { describe, expect, it } from 'vitest';
import { isConnectorError } from '../src/contract/errors.js';
import { odooFixture, shipmentOf } from './odoo-fixture.js';

for (const version of [18, 19] as const) {
  describe(`Odoo ${version} connector: serials and substitutions`, () => {
    const { client, connector, product, order } = odooFixture(version, 'serials');

    const movesOf = (pickingId: number) =>
      client.model('stock.move').searchRead({
        domain: [['picking_id', '=', pickingId]],
        fields: ['product_id', 'product_uom_qty', 'quantity', 'state'],
      });
    const productOf = (record: Record<string, unknown>) => (record.product_id as { id: number }).id;

    it('creates one lot and one move line of quantity 1 per serial', async () => {
      const a = await product(0, 'serial');
      const { pickingId, lineOf } = await order([[a.id, 2]]);
      const result = await connector.fulfillment.applyShipment(
        pickingId,
        shipmentOf('s-serials', [
          { lineId: lineOf(a.id), sku: a.code, quantity: '2', serials: ['SN-1', 'SN-2'] },
        ]) as never,
      );
      expect(result).toMatchObject({ applied: true, outcome: 'full', substitutions: [] });
      const lots = await client.model('stock.lot').searchRead({
        domain: [['product_id', '=', a.id]],
        fields: ['name'],
        order: 'name asc',
      });
      expect(lots.map((l) => l.name)).toEqual(['SN-1', 'SN-2']);
      const moveLines = await client
        .model('stock.move.line')
        .searchRead({ domain: [['picking_id', '=', pickingId]], fields: ['lot_id', 'quantity'] });
      expect(moveLines).toHaveLength(2);
      expect(moveLines.map((l) => l.quantity)).toEqual([1, 1]);
      expect(moveLines.map((l) => (l.lot_id as { id: number }).id).sort()).toEqual(
        lots.map((l) => l.id as number).sort(),
      );
      const [picking] = await client.model('stock.picking').read([pickingId], { fields: ['state'] });
      expect(picking?.state).toBe('done');
    });

    it('finds existing serial lots instead of creating them again', async () => {
      const a = await product(0, 'serial');
      const [existing] = (await client.model('stock.lot').create({ product_id: a.id, name: 'SN-9' })) as [
        number,
      ];
      const { pickingId, lineOf } = await order([[a.id, 2]]);
      await connector.fulfillment.applyShipment(
        pickingId,
        shipmentOf('s-serials-again', [
          { lineId: lineOf(a.id), sku: a.code, quantity: '2', serials: ['SN-9', 'SN-10'] },
        ]) as never,
      );
      const lots = await client
        .model('stock.lot')
        .searchRead({ domain: [['product_id', '=', a.id]], fields: ['name'] });
      expect(lots).toHaveLength(2);
      const moveLines = await client
        .model('stock.move.line')
        .searchRead({ domain: [['picking_id', '=', pickingId]], fields: ['lot_id', 'quantity'] });
      expect(moveLines.map((l) => (l.lot_id as { id: number }).id)).toContain(existing);
      expect(moveLines.every((l) => l.quantity === 1)).toBe(true);
    });

    it('ships a substitute as an extra move and closes the ordered line short (CS, CP)', async () => {
      const ordered = await product(50);
      const other = await product(50);
      const substitute = await product(50);
      const { pickingId, lineOf } = await order([
        [ordered.id, 3],
        [other.id, 1],
      ]);
      const line = lineOf(ordered.id);
      const result = await connector.fulfillment.applyShipment(
        pickingId,
        shipmentOf('s-cs-cp', [
          { lineId: line, sku: substitute.code, quantity: '3', substitution: 'CS', orderedSku: ordered.code },
          { lineId: lineOf(other.id), sku: other.code, quantity: '1' },
        ]) as never,
        { remainder: { [line]: 'CP' } },
      );
      expect(result).toMatchObject({
        applied: true,
        outcome: 'closed_short',
        substitutions: [
          {
            requestLineId: line,
            reason: 'CS',
            orderedSku: ordered.code,
            sku: substitute.code,
            productId: substitute.id,
            quantity: '3',
          },
        ],
      });
      const [picking] = await client.model('stock.picking').read([pickingId], { fields: ['state'] });
      expect(picking?.state).toBe('done');
      const moves = await movesOf(pickingId);
      const sub = moves.filter((m) => productOf(m) === substitute.id);
      expect(sub).toHaveLength(1);
      expect(sub[0]).toMatchObject({ state: 'done', quantity: 3 });
      const orderedMoves = moves.filter((m) => productOf(m) === ordered.id);
      expect(orderedMoves.every((m) => m.state === 'cancel')).toBe(true);
      expect(orderedMoves.some((m) => m.state === 'done')).toBe(false);
      expect(
        await client.model('stock.picking').search({ domain: [['backorder_id', '=', pickingId]] }),
      ).toHaveLength(0);
      const levels = await connector.inventory.levels({ skus: [ordered.code, substitute.code] });
      const onHand = (code: string) => levels.items.find((l) => l.sku === code)?.quantities.onHand;
      expect(onHand(substitute.code)).toBe('47');
      expect(onHand(ordered.code)).toBe('50');
    });

    it('ships a substitute and backorders the ordered line (CS, BP)', async () => {
      const ordered = await product(50);
      const substitute = await product(50);
      const { pickingId, lineOf } = await order([[ordered.id, 2]]);
      const line = lineOf(ordered.id);
      const result = await connector.fulfillment.applyShipment(
        pickingId,
        shipmentOf('s-cs-bp', [
          { lineId: line, sku: substitute.code, quantity: '2', substitution: 'CS', orderedSku: ordered.code },
        ]) as never,
        { remainder: { [line]: 'BP' } },
      );
      expect(result).toMatchObject({
        applied: true,
        outcome: 'backorder',
        substitutions: [{ requestLineId: line, sku: substitute.code, quantity: '2' }],
      });
      const [picking] = await client.model('stock.picking').read([pickingId], { fields: ['state'] });
      expect(picking?.state).toBe('done');
      const moves = await movesOf(pickingId);
      expect(moves.map((m) => [productOf(m), m.state, m.quantity])).toEqual([[substitute.id, 'done', 2]]);
      if (!('backorderId' in result) || result.backorderId === undefined) throw new Error('no backorder');
      const backorderMoves = await movesOf(result.backorderId);
      expect(backorderMoves).toHaveLength(1);
      expect(backorderMoves[0]).toMatchObject({
        product_uom_qty: 2,
        state: expect.not.stringMatching(/done/),
      });
      expect(productOf(backorderMoves[0] as Record<string, unknown>)).toBe(ordered.id);
    });

    it('ships a serial-tracked substitute with its serials', async () => {
      const ordered = await product(50);
      const substitute = await product(0, 'serial');
      const { pickingId, lineOf } = await order([[ordered.id, 2]]);
      const line = lineOf(ordered.id);
      const result = await connector.fulfillment.applyShipment(
        pickingId,
        shipmentOf('s-cs-serial', [
          {
            lineId: line,
            sku: substitute.code,
            quantity: '2',
            serials: ['SUB-1', 'SUB-2'],
            substitution: 'CS',
            orderedSku: ordered.code,
          },
        ]) as never,
        { remainder: { [line]: 'CP' } },
      );
      expect(result).toMatchObject({ applied: true, outcome: 'closed_short' });
      const moveLines = await client.model('stock.move.line').searchRead({
        domain: [
          ['picking_id', '=', pickingId],
          ['product_id', '=', substitute.id],
        ],
        fields: ['lot_id', 'quantity'],
      });
      expect(moveLines.map((l) => [(l.lot_id as { name?: string }).name, l.quantity]).sort()).toEqual([
        ['SUB-1', 1],
        ['SUB-2', 1],
      ]);
    });

    it('refuses a substitute sku Odoo does not know, changing nothing', async () => {
      const ordered = await product(50);
      const { pickingId, lineOf } = await order([[ordered.id, 1]]);
      const error = await connector.fulfillment
        .applyShipment(
          pickingId,
          shipmentOf('s-cs-unknown', [
            {
              lineId: lineOf(ordered.id),
              sku: 'NO-SUCH-SKU',
              quantity: '1',
              substitution: 'CS',
              orderedSku: ordered.code,
            },
          ]) as never,
        )
        .catch((e: unknown) => e);
      expect(isConnectorError(error)).toBe(true);
      expect(error).toMatchObject({ vendorCode: 'unknown_sku', operation: 'fulfillment.applyShipment' });
      const moves = await movesOf(pickingId);
      expect(moves).toHaveLength(1);
      expect(moves[0]?.state).not.toBe('done');
    });
  });
}
