// Connector throughput: webhooks verified and parsed per second for ShipBob (Standard Webhooks),
// EasyPost (hmac hex) and Shopify (hmac base64), against the floor in the same run (JSON.parse of
// the body plus one HMAC-SHA256 of it); then Odoo fulfillment requests read per page from the fake
// Odoo 18 in a child process: RPCs and median milliseconds per page of 100 and of 10, against one
// bare searchRead of the same pickings.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { InboundWebhook, WebhooksCapability } from '@crossdock/connectors';
import { createEasyPostConnector } from '@crossdock/connectors/easypost';
import { createOdooConnector } from '@crossdock/connectors/odoo';
import { createShipBobConnector } from '@crossdock/connectors/shipbob';
import { createShopifyConnector } from '@crossdock/connectors/shopify';
import { createOdooClient } from '@crossdock/odoo-client';
import {
  createEasyPostHandlers,
  createShipBobHandlers,
  createShopifyHandlers,
  SHIPBOB_DEFAULT_WEBHOOK_SECRET,
} from '@crossdock/testing';
import { getResponse } from 'msw';
import { Bench } from 'tinybench';

const ORDERS = 300;
const WALKS = { 100: 5, 10: 2 } as const; // full walks over the 300 pickings per page size
const op = { correlationId: 'bench-correlation-id' };

interface Vendor {
  readonly name: string;
  readonly webhook: InboundWebhook;
  readonly hooks: WebhooksCapability;
  /** The HMAC key as the verifier uses it. */
  readonly key: Buffer;
}

async function shipbobVendor(): Promise<Vendor> {
  const fake = createShipBobHandlers();
  const created = await getResponse(
    fake,
    new Request(`${fake.baseUrl}/order`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer shipbob-test-token',
        shipbob_channel_id: '42',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        reference_id: 'stock.picking:21',
        order_number: 'S00021',
        shipping_method: 'Standard',
        recipient: {
          name: 'Ada Lovelace',
          address: {
            address1: '1 Main St',
            city: 'Springfield',
            state: 'IL',
            zip_code: '62701',
            country: 'US',
          },
        },
        products: [
          { reference_id: 'SKU-1', name: 'Widget', quantity: 2 },
          { reference_id: 'SKU-2', name: 'Gadget', quantity: 1 },
        ],
      }),
    }),
  );
  if (created?.status !== 201) throw new Error(`fake ShipBob refused the order: ${created?.status}`);
  const { id } = (await created.json()) as { id: number };
  const delivery = fake.control.ship(id, {
    lines: [
      { sku: 'SKU-1', quantity: 2, lot: 'L-2026-11' },
      { sku: 'SKU-2', quantity: 1 },
    ],
  });
  const connector = createShipBobConnector({
    token: 'shipbob-test-token',
    channelId: 42,
    webhookSecrets: [SHIPBOB_DEFAULT_WEBHOOK_SECRET],
  });
  return {
    name: 'ShipBob (Standard Webhooks)',
    webhook: { headers: new Headers(delivery.headers), rawBody: delivery.body },
    hooks: connector.webhooks,
    key: Buffer.from(SHIPBOB_DEFAULT_WEBHOOK_SECRET.slice('whsec_'.length), 'base64'),
  };
}

function easypostVendor(): Vendor {
  const fake = createEasyPostHandlers();
  fake.control.advance('EZ1000000001', 'pre_transit', 'label_created');
  fake.control.advance('EZ1000000001', 'in_transit', 'arrived_at_facility');
  fake.control.advance('EZ1000000001', 'out_for_delivery', 'out_for_delivery');
  const delivery = fake.control.advance('EZ1000000001', 'delivered', 'arrived_at_destination');
  const connector = createEasyPostConnector({ apiKey: fake.apiKey, webhookSecret: fake.webhookSecret });
  return {
    name: 'EasyPost (hmac hex)',
    webhook: { headers: new Headers(delivery.headers), rawBody: delivery.body },
    hooks: connector.webhooks,
    key: Buffer.from(fake.webhookSecret.normalize('NFKD'), 'utf8'),
  };
}

function shopifyVendor(): Vendor {
  const fake = createShopifyHandlers();
  const { order } = fake.control.addOrder({
    lines: [
      { sku: 'SKU-1', quantity: 2, price: '19.90' },
      { sku: 'SKU-2', quantity: 1, price: '5.00' },
    ],
  });
  const delivery = fake.control.webhook('orders/create', order);
  const connector = createShopifyConnector({
    shop: fake.shop,
    accessToken: 'shpat_test_token',
    apiSecret: 'shpss_test_secret',
  });
  return {
    name: 'Shopify (hmac base64)',
    webhook: { headers: delivery.headers, rawBody: delivery.body },
    hooks: connector.webhooks,
    key: Buffer.from('shpss_test_secret', 'utf8'),
  };
}

async function webhookThroughput() {
  const vendors = [await shipbobVendor(), easypostVendor(), shopifyVendor()];
  const bench = new Bench({ time: 1500, warmupTime: 300 });
  for (const { name, webhook, hooks, key } of vendors) {
    // Refuse to measure a refusal or an empty parse: a benchmark of an error path proves nothing.
    if (!hooks.verify(webhook)) throw new Error(`${name}: the fake's delivery does not verify`);
    if (hooks.parse(webhook, op).events.length !== 1)
      throw new Error(`${name}: the delivery parsed to no event`);
    const body = webhook.rawBody;
    bench.add(`${name} baseline`, () => {
      JSON.parse(body);
      createHmac('sha256', key).update(body).digest();
    });
    bench.add(`${name} verify + parse`, () => {
      if (!hooks.verify(webhook)) throw new Error('refused');
      hooks.parse(webhook, op);
    });
  }
  console.log(
    `connectors benchmark, 1/2: ${bench.tasks.length} webhook tasks, ~${(bench.tasks.length * 1.8).toFixed(0)} s`,
  );
  bench.addEventListener('cycle', (event) => console.log(`  done: ${event.task?.name}`));
  await bench.run();
  const throughput = (name: string) => {
    const result = bench.getTask(name)?.result;
    if (!result || !('throughput' in result)) throw new Error(`${name} did not complete`);
    return result.throughput.mean;
  };
  return vendors.map(({ name, webhook }) => {
    const real = throughput(`${name} verify + parse`);
    const baseline = throughput(`${name} baseline`);
    return {
      measure: `${name}, ${webhook.rawBody.length} B body`,
      value: `${Math.round(real).toLocaleString('en-US')} webhooks/s`,
      baseline: `${Math.round(baseline).toLocaleString('en-US')}/s (JSON.parse + 1 HMAC)`,
      'cost vs baseline': `${(baseline / real).toFixed(1)}×`,
    };
  });
}

async function startServer(orders: number) {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./connectors-odoo-server.ts', import.meta.url)), String(orders)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [url] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  return { url, stop: () => child.kill() };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function odooPages() {
  console.log(`connectors benchmark, 2/2: fake Odoo 18 with ${ORDERS} confirmed 2-line sale orders`);
  const server = await startServer(ORDERS);
  try {
    const client = createOdooClient({
      url: server.url,
      db: 'odoo',
      auth: { login: 'admin', password: 'admin' },
    });
    const connector = createOdooConnector({ client });
    let rpcs = 0;
    client.on('request', () => {
      rpcs += 1;
    });
    // Authenticate and learn the version once, outside the measurement.
    await connector.fulfillment.requests({ pageSize: 1 });
    const rows = [];
    for (const pageSize of [100, 10] as const) {
      const ms: number[] = [];
      const calls: number[] = [];
      let requests = 0;
      for (let walk = 0; walk < WALKS[pageSize]; walk++) {
        let cursor: string | undefined;
        do {
          rpcs = 0;
          const t0 = performance.now();
          const page = await connector.fulfillment.requests({ pageSize, ...(cursor ? { cursor } : {}) });
          // The empty page that ends a walk (one searchRead) is not a page of requests.
          if (page.items.length > 0) {
            ms.push(performance.now() - t0);
            calls.push(rpcs);
          }
          requests += page.items.length;
          cursor = page.next;
        } while (cursor);
        console.log(
          `  page size ${pageSize}: walk ${walk + 1}/${WALKS[pageSize]}, ${ms.length} pages so far`,
        );
      }
      if (requests !== ORDERS * WALKS[pageSize]) {
        throw new Error(
          `page size ${pageSize}: read ${requests} requests, expected ${ORDERS * WALKS[pageSize]}`,
        );
      }
      // The floor: one bare searchRead of the same number of outgoing pickings.
      const floor: number[] = [];
      for (let round = 0; round < ms.length; round++) {
        const t0 = performance.now();
        await client.model('stock.picking').searchRead({
          domain: [['picking_type_code', '=', 'outgoing']],
          fields: ['name', 'state', 'origin', 'sale_id', 'partner_id', 'move_ids'],
          order: 'id asc',
          limit: pageSize,
        });
        floor.push(performance.now() - t0);
      }
      rows.push({
        measure: `Odoo requests, page of ${pageSize} (median of ${ms.length} pages)`,
        value: `${median(ms).toFixed(1)} ms, ${median(calls)} RPCs (min ${Math.min(...calls)}, max ${Math.max(...calls)})`,
        baseline: `${median(floor).toFixed(1)} ms (1 stock.picking searchRead)`,
        'cost vs baseline': `${(median(ms) / median(floor)).toFixed(1)}×`,
      });
    }
    return rows;
  } finally {
    server.stop();
  }
}

const webhookRows = await webhookThroughput();
const odooRows = await odooPages();
console.log(`\nNode ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}`);
console.table([...webhookRows, ...odooRows]);
