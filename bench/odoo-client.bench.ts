// The Odoo client against the fake Odoo served on loopback: the median per-call cost of a small
// searchRead next to a bare fetch of the same request, and a 100,000-record stream's heap growth.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createOdooClient } from '@crossdock/odoo-client';

const CALLS = 2_000;
const STREAMED = 100_000;

async function startServer(records: number) {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./fake-odoo-server.ts', import.meta.url)), String(records)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const [url] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  return { url, stop: () => child.kill() };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function perCallCost() {
  const server = await startServer(0);
  try {
    const client = createOdooClient({
      url: server.url,
      db: 'odoo',
      auth: { login: 'admin', password: 'admin' },
      transport: 'json-rpc',
    });
    const search = () =>
      client
        .model('res.partner')
        .searchRead({ domain: [['is_company', '=', true]], fields: ['name'], limit: 5 });
    await search(); // authenticate once, outside the measurement
    const uid = 2;
    const body = JSON.stringify({
      jsonrpc: '2.0',
      method: 'call',
      params: {
        service: 'object',
        method: 'execute_kw',
        args: [
          'odoo',
          uid,
          'admin',
          'res.partner',
          'search_read',
          [],
          { domain: [['is_company', '=', true]], fields: ['name'], limit: 5, context: {} },
        ],
      },
      id: 1,
    });
    const bare = async () => {
      const response = await fetch(`${server.url}/jsonrpc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await response.json();
    };
    const timings = { fetch: [] as number[], client: [] as number[] };
    for (let round = 0; round < CALLS; round++) {
      // Interleaved, so both see the same server state and machine load.
      let t0 = performance.now();
      await bare();
      timings.fetch.push(performance.now() - t0);
      t0 = performance.now();
      await search();
      timings.client.push(performance.now() - t0);
    }
    return { fetchMs: median(timings.fetch), clientMs: median(timings.client) };
  } finally {
    server.stop();
  }
}

async function streamHeap() {
  const server = await startServer(STREAMED);
  try {
    const client = createOdooClient({
      url: server.url,
      db: 'odoo',
      auth: { login: 'admin', password: 'admin' },
    });
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let count = 0;
    for await (const partner of client.model('res.partner').stream({ fields: ['name'], pageSize: 1_000 })) {
      if (partner.name === undefined) throw new Error('a streamed record lost its name');
      if (++count % 10_000 === 0) {
        peak = Math.max(peak, process.memoryUsage().heapUsed);
        process.stdout.write(`  streamed ${count}\n`);
      }
    }
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    return { count, peakGrowthMb: (peak - before) / 1024 / 1024 };
  } finally {
    server.stop();
  }
}

console.log(`odoo client benchmark: ${CALLS} interleaved calls, then a ${STREAMED}-record stream`);
const cost = await perCallCost();
const stream = await streamHeap();
console.log(`\nNode ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}`);
console.table([
  { measure: 'median searchRead (5 partners), bare fetch', value: `${cost.fetchMs.toFixed(3)} ms` },
  { measure: 'median searchRead (5 partners), client', value: `${cost.clientMs.toFixed(3)} ms` },
  { measure: 'client / bare fetch', value: `${(cost.clientMs / cost.fetchMs).toFixed(2)}×` },
  {
    measure: `stream of ${stream.count} records, peak heap growth`,
    value: `${stream.peakGrowthMb.toFixed(1)} MB`,
  },
]);
