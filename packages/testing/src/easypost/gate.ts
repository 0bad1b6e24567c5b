import { HttpResponse } from 'msw';
import { easypostErrorResponse, rateLimitedResponse, serverErrorResponse } from './errors.js';
import type { FakeEasyPostState } from './state.js';

/** The endpoints of the fake, by name, for fault injection. */
export type FakeEasyPostRoute =
  | 'shipments.create'
  | 'shipments.list'
  | 'shipments.retrieve'
  | 'shipments.buy'
  | 'trackers.create'
  | 'trackers.list'
  | 'trackers.retrieve';

/**
 * EasyPost's "Index endpoints" (the lists), under its published fixed limit of five requests a
 * second; buying and rating sit behind a load-based limiter with no published number.
 */
export const INDEX_ROUTES: ReadonlySet<FakeEasyPostRoute> = new Set(['shipments.list', 'trackers.list']);

/** How an armed failure answers: a 5xx (or a 429) in EasyPost's error shape, or a dropped connection. */
export interface FakeFailure {
  /** The HTTP status. Default 500. */
  readonly status?: number;
  /** Drop the connection instead of answering: a timeout or reset as the client sees it. Default false. */
  readonly network?: boolean;
  /**
   * Do what the request asks first, then fail anyway: "created, but answered 500". Default false
   * (the request is refused before it does anything).
   */
  readonly executed?: boolean;
  /** How many requests to that endpoint fail. Default 1. */
  readonly times?: number;
  /** With status 429 or 503: the `Retry-After` sent, in ms (rounded up to seconds). Default none. */
  readonly retryAfterMs?: number;
}

/** Faults armed from the control API. */
export interface FakeFaults {
  readonly failures: { route: FakeEasyPostRoute; failure: FakeFailure; left: number }[];
  /** Retry waits (ms) of refusals armed with `refuseNext`, next first. */
  readonly refusals: number[];
}

/** What the gate decided for one request: answer now, or run the handler (and maybe fail after). */
export type GateDecision =
  | { readonly answer: Response }
  | { readonly answer?: undefined; readonly failAfter?: FakeFailure };

/**
 * The answer of an armed failure.
 *
 * @example
 * return failureResponse({ status: 503 });
 */
export function failureResponse(failure: FakeFailure): Response {
  if (failure.network === true) return HttpResponse.error();
  const status = failure.status ?? 500;
  return status === 429
    ? rateLimitedResponse(failure.retryAfterMs)
    : serverErrorResponse(status, failure.retryAfterMs);
}

function authorized(request: Request, apiKey: string): Response | undefined {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Basic (.+)$/.exec(header);
  if (!match?.[1]) return easypostErrorResponse(401, 'APIKEY.REQUIRED', 'No API key was provided.');
  const user = Buffer.from(match[1], 'base64').toString('utf8').split(':')[0];
  if (user !== apiKey)
    return easypostErrorResponse(401, 'APIKEY.INACTIVE', 'The API key is invalid or inactive.');
  return undefined;
}

/**
 * What every request goes through, in order: it is logged with its time; an armed refusal answers
 * 429 with `Retry-After`; the API key is checked (401); an Index request over `perSecond` in the
 * last second is refused (429, counted in `state.refusals`); an armed failure answers now or after
 * the handler ran.
 *
 * @example
 * const gate = createGate({ state, faults, apiKey, perSecond: 5, baseUrl });
 * const decision = gate('shipments.list', request);
 */
export function createGate(options: {
  readonly state: FakeEasyPostState;
  readonly faults: FakeFaults;
  readonly apiKey: string;
  readonly perSecond: number;
  readonly baseUrl: string;
}): (route: FakeEasyPostRoute, request: Request) => GateDecision {
  const { state, faults, apiKey, perSecond } = options;
  const basePath = new URL(options.baseUrl).pathname.replace(/\/+$/, '');
  return (route, request) => {
    const at = state.nowMs();
    const path = new URL(request.url).pathname.slice(basePath.length) || '/';
    state.requests.push({ method: request.method, path, at });
    const armed = faults.refusals.shift();
    if (armed !== undefined) return { answer: rateLimitedResponse(armed) };
    const denied = authorized(request, apiKey);
    if (denied) return { answer: denied };
    if (INDEX_ROUTES.has(route)) {
      const window = state.indexRequests;
      while (window.length > 0 && (window[0] ?? at) <= at - 1000) window.shift();
      if (window.length >= perSecond) {
        state.refusals += 1;
        return { answer: rateLimitedResponse() };
      }
      window.push(at);
    }
    const entry = faults.failures.find((f) => f.route === route);
    if (entry === undefined) return {};
    entry.left -= 1;
    if (entry.left <= 0) faults.failures.splice(faults.failures.indexOf(entry), 1);
    return entry.failure.executed === true
      ? { failAfter: entry.failure }
      : { answer: failureResponse(entry.failure) };
  };
}
