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

export interface LoadOptions {
  readonly total: number;
  readonly concurrency: number;
  /** Time one operation in this many; the clock reads would otherwise weigh on sub-µs operations. Default 1. */
  readonly sampleEvery?: number;
}

export async function runLoad(
  name: string,
  options: LoadOptions,
  op: (index: number) => Promise<unknown>,
): Promise<LoadResult> {
  const sampleEvery = options.sampleEvery ?? 1;
  const latencies = new Float64Array(Math.ceil(options.total / sampleEvery));
  let next = 0;
  const started = performance.now();
  const caller = async () => {
    for (let index = next++; index < options.total; index = next++) {
      if (index % sampleEvery !== 0) {
        await op(index);
        continue;
      }
      const t0 = performance.now();
      await op(index);
      latencies[index / sampleEvery] = performance.now() - t0;
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
