import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
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

async function toRequest(req: IncomingMessage, signal: AbortSignal): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', BASE), {
    method: req.method ?? 'GET',
    headers,
    signal,
    ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
  });
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  const body = Buffer.from(await response.arrayBuffer());
  if (headers['content-length'] === undefined) headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

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
  const server = createServer({ keepAlive: true }, (req, res) => {
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    void (async () => {
      try {
        const request = await toRequest(req, abort.signal);
        const response = (await getResponse(handlers, request)) ?? notFoundPage();
        if (response.type === 'error') {
          req.socket.destroy();
          return;
        }
        if (!abort.signal.aborted) await writeResponse(res, response);
      } catch {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('fake Odoo: internal error');
      }
    })();
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    engine: handlers.engine,
    handlers,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
