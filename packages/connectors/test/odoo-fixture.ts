// The fake Odoo, a client and the connector for one version, with helpers to make stock and confirmed orders.
import { createOdooClient, x2many } from '@crossdock/odoo-client';
import { createFakeOdooEngine, createOdooHandlers } from '@crossdock/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { createOdooConnector } from '../src/odoo/index.js';

export const SHIPPED_AT = '2026-11-25T15:00:00Z';

export interface Content {
  readonly lineId: string;
  readonly sku: string;
  readonly quantity: string;
  readonly serials?: readonly string[];
  readonly lot?: string;
  readonly substitution?: 'CS' | 'IS';
  readonly orderedSku?: string;
}

export const shipmentOf = (id: string, contents: readonly Content[]) => ({
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

/** A return of `quantity` units of `sku` from a delivery, authorised or (with `received`) received. */
export const returnOf = (
  rma: string,
  delivery: { readonly pickingId: number; readonly orderId?: number },
  sku: string,
  quantity: string,
  received?: { readonly condition: string },
) => ({
  id: `r-${rma}`,
  rma,
  state: received ? ('received' as const) : ('authorized' as const),
  ...(delivery.orderId === undefined ? {} : { orderId: `sale.order:${delivery.orderId}` }),
  shipmentId: `stock.picking:${delivery.pickingId}`,
  lines: [
    {
      lineId: 'r1',
      item: { sku, refs: [] },
      uom: 'EA',
      expected: quantity,
      ...(received ? { received: quantity, condition: received.condition } : {}),
      disposition: 'restock' as const,
      serials: [],
    },
  ],
  ...(received ? { receipt: { receivedAt: SHIPPED_AT, location: { id: 'WH/Stock', refs: [] } } } : {}),
  createdAt: SHIPPED_AT,
  refs: [],
});

/**
 * Registers the fake's lifecycle in the calling `describe` and answers what its tests use. `label`
 * keeps the records of different test files apart (host name and SKU prefix); `customer` names the ship-to
 * partner of every order. `odoo` is the fake's handlers, for its call counters.
 */
export function odooFixture(version: 18 | 19, label: string, customer = `${label} customer`) {
  const url = `http://odoo${version}-${label}.test`;
  const engine = createFakeOdooEngine({ version, seed: 'recordings', now: () => '2026-11-25 12:00:00' });
  const odoo = createOdooHandlers({ url, version, engine });
  const server = setupServer(...odoo);
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
      name: customer,
      street: '1 Main St',
      city: 'Springfield',
      zip: '62701',
      country_id: 233,
    })) as [number];
  });
  afterAll(() => server.close());

  async function product(stock: number, tracking: 'none' | 'lot' | 'serial' = 'none') {
    sku += 1;
    const code = `${label.slice(0, 1).toUpperCase()}${version}-${sku}`;
    const [id] = (await client.model('product.product').create({
      name: `${label} test ${code}`,
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

  return { odoo, client, connector, product, order };
}
