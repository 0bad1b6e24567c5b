import type { FakeOdooEngine, FakeOdooVersion } from '../engine/types.js';

/** The route families the fake serves; fault rules and call counters are keyed by them. */
export type OdooRoute =
  | 'jsonrpc'
  | 'session/authenticate'
  | 'session/get_session_info'
  | 'session/destroy'
  | 'call_kw'
  | 'version_info'
  | 'web/version'
  | 'json2';

/** A psycopg2 concurrency error, raised by Odoo once its retries are exhausted. */
export type ConcurrencyError = 'SerializationFailure' | 'LockNotAvailable' | 'DeadlockDetected';

/** What a fault does to a matching call. */
export type FaultEffect =
  /** Answer normally, `ms` later. */
  | { readonly kind: 'latency'; readonly ms: number }
  /** An nginx-like HTML error page from the reverse proxy. */
  | { readonly kind: 'http'; readonly status: 502 | 503 | 504 }
  /** The connection drops without an answer (`HttpResponse.error()`, a reset socket on the server). */
  | { readonly kind: 'drop' }
  /** Never answer, until the client aborts. */
  | { readonly kind: 'timeout' }
  /** A psycopg2 concurrency error, rendered as Odoo renders it on that route. */
  | { readonly kind: 'concurrency'; readonly error: ConcurrencyError }
  /** The session of the call expires now: `SessionExpiredException` (session routes only). */
  | { readonly kind: 'session-expiry' }
  /**
   * The call fails with this Odoo exception and text (nothing runs), rendered as the route renders
   * it: e.g. `{ exception: 'odoo.exceptions.UserError', message: 'bad key <api-key>' }` for an error that
   * echoes a credential.
   */
  | { readonly kind: 'error'; readonly exception: string; readonly message: string }
  /**
   * The call runs, and its answer is replaced by `rewrite(answer)` (a copy): a record without a field, a
   * string where a number belongs. Model method calls only.
   */
  | { readonly kind: 'rewrite'; readonly rewrite: (answer: unknown) => unknown };

/**
 * One fault rule. `route`, `model` and `method` narrow the calls it applies to (all calls when
 * absent). `times` fires it on that many matching calls then retires it; `probability` (0..1) fires it
 * at random, with the plan's seeded generator; `after` lets that many matching calls through first.
 *
 * @example
 * ```ts
 * const rule: FaultRule = { model: 'stock.picking', method: 'button_validate', effect: { kind: 'http', status: 503 }, times: 1 };
 * ```
 */
export interface FaultRule {
  readonly route?: OdooRoute;
  readonly model?: string;
  readonly method?: string;
  readonly effect: FaultEffect;
  readonly times?: number;
  readonly probability?: number;
  readonly after?: number;
}

/** The faults a fake starts with, and the seed for probabilistic rules. */
export interface FaultPlan {
  readonly seed?: string | number;
  readonly rules?: readonly FaultRule[];
}

/** Options of `createOdooHandlers`. */
export interface OdooHandlersOptions {
  /** Base URL the handlers answer on; `http://odoo.test` by default. */
  readonly url?: string;
  /** The engine; a fresh `createFakeOdooEngine({ version })` when absent. */
  readonly engine?: FakeOdooEngine;
  /** The Odoo version to behave as; the engine's version when absent, else 19. */
  readonly version?: FakeOdooVersion;
  readonly faults?: FaultPlan;
  /** A session expires after this many authenticated calls (unlimited when absent). */
  readonly sessionTtlCalls?: number;
}

/** Call counters, for assertions. Method keys are `model.method` (or `service.method` on `/jsonrpc`). */
export interface CallCounts {
  readonly total: number;
  readonly routes: Readonly<Record<string, number>>;
  readonly models: Readonly<Record<string, number>>;
  readonly methods: Readonly<Record<string, number>>;
}
