import { describe, expect, it } from 'vitest';
import { isConnectorError } from '../src/contract/errors.js';
import { storableLeaf } from '../src/odoo/index.js';
import { odooFixture } from './odoo-fixture.js';

const SHIPPED_AT = '2026-11-25T15:00:00Z';

/** The first element of a list, failing the test when there is none. */
function first<T>(list: readonly T[]): T {
  const [head] = list;
  if (head === undefined) throw new Error('expected a non-empty list');
  return head;
}

for (const version of [18, 19] as const) {
  describe(`Odoo ${version} connector`, () => {
    const { odoo, client, connector, product, order } = odooFixture(version, 'test', 'Ship Customer');

    async function requestOf(pickingId: number) {
      for (let cursor: string | undefined, i = 0; i < 100; i++) {
        const page = await connector.fulfillment.requests({ ...(cursor ? { cursor } : {}), pageSize: 100 });
        const found = page.items.find((r) => r.id === `stock.picking:${pickingId}`);
        if (found) return found;
        if (!page.next) break;
        cursor = page.next;
      }
      throw new Error(`request stock.picking:${pickingId} not found`);
    }

    const shipmentOf = (
      id: string,
      contents: { lineId: string; sku: string; quantity: string; lot?: string }[],
    ) => ({
      id,
      state: 'shipped' as const,
      shippedAt: SHIPPED_AT,
      trackingNumbers: ['1Z999AA10123456784'],
      packages: [],
      refs: [],
      contents: contents.map((c) => ({
        requestLineId: c.lineId,
        item: { sku: c.sku, refs: [] },
        quantity: c.quantity,
        uom: 'EA',
        serials: [],
        ...(c.lot ? { lot: { number: c.lot } } : {}),
      })),
    });

    it('reads a confirmed order and its delivery as canonical objects', async () => {
      const a = await product(50);
      const { pickingId, orderId } = await order([[a.id, 4]]);
      const request = await requestOf(pickingId);
      expect(request.orderId).toBe(`sale.order:${orderId}`);
      expect(request.shipTo.address).toMatchObject({
        city: 'Springfield',
        countryCode: 'US',
        lines: ['1 Main St'],
      });
      expect(request.lines[0]).toMatchObject({
        item: { sku: a.code },
        uom: 'EA',
        ledger: { ordered: '4', shipped: '0' },
      });
      expect(request.refs[0]).toMatchObject({ system: 'odoo', id: `stock.picking:${pickingId}` });
      const orders = [];
      for (let cursor: string | undefined, i = 0; i < 100; i++) {
        const page = await connector.orders.list({ ...(cursor ? { cursor } : {}), pageSize: 20 });
        orders.push(...page.items);
        if (!page.next) break;
        cursor = page.next;
      }
      const mine = orders.find((o) => o.id === `sale.order:${orderId}`);
      expect(mine).toMatchObject({
        status: 'confirmed',
        shipTo: { name: 'Ship Customer' },
        lines: [{ item: { sku: a.code }, quantity: '4', uom: 'EA' }],
      });
    });

    it('ships a request in full', async () => {
      const a = await product(50);
      const { pickingId } = await order([[a.id, 5]]);
      const request = await requestOf(pickingId);
      const line = first(request.lines);
      const result = await connector.fulfillment.applyShipment(
        pickingId,
        shipmentOf('s-full', [{ lineId: line.lineId, sku: a.code, quantity: '5' }]) as never,
      );
      expect(result).toMatchObject({ applied: true, outcome: 'full' });
      const [picking] = await client
        .model('stock.picking')
        .read([pickingId], { fields: ['state', 'carrier_tracking_ref'] });
      expect(picking).toMatchObject({ state: 'done', carrier_tracking_ref: '1Z999AA10123456784' });
      expect(first((await requestOf(pickingId)).lines).ledger).toMatchObject({ ordered: '5', shipped: '5' });
    });

    it('ships part and keeps a backorder (BP)', async () => {
      const a = await product(50);
      const { pickingId, orderId } = await order([[a.id, 5]]);
      const line = first((await requestOf(pickingId)).lines);
      const result = await connector.fulfillment.applyShipment(
        pickingId,
        shipmentOf('s-bp', [{ lineId: line.lineId, sku: a.code, quantity: '3' }]) as never,
        {
          remainder: { [line.lineId]: 'BP' },
        },
      );
      expect(result).toMatchObject({ applied: true, outcome: 'backorder' });
      const backorders = await client
        .model('stock.picking')
        .searchRead({ domain: [['backorder_id', '=', pickingId]], fields: ['state'] });
      expect(backorders).toHaveLength(1);
      const [so] = await client.model('sale.order').read([orderId], { fields: ['delivery_status'] });
      expect(so?.delivery_status).toBe('partial');
    });

    it('closes short without a backorder (CP)', async () => {
      const a = await product(50);
      const { pickingId } = await order([[a.id, 5]]);
      const line = first((await requestOf(pickingId)).lines);
      const result = await connector.fulfillment.applyShipment(
        pickingId,
        shipmentOf('s-cp', [{ lineId: line.lineId, sku: a.code, quantity: '2' }]) as never,
        {
          remainder: { [line.lineId]: 'CP' },
        },
      );
      expect(result).toMatchObject({ applied: true, outcome: 'closed_short' });
      expect(
        await client.model('stock.picking').search({ domain: [['backorder_id', '=', pickingId]] }),
      ).toHaveLength(0);
      const after = await requestOf(pickingId);
      expect(first(after.lines).ledger).toMatchObject({ shipped: '2', cancelled: '3' });
    });

    it('creates the lot and sets it on the move lines', async () => {
      const a = await product(0, 'lot');
      const { pickingId } = await order([[a.id, 2]]);
      const line = first((await requestOf(pickingId)).lines);
      const result = await connector.fulfillment.applyShipment(
        pickingId,
        shipmentOf('s-lot', [{ lineId: line.lineId, sku: a.code, quantity: '2', lot: 'LOT-A1' }]) as never,
      );
      expect(result.applied).toBe(true);
      const lots = await client.model('stock.lot').searchRead({
        domain: [
          ['name', '=', 'LOT-A1'],
          ['product_id', '=', a.id],
        ],
        fields: ['name'],
      });
      expect(lots).toHaveLength(1);
      const moveLines = await client
        .model('stock.move.line')
        .searchRead({ domain: [['picking_id', '=', pickingId]], fields: ['lot_id', 'quantity'] });
      expect(moveLines.map((l) => (l.lot_id as { id: number } | null)?.id)).toEqual([first(lots).id]);
    });

    it('applies the same shipment once', async () => {
      const a = await product(50);
      const { pickingId } = await order([[a.id, 3]]);
      const line = first((await requestOf(pickingId)).lines);
      const shipment = shipmentOf('s-twice', [{ lineId: line.lineId, sku: a.code, quantity: '3' }]) as never;
      await connector.fulfillment.applyShipment(pickingId, shipment);
      const before = odoo.faults.calls().methods;
      const again = await connector.fulfillment.applyShipment(pickingId, shipment);
      expect(again).toEqual({ applied: false, pickingId, reason: 'already_done' });
      const after = odoo.faults.calls().methods;
      for (const method of ['write', 'create', 'button_validate']) {
        const key = Object.keys(after).filter((k) => k.endsWith(`.${method}`));
        for (const k of key) expect(after[k]).toBe(before[k]);
      }
    });

    it('reads stock levels and refuses a count on a stale expected', async () => {
      const a = await product(20);
      const { items } = await connector.inventory.levels({ skus: [a.code] });
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        kind: 'snapshot',
        quantities: { onHand: '20', committed: '0', available: '20' },
      });
      const base = {
        mode: 'set' as const,
        idempotencyKey: `count-${a.code}`,
        sku: a.code,
        location: first(items).location,
        uom: 'EA',
        reason: 'cycle_count' as const,
        requestedAt: SHIPPED_AT,
        refs: [],
      };
      const stale = await connector.inventory
        .adjust({ ...base, expected: '19', quantity: '15' }, { correlationId: 'c-1' })
        .catch((e: unknown) => e);
      expect(isConnectorError(stale)).toBe(true);
      expect(stale).toMatchObject({
        vendorCode: 'stale_expected',
        retryable: false,
        executed: 'no',
        correlationId: 'c-1',
      });
      expect(await connector.inventory.adjust({ ...base, expected: '20', quantity: '15' })).toEqual({
        applied: true,
      });
      const [level] = (await connector.inventory.levels({ skus: [a.code] })).items;
      expect(level?.quantities.onHand).toBe('15');
    });

    it('creates and validates a return', async () => {
      const a = await product(50);
      const { pickingId, orderId } = await order([[a.id, 4]]);
      const line = first((await requestOf(pickingId)).lines);
      await connector.fulfillment.applyShipment(
        pickingId,
        shipmentOf('s-ret', [{ lineId: line.lineId, sku: a.code, quantity: '4' }]) as never,
      );
      const { ref } = await connector.returns.create({
        id: 'r-1',
        rma: 'RMA-1',
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
      } as never);
      const returnId = Number(ref.id.split(':')[1]);
      const [ret] = await client.model('stock.picking').read([returnId], { fields: ['state', 'return_id'] });
      expect(ret).toMatchObject({ state: 'done', return_id: { id: pickingId } });
    });

    it('wraps Odoo errors in a ConnectorError', async () => {
      const a = await product(0, 'lot');
      const { pickingId } = await order([[a.id, 1]]);
      await client
        .model('stock.move')
        .write(await client.model('stock.move').search({ domain: [['picking_id', '=', pickingId]] }), {
          quantity: 1,
          picked: true,
        });
      // A lot-tracked product shipped without a lot: Odoo refuses the validation.
      const error = await connector.fulfillment
        .applyShipment(
          pickingId,
          shipmentOf('s-nolot', [{ lineId: 'x', sku: a.code, quantity: '1' }]) as never,
          {
            correlationId: 'c-err',
          },
        )
        .catch((e: unknown) => e);
      expect(isConnectorError(error)).toBe(true);
      expect(error).toMatchObject({
        system: 'odoo',
        operation: 'fulfillment.applyShipment',
        vendorCode: 'odoo.exceptions.UserError',
        retryable: false,
        executed: 'no',
        correlationId: 'c-err',
      });
    });

    it('reads requests in pages at a constant number of calls per page, missing none at a shared timestamp', async () => {
      const a = await product(500);
      const made: number[] = [];
      for (let i = 0; i < 12; i++) made.push((await order([[a.id, 1]])).pickingId);
      await connector.fulfillment.requests({ pageSize: 1 }); // warm the client's field-type cache
      const perPage = async (pageSize: number) => {
        const seen: string[] = [];
        const costs: number[] = [];
        let cursor: string | undefined;
        for (;;) {
          const before = odoo.faults.calls().total;
          const page = await connector.fulfillment.requests({ ...(cursor ? { cursor } : {}), pageSize });
          costs.push(odoo.faults.calls().total - before);
          seen.push(...page.items.map((r) => r.id));
          if (!page.next) break;
          cursor = page.next;
        }
        return { seen, costs };
      };
      const five = await perPage(5);
      const ten = await perPage(10);
      for (const id of made) {
        expect(five.seen).toContain(`stock.picking:${id}`);
        expect(ten.seen).toContain(`stock.picking:${id}`);
      }
      expect(new Set(five.seen).size).toBe(five.seen.length);
      expect(five.seen).toEqual(ten.seen);
      const full = (costs: number[]) => costs.slice(0, -1);
      expect(new Set([...full(five.costs), ...full(ten.costs)]).size).toBe(1);
      expect(full(five.costs)[0]).toBeLessThanOrEqual(7);
    });
  });
}

describe('version differences', () => {
  it('filters storable products by detailed_type on 17 and is_storable from 18', () => {
    expect(storableLeaf(17, 'product_id.')).toEqual(['product_id.detailed_type', '=', 'product']);
    expect(storableLeaf(18)).toEqual(['is_storable', '=', true]);
    expect(storableLeaf(19)).toEqual(['is_storable', '=', true]);
  });
});
