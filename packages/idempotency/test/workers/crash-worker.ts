// Claims a key, prints its token, then "works" forever: the test kills it with SIGKILL mid-handler.
import { openWorkerStore, type StoreConfig } from './open-store.js';

interface CrashConfig extends StoreConfig {
  readonly key: string;
  readonly leaseMs: number;
}

const config = JSON.parse(process.argv[2] ?? '{}') as CrashConfig;
const { store } = await openWorkerStore(config);
const claim = await store.claim(config.key, {
  fingerprint: 'crash-payload',
  leaseMs: config.leaseMs,
  ttlMs: 60_000,
});
process.stdout.write(`${JSON.stringify(claim)}\n`);
// The handler that never finishes; only SIGKILL ends this process.
setInterval(() => {}, 1_000);
