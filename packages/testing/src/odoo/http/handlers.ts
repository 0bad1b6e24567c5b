import { type HttpHandler, http } from 'msw';
import type { FakeOdooEngine, FakeOdooVersion } from '../engine/types.js';
import type { HttpContext } from './context.js';
import { defaultEngine } from './default-engine.js';
import { FaultController } from './faults.js';
import { handleJson2 } from './json2.js';
import { handleJsonRpc } from './jsonrpc.js';
import { handleSessionRoute } from './session.js';
import { SessionStore } from './sessions.js';
import type { OdooHandlersOptions, OdooRoute } from './types.js';

/** The msw handlers of a fake Odoo, with its engine, sessions and fault controller. */
export type OdooHandlers = HttpHandler[] & {
  readonly engine: FakeOdooEngine;
  readonly version: FakeOdooVersion;
  readonly url: string;
  readonly faults: FaultController;
  readonly sessions: SessionStore;
};

/**
 * msw handlers answering like Odoo 17/18/19: `/jsonrpc`, the session routes, `/web/dataset/call_kw`,
 * `/web/webclient/version_info`, and on 19 `GET /web/version` and `/json/2/<model>/<method>`.
 *
 * @example
 * ```ts
 * const odoo = createOdooHandlers({ version: 19, engine: createFakeOdooEngine({ version: 19 }) });
 * const server = setupServer(...odoo);
 * server.listen({ onUnhandledRequest: 'error' });
 * odoo.faults.add({ route: 'json2', effect: { kind: 'http', status: 503 }, times: 1 });
 * ```
 */
export function createOdooHandlers(options: OdooHandlersOptions = {}): OdooHandlers {
  const url = (options.url ?? 'http://odoo.test').replace(/\/+$/, '');
  const version = options.version ?? options.engine?.version ?? 19;
  const engine = options.engine ?? defaultEngine(version);
  const ctx: HttpContext = {
    engine,
    version,
    sessions: new SessionStore(options.sessionTtlCalls),
    faults: new FaultController(options.faults),
  };
  const session =
    (route: OdooRoute) =>
    ({ request }: { request: Request }) =>
      handleSessionRoute(ctx, route, request);
  const handlers: HttpHandler[] = [
    http.post(`${url}/jsonrpc`, ({ request }) => handleJsonRpc(ctx, request)),
    http.post(`${url}/web/session/authenticate`, session('session/authenticate')),
    http.post(`${url}/web/session/get_session_info`, session('session/get_session_info')),
    http.post(`${url}/web/session/destroy`, session('session/destroy')),
    http.post(`${url}/web/dataset/call_kw`, session('call_kw')),
    http.post(`${url}/web/dataset/call_kw/*`, session('call_kw')),
    http.post(`${url}/web/webclient/version_info`, session('version_info')),
    http.all(`${url}/web/version`, session('web/version')),
    http.all(`${url}/json/2`, ({ request }) => handleJson2(ctx, request)),
    http.all(`${url}/json/2/*`, ({ request }) => handleJson2(ctx, request)),
  ];
  return Object.assign(handlers, { engine, version, url, faults: ctx.faults, sessions: ctx.sessions });
}
