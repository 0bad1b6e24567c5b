import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  createOdooClient,
  InvalidDomainError,
  type Many2one,
  type OdooModels,
  OdooPartialCreateError,
  OdooTransportError,
  x2many,
} from '../src/index.js';
import { fakeOdoo, server, URL_17, URL_18, URL_19 } from './fake-odoo.js';

const admin = { login: 'admin', password: 'admin' } as const;

describe('choosing the transport', () => {
  it('uses the session transport with a password on Odoo 18', async () => {
    fakeOdoo({ url: URL_18, version: 18 });
    const client = createOdooClient({ url: URL_18, db: 'odoo', auth: admin });
    expect(await client.transportName()).toBe('session');
    expect((await client.version()).major).toBe(18);
  });

  it('uses JSON-2 with an API key on Odoo 19, and JSON-RPC with an API key before 19', async () => {
    fakeOdoo({ url: URL_19, version: 19 });
    fakeOdoo({ url: URL_18, version: 18 });
    const on19 = createOdooClient({ url: URL_19, db: 'odoo', auth: { apiKey: '<api-key>' } });
    expect(await on19.transportName()).toBe('json-2');
    const on18 = createOdooClient({ url: URL_18, db: 'odoo', auth: { login: 'admin', apiKey: '<api-key>' } });
    expect(await on18.transportName()).toBe('json-rpc');
  });

  it('refuses a configuration that cannot work before sending anything', async () => {
    const odoo = fakeOdoo({ url: URL_19, version: 19 });
    const client = createOdooClient({ url: URL_19, db: 'odoo', auth: admin, transport: 'json-2' });
    await expect(client.model('res.partner').searchCount()).rejects.toThrow(TypeError);
    expect(odoo.faults.calls().total).toBe(0);
  });
});

describe.each([
  { label: 'Odoo 17 over the session transport', url: URL_17, version: 17 as const, auth: admin },
  { label: 'Odoo 18 over the session transport', url: URL_18, version: 18 as const, auth: admin },
  {
    label: 'Odoo 18 over JSON-RPC',
    url: URL_18,
    version: 18 as const,
    auth: { login: 'admin', apiKey: '<api-key>' },
  },
  { label: 'Odoo 19 over JSON-2', url: URL_19, version: 19 as const, auth: { apiKey: '<api-key>' } },
])('the model API on $label', ({ url, version, auth }) => {
  const open = () => {
    const odoo = fakeOdoo({ url, version });
    return { odoo, client: createOdooClient<OdooModels>({ url, db: 'odoo', auth }) };
  };

  it('reads records with many2one as { id, name }, empty values as null and datetimes as ISO 8601', async () => {
    const { client } = open();
    const [partner] = await client.model('res.partner').searchRead({
      domain: [['is_company', '=', true]],
      fields: ['name', 'country_id', 'parent_id', 'write_date'],
      order: 'id asc',
      limit: 1,
    });
    expect(partner?.country_id).toEqual({ id: expect.any(Number), name: expect.any(String) });
    expect(partner?.parent_id).toBeNull();
    expect(partner?.write_date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('creates one record or many and always answers the ids, then writes, reads and unlinks them', async () => {
    const { client } = open();
    const partners = client.model('res.partner');
    const [one] = await partners.create({ name: 'Crossdock One' });
    const many = await partners.create([{ name: 'Crossdock A' }, { name: 'Crossdock B' }]);
    expect(typeof one).toBe('number');
    expect(many).toHaveLength(2);
    await partners.write(many, { email: 'ops@crossdock.test' });
    const read = await partners.read([one as number, ...many], { fields: ['name', 'email'] });
    expect(read.map((partner) => partner.email)).toEqual([null, 'ops@crossdock.test', 'ops@crossdock.test']);
    await partners.unlink(many);
    expect(await partners.searchCount({ domain: [['id', 'in', many]] })).toBe(0);
  });

  it('runs the order flow through call(): confirm, partial pick, the backorder wizard, process', async () => {
    const { client } = open();
    const [partnerId] = await client.model('res.partner').create({ name: 'Crossdock Flow' });
    const [productId] = await client
      .model('product.product')
      .search({ domain: [['type', '=', 'consu']], limit: 1 });
    const [orderId] = await client.model('sale.order').create({
      partner_id: partnerId,
      order_line: [x2many.create({ product_id: productId, product_uom_qty: 5 })],
    } as never);
    await client.model('sale.order').call('action_confirm', { ids: [orderId as number] });
    const [order] = await client
      .model('sale.order')
      .read([orderId as number], { fields: ['state', 'picking_ids'] });
    expect(order?.state).toBe('sale');
    const pickingId = order?.picking_ids[0] as number;
    const [move] = await client
      .model('stock.move')
      .searchRead({ domain: [['picking_id', '=', pickingId]], fields: ['id'] });
    await client.model('stock.move').write([move?.id as number], { quantity: 3, picked: true } as never);
    const action = (await client.model('stock.picking').call('button_validate', { ids: [pickingId] })) as {
      res_model: string;
      context: Record<string, unknown>;
    };
    expect(action.res_model).toBe('stock.backorder.confirmation');
    const [wizard] = await client
      .model('stock.backorder.confirmation')
      .create({ pick_ids: [x2many.link(pickingId)] }, { context: action.context });
    await client
      .model('stock.backorder.confirmation')
      .call('process', { ids: [wizard as number], context: action.context });
    const [after] = await client
      .model('sale.order')
      .read([orderId as number], { fields: ['delivery_status'] });
    expect(after?.delivery_status).toBe('partial');
  });

  it('answers name_search as { id, name } pairs', async () => {
    const { client } = open();
    const found = await client.model('res.partner').nameSearch('Azure', { limit: 2 });
    expect(found.length).toBeGreaterThan(0);
    expectTypeOf(found).toEqualTypeOf<Many2one[]>();
    expect(found[0]).toEqual({ id: expect.any(Number), name: expect.stringContaining('Azure') });
  });
});

describe('large calls', () => {
  it('reads long id lists in chunks and creates large lists in batches', async () => {
    const odoo = fakeOdoo({ url: URL_18, version: 18 });
    const client = createOdooClient({
      url: URL_18,
      db: 'odoo',
      auth: admin,
      chunkSize: 2,
      createBatchSize: 2,
    });
    const ids = await client
      .model('res.partner')
      .create(Array.from({ length: 5 }, (_, index) => ({ name: `Batch ${index}` })));
    expect(ids).toHaveLength(5);
    expect(odoo.faults.calls().methods['res.partner.create']).toBe(3);
    const read = await client.model('res.partner').read(ids, { fields: ['name'] });
    expect(read.map((partner) => partner.name)).toEqual([
      'Batch 0',
      'Batch 1',
      'Batch 2',
      'Batch 3',
      'Batch 4',
    ]);
    expect(odoo.faults.calls().methods['res.partner.read']).toBe(3);
  });

  it('streams every record exactly once by keyset, even while records are being inserted', async () => {
    fakeOdoo({ url: URL_18, version: 18 });
    const client = createOdooClient({ url: URL_18, db: 'odoo', auth: admin });
    const partners = client.model('res.partner');
    const before = await partners.search({ domain: [] });
    const seen: number[] = [];
    for await (const partner of partners.stream({ fields: ['name'], pageSize: 3 })) {
      seen.push(partner.id as number);
      if (seen.length === 4) await partners.create({ name: 'Inserted while streaming' });
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, before.length)).toEqual([...before].sort((a, b) => a - b));
  });

  it('refuses a malformed domain with InvalidDomainError before any request', async () => {
    const odoo = fakeOdoo({ url: URL_18, version: 18 });
    const client = createOdooClient({ url: URL_18, db: 'odoo', auth: admin, transport: 'json-rpc' });
    await expect(
      client.model('res.partner').searchRead({ domain: ['|', ['name', '=', 'x']] }),
    ).rejects.toBeInstanceOf(InvalidDomainError);
    expect(odoo.faults.calls().total).toBe(0);
  });
});

describe('retries', () => {
  const quick = { retries: 3, baseDelayMs: 1, maxDelayMs: 5 };

  it('retries a read through a proxy 503 and answers', async () => {
    const odoo = fakeOdoo({ url: URL_18, version: 18 });
    odoo.faults.add({
      model: 'res.partner',
      method: 'search_count',
      effect: { kind: 'http', status: 503 },
      times: 2,
    });
    const client = createOdooClient({
      url: URL_18,
      db: 'odoo',
      auth: admin,
      transport: 'json-rpc',
      retry: quick,
    });
    const retries: number[] = [];
    client.on('retry', ({ attempt }) => retries.push(attempt));
    expect(await client.model('res.partner').searchCount()).toBeGreaterThan(0);
    expect(retries).toEqual([1, 2]);
  });

  it('retries the web client reads (web_search_read) through a proxy 503, as any read', async () => {
    const odoo = fakeOdoo({ url: URL_18, version: 18 });
    odoo.faults.add({
      model: 'res.partner',
      method: 'web_search_read',
      effect: { kind: 'http', status: 503 },
      times: 1,
    });
    const client = createOdooClient({
      url: URL_18,
      db: 'odoo',
      auth: admin,
      transport: 'json-rpc',
      retry: quick,
    });
    const answer = (await client
      .model('res.partner')
      .call('web_search_read', { params: { domain: [], specification: { name: {} }, limit: 1 } })) as {
      records: unknown[];
    };
    expect(answer.records).toHaveLength(1);
    expect(odoo.faults.calls().methods['res.partner.web_search_read']).toBe(2);
  });

  it('never replays a write whose outcome is unknown (a 502 after sending)', async () => {
    const odoo = fakeOdoo({ url: URL_18, version: 18 });
    odoo.faults.add({
      model: 'res.partner',
      method: 'write',
      effect: { kind: 'http', status: 502 },
      times: 1,
    });
    const client = createOdooClient({
      url: URL_18,
      db: 'odoo',
      auth: admin,
      transport: 'json-rpc',
      retry: quick,
    });
    await expect(
      client.model('res.partner').write([3], { email: 'x@crossdock.test' }),
    ).rejects.toBeInstanceOf(OdooTransportError);
    expect(odoo.faults.calls().methods['res.partner.write']).toBe(1);
  });

  it('replays a write that Odoo rolled back on a serialization failure', async () => {
    const odoo = fakeOdoo({ url: URL_18, version: 18 });
    odoo.faults.add({
      model: 'res.partner',
      method: 'write',
      effect: { kind: 'concurrency', error: 'SerializationFailure' },
      times: 1,
    });
    const client = createOdooClient({
      url: URL_18,
      db: 'odoo',
      auth: admin,
      transport: 'json-rpc',
      retry: quick,
    });
    expect(await client.model('res.partner').write([3], { email: 'y@crossdock.test' })).toBe(true);
    expect(odoo.faults.calls().methods['res.partner.write']).toBe(2);
  });

  it('re-authenticates once when the session expires and replays the call', async () => {
    const odoo = fakeOdoo({ url: URL_18, version: 18 });
    const client = createOdooClient({ url: URL_18, db: 'odoo', auth: admin, transport: 'session' });
    await client.model('res.partner').searchCount();
    odoo.faults.add({ route: 'call_kw', effect: { kind: 'session-expiry' }, times: 1 });
    expect(await client.model('res.partner').searchCount()).toBeGreaterThan(0);
    expect(odoo.faults.calls().routes['session/authenticate']).toBe(2);
  });
});

describe('limits, signals and events', () => {
  it('keeps at most `concurrency` calls in flight', async () => {
    const odoo = fakeOdoo({ url: URL_18, version: 18 });
    odoo.faults.add({ model: 'res.partner', effect: { kind: 'latency', ms: 30 } });
    const client = createOdooClient({
      url: URL_18,
      db: 'odoo',
      auth: admin,
      transport: 'json-rpc',
      concurrency: 2,
      raw: true,
    });
    let inFlight = 0;
    let peak = 0;
    client.on('request', () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
    });
    client.on('response', () => inFlight--);
    await Promise.all(Array.from({ length: 6 }, () => client.model('res.partner').searchCount()));
    expect(peak).toBe(2);
  });

  it('stops a call when its signal aborts, as an OdooTransportError that says so', async () => {
    const odoo = fakeOdoo({ url: URL_18, version: 18 });
    odoo.faults.add({ model: 'res.partner', effect: { kind: 'timeout' } });
    const client = createOdooClient({
      url: URL_18,
      db: 'odoo',
      auth: admin,
      transport: 'json-rpc',
      raw: true,
    });
    // The fake never answers this call: only the signal can end it.
    const call = client.model('res.partner').searchCount({ signal: AbortSignal.timeout(50) });
    await expect(call).rejects.toBeInstanceOf(OdooTransportError);
    await expect(call).rejects.toMatchObject({ failure: 'aborted', retryable: false });
  });

  it('lets one caller’s abort end only its own call, even while both wait for shared field types', async () => {
    const odoo = fakeOdoo({ url: URL_18, version: 18 });
    odoo.faults.add({ model: 'res.partner', method: 'fields_get', effect: { kind: 'latency', ms: 150 } });
    const client = createOdooClient({ url: URL_18, db: 'odoo', auth: admin });
    const aborted = client
      .model('res.partner')
      .searchRead({ fields: ['name'], limit: 1, signal: AbortSignal.timeout(30) });
    const patient = client.model('res.partner').searchRead({ fields: ['name'], limit: 1 });
    await expect(aborted).rejects.toMatchObject({ failure: 'aborted' });
    expect(await patient).toHaveLength(1);
  });

  it('names the records already created when a later create batch fails, so they can be reconciled', async () => {
    const odoo = fakeOdoo({ url: URL_18, version: 18 });
    odoo.faults.add({
      model: 'res.partner',
      method: 'create',
      effect: { kind: 'http', status: 502 },
      after: 1,
      times: 1,
    });
    const client = createOdooClient({
      url: URL_18,
      db: 'odoo',
      auth: admin,
      createBatchSize: 2,
      retry: false,
    });
    const failure = await client
      .model('res.partner')
      .create([{ name: 'P1' }, { name: 'P2' }, { name: 'P3' }])
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OdooPartialCreateError);
    const created = (failure as OdooPartialCreateError).createdIds;
    expect(created).toHaveLength(2);
    const names = (await client.model('res.partner').read([...created], { fields: ['name'] })).map(
      (p) => p.name,
    );
    expect(names).toEqual(['P1', 'P2']);
  });

  it('hands out records exactly as Odoo sends them in raw mode', async () => {
    fakeOdoo({ url: URL_18, version: 18 });
    const client = createOdooClient({ url: URL_18, db: 'odoo', auth: admin, raw: true });
    const [partner] = await client.model('res.partner').searchRead({
      domain: [
        ['is_company', '=', true],
        ['parent_id', '=', false],
      ],
      fields: ['country_id', 'parent_id'],
      limit: 1,
    });
    expect(Array.isArray(partner?.country_id)).toBe(true);
    expect(partner?.parent_id).toBe(false);
  });
});

describe('typed models', () => {
  it('types model() by the generated map', () => {
    const client = createOdooClient<OdooModels>({ url: URL_18, db: 'odoo', auth: admin });
    expectTypeOf(client.model('sale.order').searchRead).returns.resolves.items.toHaveProperty('partner_id');
  });
});

describe('context, grouping, field definitions, logging', () => {
  it('sends the client context under each call’s own context', async () => {
    fakeOdoo({ url: URL_19, version: 19 });
    const bodies: unknown[] = [];
    const listener = async ({ request }: { request: Request }) => {
      if (request.url.includes('/json/2/res.partner/search_count')) bodies.push(await request.clone().json());
    };
    server.events.on('request:start', listener);
    try {
      const client = createOdooClient({
        url: URL_19,
        db: 'odoo',
        auth: { apiKey: '<api-key>' },
        context: { lang: 'en_US', tz: 'Europe/Brussels' },
      });
      await client.model('res.partner').searchCount({ context: { lang: 'fr_FR' } });
    } finally {
      server.events.removeListener('request:start', listener);
    }
    expect(bodies).toEqual([{ domain: [], context: { lang: 'fr_FR', tz: 'Europe/Brussels' } }]);
  });

  it('groups with readGroup and reads field definitions with fieldsGet', async () => {
    fakeOdoo({ url: URL_18, version: 18 });
    const client = createOdooClient({ url: URL_18, db: 'odoo', auth: admin });
    const groups = await client.model('stock.quant').readGroup({
      domain: [['location_id.usage', '=', 'internal']],
      fields: ['quantity:sum'],
      groupby: ['product_id'],
      limit: 3,
    });
    expect(groups.length).toBeGreaterThan(0);
    expect(groups[0]).toHaveProperty('quantity');
    const fields = await client.model('sale.order').fieldsGet({ attributes: ['type', 'string'] });
    expect(fields.partner_id).toMatchObject({ type: 'many2one' });
  });

  it('logs retries to the logger and reports a call that failed for good as an error event, with no secret', async () => {
    const odoo = fakeOdoo({ url: URL_18, version: 18 });
    odoo.faults.add({ model: 'res.partner', method: 'search_count', effect: { kind: 'http', status: 503 } });
    const lines: string[] = [];
    const log = (message: string, fields?: Record<string, unknown>) =>
      lines.push(`${message} ${JSON.stringify(fields)}`);
    const client = createOdooClient({
      url: URL_18,
      db: 'odoo',
      auth: admin,
      transport: 'json-rpc',
      retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 2 },
      logger: { debug: log, warn: log },
    });
    const errors: unknown[] = [];
    client.on('error', ({ error }) => errors.push(error));
    await expect(client.model('res.partner').searchCount()).rejects.toBeInstanceOf(OdooTransportError);
    expect(errors).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('odoo retry'))).toHaveLength(2);
    expect(lines.join('\n')).not.toMatch(/"admin"|password/);
  });
});
