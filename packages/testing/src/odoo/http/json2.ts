import type { OdooFault } from '../engine/types.js';
import { execute, type HttpContext, isRecord, playFaults, readJson } from './context.js';
import { bareJson, json2Fault, notFoundPage, unknownDatabasePage, werkzeugFault } from './render.js';

const HINT = 'Did you mean POST /json/2/<model>/<method>?';

/** Python's `json` wording for a parse error at the position JavaScript reports. */
function pythonJsonError(jsError: string, text: string): string {
  const at = /position (\d+)/.exec(jsError);
  const pos = at?.[1] === undefined ? text.length : Number(at[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - (before.lastIndexOf('\n') + 1) + 1;
  return `Expecting value: line ${line} column ${column} (char ${pos})`;
}

/** JSON-2 wording of the engine's JSON-RPC-style faults for an unknown model or method. */
function asJson2Fault(fault: OdooFault, model: string, method: string): OdooFault {
  if (fault.exception === 'odoo.exceptions.UserError' && /^Object .* doesn't exist$/.test(fault.message)) {
    return werkzeugFault('NotFound', 404, `the model '${model}' does not exist`);
  }
  if (fault.exception === 'builtins.AttributeError' && /does not exist/.test(fault.message)) {
    return werkzeugFault('NotFound', 404, `The method '${model}.${method}' does not exist`);
  }
  return fault;
}

/**
 * `/json/2/<model>/<method>` (Odoo 19): bearer API key, `X-Odoo-Database`, named arguments plus
 * `ids` and `context` in the body; the bare result, or `{ name, message, arguments, context, debug }`
 * with the status of the exception. `GET /json/2…` answers the recorded 404 hint.
 *
 * @example
 * ```ts
 * await fetch('http://odoo.test/json/2/res.partner/search_count', { method: 'POST',
 *   headers: { authorization: 'bearer <api-key>', 'x-odoo-database': 'odoo', 'content-type': 'application/json' },
 *   body: JSON.stringify({ domain: [['is_company', '=', true]] }) }); // 200, body `12`
 * ```
 */
export async function handleJson2(ctx: HttpContext, request: Request): Promise<Response> {
  if (ctx.version < 19) return notFoundPage();
  const fail = (fault: OdooFault): Response => json2Fault(fault, ctx.version);
  const database = request.headers.get('x-odoo-database');
  if (database !== null && database !== ctx.engine.database) return unknownDatabasePage();
  const parts = new URL(request.url).pathname.split('/').filter(Boolean).slice(2);
  const [model, method] = parts;
  if (request.method !== 'POST' || parts.length !== 2 || model === undefined || method === undefined) {
    return fail(werkzeugFault('NotFound', 404, HINT));
  }
  const text = await request.clone().text();
  const parsed = text.trim() === '' ? { ok: true as const, value: {} } : await readJson(request);
  if (!parsed.ok)
    return fail(
      werkzeugFault(
        'BadRequest',
        400,
        `could not parse the body as json: ${pythonJsonError(parsed.error, parsed.text)}`,
      ),
    );

  const played = await playFaults(ctx, { route: 'json2', model, method }, request, fail);
  if (played.response) return played.response;

  const auth = /^bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '');
  if (!auth?.[1])
    return fail(
      werkzeugFault(
        'Unauthorized',
        401,
        'User not authenticated, use an API Key with a Bearer Authorization header.',
      ),
    );
  const uid = ctx.engine.userForApiKey(auth[1].trim());
  if (uid === false) return fail(werkzeugFault('Unauthorized', 401, 'Invalid apikey'));
  if (!isRecord(parsed.value))
    return fail(werkzeugFault('BadRequest', 400, 'the body must be a json object'));

  const { ids, ...kwargs } = parsed.value;
  const outcome = await execute(ctx, {
    model,
    method,
    style: 'named',
    args: [],
    ...(Array.isArray(ids) ? { ids: ids as number[] } : {}),
    kwargs,
    uid,
  });
  return outcome.ok
    ? bareJson(played.rewrite(outcome.value))
    : fail(asJson2Fault(outcome.fault, model, method));
}
