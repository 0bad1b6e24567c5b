/**
 * One call of a model method, in the one shape the client builds for every transport: named
 * arguments only. Each transport maps it to its wire format:
 * - JSON-RPC `execute_kw(db, uid, secret, model, method, ids ? [ids] : [], { ...params, context })`;
 * - session `/web/dataset/call_kw/<model>/<method>` with `{ model, method, args: ids ? [ids] : [], kwargs }`;
 * - JSON-2 `POST /json/2/<model>/<method>` with `{ ids?, ...params, context }`.
 */
export interface OdooCall {
  readonly model: string;
  readonly method: string;
  /** Record ids for a record method (`read`, `write`, `action_confirm`); absent for `@api.model` methods. */
  readonly ids?: readonly number[];
  /** The method's named arguments, e.g. `{ domain, fields, limit }`. */
  readonly params: Readonly<Record<string, unknown>>;
  /** Odoo context (`lang`, `tz`, `allowed_company_ids`, …), merged from client and call. */
  readonly context: Readonly<Record<string, unknown>>;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
  /** Per-attempt timeout in ms. */
  readonly timeoutMs?: number;
}

/** What the server says about itself; `major` decides the transport under `auto`. */
export interface ServerVersion {
  /** e.g. `'18.0+e-20241005'` or `'19.0'`. */
  readonly serverVersion: string;
  /** e.g. `[18, 0, 0, 'final', 0, 'e']`. */
  readonly serverVersionInfo: readonly (string | number)[];
  readonly major: number;
  readonly protocolVersion?: number;
}

export type TransportName = 'json-rpc' | 'session' | 'json-2';

/**
 * A way of talking to Odoo. Implementations throw `OdooError` subclasses, each saying whether the
 * call may have executed, and never put a credential in an error.
 */
export interface Transport {
  readonly name: TransportName;
  /** Runs one model method and answers its raw result (no normalisation). */
  execute(call: OdooCall, options?: CallOptions): Promise<unknown>;
  /** The user id the credentials belong to (authenticating first when needed). */
  uid(options?: CallOptions): Promise<number>;
  /** Forgets any session so the next call authenticates again. */
  close(): Promise<void>;
}
