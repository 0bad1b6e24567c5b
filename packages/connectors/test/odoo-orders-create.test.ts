// Channel orders (e.g. Shopify) become one confirmed Odoo sale order each, whatever the retries.
import { parseCanonical, SalesOrderSchema } from '@crossdock/canonical';
import { beforeAll, describe, expect, it } from 'vitest';
import { isConnectorError } from '../src/contract/errors.js';
import { odooFixture } from './odoo-fixture.js';

for (const version of [18, 19] as const) {
  describe(`Odoo ${version} connector: channel orders into sale orders`, () => {
    const { odoo, client, connector, product } = odooFixture(version, 'chan');
    const total = () => odoo.faults.calls().total;
    /** The one record a read answered. */
    const first = <T>(records: readonly T[]): T => {
      const [record] = records;
      if (record === undefined) throw new Error('no record');
      return record;
    };
    let number = 1000;

    /** A Shopify-like order of `lines` ([sku, quantity, price]) for a customer. */
    function channelOrder(
      lines: readonly (readonly [string, string, string])[],
      customer: { name: string; email?: string; zip?: string } = {
        name: 'Ada Lovelace',
        email: 'ada@example.com',
      },
    ) {
      number += 1;
      const address = {
        lines: ['12 Analytical Way'],
        city: 'London',
        postalCode: customer.zip ?? 'EC1A 1BB',
        countryCode: 'US',
      };
      const party = {
        name: customer.name,
        ...(customer.email === undefined ? {} : { email: customer.email }),
        address,
        refs: [],
      };
      return parseCanonical(SalesOrderSchema, {
        id: `gid://shopify/Order/${version}${number}`,
        number: `#${version}-${number}`,
        status: 'confirmed' as const,
        channel: 'shopify:acme',
        customer: party,
        shipTo: party,
        currency: 'USD',
        serviceLevel: 'standard' as const,
        orderedAt: '2026-11-25T10:00:00Z',
        lines: lines.map(([sku, quantity, price], i) => ({
          lineId: `gid://shopify/LineItem/${number}${i}`,
          item: { sku, refs: [] },
          quantity,
          uom: 'EA',
          unitPrice: { amount: price, currency: 'USD' },
          refs: [],
        })),
        refs: [],
      });
    }

    let a: { id: number; code: string };
    let b: { id: number; code: string };
    beforeAll(async () => {
      a = await product(10);
      b = await product(10);
      // Pays the client's one `fields_get` per model, so the counts below are a running service's.
      await connector.orders.create(
        channelOrder([[a.code, '1', '1']], { name: 'Warm Up', email: 'warm@example.com' }),
        {
          correlationId: 'warm',
        },
      );
    });

    it('creates a confirmed sale order with the channel prices, a new customer and a delivery', async () => {
      const channel = channelOrder(
        [
          [a.code, '2', '19.99'],
          [b.code, '1', '5.5'],
        ],
        { name: 'Grace Hopper', email: `grace${version}@example.com`, zip: '10001' },
      );
      const before = total();
      const created = await connector.orders.create(channel, { correlationId: 'c-1' });
      expect(total() - before).toBeLessThanOrEqual(7);
      expect(created.existing).toBe(false);
      const id = Number(created.ref.id.split(':')[1]);
      const order = first(
        await client
          .model('sale.order')
          .read([id], { fields: ['state', 'client_order_ref', 'partner_id', 'order_line', 'picking_ids'] }),
      );
      expect(order).toMatchObject({ state: 'sale', client_order_ref: channel.number });
      const lines = await client
        .model('sale.order.line')
        .read(order.order_line as number[], { fields: ['product_id', 'product_uom_qty', 'price_unit'] });
      expect(
        lines.map((l) => [(l.product_id as { id: number }).id, l.product_uom_qty, l.price_unit]),
      ).toEqual([
        [a.id, 2, 19.99],
        [b.id, 1, 5.5],
      ]);
      const partner = first(
        await client.model('res.partner').read([(order.partner_id as { id: number }).id], {
          fields: ['name', 'email', 'zip', 'city', 'country_id'],
        }),
      );
      expect(partner).toMatchObject({ name: 'Grace Hopper', zip: '10001', city: 'London' });
      expect((partner.country_id as { id: number }).id).toBe(233);
      expect((order.picking_ids as number[]).length).toBe(1);
      const found = await connector.orders.get(created.ref);
      expect(found.order).toMatchObject({ number: expect.any(String), status: 'confirmed' });
      expect(found.order.lines.map((l) => l.unitPrice?.amount)).toEqual(['19.99', '5.5']);
      expect(found.pickings).toEqual([
        { system: 'odoo', id: `stock.picking:${(order.picking_ids as number[])[0]}` },
      ]);
    });

    it('creates one order whatever the retries, sequential or concurrent', async () => {
      const channel = channelOrder([[a.code, '1', '3']]);
      const [first, second] = await Promise.all([
        connector.orders.create(channel, { correlationId: 'r-1' }),
        connector.orders.create(channel, { correlationId: 'r-2' }),
      ]);
      expect(second?.ref).toEqual(first?.ref);
      const orders = await client
        .model('sale.order')
        .search({ domain: [['client_order_ref', '=', channel.number]] });
      expect(orders).toHaveLength(1);
      // Another process (a fresh connector: no shared claim) finds it by its client_order_ref.
      const { createOdooConnector } = await import('../src/odoo/index.js');
      const other = createOdooConnector({ client });
      const again = await other.orders.create(channel, { correlationId: 'r-3' });
      expect(again).toEqual({ ref: first?.ref, existing: true });
    });

    it('finds a known customer by e-mail and creates the order in 5 calls', async () => {
      const channel = channelOrder([[b.code, '1', '2']]);
      const before = total();
      const created = await connector.orders.create(channel, { correlationId: 'k-1' });
      expect(total() - before).toBe(5);
      const id = Number(created.ref.id.split(':')[1]);
      const order = first(await client.model('sale.order').read([id], { fields: ['partner_id'] }));
      const partners = await client
        .model('res.partner')
        .search({ domain: [['email', '=ilike', 'ada@example.com']] });
      expect(partners).toHaveLength(1);
      expect((order.partner_id as { id: number }).id).toBe(partners[0]);
    });

    it('finds a customer without e-mail by name and postcode', async () => {
      const who = { name: `Alan Turing ${version}`, zip: 'MK3 6EB' };
      const first = await connector.orders.create(channelOrder([[a.code, '1', '1']], who), {
        correlationId: 'n-1',
      });
      const second = await connector.orders.create(channelOrder([[a.code, '1', '1']], who), {
        correlationId: 'n-2',
      });
      const read = async (ref: { id: string }) =>
        (await client.model('sale.order').read([Number(ref.id.split(':')[1])], { fields: ['partner_id'] }))[0]
          ?.partner_id;
      expect(await read(second.ref)).toEqual(await read(first.ref));
    });

    it('refuses an order with a SKU Odoo does not know, naming the line, and creates nothing', async () => {
      const channel = channelOrder(
        [
          [a.code, '1', '1'],
          ['NO-SUCH-SKU', '1', '1'],
        ],
        { name: 'Nobody', email: `nobody${version}@example.com` },
      );
      const error = await connector.orders.create(channel, { correlationId: 'u-1' }).catch((e) => e);
      expect(isConnectorError(error) && error.vendorCode).toBe('unknown_sku');
      expect(String(error.message)).toContain(`NO-SUCH-SKU (line ${channel.lines[1]?.lineId})`);
      expect(error.correlationId).toBe('u-1');
      expect(
        await client.model('sale.order').search({ domain: [['client_order_ref', '=', channel.number]] }),
      ).toEqual([]);
      expect(
        await client
          .model('res.partner')
          .search({ domain: [['email', '=', `nobody${version}@example.com`]] }),
      ).toEqual([]);
    });

    it('confirms an order a previous attempt left as a quotation', async () => {
      const channel = channelOrder([[a.code, '1', '1']]);
      const [partner] = await client
        .model('res.partner')
        .search({ domain: [['email', '=ilike', 'ada@example.com']] });
      const [draft] = await client.model('sale.order').create({
        partner_id: partner,
        client_order_ref: channel.number,
        order_line: [[0, 0, { product_id: a.id, product_uom_qty: 1 }]],
      });
      const again = await connector.orders.create(channel, { correlationId: 'd-1' });
      expect(again).toEqual({ ref: { system: 'odoo', id: `sale.order:${draft}` }, existing: true });
      const order = first(await client.model('sale.order').read([draft as number], { fields: ['state'] }));
      expect(order.state).toBe('sale');
    });
  });
}
