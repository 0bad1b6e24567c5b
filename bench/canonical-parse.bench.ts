// Canonical parse throughput: fulfillment requests of 1, 10 and 100 lines per second, against
// the floor every parser pays in the same run: JSON.parse of the same bytes.
import { FulfillmentRequestSchema } from '@crossdock/canonical';
import { Bench } from 'tinybench';
import { fulfillmentRequestDocument } from './fixtures.ts';

const SIZES = [1, 10, 100] as const;
const bench = new Bench({ time: 1500, warmupTime: 300 });

for (const lines of SIZES) {
  const body = JSON.stringify(fulfillmentRequestDocument(lines));
  // Refuse to measure something that does not parse: a benchmark of an error path proves nothing.
  FulfillmentRequestSchema.parse(JSON.parse(body));
  bench.add(`baseline JSON.parse, ${lines} line(s)`, () => JSON.parse(body));
  bench.add(`FulfillmentRequest parse, ${lines} line(s)`, () =>
    FulfillmentRequestSchema.parse(JSON.parse(body)),
  );
}

console.log(
  `canonical parse benchmark: ${bench.tasks.length} tasks, ~${(bench.tasks.length * 1.8).toFixed(0)} s`,
);
bench.addEventListener('cycle', (event) => console.log(`  done: ${event.task?.name}`));
await bench.run();

const throughput = (name: string) => {
  const result = bench.getTask(name)?.result;
  if (!result || !('throughput' in result)) throw new Error(`${name} did not complete`);
  return result.throughput.mean;
};

const rows = SIZES.map((lines) => {
  const parse = throughput(`FulfillmentRequest parse, ${lines} line(s)`);
  const baseline = throughput(`baseline JSON.parse, ${lines} line(s)`);
  return {
    lines,
    'requests/s': Math.round(parse),
    'lines/s': Math.round(parse * lines),
    'JSON.parse/s (baseline)': Math.round(baseline),
    'cost vs baseline': `${(baseline / parse).toFixed(1)}×`,
  };
});
console.log(`\nNode ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}`);
console.table(rows);
