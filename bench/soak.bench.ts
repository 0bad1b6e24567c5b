// Soak: SOAK_ORDERS (default 10,000) confirmed Odoo orders through the reference integration,
// in-process against the embedded fakes on loopback, with faults injected: release passes (Odoo
// 503s, ShipBob 429s) → ShipBob shipments (65% full, 30% partial whose backorder ships later, 5%
// closed short; 5% of webhooks sent twice) → EasyPost tracking to delivered (duplicates too) →
// the queue drained. Reports release throughput, Odoo RPCs per released order and per confirmed
// shipment, p50/p99 webhook-to-applied latency, peak memory and wall time per phase, against
// baselines measured in the same run; then reads the fakes' end state and exits 1 on any lost or
// duplicated effect.
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEmbeddedSystems } from '@crossdock/reference-integration/src/demo/environment.ts';
import { pollReleases } from '@crossdock/reference-integration/src/flows/release.ts';
import { memoryStores } from '@crossdock/reference-integration/src/runtime/stores.ts';
import { createService } from '@crossdock/reference-integration/src/service.ts';
import { deliverWebhooks } from '@crossdock/testing';
import { latencies, mb, memorySampler, percentile, pool } from './soak-measure.ts';
import { SOAK_PRODUCTS, seedSoak } from './soak-seed.ts';
import { type Plan, verify } from './soak-verify.ts';

const ORDERS = Number(process.env.SOAK_ORDERS ?? 10_000);
/** Steps the service's queue runs at once (the service's default is 4). */
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 16);
/** Webhook senders POSTing at once, as a 3PL and a carrier do. */
const SENDERS = 16;
const HOUR_MS = 3_600_000;
const silent = { info: () => {}, warn: () => {}, error: () => {} };
const planOf = (index: number): Plan => (index % 20 === 0 ? 'short' : index % 10 < 3 ? 'partial' : 'full');
const duplicated = (index: number) => index % 20 === 7; // 5% of webhooks sent twice
const SCANS = ['in_transit', { status: 'delivered', detail: 'arrived_at_destination' }];

const progress = (line: string) => process.stdout.write(`  ${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

console.log(`soak benchmark: ${ORDERS.toLocaleString('en-US')} orders, queue concurrency ${CONCURRENCY}`);
const memory = memorySampler();
// ShipBob's 150 requests/min would cap releases at ~1 order/s; the bench lifts it on both sides.
const systems = await startEmbeddedSystems({
  shipbobRequestsPerMinute: 1_000_000,
  // EasyPost's Index limit (5/s) would cap tracker creation at 4/s (it lists before it creates).
  easypostIndexRequestsPerSecond: 100_000,
  config: { releaseIntervalMs: HOUR_MS, shipmentPollIntervalMs: HOUR_MS, snapshotIntervalMs: HOUR_MS },
});
const service = await createService(systems.config, {
  overrides: systems.overrides,
  stores: memoryStores(systems.config),
  log: silent,
  concurrency: CONCURRENCY,
});
const { runtime } = service;
const faults = systems.odoo.handlers.faults;
let exitCode = 0;
try {
  // The service first, on an empty Odoo: its pollers' first passes find nothing, so every release
  // happens in the measured release phase below.
  await service.start();
  await sleep(1000);
  await runtime.queue.onIdle();
  let t0 = performance.now();
  const orders = await seedSoak(systems, ORDERS);
  const seedMs = performance.now() - t0;
  progress(`seeded ${orders.length} orders in ${seconds(seedMs)} (engine, not measured)`);

  // Baselines, same data, same loopback: one bare search_read page of 100 pickings, one bare fetch
  // of the fake ShipBob, one bare POST to the service's HTTP endpoint (a 404).
  const baseline = { page: [] as number[], shipbob: [] as number[], http: [] as number[] };
  const shipbobUrl = `${systems.config.shipbob.baseUrl}/2026-07/order?Limit=1`;
  for (let round = 0; round < 30; round++) {
    let t = performance.now();
    await systems.odooClient.model('stock.picking').searchRead({
      domain: [['picking_type_code', '=', 'outgoing']],
      fields: ['name', 'state', 'origin', 'sale_id', 'partner_id', 'move_ids'],
      order: 'id asc',
      limit: 100,
    });
    baseline.page.push(performance.now() - t);
    t = performance.now();
    await (
      await fetch(shipbobUrl, { headers: { authorization: `Bearer ${systems.config.shipbob.token}` } })
    ).text();
    baseline.shipbob.push(performance.now() - t);
    t = performance.now();
    await (await fetch(`${service.url()}/baseline`, { method: 'POST', body: '{}' })).text();
    baseline.http.push(performance.now() - t);
  }

  // Phase 1: release. Odoo answers 503 to 1% of calls (at most 40), ShipBob refuses 3 requests (429).
  const retries = { queue: 0, odooClient: 0 };
  runtime.queue.on('retrying', () => retries.queue++);
  runtime.odooClient.on('retry', () => retries.odooClient++);
  const injected = () => `${retries.queue} step retries, ${retries.odooClient} Odoo client retries so far`;
  faults.resetCalls();
  const FAULTS = process.env.SOAK_FAULTS !== '0';
  const odoo503 = faults.add({
    effect: { kind: 'http', status: 503 },
    probability: FAULTS ? 0.01 : 0,
    times: 40,
  });
  for (let i = 0; i < 3; i++) systems.shipbob.control.refuseNext(1000);
  t0 = performance.now();
  let passes = 0;
  let released = 0;
  let lastShown = 0;
  while (released < ORDERS && passes < 10) {
    passes++;
    try {
      await pollReleases(runtime, {
        onProgress: (report) => {
          const total = released + report.released;
          if (total % 1000 !== 0 || total === lastShown) return;
          lastShown = total;
          progress(`release pass ${passes}: ${total} released`);
        },
      });
    } catch (error) {
      progress(`release pass ${passes} failed (${String(error)}); the next pass resumes from the cursor`);
    }
    await runtime.queue.onIdle();
    released = systems.shipbob.control.orders().length;
  }
  const releaseMs = performance.now() - t0;
  faults.remove(odoo503);
  const releaseCalls = faults.calls();
  progress(
    `released ${released} in ${seconds(releaseMs)}, ${passes} pass(es), ${releaseCalls.total} Odoo RPCs`,
  );

  // Phase 2: shipments. Full, partial (1 of 2 mugs, backorder kept), short (1 of 2 mugs, rest closed).
  const shipLatency = latencies();
  const trackLatency = latencies();
  runtime.queue.on('completed', (job) => {
    if (job.kind === 'shipment.confirm') shipLatency.done(job.key);
    if (job.kind === 'tracking.update') {
      const { tracking } = job.payload as { tracking: { trackingNumber: string; status: string } };
      if (tracking.status === 'delivered') trackLatency.done(tracking.trackingNumber);
    }
  });
  const shipbobIdOf = new Map(
    systems.shipbob.control.orders().map((order) => [order.reference_id, order.id]),
  );
  const plans = orders.map((_, index) => planOf(index));
  const trackingNumbers: string[] = [];
  let shipments = 0;
  let webhooks = 0;
  const send = async (
    system: 'shipbob' | 'easypost',
    delivery: { headers: Record<string, string>; body: string },
    twice: boolean,
  ) => {
    const results = await deliverWebhooks([delivery], {
      url: `${service.url()}/webhooks/${system}`,
      ...(twice ? { duplicate: 2 } : {}),
    });
    webhooks += results.length;
    for (const result of results)
      if (result.status >= 300)
        throw new Error(`${system} webhook answered ${result.status}: ${result.body}`);
  };
  const shipOne = async (index: number, lines: { sku: string; quantity: number }[], short: boolean) => {
    const order = orders[index] as (typeof orders)[number];
    const shipbobId = shipbobIdOf.get(`stock.picking:${order.pickingId}`) as number;
    const trackingNumber = `1ZSOAK${String(index).padStart(6, '0')}${trackingNumbers.length % 2 ? 'B' : 'A'}${shipments}`;
    const input = { lines, trackingNumber, carrier: 'UPS' };
    const [shipped, cancelled] = short
      ? systems.shipbob.control.shortClose(shipbobId, input)
      : [systems.shipbob.control.ship(shipbobId, input), undefined];
    trackingNumbers.push(trackingNumber);
    shipments++;
    shipLatency.sent(`shipment:${(JSON.parse(shipped.body) as { id: number }).id}`);
    await send('shipbob', shipped, duplicated(index));
    if (cancelled) await send('shipbob', cancelled, false);
  };
  faults.resetCalls();
  const shipFaults = faults.add({
    effect: { kind: 'http', status: 503 },
    probability: FAULTS ? 0.005 : 0,
    times: 40,
  });
  t0 = performance.now();
  await pool(orders, SENDERS, async (_, index) => {
    const plan = plans[index] as Plan;
    const mugs = plan === 'full' ? 2 : 1;
    await shipOne(
      index,
      [
        { sku: SOAK_PRODUCTS.mug, quantity: mugs },
        { sku: SOAK_PRODUCTS.tea, quantity: 1 },
      ],
      plan === 'short',
    );
    if (index % 1000 === 999) progress(`shipments: ${index + 1}/${ORDERS} orders shipped`);
  });
  await runtime.queue.onIdle();
  // The backorders of the partial picks ship later in the day.
  const partials = orders.map((_, index) => index).filter((index) => plans[index] === 'partial');
  await pool(partials, SENDERS, async (index) => {
    await shipOne(index, [{ sku: SOAK_PRODUCTS.mug, quantity: 1 }], false);
  });
  await runtime.queue.onIdle();
  const shipMs = performance.now() - t0;
  faults.remove(shipFaults);
  const shipCalls = faults.calls();
  progress(
    `${shipments} shipments applied in ${seconds(shipMs)}, ${shipCalls.total} Odoo RPCs (trackers created with them); ${injected()}`,
  );

  // Phase 3: tracking to delivered (in transit, delivered), 5% of scans sent twice.
  faults.resetCalls();
  t0 = performance.now();
  await pool(trackingNumbers, SENDERS, async (code, index) => {
    const scans = systems.easypost.control.advanceThrough(code, SCANS);
    for (const [n, scan] of scans.entries()) {
      if (n === scans.length - 1) trackLatency.sent(code);
      await send('easypost', scan, duplicated(index));
    }
    if (index % 2000 === 1999) progress(`tracking: ${index + 1}/${trackingNumbers.length} parcels delivered`);
  });
  await runtime.queue.onIdle();
  const trackMs = performance.now() - t0;
  const trackCalls = faults.calls();
  memory.stop();
  progress(
    `${trackingNumbers.length} parcels tracked to delivered in ${seconds(trackMs)}, ${trackCalls.total} Odoo RPCs`,
  );

  const median = (values: number[]) => percentile(values, 50);
  const rows = [
    {
      measure: 'release throughput',
      value: `${Math.round(released / (releaseMs / 1000))} orders/s (${released} in ${seconds(releaseMs)})`,
      target: '≥ 100 orders/s',
      baseline: `${median(baseline.page).toFixed(1)} ms per bare page of 100 (${Math.round(100_000 / median(baseline.page))} pickings/s read)`,
    },
    {
      measure: 'Odoo RPCs per released order',
      value: (releaseCalls.total / released).toFixed(3),
      target: '≤ 0.1',
      baseline: `${releaseCalls.total} RPCs in ${passes} pass(es), 503s and retries included`,
    },
    {
      measure: 'Odoo RPCs per confirmed shipment',
      value: (shipCalls.total / shipments).toFixed(2),
      target: '≤ 6',
      baseline: `${shipCalls.total} RPCs for ${shipments} shipments and ${orders.filter((_, i) => plans[i] === 'short').length} short closes`,
    },
    {
      measure: 'shipment webhook → applied in Odoo',
      value: `p50 ${median(shipLatency.samples).toFixed(0)} ms, p99 ${percentile(shipLatency.samples, 99).toFixed(0)} ms`,
      target: '',
      baseline: `bare POST to the service ${median(baseline.http).toFixed(2)} ms; bare ShipBob GET ${median(baseline.shipbob).toFixed(2)} ms`,
    },
    {
      measure: 'delivered scan → note on the picking',
      value: `p50 ${median(trackLatency.samples).toFixed(0)} ms, p99 ${percentile(trackLatency.samples, 99).toFixed(0)} ms`,
      target: '',
      baseline: `${trackCalls.total} Odoo RPCs for ${trackingNumbers.length * SCANS.length} scans`,
    },
    {
      measure: 'wall time',
      value: `release ${seconds(releaseMs)}, ship ${seconds(shipMs)}, track ${seconds(trackMs)}`,
      target: '',
      baseline: `seeding ${seconds(seedMs)} (engine), ${webhooks} webhooks POSTed`,
    },
    {
      measure: 'peak memory',
      value: `rss ${mb(memory.peak.rss)}, heap ${mb(memory.peak.heapUsed)}`,
      target: '',
      baseline: 'fakes and service in one process',
    },
  ];
  const top = (calls: typeof shipCalls) =>
    Object.entries(calls.methods)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([method, n]) => `${method} ${n}`)
      .join(', ');
  console.log(`\nOdoo RPCs, release: ${top(releaseCalls)}`);
  console.log(`Odoo RPCs, shipments: ${top(shipCalls)}`);
  console.log(`Odoo RPCs, tracking: ${top(trackCalls)}`);
  const checks = await verify(systems, runtime, { orders, plans, trackingNumbers });
  if (shipLatency.open + trackLatency.open > 0)
    checks.push({
      name: 'every webhook applied',
      ok: false,
      detail: `${shipLatency.open} shipments, ${trackLatency.open} scans never completed`,
    });
  console.log(
    `\n${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}`,
  );
  console.table(rows);
  for (const { name, ok, detail } of checks) console.log(`${ok ? 'PASS' : 'FAIL'} ${name}: ${detail}`);
  if (checks.some((c) => !c.ok)) exitCode = 1;
} finally {
  await service.stop();
  await systems.close();
}
process.exit(exitCode);
