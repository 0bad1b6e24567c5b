import ky, { type KyInstance, type Options } from 'ky';
import type { ErrorContext } from '../errors/context.js';
import { fromFetchFailure } from './failures.js';
import { DEFAULT_TIMEOUT_MS, type HttpOptions } from './options.js';
import type { CallOptions } from './types.js';

/** One HTTP answer, body already read: parsed JSON when it is JSON, else the text. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly isJson: boolean;
  readonly body: unknown;
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  /** Relative to the base URL, without a leading slash, e.g. `'jsonrpc'`. */
  readonly path: string;
  readonly json?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** For error messages and scrubbing. */
  readonly ctx: ErrorContext;
}

function parseBody(text: string, contentType: string): { isJson: boolean; body: unknown } {
  const looksJson = contentType.includes('json') || /^\s*[[{"\dtfn-]/.test(text);
  if (!looksJson || text.trim() === '') return { isJson: false, body: text };
  try {
    return { isJson: true, body: JSON.parse(text) as unknown };
  } catch {
    return { isJson: false, body: text };
  }
}

/**
 * The single place that talks HTTP: ky with `retry: 0` (retries are the client's job), a per-attempt
 * timeout, the caller's `AbortSignal`, no throwing on HTTP statuses (each transport reads Odoo's own
 * error bodies), and every fetch failure mapped to an `OdooTransportError`.
 *
 * @example
 * const http = new Http({ url: 'https://erp.example.com' });
 * const answer = await http.send({ method: 'GET', path: 'web/version', ctx: {} });
 */
export class Http {
  readonly #ky: KyInstance;
  readonly #timeoutMs: number | false;

  constructor(options: HttpOptions) {
    const base = new URL(String(options.url));
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#ky = ky.create({
      baseUrl: base,
      retry: 0,
      throwHttpErrors: false,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  /** Sends one request and reads its body; throws `OdooTransportError` when no answer came back. */
  async send(request: HttpRequest, options: CallOptions = {}): Promise<HttpAnswer> {
    // One signal for the whole attempt, body included: ky's own timeout stops at the headers.
    const timeoutMs = options.timeoutMs ?? this.#timeoutMs;
    const signals = [options.signal, timeoutMs === false ? undefined : AbortSignal.timeout(timeoutMs)].filter(
      (signal): signal is AbortSignal => signal !== undefined,
    );
    const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
    const kyOptions: Options = {
      method: request.method,
      timeout: false,
      ...(request.json !== undefined ? { json: request.json } : {}),
      ...(request.headers ? { headers: request.headers } : {}),
      ...(signal ? { signal } : {}),
    };
    try {
      const response = await this.#ky(request.path, kyOptions);
      const text = await response.text();
      const parsed = parseBody(text, response.headers.get('content-type') ?? '');
      return { status: response.status, headers: response.headers, ...parsed };
    } catch (error) {
      throw fromFetchFailure(error, request.ctx, options.signal);
    }
  }
}
