import { HttpResponse } from 'msw';
import type { FakeShipBobState } from './state.js';

/** A canned answer for the next matching request (fault injection). */
export interface FakeResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** One request the fake received, accepted or not. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  /** When it arrived, on the fake's clock (ms). */
  readonly at: number;
}

/** The published window: ShipBob counts requests per user and application over a sliding minute. */
export const WINDOW_MS = 60_000;

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  HttpResponse.json(body as never, { status, headers });

/** ShipBob's ProblemDetails error body (orders, inventory: `title`, `status`, field `errors`). */
export const problem = (status: number, title: string, errors?: Record<string, string[]>) =>
  json({ title, status, ...(errors === undefined ? {} : { errors }) }, status);

export type RouteParams = Record<string, string | readonly string[] | undefined>;
export type RouteHandler = (request: Request, params: RouteParams) => Response | Promise<Response>;
export type Route = (
  handler: RouteHandler,
) => (info: { request: Request; params: RouteParams }) => Promise<Response>;

/**
 * The front door every request goes through: recorded with its time, an armed refusal, the
 * sliding-window limit (429 with `x-retry-after` seconds and `x-remaining-calls`), Bearer auth,
 * then canned faults. Every answer that gets through carries `x-remaining-calls`.
 */
export function createGate(options: {
  readonly state: () => FakeShipBobState;
  readonly now: () => number;
  readonly limit: number;
  readonly token: string;
}): {
  readonly route: Route;
  readonly requests: SeenRequest[];
  respondWith(response: FakeResponse, respondOptions?: { times?: number; pathSuffix?: string }): void;
  reset(): void;
} {
  const requests: SeenRequest[] = [];
  let canned: { response: FakeResponse; times: number; pathSuffix?: string }[] = [];

  function gate(request: Request): Response | { remaining: number } {
    const state = options.state();
    const t = options.now();
    requests.push({ method: request.method, url: request.url, headers: request.headers, at: t });
    while (state.accepted.length > 0 && (state.accepted[0] ?? 0) <= t - WINDOW_MS) state.accepted.shift();
    const armed = state.armed.shift();
    if (armed !== undefined) {
      return json({ title: 'Too Many Requests', status: 429 }, 429, {
        'x-retry-after': String(Math.max(1, Math.ceil(armed / 1000))),
        'x-remaining-calls': '0',
      });
    }
    if (state.accepted.length >= options.limit) {
      state.rateLimited += 1;
      const oldest = state.accepted[0] ?? t;
      const retry = Math.max(1, Math.ceil((oldest + WINDOW_MS - t) / 1000));
      return json({ title: 'Too Many Requests', status: 429 }, 429, {
        'x-retry-after': String(retry),
        'x-remaining-calls': '0',
      });
    }
    state.accepted.push(t);
    const remaining = options.limit - state.accepted.length;
    if (request.headers.get('authorization') !== `Bearer ${options.token}`) {
      return json({ title: 'Unauthorized', status: 401 }, 401, { 'x-remaining-calls': String(remaining) });
    }
    const path = new URL(request.url).pathname;
    const fault = canned.find((entry) => entry.pathSuffix === undefined || path.endsWith(entry.pathSuffix));
    if (fault) {
      fault.times -= 1;
      if (fault.times <= 0) canned = canned.filter((entry) => entry !== fault);
      return json(fault.response.body ?? null, fault.response.status, {
        'x-remaining-calls': String(remaining),
        ...fault.response.headers,
      });
    }
    return { remaining };
  }

  const route: Route =
    (handler) =>
    async ({ request, params }) => {
      const gated = gate(request);
      if (gated instanceof Response) return gated;
      const response = await handler(request, params);
      response.headers.set('x-remaining-calls', String(gated.remaining));
      return response;
    };

  return {
    route,
    requests,
    respondWith(response, respondOptions = {}) {
      canned.push({
        response,
        times: respondOptions.times ?? 1,
        ...(respondOptions.pathSuffix === undefined ? {} : { pathSuffix: respondOptions.pathSuffix }),
      });
    },
    reset() {
      requests.length = 0;
      canned = [];
    },
  };
}
