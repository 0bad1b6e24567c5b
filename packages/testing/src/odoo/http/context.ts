import { HttpResponse } from 'msw';
import type { EngineCall, FakeOdooEngine, FakeOdooVersion } from '../engine/types.js';
import { OdooFault } from '../engine/types.js';
import type { CallSite, FaultController } from './faults.js';
import { asFault, proxyErrorPage } from './render.js';
import type { SessionStore } from './sessions.js';
import type { ConcurrencyError } from './types.js';

/** What every route handler works with. */
export interface HttpContext {
  readonly engine: FakeOdooEngine;
  readonly version: FakeOdooVersion;
  readonly sessions: SessionStore;
  readonly faults: FaultController;
}

const CONCURRENCY_MESSAGES: Record<ConcurrencyError, string> = {
  SerializationFailure: 'could not serialize access due to concurrent update\n',
  LockNotAvailable: 'could not obtain lock on row in relation "res_partner"\n',
  DeadlockDetected:
    'deadlock detected\nDETAIL:  Process 4242 waits for ShareLock on transaction 1337; blocked by process 4243.\nProcess 4243 waits for ShareLock on transaction 1338; blocked by process 4242.\nHINT:  See server log for query details.\n',
};

/** The psycopg2 exception Odoo lets through once its concurrency retries are exhausted. */
export function concurrencyFault(error: ConcurrencyError): OdooFault {
  return new OdooFault(`psycopg2.errors.${error}`, CONCURRENCY_MESSAGES[error]);
}

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** What the faults of one call decided: a response instead of the call, or how to rewrite its answer. */
export interface PlayedFaults {
  /** The faulted response; the call is not run. */
  readonly response?: Response;
  /** Applies the `rewrite` faults that fired to the call's answer (the identity when none did). */
  readonly rewrite: (answer: unknown) => unknown;
}

/**
 * Counts the call and plays the faults that fire for it: answers the faulted response, or lets the
 * call through (after any latency) with the rewrites to apply to its answer.
 */
export async function playFaults(
  ctx: HttpContext,
  site: CallSite,
  request: Request,
  render: (fault: OdooFault) => Response,
  onSessionExpiry?: () => Response,
): Promise<PlayedFaults> {
  ctx.faults.count(site);
  const rewrites: ((answer: unknown) => unknown)[] = [];
  const rewrite = (answer: unknown): unknown =>
    rewrites.reduce((value, apply) => apply(value), structuredClone(answer));
  for (const effect of ctx.faults.take(site)) {
    switch (effect.kind) {
      case 'latency':
        await new Promise((resolve) => setTimeout(resolve, effect.ms));
        break;
      case 'http':
        return { response: proxyErrorPage(effect.status), rewrite };
      case 'drop':
        return { response: HttpResponse.error(), rewrite };
      case 'timeout':
        await untilAborted(request.signal);
        return { response: HttpResponse.error(), rewrite };
      case 'concurrency':
        return { response: render(concurrencyFault(effect.error)), rewrite };
      case 'session-expiry':
        if (onSessionExpiry) return { response: onSessionExpiry(), rewrite };
        break;
      case 'error':
        return { response: render(new OdooFault(effect.exception, effect.message)), rewrite };
      case 'rewrite':
        rewrites.push(effect.rewrite);
        break;
    }
  }
  return { rewrite: rewrites.length === 0 ? (answer) => answer : rewrite };
}

/** Whether `secret` (password or API key) is `uid`'s, as `execute_kw` checks on every call. */
export function checkCredentials(engine: FakeOdooEngine, uid: unknown, secret: unknown): boolean {
  if (typeof uid !== 'number' || typeof secret !== 'string') return false;
  if (engine.userForApiKey(secret) === uid) return true;
  const login = loginOf(engine, uid);
  return login !== undefined && engine.authenticate(login, secret) === uid;
}

/** A user's login: from `engine.users` when the engine exposes it, else by reading `res.users`. */
export function loginOf(engine: FakeOdooEngine, uid: number): string | undefined {
  const users = (engine as { users?: readonly { id: number; login: string }[] }).users;
  if (Array.isArray(users)) return users.find((u) => u.id === uid)?.login;
  const row = readUser(engine, uid, ['login']);
  return typeof row?.login === 'string' ? row.login : undefined;
}

/** One `res.users` row read as the user itself, or `undefined` when the engine cannot. */
export function readUser(
  engine: FakeOdooEngine,
  uid: number,
  fields: string[],
): Record<string, unknown> | undefined {
  try {
    const rows = engine.execute({
      model: 'res.users',
      method: 'read',
      style: 'positional',
      args: [[uid], fields],
      kwargs: {},
      uid,
    });
    return Array.isArray(rows) ? (rows[0] as Record<string, unknown> | undefined) : undefined;
  } catch {
    return undefined;
  }
}

/** `AccessError` for a private method, worded as the version words it (before the engine sees it). */
export function privateMethodFault(
  call: Pick<EngineCall, 'model' | 'method'>,
  version: number,
): OdooFault | undefined {
  if (!call.method.startsWith('_')) return undefined;
  const name = version >= 19 ? `'${call.model}.${call.method}'` : call.method;
  return new OdooFault(
    'odoo.exceptions.AccessError',
    `Private methods (such as ${name}) cannot be called remotely.`,
  );
}

/** Runs an engine call; any throw comes back as an `OdooFault`. */
export async function execute(
  ctx: HttpContext,
  call: EngineCall,
): Promise<{ ok: true; value: unknown } | { ok: false; fault: OdooFault }> {
  const denied = privateMethodFault(call, ctx.version);
  if (denied) return { ok: false, fault: denied };
  try {
    return { ok: true, value: await ctx.engine.execute(call) };
  } catch (error) {
    return { ok: false, fault: asFault(error) };
  }
}

/** Parses a JSON body; `undefined` when it is not JSON (the caller answers 400). */
export async function readJson(
  request: Request,
): Promise<{ ok: true; value: unknown } | { ok: false; error: string; text: string }> {
  const text = await request.text();
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error), text };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
