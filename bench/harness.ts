// A closed-loop load generator: `concurrency` callers each run `op` back to back until `total`
// operations are done; reports throughput and latency percentiles from every single call.

export interface LoadResult {
  readonly name: string;
  readonly ops: number;
  readonly opsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export async function runLoad(
  name: string,
  options: { readonly total: number; readonly concurrency: number },
  op: (index: number) => Promise<unknown>,
): Promise<LoadResult> {
  const latencies = new Float64Array(options.total);
  let next = 0;
  const started = performance.now();
  const caller = async () => {
    for (let index = next++; index < options.total; index = next++) {
      const t0 = performance.now();
      await op(index);
      latencies[index] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, caller));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort();
  return {
    name,
    ops: options.total,
    opsPerSecond: Math.round(options.total / seconds),
    p50Ms: Number(percentile(latencies, 50).toFixed(3)),
    p99Ms: Number(percentile(latencies, 99).toFixed(3)),
  };
}

/** Prints a progress line while a benchmark step runs. */
export function step(label: string): void {
  process.stdout.write(`  running: ${label}\n`);
}
