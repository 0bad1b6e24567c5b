import { OdooAccessDeniedError, OdooSessionExpiredError } from '../errors/classes.js';
import type { ErrorContext } from '../errors/context.js';
import { OdooTransportError } from '../errors/OdooTransportError.js';
import { sessionIdFrom } from './cookies.js';
import { Http } from './http.js';
import { JsonRpcChannel } from './jsonRpcChannel.js';
import type { HttpOptions } from './options.js';
import type { CallOptions, OdooCall, Transport } from './types.js';
import { namedArgs, positionalArgs, segment } from './wire.js';

export interface SessionTransportOptions extends HttpOptions {
  /** @example 'odoo' */
  readonly db: string;
  /** @example 'admin' */
  readonly login: string;
  /** The user's password. API keys are refused by `/web/session/authenticate`. @example process.env.ODOO_PASSWORD */
  readonly password: string;
}

interface Session {
  readonly uid: number;
  sessionId: string;
}

/** Odoo API keys are 40 lowercase hex characters. */
const API_KEY_SHAPE = /^[0-9a-f]{40}$/;

/**
 * Logs in on `/web/session/authenticate` with `{ db, login, password }`, keeps the `session_id` cookie
 * and calls `/web/dataset/call_kw/<model>/<method>` with `{ model, method, args, kwargs }`. On an expired
 * session (`error.code` 100: the call did not execute) it logs in again once and replays the call once.
 * A refused login is remembered and not sent again until `close()`. Passwords only: something shaped like an API key is refused before any request, since a refused login
 * counts towards Odoo's lockout. Never sends `X-Odoo-Database`: the cookie names the database.
 *
 * @example
 * const transport = new SessionTransport({ url: 'https://erp.example.com', db: 'odoo', login: 'admin', password });
 * const rows = await transport.execute({ model: 'res.partner', method: 'search_read', params: { domain: [], limit: 2 }, context: {} });
 */
export class SessionTransport implements Transport {
  readonly name = 'session' as const;
  readonly #options: SessionTransportOptions;
  readonly #channel: JsonRpcChannel;
  #session: Promise<Session> | undefined;

  constructor(options: SessionTransportOptions & { readonly apiKey?: never }) {
    if ('apiKey' in options || API_KEY_SHAPE.test(options.password)) {
      throw new TypeError(
        'SessionTransport needs a password: Odoo refuses API keys on /web/session/authenticate. Use the json-rpc transport (or json-2 on Odoo 19+) with an API key.',
      );
    }
    this.#options = options;
    this.#channel = new JsonRpcChannel(new Http(options));
  }

  get #secrets(): string[] {
    return [this.#options.password];
  }

  /** Logs in now (or reuses the current session) and answers the uid. */
  async uid(options: CallOptions = {}): Promise<number> {
    return (await this.#ensureSession(options)).uid;
  }

  #ensureSession(options: CallOptions): Promise<Session> {
    if (!this.#session) {
      const session = this.#authenticate(options);
      this.#session = session;
      // Forget a login that got no answer (timeout, network) so a later call may try again; keep a
      // refused one: every refused login counts towards Odoo's lockout of this address.
      session.catch((error: unknown) => {
        if (this.#session === session && !(error instanceof OdooAccessDeniedError)) this.#session = undefined;
      });
    }
    return this.#session;
  }

  async #authenticate(options: CallOptions): Promise<Session> {
    const { db, login, password } = this.#options;
    const ctx: ErrorContext = { method: 'session.authenticate', secrets: this.#secrets };
    const { result, headers } = await this.#channel.send(
      'web/session/authenticate',
      { db, login, password },
      { ...options, ctx },
    );
    const uid = (result as { uid?: unknown } | null | undefined)?.uid;
    const sessionId = sessionIdFrom(headers);
    if (typeof uid !== 'number' || sessionId === undefined) {
      throw new OdooTransportError({
        method: 'session.authenticate',
        failure: 'bad-response',
        serverMessage: 'The login answered no uid or no session cookie',
        executed: 'no',
      });
    }
    return { uid, sessionId };
  }

  /** Posts one JSON-RPC call with the session cookie, following a rotated `session_id`. */
  async #post(session: Session, path: string, params: unknown, options: CallOptions, ctx: ErrorContext) {
    const { result, headers } = await this.#channel.send(path, params, {
      ...options,
      headers: { cookie: `session_id=${session.sessionId}` },
      ctx: { ...ctx, secrets: [...this.#secrets, session.sessionId] },
    });
    const rotated = sessionIdFrom(headers);
    if (rotated !== undefined) session.sessionId = rotated;
    return result;
  }

  /**
   * Raw `call_kw` with positional `args` and `kwargs`; re-authenticates once on an expired session.
   *
   * @example
   * await transport.callKw('res.partner', 'search_count', [[['is_company', '=', true]]], {});
   */
  async callKw(
    model: string,
    method: string,
    args: readonly unknown[],
    kwargs: Readonly<Record<string, unknown>>,
    options: CallOptions = {},
  ): Promise<unknown> {
    const path = `web/dataset/call_kw/${segment(model)}/${segment(method)}`;
    const params = { model, method, args, kwargs };
    const ctx: ErrorContext = { model, method };
    const session = await this.#ensureSession(options);
    try {
      return await this.#post(session, path, params, options, ctx);
    } catch (error) {
      if (!(error instanceof OdooSessionExpiredError)) throw error;
      // The call did not run: log in again (once, shared with concurrent callers) and replay once.
      if (this.#session !== undefined && (await this.#session.catch(() => undefined)) === session) {
        this.#session = undefined;
      }
      const fresh = await this.#ensureSession(options);
      return this.#post(fresh, path, params, options, ctx);
    }
  }

  execute(call: OdooCall, options: CallOptions = {}): Promise<unknown> {
    return this.callKw(call.model, call.method, positionalArgs(call), namedArgs(call), options);
  }

  /** Destroys the session on the server (best effort) and forgets it. */
  async close(): Promise<void> {
    const pending = this.#session;
    this.#session = undefined;
    const session = await pending?.catch(() => undefined);
    if (!session) return;
    try {
      await this.#post(
        session,
        'web/session/destroy',
        {},
        { timeoutMs: 5_000 },
        { method: 'session.destroy' },
      );
    } catch {
      // The session expires on its own; closing must not fail.
    }
  }
}
