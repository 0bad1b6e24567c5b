import type { ErrorContext } from '../errors/context.js';
import { fromJsonRpcError, fromUnexpectedResponse } from '../errors/fromResponse.js';
import { OdooTransportError } from '../errors/OdooTransportError.js';
import type { Http, HttpAnswer } from './http.js';
import type { CallOptions } from './types.js';

/** A JSON-RPC 2.0 request as Odoo expects it: method `call`, named `params`. */
export interface JsonRpcEnvelope {
  readonly jsonrpc: '2.0';
  readonly method: 'call';
  readonly params: unknown;
  readonly id: number;
}

/** What a JSON-RPC call sends besides the envelope. */
export interface JsonRpcSendOptions extends CallOptions {
  readonly headers?: Readonly<Record<string, string>>;
  readonly ctx?: ErrorContext;
}

/** The answer's result and headers (the session transport reads `Set-Cookie`). */
export interface JsonRpcResult {
  readonly result: unknown;
  readonly headers: Headers;
}

/**
 * Sends Odoo JSON-RPC envelopes (`/jsonrpc`, `/web/session/*`, `/web/dataset/call_kw`) with ids
 * incrementing per channel, and unwraps the answer: `result`, or the `error` mapped to an `OdooError`.
 * An answer without `result` (e.g. `/web/session/destroy`) resolves to `undefined`.
 *
 * @example
 * const channel = new JsonRpcChannel(http);
 * const { result } = await channel.send('jsonrpc', { service: 'common', method: 'version', args: [] });
 */
export class JsonRpcChannel {
  readonly #http: Http;
  #nextId = 1;

  constructor(http: Http) {
    this.#http = http;
  }

  /** The id the next envelope will carry. */
  get nextId(): number {
    return this.#nextId;
  }

  async send(path: string, params: unknown, options: JsonRpcSendOptions = {}): Promise<JsonRpcResult> {
    const id = this.#nextId++;
    const envelope: JsonRpcEnvelope = { jsonrpc: '2.0', method: 'call', params, id };
    const ctx: ErrorContext = { ...options.ctx, requestId: String(id) };
    const answer = await this.#http.send(
      {
        method: 'POST',
        path,
        json: envelope,
        headers: { 'content-type': 'application/json', ...options.headers },
        ctx,
      },
      options,
    );
    return { result: unwrap(answer, ctx), headers: answer.headers };
  }
}

function unwrap(answer: HttpAnswer, ctx: ErrorContext): unknown {
  const ctxWithRetry = { ...ctx, retryAfter: answer.headers.get('retry-after') };
  const body = answer.body;
  if (!answer.isJson || typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw fromUnexpectedResponse(answer.status, body, ctxWithRetry);
  }
  const envelope = body as { result?: unknown; error?: unknown };
  if (envelope.error !== undefined && envelope.error !== null) {
    throw fromJsonRpcError(envelope.error, ctxWithRetry);
  }
  if (answer.status < 200 || answer.status >= 300) {
    throw fromUnexpectedResponse(answer.status, body, ctxWithRetry);
  }
  if (!('jsonrpc' in envelope)) {
    throw new OdooTransportError({
      ...ctx,
      failure: 'bad-response',
      serverMessage: 'The answer is not a JSON-RPC envelope',
      httpStatus: answer.status,
      executed: 'unknown',
    });
  }
  return envelope.result;
}
