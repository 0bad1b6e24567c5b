import { createOdooClient, x2many } from '@crossdock/odoo-client';
import { createFakeOdooEngine, createOdooHandlers } from '@crossdock/testing';
import { runConnectorContract } from '@crossdock/testing/contract';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createOdooConnector } from '../src/odoo/index.js';

// Odoo
const ODOO_URL = 'http://odoo-contract.test';
const ODOO_KEY = '<api-key>';
const engine = createFakeOdooEngine({ version: 19, seed: 'recordings', now: () => '2026-11-25 12:00:00' });
const odooHandlers = createOdooHandlers({ url: ODOO_URL, version: 19, engine });
const odooClient = createOdooClient({ url: ODOO_URL, db: 'odoo', auth: { apiKey: ODOO_KEY }, retry: false });
const odoo = createOdooConnector({ client: odooClient });

const server = setupServer(...odooHandlers);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  odooHandlers.faults.clear();
});
afterAll(() => server.close());

let odooProduct: number | undefined;

/** Creates and confirms `n` sale orders in the fake Odoo; answers their delivery pickings. */
async function odooOrders(n: number): Promise<number[]> {
  if (odooProduct === undefined) {
    [odooProduct] = (await odooClient
      .model('product.product')
      .create({ name: 'Contract product', default_code: 'CT-1', type: 'consu' })) as [number];
  }
  const [partner] = (await odooClient
    .model('res.partner')
    .create({ name: 'Contract Customer', street: '1 Main St', city: 'Springfield', country_id: 233 })) as [
    number,
  ];
  const pickings: number[] = [];
  for (let i = 0; i < n; i++) {
    const [orderId] = (await odooClient.model('sale.order').create({
      partner_id: partner,
      order_line: [x2many.create({ product_id: odooProduct, product_uom_qty: 2 })],
    })) as [number];
    await odooClient.model('sale.order').call('action_confirm', { ids: [orderId] });
    pickings.push(
      ...(await odooClient.model('stock.picking').search({ domain: [['sale_id', '=', orderId]] })),
    );
  }
  return pickings;
}

/** `n` orders shipped in full through the connector: `n` done deliveries. */
async function odooShipments(n: number): Promise<number[]> {
  const pickings = await odooOrders(n);
  for (const pickingId of pickings) {
    await odoo.fulfillment.applyShipment(pickingId, {
      id: `contract-${pickingId}`,
      state: 'shipped',
      shippedAt: '2026-11-25T12:00:00Z',
      trackingNumbers: [],
      packages: [],
      refs: [],
      contents: [
        { requestLineId: 'any', item: { sku: 'CT-1', refs: [] }, quantity: '2', uom: 'EA', serials: [] },
      ],
    });
  }
  return pickings;
}

/** `n` shipped orders with one unit returned each: `n` validated returns. */
async function odooReturns(n: number): Promise<void> {
  for (const pickingId of await odooShipments(n)) {
    await odoo.returns.create({
      id: `contract-return-${pickingId}`,
      rma: `RMA-C-${pickingId}`,
      state: 'authorized',
      shipmentId: `stock.picking:${pickingId}`,
      lines: [
        {
          lineId: 'r1',
          item: { sku: 'CT-1', refs: [] },
          uom: 'EA',
          expected: '1',
          disposition: 'restock',
          serials: [],
        },
      ],
      createdAt: '2026-11-25T12:00:00Z',
      refs: [],
    });
  }
}

runConnectorContract({
  name: 'Odoo',
  connector: odoo,
  secrets: [ODOO_KEY],
  fake: {
    pagination: {
      list: { operation: 'orders.list', args: [{ pageSize: 3 }] },
      insert: async (n) => {
        await odooOrders(n);
      },
    },
    async badPayload() {
      await odooOrders(1);
      // Odoo answers a move whose demand is a string: the connector must name the field, not read it as 0.
      odooHandlers.faults.add({
        model: 'stock.move',
        method: 'read',
        times: 1,
        effect: {
          kind: 'rewrite',
          rewrite: (moves) =>
            Array.isArray(moves)
              ? moves.map((move, i) => (i === 0 ? { ...move, product_uom_qty: 'lots' } : move))
              : moves,
        },
      });
      return { operation: 'fulfillment.requests', args: [{ pageSize: 500 }], field: 'product_uom_qty' };
    },
    leakyFailure() {
      odooHandlers.faults.add({
        model: 'sale.order',
        method: 'search_read',
        times: 1,
        effect: {
          kind: 'error',
          exception: 'odoo.exceptions.AccessError',
          message: `The API key ${ODOO_KEY} may not read Sales Orders (bearer ${ODOO_KEY})`,
        },
      });
      return { operation: 'orders.list' };
    },
  },
});

// The same connector again, for the pagination of the reads that page by (write_date, id) too.
runConnectorContract({
  name: 'Odoo shipments',
  connector: odoo,
  fake: {
    pagination: {
      list: { operation: 'shipments.list', args: [{ pageSize: 3 }] },
      insert: async (n) => {
        await odooShipments(n);
      },
    },
  },
});

runConnectorContract({
  name: 'Odoo returns',
  connector: odoo,
  fake: {
    pagination: { list: { operation: 'returns.list', args: [{ pageSize: 3 }] }, insert: odooReturns },
  },
});
