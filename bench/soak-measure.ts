// Measures for the soak bench: peak memory sampled while it runs, latencies from a webhook sent to
// the queued step that applied it, and percentiles.

/** Samples `rss` and `heapUsed` every `everyMs` and keeps the peaks. */
export function memorySampler(everyMs = 200) {
  const peak = { rss: 0, heapUsed: 0 };
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    peak.rss = Math.max(peak.rss, rss);
    peak.heapUsed = Math.max(peak.heapUsed, heapUsed);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    peak,
    stop() {
      clearInterval(timer);
      sample();
    },
  };
}

/** The value at percentile `p` (0..100) of unsorted samples. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/**
 * Latency from a mark (`sent(key)`: the webhook is about to be POSTed) to the first `done(key)`
 * (the queue completed the step that applied it). A key done without a mark is ignored.
 */
export function latencies() {
  const started = new Map<string, number>();
  const samples: number[] = [];
  return {
    samples,
    sent(key: string): void {
      if (!started.has(key)) started.set(key, performance.now());
    },
    done(key: string): void {
      const t0 = started.get(key);
      if (t0 === undefined) return;
      started.delete(key);
      samples.push(performance.now() - t0);
    },
    /** Marks never completed (should be none once the queue drained). */
    get open(): number {
      return started.size;
    },
  };
}

/** Runs `work` over `items` with `concurrency` workers; `onEach` after every item. */
export async function pool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) await work(items[index] as T, index);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
