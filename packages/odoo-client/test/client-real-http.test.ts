import { serveFakeOdoo } from '@crossdock/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOdooClient, type OdooModels } from '../src/index.js';

// The same client over a real socket: the fake Odoo served by node:http on loopback.
describe.each([18, 19] as const)('the client against a fake Odoo %i served on a real port', (version) => {
  let served: Awaited<ReturnType<typeof serveFakeOdoo>>;
  beforeAll(async () => {
    served = await serveFakeOdoo({ version });
  });
  afterAll(() => served.close());

  const auth = version === 19 ? { apiKey: '<api-key>' } : { login: 'admin', password: 'admin' };

  it('detects the server, picks the transport and reads normalised records', async () => {
    const client = createOdooClient<OdooModels>({ url: served.url, db: 'odoo', auth });
    expect(await client.transportName()).toBe(version === 19 ? 'json-2' : 'session');
    const partners = await client
      .model('res.partner')
      .searchRead({ domain: [['is_company', '=', true]], fields: ['name', 'country_id'], limit: 3 });
    expect(partners).toHaveLength(3);
    expect(partners[0]?.country_id).toEqual({ id: expect.any(Number), name: expect.any(String) });
  });

  it('streams every partner once across pages over keep-alive connections', async () => {
    const client = createOdooClient({ url: served.url, db: 'odoo', auth });
    const total = await client.model('res.partner').searchCount();
    const ids: number[] = [];
    for await (const partner of client.model('res.partner').stream({ fields: ['name'], pageSize: 4 }))
      ids.push(partner.id as number);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
  });

  it('creates and confirms a sale order end to end', async () => {
    const client = createOdooClient<OdooModels>({ url: served.url, db: 'odoo', auth });
    const [partnerId] = await client.model('res.partner').create({ name: `Socket customer ${version}` });
    const [productId] = await client.model('product.product').search({ limit: 1 });
    const [orderId] = await client.model('sale.order').create({
      partner_id: partnerId,
      order_line: [[0, 0, { product_id: productId, product_uom_qty: 2 }]],
    } as never);
    await client.model('sale.order').call('action_confirm', { ids: [orderId as number] });
    const [order] = await client
      .model('sale.order')
      .read([orderId as number], { fields: ['state', 'picking_ids'] });
    expect(order?.state).toBe('sale');
    expect(order?.picking_ids.length).toBeGreaterThan(0);
  });
});
