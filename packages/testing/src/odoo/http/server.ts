import { serveHandlers } from '../../serve/serve-handlers.js';
import type { FakeOdooEngine, FakeOdooVersion } from '../engine/types.js';
import { createOdooHandlers, type OdooHandlers } from './handlers.js';
import { notFoundPage } from './render.js';
import type { FaultPlan } from './types.js';

/** Options of `serveFakeOdoo`. */
export interface ServeFakeOdooOptions {
  /** Port to listen on; `0` (the default) picks a free one. */
  readonly port?: number;
  readonly host?: string;
  readonly version?: FakeOdooVersion;
  readonly engine?: FakeOdooEngine;
  readonly faults?: FaultPlan;
  readonly sessionTtlCalls?: number;
}

/** A fake Odoo listening on a real port. */
export interface ServedFakeOdoo {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly engine: FakeOdooEngine;
  /** The handlers it serves, with `faults` and `sessions`. */
  readonly handlers: OdooHandlers;
  close(): Promise<void>;
}

const BASE = 'http://odoo.test';

/**
 * Serves the fake Odoo's handlers on a real `node:http` server (keep-alive on), for clients that do
 * not go through msw (other processes, `undici` agents, curl).
 *
 * @example
 * ```ts
 * const odoo = await serveFakeOdoo({ version: 19 });
 * await fetch(`${odoo.url}/web/version`);
 * await odoo.close();
 * ```
 */
export async function serveFakeOdoo(options: ServeFakeOdooOptions = {}): Promise<ServedFakeOdoo> {
  const handlers = createOdooHandlers({
    url: BASE,
    ...(options.version === undefined ? {} : { version: options.version }),
    ...(options.engine === undefined ? {} : { engine: options.engine }),
    ...(options.faults === undefined ? {} : { faults: options.faults }),
    ...(options.sessionTtlCalls === undefined ? {} : { sessionTtlCalls: options.sessionTtlCalls }),
  });
  const served = await serveHandlers(handlers, {
    origin: BASE,
    notFound: () => notFoundPage(),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.host === undefined ? {} : { host: options.host }),
  });
  return { url: served.url, engine: handlers.engine, handlers, close: () => served.close() };
}
