import { OdooFault } from '../engine/types.js';
import { execute, type HttpContext, isRecord, playFaults, readJson } from './context.js';
import { bareJson, invalidJson, notFoundPage, type RpcId, rpcFault, rpcResult } from './render.js';
import { sessionInfo } from './session-info.js';
import { type FakeSession, sessionCookie, sessionExpired, sessionIdOf } from './sessions.js';
import type { OdooRoute } from './types.js';

interface RpcRequest {
  readonly id: RpcId;
  readonly params: Record<string, unknown>;
}

async function readRpc(request: Request): Promise<RpcRequest | Response> {
  const parsed = await readJson(request);
  if (!parsed.ok) return invalidJson();
  const body = isRecord(parsed.value) ? parsed.value : {};
  const id = body.id;
  return {
    id: typeof id === 'string' || typeof id === 'number' ? id : null,
    params: isRecord(body.params) ? body.params : {},
  };
}

/** The session of the request, or a new anonymous one (as `auth='none'` routes do). */
function sessionOrNew(ctx: HttpContext, request: Request): FakeSession {
  return ctx.sessions.get(sessionIdOf(request)) ?? ctx.sessions.create();
}

/**
 * The session (cookie) routes: `/web/session/authenticate`, `get_session_info`, `destroy`,
 * `/web/dataset/call_kw[/<model>/<method>]`, `/web/webclient/version_info` and `GET /web/version` (19).
 *
 * @example
 * ```ts
 * const res = await fetch('http://odoo.test/web/session/authenticate', { method: 'POST',
 *   body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { db: 'odoo', login: 'admin', password: 'admin' } }) });
 * res.headers.get('set-cookie'); // session_id=…; Expires=…; Max-Age=604800; HttpOnly; Path=/
 * ```
 */
export async function handleSessionRoute(
  ctx: HttpContext,
  route: OdooRoute,
  request: Request,
): Promise<Response> {
  if (route === 'web/version') {
    if (ctx.version < 19 || request.method !== 'GET') return notFoundPage();
    const played = await playFaults(ctx, { route }, request, (f) =>
      bareJson({ name: f.exception, message: f.message }, 500),
    );
    if (played.response) return played.response;
    const info = ctx.engine.versionInfo();
    const session = sessionOrNew(ctx, request);
    return bareJson({ version_info: info.server_version_info, version: info.server_version }, 200, [
      sessionCookie(session.sid),
    ]);
  }
  const rpc = await readRpc(request);
  if (rpc instanceof Response) return rpc;
  const { id, params } = rpc;
  const fail = (fault: OdooFault, cookies: string[] = []): Response =>
    rpcFault(id, fault, ctx.version, cookies);
  const sid = sessionIdOf(request);
  const model = route === 'call_kw' && typeof params.model === 'string' ? params.model : undefined;
  const method = route === 'call_kw' && typeof params.method === 'string' ? params.method : undefined;
  const site = {
    route,
    ...(model === undefined ? {} : { model }),
    ...(method === undefined ? {} : { method }),
  };
  const played = await playFaults(ctx, site, request, fail, () => {
    if (sid !== undefined) ctx.sessions.expire(sid);
    return fail(sessionExpired());
  });
  if (played.response) return played.response;

  switch (route) {
    case 'version_info': {
      const session = sessionOrNew(ctx, request);
      return rpcResult(id, ctx.engine.versionInfo(), [sessionCookie(session.sid)]);
    }
    case 'session/authenticate': {
      const { db, login, password } = params;
      if (db !== undefined && db !== ctx.engine.database)
        return fail(new OdooFault('odoo.exceptions.AccessError', 'Database not found.'));
      const uid = ctx.engine.authenticate(String(login), String(password));
      if (uid === false) return fail(new OdooFault('odoo.exceptions.AccessDenied', 'Access Denied'));
      if (sid !== undefined) ctx.sessions.expire(sid);
      const session = ctx.sessions.create();
      session.uid = uid;
      session.login = String(login);
      session.db = ctx.engine.database;
      return rpcResult(id, sessionInfo(ctx.engine, uid), [sessionCookie(session.sid)]);
    }
    default:
      break;
  }

  let session: FakeSession & { uid: number };
  try {
    session = ctx.sessions.use(sid);
  } catch (error) {
    return fail(error as OdooFault);
  }
  const cookie = sessionCookie(session.sid);
  switch (route) {
    case 'session/get_session_info':
      return rpcResult(id, sessionInfo(ctx.engine, session.uid), [cookie]);
    case 'session/destroy': {
      ctx.sessions.expire(session.sid);
      const fresh = ctx.sessions.create();
      const expired = new Date().toUTCString();
      return rpcResult(id, undefined, [
        `color_scheme=; Expires=${expired}; Max-Age=0; Path=/`,
        sessionCookie(fresh.sid),
      ]);
    }
    default: {
      const outcome = await execute(ctx, {
        model: String(params.model),
        method: String(params.method),
        style: 'positional',
        args: Array.isArray(params.args) ? params.args : [],
        kwargs: isRecord(params.kwargs) ? params.kwargs : {},
        uid: session.uid,
      });
      return outcome.ok
        ? rpcResult(id, played.rewrite(outcome.value), [cookie])
        : fail(outcome.fault, [cookie]);
    }
  }
}
