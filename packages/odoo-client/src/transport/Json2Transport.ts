import type { ErrorContext } from '../errors/context.js';
import { fromJson2Response } from '../errors/fromResponse.js';
import { OdooTransportError } from '../errors/OdooTransportError.js';
import { Http } from './http.js';
import type { HttpOptions } from './options.js';
import type { CallOptions, OdooCall, Transport } from './types.js';
import { json2Body, segment } from './wire.js';

export interface Json2TransportOptions extends HttpOptions {
  /** Sent as `X-Odoo-Database`. @example 'odoo' */
  readonly db: string;
  /** Sent as `Authorization: bearer <apiKey>`. @example process.env.ODOO_API_KEY */
  readonly apiKey: string;
  /** A known user id; otherwise `uid()` asks `res.users.context_get`. @example 2 */
  readonly uid?: number;
}

/**
 * Odoo 19+ JSON-2: `POST /json/2/<model>/<method>` with the named arguments (plus `ids` and `context`)
 * as the body, `Authorization: bearer <key>` and `X-Odoo-Database`; no cookie. Answers the bare result;
 * errors come back as real HTTP statuses with `{ name, message, debug }` bodies.
 *
 * @example
 * const transport = new Json2Transport({ url: 'https://erp.example.com', db: 'odoo', apiKey });
 * await transport.execute({ model: 'sale.order', method: 'action_confirm', ids: [25], params: {}, context: {} });
 */
export class Json2Transport implements Transport {
  readonly name = 'json-2' as const;
  readonly #options: Json2TransportOptions;
  readonly #http: Http;
  #uid: Promise<number> | undefined;

  constructor(options: Json2TransportOptions) {
    this.#options = options;
    this.#http = new Http(options);
    if (options.uid !== undefined) this.#uid = Promise.resolve(options.uid);
  }

  /**
   * Posts a raw JSON-2 body to `/json/2/<model>/<method>`.
   *
   * @example
   * await transport.post('res.partner', 'search_count', { domain: [] }); // 12
   */
  async post(
    model: string,
    method: string,
    body: Readonly<Record<string, unknown>>,
    options: CallOptions = {},
  ): Promise<unknown> {
    const ctx: ErrorContext = { model, method, secrets: [this.#options.apiKey] };
    const answer = await this.#http.send(
      {
        method: 'POST',
        path: `json/2/${segment(model)}/${segment(method)}`,
        json: body,
        headers: {
          authorization: `bearer ${this.#options.apiKey}`,
          'x-odoo-database': this.#options.db,
          'content-type': 'application/json',
        },
        ctx,
      },
      options,
    );
    const requestId = answer.headers.get('x-request-id') ?? undefined;
    if (answer.status >= 200 && answer.status < 300) {
      if (answer.isJson) return answer.body;
      throw new OdooTransportError({
        model,
        method,
        requestId,
        failure: 'bad-response',
        serverMessage: `HTTP ${answer.status}, the answer is not JSON`,
        httpStatus: answer.status,
        // The server said 2xx: the call ran, only its answer is unreadable.
        executed: 'yes',
      });
    }
    throw fromJson2Response(answer.status, answer.body, {
      ...ctx,
      requestId,
      retryAfter: answer.headers.get('retry-after'),
    });
  }

  execute(call: OdooCall, options: CallOptions = {}): Promise<unknown> {
    return this.post(call.model, call.method, json2Body(call), options);
  }

  /** The key's user id: the `uid` option, else `res.users.context_get().uid` (asked once). */
  uid(options: CallOptions = {}): Promise<number> {
    if (!this.#uid) {
      const pending = this.post('res.users', 'context_get', {}, options).then((context) => {
        const uid = (context as { uid?: unknown } | null)?.uid;
        if (typeof uid !== 'number') {
          throw new OdooTransportError({
            model: 'res.users',
            method: 'context_get',
            failure: 'bad-response',
            serverMessage: 'context_get answered no uid; pass the uid option',
            executed: 'yes',
          });
        }
        return uid;
      });
      this.#uid = pending;
      pending.catch(() => {
        if (this.#uid === pending) this.#uid = undefined;
      });
    }
    return this.#uid;
  }

  async close(): Promise<void> {
    this.#uid = this.#options.uid !== undefined ? Promise.resolve(this.#options.uid) : undefined;
  }
}
