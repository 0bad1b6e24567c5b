import { createOdooClient, x2many } from '@crossdock/odoo-client';
import { createFakeOdooEngine, createOdooHandlers } from '@crossdock/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConnectorError } from '../src/contract/errors.js';
import { createOdooConnector } from '../src/odoo/index.js';

const SHIPPED_AT = '2026-11-25T15:00:00Z';

interface Content {
  readonly lineId: string;
  readonly sku: string;
  readonly quantity: string;
  readonly serials?: readonly string[];
  readonly lot?: string;
  readonly substitution?: 'CS' | 'IS';
  readonly orderedSku?: string;
}

const shipmentOf = (id: string, contents: readonly Content[]) => ({
  id,
  state: 'shipped' as const,
  shippedAt: SHIPPED_AT,
  trackingNumbers: [],
  packages: [],
  refs: [],
  contents: contents.map((c) => ({
    requestLineId: c.lineId,
    item: { sku: c.sku, refs: [] },
    quantity: c.quantity,
    uom: 'EA',
    serials: [...(c.serials ?? [])],
    ...(c.lot ? { lot: { number: c.lot } } : {}),
    ...(c.substitution ? { substitution: c.substitution } : {}),
    ...(c.orderedSku ? { orderedItem: { sku: c.orderedSku, refs: [] } } : {}),
  })),
});

for (const version of [18, 19] as const) {
  describe(`Odoo ${version} connector: writes Odoo cannot deduplicate, repeated`, () => {
    const url = `http://odoo${version}-retries.test`;
    const engine = createFakeOdooEngine({ version, seed: 'recordings', now: () => '2026-11-25 12:00:00' });
    const server = setupServer(...createOdooHandlers({ url, version, engine }));
    const client = createOdooClient({
      url,
      db: 'odoo',
      auth: version === 19 ? { apiKey: '<api-key>' } : { login: 'admin', password: 'admin' },
      retry: false,
    });
    const connector = createOdooConnector({ client });
    let partnerId = 0;
    let sku = 0;

    beforeAll(async () => {
      server.listen({ onUnhandledFrame: 'error' });
      [partnerId] = (await client.model('res.partner').create({
        name: 'Retry Customer',
        street: '1 Main St',
        city: 'Springfield',
        zip: '62701',
        country_id: 233,
      })) as [number];
    });
    afterAll(() => server.close());

    async function product(stock: number, tracking: 'none' | 'lot' | 'serial' = 'none') {
      sku += 1;
      const code = `R${version}-${sku}`;
      const [id] = (await client.model('product.product').create({
        name: `Retry test ${code}`,
        default_code: code,
        is_storable: true,
        type: 'consu',
        tracking,
      })) as [number];
      if (stock > 0) {
        const [stockLocation] = await client
          .model('stock.location')
          .search({ domain: [['usage', '=', 'internal']], order: 'id asc', limit: 1 });
        const context = { inventory_mode: true };
        const [quant] = await client
          .model('stock.quant')
          .create({ product_id: id, location_id: stockLocation, inventory_quantity: stock }, { context });
        await client.model('stock.quant').call('action_apply_inventory', { ids: [quant as number], context });
      }
      return { id, code };
    }

    async function order(lines: readonly (readonly [number, number])[]) {
      const [orderId] = (await client.model('sale.order').create({
        partner_id: partnerId,
        order_line: lines.map(([productId, qty]) =>
          x2many.create({ product_id: productId, product_uom_qty: qty }),
        ),
      })) as [number];
      await client.model('sale.order').call('action_confirm', { ids: [orderId] });
      const [pickingId] = await client
        .model('stock.picking')
        .search({ domain: [['sale_id', '=', orderId]], order: 'id asc' });
      const moves = await client
        .model('stock.move')
        .searchRead({ domain: [['picking_id', '=', pickingId]], fields: ['sale_line_id', 'product_id'] });
      const lineOf = (productId: number) => {
        const move = moves.find((m) => (m.product_id as { id: number }).id === productId);
        const saleLine = (move?.sale_line_id as { id: number } | null)?.id;
        if (saleLine === undefined) throw new Error(`no move for product ${productId}`);
        return `sale.order.line:${saleLine}`;
      };
      return { orderId, pickingId: pickingId as number, lineOf };
    }

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
