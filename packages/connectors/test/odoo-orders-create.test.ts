// Channel orders (e.g. Shopify) become one confirmed Odoo sale order each, whatever the retries.
import { parseCanonical, SalesOrderSchema } from '@crossdock/canonical';
import { beforeAll, describe, expect, it } from 'vitest';
import { isConnectorError } from '../src/contract/errors.js';
import { odooFixture } from './odoo-fixture.js';

for (const version of [18, 19] as const) {
  describe(`Odoo ${version} connector: channel orders into sale orders`, () => {
    const { odoo, client, connector, product } = odooFixture(version, 'chan');
    /** The Odoo calls `run` made, by `model.method` (e.g. `{ 'sale.order.create': 1 }`). */
    async function callsOf<T>(run: () => Promise<T>): Promise<{ result: T; calls: Record<string, number> }> {
      const before = odoo.faults.calls().methods;
      const result = await run();
      const calls: Record<string, number> = {};
      for (const [method, count] of Object.entries(odoo.faults.calls().methods)) {
        const made = count - (before[method] ?? 0);
        if (made > 0) calls[method] = made;
      }
      return { result, calls };
    }
    /** The calls of an order for a known customer at the channel's address. */
    const KNOWN_CUSTOMER_CALLS = {
      'sale.order.search_read': 1,
      'product.product.search_read': 1,
      'res.partner.search_read': 1,
      'sale.order.create': 1,
      'sale.order.action_confirm': 1,
      'sale.order.read': 1,
    };
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
      const { result: created, calls } = await callsOf(() =>
        connector.orders.create(channel, { correlationId: 'c-1' }),
      );
      // The country (US) is known to the connector since the warm-up order.
      expect(calls).toEqual({ ...KNOWN_CUSTOMER_CALLS, 'res.partner.create': 1 });
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
      const [name] = await client.model('sale.order').read([id], { fields: ['name'] });
      expect(created.name).toBe(name?.name);
      expect(created.pickings).toEqual([
        { system: 'odoo', id: `stock.picking:${(order.picking_ids as number[])[0]}` },
      ]);
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
      expect(again).toEqual({ ...first, existing: true });
      expect(first?.pickings).toHaveLength(1);
    });

    it('finds a known customer by e-mail at the channel address and creates the order in 6 calls', async () => {
      const channel = channelOrder([[b.code, '1', '2']]);
      const { result: created, calls } = await callsOf(() =>
        connector.orders.create(channel, { correlationId: 'k-1' }),
      );
      expect(calls).toEqual(KNOWN_CUSTOMER_CALLS);
      const id = Number(created.ref.id.split(':')[1]);
      const order = first(
        await client.model('sale.order').read([id], { fields: ['partner_id', 'partner_shipping_id'] }),
      );
      const partners = await client
        .model('res.partner')
        .search({ domain: [['email', '=ilike', 'ada@example.com']] });
      expect(partners).toHaveLength(1);
      expect((order.partner_id as { id: number }).id).toBe(partners[0]);
      // Its own address is the channel's: it is the delivery address too, no contact is added.
      expect((order.partner_shipping_id as { id: number }).id).toBe(partners[0]);
      expect(
        await client.model('res.partner').search({ domain: [['parent_id', '=', partners[0] ?? 0]] }),
      ).toEqual([]);
    });

    it('answers an order already there with its name and pickings in one call', async () => {
      const channel = channelOrder([[a.code, '1', '1']]);
      const created = await connector.orders.create(channel, { correlationId: 'e-1' });
      const fresh = (await import('../src/odoo/index.js')).createOdooConnector({ client });
      const { result: again, calls } = await callsOf(() =>
        fresh.orders.create(channel, { correlationId: 'e-2' }),
      );
      expect(calls).toEqual({ 'sale.order.search_read': 1 });
      expect(again).toEqual({ ...created, existing: true });
      expect(again.name).toMatch(/^S\d+$/);
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

    /** The order's customer, its delivery address partner, and its delivery picking's partner. */
    async function partnersOfOrder(ref: { id: string }) {
      const id = Number(ref.id.split(':')[1]);
      const order = first(
        await client
          .model('sale.order')
          .read([id], { fields: ['partner_id', 'partner_shipping_id', 'picking_ids'] }),
      );
      const picking = first(
        await client.model('stock.picking').read(order.picking_ids as number[], { fields: ['partner_id'] }),
      );
      const shippingId = (order.partner_shipping_id as { id: number }).id;
      const shipping = first(
        await client.model('res.partner').read([shippingId], {
          fields: ['name', 'type', 'parent_id', 'email', 'street', 'city', 'zip', 'country_id'],
        }),
      );
      return {
        customerId: (order.partner_id as { id: number }).id,
        shippingId,
        shipping,
        pickingPartnerId: (picking.partner_id as { id: number }).id,
      };
    }
    const channelAddress = (postalCode: string) => ({
      lines: ['12 Analytical Way'],
      city: 'London',
      postalCode,
      countryCode: 'US',
    });

    it('ships to the channel address when the known customer has none: a delivery contact under the customer', async () => {
      const email = `no-address${version}@example.com`;
      const [customerId] = await client.model('res.partner').create({ name: 'Mary Somerville', email });
      const channel = channelOrder([[a.code, '2', '4']], { name: 'Mary Somerville', email, zip: 'KY1 1AA' });
      const { result: created, calls } = await callsOf(() =>
        connector.orders.create(channel, { correlationId: 'addr-1' }),
      );
      expect(calls).toEqual({ ...KNOWN_CUSTOMER_CALLS, 'res.partner.create': 1 });
      const found = await partnersOfOrder(created.ref);
      expect(found.customerId).toBe(customerId);
      expect(found.shippingId).not.toBe(customerId);
      expect(found.shipping).toMatchObject({
        name: 'Mary Somerville',
        type: 'delivery',
        street: '12 Analytical Way',
        city: 'London',
        zip: 'KY1 1AA',
      });
      expect((found.shipping.parent_id as { id: number }).id).toBe(customerId);
      expect((found.shipping.country_id as { id: number }).id).toBe(233);
      // The delivery Odoo made carries the address, so it can be released to a warehouse.
      expect(found.pickingPartnerId).toBe(found.shippingId);
      const { order } = await connector.orders.get(created.ref, { correlationId: 'addr-1' });
      expect(order.shipTo.address).toEqual(channelAddress('KY1 1AA'));
      expect(order.customer.email).toBe(email);
      const [delivery] = created.pickings;
      if (delivery === undefined) throw new Error('no delivery');
      const request = await connector.fulfillment.get(delivery, { correlationId: 'addr-1' });
      expect(request.shipTo.address).toEqual(channelAddress('KY1 1AA'));
      // The customer's own record is left as it was.
      const customer = first(
        await client.model('res.partner').read([customerId as number], { fields: ['street'] }),
      );
      expect([null, false]).toContain(customer.street);
    });

    it('reuses the delivery contact for the next order to the same address, in 6 calls', async () => {
      const email = `repeat-address${version}@example.com`;
      const [customerId] = await client.model('res.partner').create({ name: 'Emmy Noether', email });
      const who = { name: 'Emmy Noether', email, zip: '37073' };
      const firstOrder = await connector.orders.create(channelOrder([[a.code, '1', '1']], who), {
        correlationId: 'rep-1',
      });
      const { result: second, calls } = await callsOf(() =>
        connector.orders.create(channelOrder([[b.code, '1', '1']], who), { correlationId: 'rep-2' }),
      );
      expect(calls).toEqual(KNOWN_CUSTOMER_CALLS);
      expect((await partnersOfOrder(second.ref)).shippingId).toBe(
        (await partnersOfOrder(firstOrder.ref)).shippingId,
      );
      expect(
        await client.model('res.partner').search({ domain: [['parent_id', '=', customerId as number]] }),
      ).toHaveLength(1);
    });

    it('keeps a customer’s other address and ships to a delivery contact with the channel address', async () => {
      const email = `moved${version}@example.com`;
      const [customerId] = await client.model('res.partner').create({
        name: 'Sophie Germain',
        email,
        street: '1 Old Road',
        city: 'Bath',
        zip: 'BA1 1AA',
        country_id: 233,
      });
      const channel = channelOrder([[a.code, '1', '1']], { name: 'Sophie Germain', email, zip: '75005' });
      const created = await connector.orders.create(channel, { correlationId: 'moved-1' });
      const found = await partnersOfOrder(created.ref);
      expect(found.customerId).toBe(customerId);
      expect(found.shipping).toMatchObject({ type: 'delivery', street: '12 Analytical Way', zip: '75005' });
      expect(found.pickingPartnerId).toBe(found.shippingId);
      const customer = first(
        await client.model('res.partner').read([customerId as number], { fields: ['street', 'zip'] }),
      );
      expect(customer).toMatchObject({ street: '1 Old Road', zip: 'BA1 1AA' });
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
      const { result: again, calls } = await callsOf(() =>
        connector.orders.create(channel, { correlationId: 'd-1' }),
      );
      expect(calls).toEqual({
        'sale.order.search_read': 1,
        'sale.order.action_confirm': 1,
        'sale.order.read': 1,
      });
      const order = first(
        await client
          .model('sale.order')
          .read([draft as number], { fields: ['state', 'name', 'picking_ids'] }),
      );
      expect(order.state).toBe('sale');
      expect(again).toEqual({
        ref: { system: 'odoo', id: `sale.order:${draft}` },
        existing: true,
        name: order.name,
        pickings: (order.picking_ids as number[]).map((p) => ({ system: 'odoo', id: `stock.picking:${p}` })),
      });
      expect(again.pickings).toHaveLength(1);
    });
  });
}
