import { OdooFault } from '../engine/types.js';

/** The content type Odoo answers JSON with. */
export const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';

/** A JSON-RPC request id as Odoo echoes it. */
export type RpcId = string | number | null;

/** A werkzeug HTTP exception (JSON-2 / routing), with its status in `arguments` as werkzeug has it. */
export function werkzeugFault(
  name: 'NotFound' | 'Unauthorized' | 'BadRequest' | 'UnprocessableEntity',
  status: number,
  message: string,
): OdooFault {
  return new OdooFault(`werkzeug.exceptions.${name}`, message, [message, status]);
}

/** Any thrown value as an Odoo exception (a JS error becomes a `builtins.Exception`). */
export function asFault(error: unknown): OdooFault {
  if (error instanceof OdooFault) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new OdooFault('builtins.Exception', message);
}

/** A trimmed traceback like those in the recordings: first lines, `...`, the raise. */
export function traceback(fault: OdooFault, version: number): string {
  const short = fault.exception.startsWith('builtins.')
    ? fault.exception.slice('builtins.'.length)
    : fault.exception;
  const head =
    version >= 19
      ? '  File "/opt/odoo/odoo/http.py", line 2273, in _serve_db\n    return service_model.retrying(serve_func, env=self.env)\n'
      : '  File "/opt/odoo/odoo/http.py", line 1954, in _transactioning\n    return service_model.retrying(func, env=self.env)\n';
  const status = fault.exception.startsWith('werkzeug.') ? `${String(fault.args[1] ?? '')} ` : '';
  return `Traceback (most recent call last):\n${head}  ...\n${short}: ${status}${fault.message}\n`;
}

/** The `error` member of a JSON-RPC answer (`code` 100 for an expired session, else 200). */
export function rpcError(fault: OdooFault, version: number): Record<string, unknown> {
  const expired = fault.exception === 'odoo.http.SessionExpiredException';
  return {
    code: expired ? 100 : 200,
    message: expired ? 'Odoo Session Expired' : 'Odoo Server Error',
    data: {
      name: fault.exception,
      debug: traceback(fault, version),
      message: fault.message,
      arguments: [...fault.args],
      context: {},
    },
  };
}

function json(body: string, status: number, headers: Record<string, string | string[]> = {}): Response {
  const h = new Headers({ 'content-type': JSON_TYPE, 'content-length': String(Buffer.byteLength(body)) });
  for (const [k, v] of Object.entries(headers))
    for (const one of Array.isArray(v) ? v : [v]) h.append(k, one);
  return new Response(body, { status, headers: h });
}

/** A JSON-RPC success; a `null`/`undefined` result has no `result` key, as Odoo answers `None`. */
export function rpcResult(id: RpcId, result: unknown, cookies: string[] = []): Response {
  const body: Record<string, unknown> = { jsonrpc: '2.0', id };
  if (result !== null && result !== undefined) body.result = result;
  return json(JSON.stringify(body), 200, cookies.length > 0 ? { 'set-cookie': cookies } : {});
}

/** A JSON-RPC error (HTTP 200); an expired session answers `id: null`, as Odoo does. */
export function rpcFault(id: RpcId, fault: OdooFault, version: number, cookies: string[] = []): Response {
  const expired = fault.exception === 'odoo.http.SessionExpiredException';
  const body = { jsonrpc: '2.0', id: expired ? null : id, error: rpcError(fault, version) };
  return json(JSON.stringify(body), 200, cookies.length > 0 ? { 'set-cookie': cookies } : {});
}

/** A bare JSON answer (JSON-2 success, `/web/version`). */
export function bareJson(value: unknown, status = 200, cookies: string[] = []): Response {
  return json(JSON.stringify(value ?? null), status, cookies.length > 0 ? { 'set-cookie': cookies } : {});
}

const CONCURRENCY = new Set([
  'psycopg2.errors.SerializationFailure',
  'psycopg2.errors.LockNotAvailable',
  'psycopg2.errors.DeadlockDetected',
]);

/** The JSON-2 status of an exception (README table; 409 for concurrency errors, as Odoo documents). */
export function json2Status(fault: OdooFault): number {
  switch (fault.exception) {
    case 'werkzeug.exceptions.Unauthorized':
    case 'odoo.exceptions.AccessDenied':
      return 401;
    case 'odoo.exceptions.AccessError':
      return 403;
    case 'werkzeug.exceptions.NotFound':
    case 'odoo.exceptions.MissingError':
      return 404;
    case 'werkzeug.exceptions.BadRequest':
      return 400;
    case 'werkzeug.exceptions.UnprocessableEntity':
    case 'odoo.exceptions.UserError':
    case 'odoo.exceptions.ValidationError':
      return 422;
    default:
      return CONCURRENCY.has(fault.exception) ? 409 : 500;
  }
}

/** A JSON-2 error: the status by exception, body `{ name, message, arguments, context, debug }`. */
export function json2Fault(fault: OdooFault, version: number): Response {
  const status = json2Status(fault);
  const body = {
    name: fault.exception,
    message: fault.message,
    arguments: [...fault.args],
    context: {},
    debug: traceback(fault, version),
  };
  return json(JSON.stringify(body), status, status === 401 ? { 'www-authenticate': 'Bearer ' } : {});
}

function html(body: string, status: number): Response {
  return new Response(body, {
    status,
    headers: { 'content-type': HTML_TYPE, 'content-length': String(Buffer.byteLength(body)) },
  });
}

/** `400 Invalid JSON data`, as `/jsonrpc` and the session routes answer a body that is not JSON. */
export function invalidJson(): Response {
  return html('Invalid JSON data', 400);
}

/** Odoo's HTML 404 for a database it does not know (JSON-2 `X-Odoo-Database`). */
export function unknownDatabasePage(): Response {
  return html(
    '<!DOCTYPE html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>No database is selected and the requested URL was not found in the server-wide controllers.</p>\n<p>Please verify the hostname, <a href=/web/login>login</a> and try again.</p>\n\n<!-- Alternatively, use the X-Odoo-Database header. -->\n',
    404,
  );
}

/** werkzeug's plain 404 page, for a route this version does not have. */
export function notFoundPage(): Response {
  return html(
    '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n',
    404,
  );
}

const REASONS: Record<number, string> = {
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** An nginx error page, as a reverse proxy in front of Odoo answers when the workers are gone. */
export function proxyErrorPage(status: number): Response {
  const title = `${status} ${REASONS[status] ?? 'Error'}`;
  const body = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return new Response(body, {
    status,
    headers: { 'content-type': 'text/html', server: 'nginx', 'content-length': String(body.length) },
  });
}
