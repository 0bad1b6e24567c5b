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
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let odooProduct: number | undefined;

/** Creates and confirms `n` sale orders in the fake Odoo. */
async function odooOrders(n: number): Promise<void> {
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
  for (let i = 0; i < n; i++) {
    const [orderId] = (await odooClient.model('sale.order').create({
      partner_id: partner,
      order_line: [x2many.create({ product_id: odooProduct, product_uom_qty: 1 })],
    })) as [number];
    await odooClient.model('sale.order').call('action_confirm', { ids: [orderId] });
  }
}

runConnectorContract({
  name: 'Odoo',
  connector: odoo,
  secrets: [ODOO_KEY],
  fake: {
    pagination: { list: { operation: 'orders.list', args: [{ pageSize: 3 }] }, insert: odooOrders },
  },
});
