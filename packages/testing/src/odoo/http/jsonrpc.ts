import { OdooFault } from '../engine/types.js';
import { checkCredentials, execute, type HttpContext, isRecord, playFaults, readJson } from './context.js';
import { invalidJson, type RpcId, rpcFault, rpcResult } from './render.js';

/** `psycopg2.OperationalError` for a database name the server does not have. */
export function unknownDatabase(db: unknown): OdooFault {
  return new OdooFault(
    'psycopg2.OperationalError',
    `connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  database "${String(db)}" does not exist\n`,
  );
}

function missingArguments(names: string[]): OdooFault {
  const quoted = names.map((n) => `'${n}'`);
  const list =
    quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')}, and ${quoted.at(-1)}` : (quoted[0] ?? '');
  const plural = names.length === 1 ? 'argument' : 'arguments';
  return new OdooFault(
    'builtins.TypeError',
    `RPC.jsonrpc() missing ${names.length} required positional ${plural}: ${list}`,
  );
}

function rpcIdOf(body: unknown): RpcId {
  const id = isRecord(body) ? body.id : null;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

/**
 * `POST /jsonrpc`: services `common` (`version`, `login`, `authenticate`), `object` (`execute_kw`,
 * `execute`) and `db` (`list`, `server_version`), answered in the JSON-RPC envelope.
 *
 * @example
 * ```ts
 * await fetch('http://odoo.test/jsonrpc', { method: 'POST', body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1,
 *   params: { service: 'object', method: 'execute_kw', args: ['odoo', 2, 'admin', 'res.partner', 'search_count', [[]]] } }) });
 * ```
 */
export async function handleJsonRpc(ctx: HttpContext, request: Request): Promise<Response> {
  const parsed = await readJson(request);
  if (!parsed.ok) return invalidJson();
  const body = parsed.value;
  const id = rpcIdOf(body);
  const fail = (fault: OdooFault): Response => rpcFault(id, fault, ctx.version);
  const params = isRecord(body) ? body.params : undefined;
  if (!isRecord(params)) return fail(missingArguments(['service', 'method', 'args']));
  const missing = ['service', 'method', 'args'].filter((k) => !(k in params));
  if (missing.length > 0) return fail(missingArguments(missing));
  const service = String(params.service);
  const method = String(params.method);
  const args = Array.isArray(params.args) ? (params.args as unknown[]) : [];

  const isCall = service === 'object' && (method === 'execute_kw' || method === 'execute');
  const model = isCall && typeof args[3] === 'string' ? args[3] : undefined;
  const calledMethod = isCall && typeof args[4] === 'string' ? args[4] : method;
  const site =
    model === undefined
      ? { route: 'jsonrpc' as const, method: `${service}.${method}` }
      : { route: 'jsonrpc' as const, model, method: calledMethod };
  const played = await playFaults(ctx, site, request, fail);
  if (played.response) return played.response;

  const { engine } = ctx;
  switch (service) {
    case 'common':
      if (method === 'version') return rpcResult(id, engine.versionInfo());
      if (method === 'login' || method === 'authenticate') {
        const [db, login, password] = args;
        if (db !== engine.database) return fail(unknownDatabase(db));
        return rpcResult(id, engine.authenticate(String(login), String(password)));
      }
      return fail(new OdooFault('builtins.KeyError', method, [method]));
    case 'db':
      if (method === 'list') return rpcResult(id, [engine.database]);
      if (method === 'server_version') return rpcResult(id, engine.versionInfo().server_version);
      return fail(new OdooFault('builtins.KeyError', method, [method]));
    case 'object': {
      if (!isCall) return fail(new OdooFault('builtins.KeyError', method, [method]));
      const [db, uid, secret, , , callArgs, callKwargs] = args;
      if (db !== engine.database) return fail(unknownDatabase(db));
      if (!checkCredentials(engine, uid, secret))
        return fail(new OdooFault('odoo.exceptions.AccessDenied', 'Access Denied'));
      const positional = method === 'execute_kw' ? (Array.isArray(callArgs) ? callArgs : []) : args.slice(5);
      const kwargs = method === 'execute_kw' && isRecord(callKwargs) ? callKwargs : {};
      const outcome = await execute(ctx, {
        model: model ?? String(args[3]),
        method: calledMethod,
        style: 'positional',
        args: positional,
        kwargs,
        uid: uid as number,
      });
      return outcome.ok ? rpcResult(id, played.rewrite(outcome.value)) : fail(outcome.fault);
    }
    default:
      return fail(new OdooFault('builtins.KeyError', service, [service]));
  }
}
