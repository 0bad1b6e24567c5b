import { OdooRateLimitedError } from './classes.js';
import type { ErrorContext } from './context.js';
import type { OdooError } from './OdooError.js';
import { OdooTransportError } from './OdooTransportError.js';
import { redact, redactOptional } from './redact.js';
import { parseRetryAfter } from './retryAfter.js';
import { lookup } from './table.js';

/** The server's exception, as JSON-RPC `error.data` and JSON-2 error bodies carry it. */
export interface OdooErrorData {
  readonly name?: string;
  readonly message?: string;
  readonly debug?: string;
  readonly arguments?: readonly unknown[];
}

/** A JSON-RPC `error` member: `{ code, message, data: { name, message, debug, … } }`. */
export interface JsonRpcErrorObject {
  readonly code?: number;
  readonly message?: string;
  readonly data?: OdooErrorData;
}

const PROXY_STATUSES = new Set([502, 503, 504]);

function asErrorData(body: unknown): OdooErrorData | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { name, message } = body as Record<string, unknown>;
  return typeof name === 'string' || typeof message === 'string' ? (body as OdooErrorData) : undefined;
}

function base(ctx: ErrorContext) {
  return { model: ctx.model, method: ctx.method, requestId: ctx.requestId };
}

/** Builds the error for one Odoo exception, scrubbing credentials from every text it keeps. */
function fromErrorData(data: OdooErrorData, ctx: ErrorContext, status?: number, code?: number): OdooError {
  const factory = lookup(data.name, data.message, status, code);
  const retryAfterMs = parseRetryAfter(ctx.retryAfter);
  return factory({
    ...base(ctx),
    serverMessage: redactOptional(data.message, ctx.secrets),
    exceptionName: data.name,
    httpStatus: status,
    debug: redactOptional(data.debug, ctx.secrets),
    retryAfterMs,
  });
}

/**
 * Maps a JSON-RPC `error` member (`/jsonrpc`, `/web/dataset/call_kw`, `/web/session/authenticate`) to
 * an `OdooError`, keyed on `error.data.name` (and `error.code` 100 for an expired session).
 *
 * @example
 * fromJsonRpcError({ code: 200, message: 'Odoo Server Error', data: { name: 'odoo.exceptions.UserError', message: 'No.' } },
 *   { model: 'sale.order', method: 'unlink' }) // OdooUserError 'No. (sale.order.unlink)'
 */
export function fromJsonRpcError(error: unknown, ctx: ErrorContext = {}): OdooError {
  const object = (typeof error === 'object' && error !== null ? error : {}) as JsonRpcErrorObject;
  const data = asErrorData(object.data) ?? { message: object.message ?? 'Odoo Server Error' };
  return fromErrorData(data, ctx, undefined, object.code);
}

/**
 * Maps an HTTP answer that is not a success: an Odoo error body (JSON-2 `{ name, message, debug }`) by
 * name then status; anything else (HTML from a proxy, `Invalid JSON data`, an empty body) by status alone.
 *
 * @example
 * fromJson2Response(404, { name: 'werkzeug.exceptions.NotFound', message: "the model 'x' does not exist" }) // OdooNotFoundError
 * fromJson2Response(502, '<html>Bad Gateway</html>') // OdooTransportError, retryable
 */
export function fromJson2Response(status: number, body: unknown, ctx: ErrorContext = {}): OdooError {
  const data = asErrorData(body);
  if (data !== undefined) return fromErrorData(data, ctx, status);
  return fromUnexpectedResponse(status, body, ctx);
}

/**
 * Maps an answer that carries no Odoo exception: 429 → `OdooRateLimitedError`; 502/503/504 → retryable
 * `OdooTransportError`; 400 → `bad-request`; anything else → `bad-response`.
 *
 * @example
 * fromUnexpectedResponse(400, 'Invalid JSON data') // OdooTransportError failure 'bad-request', executed 'no'
 */
export function fromUnexpectedResponse(status: number, body: unknown, ctx: ErrorContext = {}): OdooError {
  const retryAfterMs = parseRetryAfter(ctx.retryAfter);
  const text = typeof body === 'string' ? body.trim() : '';
  // Keep a short plain-text answer (e.g. "Invalid JSON data"); never an HTML page.
  const serverMessage =
    text !== '' && text.length <= 200 && !text.startsWith('<') ? redact(text, ctx.secrets) : undefined;
  if (status === 429) {
    return new OdooRateLimitedError({ ...base(ctx), httpStatus: status, retryAfterMs, serverMessage });
  }
  const what = `HTTP ${status}${serverMessage ? `: ${serverMessage}` : ', the answer is not Odoo JSON'}`;
  return new OdooTransportError({
    ...base(ctx),
    failure: status === 400 ? 'bad-request' : 'bad-response',
    serverMessage: what,
    httpStatus: status,
    retryAfterMs,
    retryable: PROXY_STATUSES.has(status),
    executed: status >= 400 && status < 500 ? 'no' : 'unknown',
  });
}
