import { type Clock, parseRetryAfter, type RateLimiter } from '@crossdock/idempotency';
import { isConnectorError } from '../contract/errors.js';
import { easypostError } from './errors.js';
import { EpErrorBodySchema } from './schemas.js';

/** One call to EasyPost. */
export interface EasyPostCall {
  readonly operation: string;
  readonly correlationId?: string;
  readonly signal?: AbortSignal;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** An Index (list) endpoint, paced under EasyPost's published five requests a second. */
  readonly index?: boolean;
}

/** How the connector reaches EasyPost. */
export interface EasyPostHttp {
  request(method: 'GET' | 'POST', path: string, call: EasyPostCall): Promise<unknown>;
}

/** Options of {@link createEasyPostHttp}. */
export interface EasyPostHttpOptions {
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly fetch: typeof fetch;
  readonly clock: Clock;
  /** Paces the Index endpoints. */
  readonly indexLimiter: RateLimiter;
  /** 429s waited out and retried per call before the 429 is thrown. */
  readonly maxRateLimitRetries: number;
  /** A number in [0, 1) for the backoff jitter. Default `Math.random`. */
  readonly random?: () => number;
}

/** The longest wait a 429 may ask for and still be waited out inside the call. */
const MAX_WAIT_MS = 60_000;

/** Backoff after a 429 without `Retry-After`: growing, jittered, never immediate (500–1000 ms, then 1–2 s, …). */
function backoffMs(attempt: number, random: () => number): number {
  const bound = Math.min(MAX_WAIT_MS, 1000 * 2 ** attempt);
  return Math.ceil(bound / 2 + random() * (bound / 2));
}

const isAbort = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');

/**
 * An HTTP client for EasyPost's v2 API: HTTP Basic with the API key as the user, JSON in and out,
 * Index requests paced by the limiter, a 429 waited out (its `Retry-After`, or a growing jittered
 * backoff: EasyPost publishes no header) and retried, every failure a `ConnectorError` that never
 * carries the key.
 *
 * @example
 * const http = createEasyPostHttp({ apiKey, baseUrl: 'https://api.easypost.com/v2', fetch, clock, indexLimiter, maxRateLimitRetries: 3 });
 * const body = await http.request('GET', '/trackers', { operation: 'tracking.get', query: { tracking_code }, index: true });
 */
export function createEasyPostHttp(options: EasyPostHttpOptions): EasyPostHttp {
  const authorization = `Basic ${Buffer.from(`${options.apiKey}:`, 'utf8').toString('base64')}`;
  const base = options.baseUrl.replace(/\/+$/, '');
  const random = options.random ?? Math.random;
  // The key, and its Basic-auth encoding, which decodes straight back to the key.
  const encoded = authorization.slice('Basic '.length);
  const redact = (text: string): string =>
    options.apiKey.length > 0
      ? text.split(options.apiKey).join('[redacted]').split(encoded).join('[redacted]')
      : text;

  return {
    async request(method, path, call) {
      const url = new URL(`${base}${path}`);
      for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
      const ids = call.correlationId === undefined ? {} : { correlationId: call.correlationId };
      const write = method === 'POST';
      const signal = call.signal === undefined ? {} : { signal: call.signal };
      const stopped = (error: unknown, executed: 'no' | 'unknown') =>
        easypostError({
          operation: call.operation,
          message: `request stopped: ${redact(error instanceof Error ? error.message : String(error))}`,
          retryable: false,
          executed,
          ...ids,
          cause: error,
        });

      for (let attempt = 0; ; attempt++) {
        try {
          if (call.index === true) await options.indexLimiter.acquire(signal);
        } catch (error) {
          throw stopped(error, 'no');
        }
        let response: Response;
        try {
          response = await options.fetch(url, {
            method,
            headers: {
              authorization,
              accept: 'application/json',
              ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
            ...signal,
          });
        } catch (error) {
          if (isConnectorError(error)) throw error;
          const message = error instanceof Error ? error.message : String(error);
          throw easypostError({
            operation: call.operation,
            message: `request failed: ${redact(message)}`,
            retryable: !isAbort(error),
            executed: write ? 'unknown' : 'no',
            ...ids,
          });
        }
        const text = await response.text();
        const status = response.status;
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), options.clock.now());
        if (status === 429 && attempt < options.maxRateLimitRetries) {
          const wait = retryAfterMs ?? backoffMs(attempt, random);
          if (wait <= MAX_WAIT_MS) {
            try {
              await options.clock.sleep(wait, call.signal);
            } catch (error) {
              throw stopped(error, 'no');
            }
            continue;
          }
        }
        let body: unknown;
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          body = undefined;
        }
        if (response.ok) {
          if (body === undefined) {
            throw easypostError({
              operation: call.operation,
              message: `unexpected EasyPost payload: body: not JSON (HTTP ${status})`,
              vendorCode: 'INVALID_PAYLOAD',
              httpStatus: status,
              retryable: false,
              executed: write ? 'yes' : 'no',
              ...ids,
            });
          }
          return body;
        }
        const parsed = EpErrorBodySchema.safeParse(body);
        const vendor = parsed.success ? parsed.data.error : undefined;
        throw easypostError({
          operation: call.operation,
          message: redact(vendor?.message ?? `HTTP ${status}`),
          httpStatus: status,
          ...(vendor?.code === undefined ? {} : { vendorCode: vendor.code }),
          retryable: status === 429 || status >= 500,
          ...(retryAfterMs !== undefined && retryAfterMs > 0 ? { retryAfterMs } : {}),
          executed: write && status >= 500 ? 'unknown' : 'no',
          ...ids,
        });
      }
    },
  };
}
