import { OdooAccessDeniedError } from '../errors/classes.js';
import type { ErrorContext } from '../errors/context.js';
import { OdooTransportError } from '../errors/OdooTransportError.js';
import { Http } from './http.js';
import { JsonRpcChannel } from './jsonRpcChannel.js';
import type { HttpOptions } from './options.js';
import type { CallOptions, OdooCall, Transport } from './types.js';
import { namedArgs, positionalArgs } from './wire.js';

export interface JsonRpcTransportOptions extends HttpOptions {
  /** @example 'odoo' */
  readonly db: string;
  /** @example 'admin' */
  readonly login: string;
  /** The password or an API key (both work on `/jsonrpc`). @example process.env.ODOO_API_KEY */
  readonly secret: string;
  /** A known user id, to skip the login call. @example 2 */
  readonly uid?: number;
  /**
   * How to get the uid: `common.login(db, login, secret)` or `common.authenticate(db, login, secret, {})`.
   * @default 'login'
   */
  readonly loginMethod?: 'login' | 'authenticate';
}

/**
 * `POST /jsonrpc` with `execute_kw(db, uid, secret, model, method, args, kwargs)`. Logs in once
 * (`common.login`) to learn the uid; a login answering `false` throws `OdooAccessDeniedError` and is
 * never tried again by this transport (Odoo locks an address out after 5 failures) until `close()`.
 *
 * @example
 * const transport = new JsonRpcTransport({ url: 'https://erp.example.com', db: 'odoo', login: 'admin', secret: apiKey });
 * const count = await transport.execute({ model: 'res.partner', method: 'search_count', params: { domain: [] }, context: {} });
 */
export class JsonRpcTransport implements Transport {
  readonly name = 'json-rpc' as const;
  readonly #options: JsonRpcTransportOptions;
  readonly #channel: JsonRpcChannel;
  #uid: Promise<number> | undefined;

  constructor(options: JsonRpcTransportOptions) {
    this.#options = options;
    this.#channel = new JsonRpcChannel(new Http(options));
    if (options.uid !== undefined) this.#uid = Promise.resolve(options.uid);
  }

  /** Calls one service method, e.g. `call('common', 'version', [])`. */
  async call(
    service: string,
    method: string,
    args: readonly unknown[],
    options: CallOptions = {},
    ctx: ErrorContext = {},
  ): Promise<unknown> {
    const { result } = await this.#channel.send(
      'jsonrpc',
      { service, method, args },
      { ...options, ctx: { ...ctx, secrets: [this.#options.secret] } },
    );
    return result;
  }

  /** The user id, logging in once (concurrent callers share the one login). */
  uid(options: CallOptions = {}): Promise<number> {
    this.#uid ??= this.#login(options);
    return this.#uid;
  }

  async #login(options: CallOptions): Promise<number> {
    const { db, login, secret } = this.#options;
    const method = this.#options.loginMethod ?? 'login';
    const args = method === 'login' ? [db, login, secret] : [db, login, secret, {}];
    let uid: unknown;
    try {
      uid = await this.call('common', method, args, options, { method: `common.${method}` });
    } catch (error) {
      // A failure with no answer (timeout, abort) may be retried by a later call; a denial may not.
      if (!(error instanceof OdooAccessDeniedError)) this.#uid = undefined;
      throw error;
    }
    if (uid === false) {
      throw new OdooAccessDeniedError({
        method: `common.${method}`,
        serverMessage: 'Access denied: the login or its secret was refused',
      });
    }
    if (typeof uid !== 'number') {
      this.#uid = undefined;
      throw new OdooTransportError({
        method: `common.${method}`,
        failure: 'bad-response',
        serverMessage: 'The login answered no user id',
        executed: 'no',
      });
    }
    return uid;
  }

  /**
   * Raw `execute_kw` with positional `args` and optional `kwargs`, exactly as Odoo takes them.
   *
   * @example
   * await transport.executeKw('res.partner', 'search', [[['is_company', '=', true]]], { limit: 5 });
   */
  async executeKw(
    model: string,
    method: string,
    args: readonly unknown[],
    kwargs?: Readonly<Record<string, unknown>>,
    options: CallOptions = {},
  ): Promise<unknown> {
    const uid = await this.uid(options);
    const { db, secret } = this.#options;
    const callArgs = [db, uid, secret, model, method, args, ...(kwargs ? [kwargs] : [])];
    return this.call('object', 'execute_kw', callArgs, options, { model, method });
  }

  execute(call: OdooCall, options: CallOptions = {}): Promise<unknown> {
    return this.executeKw(call.model, call.method, positionalArgs(call), namedArgs(call), options);
  }

  async close(): Promise<void> {
    this.#uid = this.#options.uid !== undefined ? Promise.resolve(this.#options.uid) : undefined;
  }
}
