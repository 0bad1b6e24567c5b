// One of several processes hammering the same keys: waits for "go" on stdin, then runs
// `claimersPerKey` concurrent idempotent calls for every key and prints its tally as JSON.
import { createInterface } from 'node:readline';
import { InProgressError, idempotent } from '../../src/index.js';
import { openWorkerStore, type StoreConfig } from './open-store.js';

interface StormConfig extends StoreConfig {
  readonly keys: number;
  readonly claimersPerKey: number;
  readonly worker: number;
}

const config = JSON.parse(process.argv[2] ?? '{}') as StormConfig;
const { store, recordEffect, close } = await openWorkerStore(config);

const confirm = idempotent(
  async (key: string) => {
    await recordEffect(key);
    // Unique per execution: a second execution of a key would show up as a second distinct result.
    return {
      key,
      appliedBy: config.worker,
      execution: crypto.randomUUID(),
      lines: [{ sku: 'FURN_6666', shipped: '7' }],
    };
  },
  { store, key: (key) => key, leaseMs: 30_000 },
);

// Every answer a duplicate may get: the result (first run or replay) or an in-progress refusal.
const tally = { fulfilled: 0, inProgress: 0, other: [] as string[], results: {} as Record<string, string[]> };
process.stdout.write('ready\n');
await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));

const calls: Promise<void>[] = [];
for (let index = 0; index < config.keys; index++) {
  const key = `storm-key-${index}`;
  for (let claimer = 0; claimer < config.claimersPerKey; claimer++) {
    calls.push(
      confirm(key).then(
        (result) => {
          tally.fulfilled++;
          const seen = tally.results[key] ?? [];
          const text = JSON.stringify(result);
          if (!seen.includes(text)) tally.results[key] = [...seen, text];
        },
        (error: unknown) => {
          if (error instanceof InProgressError) tally.inProgress++;
          else tally.other.push(String(error));
        },
      ),
    );
  }
}
await Promise.all(calls);
await close();
process.stdout.write(`${JSON.stringify(tally)}\n`);
