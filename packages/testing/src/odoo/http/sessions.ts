import { randomBytes } from 'node:crypto';
import { OdooFault } from '../engine/types.js';

/** One server-side session, as `odoo.http` keeps it. */
export interface FakeSession {
  readonly sid: string;
  uid: number | false;
  login: string | false;
  db: string | false;
  /** Authenticated calls made with it. */
  calls: number;
}

const MAX_AGE = 604800;

/** `session_id=<sid>; Expires=…; Max-Age=604800; HttpOnly; Path=/`, as Odoo sets it. */
export function sessionCookie(sid: string, now = Date.now()): string {
  const expires = new Date(now + MAX_AGE * 1000).toUTCString();
  return `session_id=${sid}; Expires=${expires}; Max-Age=${MAX_AGE}; HttpOnly; Path=/`;
}

/** The `session_id` of a request's `Cookie` header, if any. */
export function sessionIdOf(request: Request): string | undefined {
  const header = request.headers.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'session_id') return rest.join('=');
  }
  return undefined;
}

/** The fault Odoo raises for a missing, unknown or expired session. */
export function sessionExpired(): OdooFault {
  return new OdooFault('odoo.http.SessionExpiredException', 'Session expired');
}

/**
 * The cookie session store of the fake: sessions by id, with an optional lifetime in calls.
 *
 * @example
 * ```ts
 * const store = new SessionStore(2);
 * const s = store.create();
 * s.uid = 2;
 * store.use(s.sid); store.use(s.sid);
 * store.use(s.sid); // throws SessionExpiredException
 * ```
 */
export class SessionStore {
  readonly #sessions = new Map<string, FakeSession>();
  readonly #ttlCalls: number | undefined;

  constructor(ttlCalls?: number) {
    this.#ttlCalls = ttlCalls;
  }

  /** A new anonymous session. */
  create(): FakeSession {
    const sid = randomBytes(60).toString('base64url').slice(0, 80);
    const session: FakeSession = { sid, uid: false, login: false, db: false, calls: 0 };
    this.#sessions.set(sid, session);
    return session;
  }

  get(sid: string | undefined): FakeSession | undefined {
    return sid === undefined ? undefined : this.#sessions.get(sid);
  }

  /** Ends a session: later calls with its cookie are `SessionExpiredException`. */
  expire(sid: string): void {
    this.#sessions.delete(sid);
  }

  /** Expires every session (e.g. a server restart). */
  expireAll(): void {
    this.#sessions.clear();
  }

  /** The authenticated session of `sid`, counting the call; throws `SessionExpiredException`. */
  use(sid: string | undefined): FakeSession & { uid: number } {
    const session = this.get(sid);
    if (session === undefined || session.uid === false) throw sessionExpired();
    session.calls++;
    if (this.#ttlCalls !== undefined && session.calls > this.#ttlCalls) {
      this.expire(session.sid);
      throw sessionExpired();
    }
    return session as FakeSession & { uid: number };
  }
}
