import type { Config } from '../config/schema.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { pollChannelOrders } from './channel-orders.ts';
import { reconcile } from './reconcile.ts';
import { pollReleases } from './release.ts';
import { pollShipments } from './shipments-poll.ts';

/** A recurring pass of the service. */
export interface Schedule {
  readonly name: string;
  readonly intervalMs: (config: Config) => number;
  readonly run: (runtime: Runtime, signal: AbortSignal) => Promise<void>;
}

const DAY_MS = 86_400_000;

/** Every recurring pass: flows add theirs here. */
export const SCHEDULES: readonly Schedule[] = [
  {
    name: 'release',
    intervalMs: (config) => config.releaseIntervalMs,
    run: async (runtime, signal) => {
      await pollReleases(runtime, { signal });
    },
  },
  {
    name: 'shipments',
    intervalMs: (config) => config.shipmentPollIntervalMs,
    run: async (runtime, signal) => {
      await pollShipments(runtime, { signal });
    },
  },
  {
    name: 'channel.orders',
    intervalMs: (config) => config.channelPollIntervalMs,
    run: async (runtime, signal) => {
      await pollChannelOrders(runtime, { signal });
    },
  },
  {
    name: 'inventory.snapshot',
    intervalMs: (config) => config.snapshotIntervalMs,
    run: async (runtime, signal) => {
      await reconcile(runtime, { signal, apply: runtime.config.reconcileApply });
    },
  },
  {
    name: 'audit.retention',
    intervalMs: () => DAY_MS,
    run: async (runtime) => {
      const removed = await runtime.stores.audit.prune();
      if (removed > 0) runtime.log.info('audit entries past retention removed', { removed });
    },
  },
];
