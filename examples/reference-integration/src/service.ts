import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeListener } from '@crossdock/connectors/webhooks';
import type { Config } from './config/schema.ts';
import { SCHEDULES } from './flows/schedules.ts';
import { STEPS } from './flows/steps.ts';
import { createRouter } from './http/router.ts';
import { type ConnectorOverrides, createConnectors } from './runtime/connectors.ts';
import { type Poller, startPoller } from './runtime/poller.ts';
import { type CreateRuntimeOptions, createRuntime, type Runtime } from './runtime/runtime.ts';
import { openStores, type Stores } from './runtime/stores.ts';

/** Options of {@link createService}. */
export interface ServiceOptions extends CreateRuntimeOptions {
  /** Stores to use instead of the configured ones (tests, the demo). */
  readonly stores?: Stores;
  readonly overrides?: ConnectorOverrides;
}

/** The running integration: its runtime, HTTP endpoint and pollers. */
export interface Service {
  readonly runtime: Runtime;
  /** `http://host:port` of the webhook endpoint once started. */
  url(): string;
  /** Listens for webhooks and starts every poller. */
  start(): Promise<void>;
  /** Wakes a poller (`release`, `shipments`, …) now. */
  wake(name: string): void;
  /** Stops pollers and HTTP, lets running steps finish, closes the stores. */
  stop(): Promise<void>;
}

/**
 * Builds the integration from a configuration: connectors, stores, the queue with every flow's
 * steps, the webhook endpoint and the pollers (release, the 3PL shipment fallback, channel sync,
 * inventory snapshot, audit retention).
 *
 * @example
 * const service = await createService(loadConfig(process.env));
 * await service.start();
 * process.once('SIGTERM', () => service.stop());
 */
export async function createService(config: Config, options: ServiceOptions = {}): Promise<Service> {
  const stores = options.stores ?? (await openStores(config));
  const connectors = createConnectors(config, stores.idempotency, options.overrides);
  const runtime = createRuntime(config, connectors, stores, STEPS, options);
  const stop = new AbortController();
  const pollers = new Map<string, Poller>();
  const router = createRouter(runtime, { wake: () => pollers.get('release')?.wake() });
  const server = createServer({ keepAlive: true }, toNodeListener(router));
  let url = '';
  return {
    runtime,
    url: () => url,
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.http.port, config.http.host, () => resolve());
      });
      const { port } = server.address() as AddressInfo;
      url = `http://${config.http.host}:${port}`;
      for (const schedule of SCHEDULES) {
        pollers.set(
          schedule.name,
          startPoller({
            name: schedule.name,
            intervalMs: schedule.intervalMs(config),
            run: (signal) => schedule.run(runtime, signal),
            onError: (error) => runtime.log.error(`${schedule.name} pass failed`, { error: String(error) }),
            signal: stop.signal,
          }),
        );
      }
      runtime.log.info('crossdock running', { url, pollers: [...pollers.keys()] });
    },
    wake: (name) => pollers.get(name)?.wake(),
    async stop() {
      stop.abort();
      await Promise.all([...pollers.values()].map((poller) => poller.stopped));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await runtime.queue.onIdle();
      await runtime.queue.close();
      await stores.close();
    },
  };
}
