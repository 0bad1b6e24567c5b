/** The Odoo major versions the fake behaves as. */
export type FakeOdooVersion = 17 | 18 | 19;

/**
 * An Odoo exception raised by the fake's engine: the HTTP layer renders it exactly as the version
 * being faked does (JSON-RPC `error.data.name`, JSON-2 body `name` and HTTP status).
 */
export class OdooFault extends Error {
  override name = 'OdooFault';
  /** The Python exception's dotted name, e.g. `odoo.exceptions.ValidationError`, `builtins.ValueError`. */
  readonly exception: string;
  /** The exception's `args`, as Odoo sends them in `arguments`. */
  readonly args: readonly unknown[];

  constructor(exception: string, message: string, args: readonly unknown[] = [message]) {
    super(message);
    this.exception = exception;
    this.args = args;
  }
}

/** One model method call as the engine receives it, whatever the route it came through. */
export interface EngineCall {
  readonly model: string;
  readonly method: string;
  /**
   * `positional` (JSON-RPC `execute_kw`, session `call_kw`): `args` as sent, record ids first for
   * record methods. `named` (JSON-2): `ids` and `kwargs` only; an argument the method does not take,
   * or `ids` given to an `@api.model` method, is a `werkzeug.exceptions.UnprocessableEntity`.
   */
  readonly style: 'positional' | 'named';
  readonly args: readonly unknown[];
  readonly ids?: readonly number[];
  readonly kwargs: Readonly<Record<string, unknown>>;
  readonly uid: number;
}

/** The users the fake knows, with the secrets it accepts. */
export interface FakeOdooUser {
  readonly id: number;
  readonly login: string;
  readonly password: string;
  /** API keys accepted for this user (JSON-2 bearer, or as the JSON-RPC password). */
  readonly apiKeys: readonly string[];
  /** Group xml ids, for access checks (`base.group_system` for admin). */
  readonly groups: readonly string[];
}

/**
 * The stateful core of the fake Odoo: records, model behaviour and domain evaluation, with no
 * HTTP in it. `createOdooHandlers` and `serveFakeOdoo` put the routes of each version on top.
 */
export interface FakeOdooEngine {
  readonly version: FakeOdooVersion;
  /** The database name the fake answers to (`odoo`, as in the recordings). */
  readonly database: string;
  /** `version_info` / `common.version` payload for this version. */
  versionInfo(): Record<string, unknown>;
  /** The user id for a login and a password or API key, or `false` (as `common.login` answers). */
  authenticate(login: string, secret: string): number | false;
  /** The user id an API key belongs to, or `false`. */
  userForApiKey(apiKey: string): number | false;
  /** Runs a model method; throws `OdooFault` exactly where Odoo raises. */
  execute(call: EngineCall): unknown;
}
