import { formatIssues, safeParseCanonical } from '@crossdock/canonical';
import type { RateLimiter } from '@crossdock/idempotency';
import type { z } from 'zod';
import { isConnectorError } from '../contract/errors.js';
import { redact, shipbobError } from './errors.js';
import { VendorErrorSchema } from './schemas.js';

/** What every ShipBob call shares. */
export interface ShipBobHttp {
  readonly baseUrl: string;
  readonly apiVersion: string;
  readonly token: string;
  readonly channelId: string;
  readonly limiter: RateLimiter;
  readonly fetch: typeof fetch;
  readonly maxRetries: number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** One call: method, path under the version prefix, query, body, and what it means to write. */
export interface CallInit {
  readonly operation: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly body?: unknown;
  readonly correlationId?: string | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** A response whose status the caller wants to handle itself (e.g. 422 on a duplicate). */
export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly json: unknown;
}

function url(http: ShipBobHttp, init: CallInit): string {
  const target = new URL(`${http.baseUrl.replace(/\/$/, '')}/${http.apiVersion}${init.path}`);
  for (const [key, value] of Object.entries(init.query ?? {})) {
    if (value !== undefined) target.searchParams.set(key, value);
  }
  return target.toString();
}

/** Seconds of `x-retry-after` (or `retry-after`) as ms, when present. */
export function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('x-retry-after') ?? headers.get('retry-after');
  if (value === null || !/^\d+(\.\d+)?$/.test(value.trim())) return undefined;
  return Math.ceil(Number(value) * 1000);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The vendor's words for a failed call: its title and field errors, as one line. */
export function vendorMessage(
  json: unknown,
  fallback: string,
  token = '',
): { message: string; code?: string } {
  const parsed = VendorErrorSchema.safeParse(json);
  // Redact before cutting: a token straddling the cut would otherwise survive in part.
  if (!parsed.success)
    return { message: typeof json === 'string' && json ? redact(json, token).slice(0, 300) : fallback };
  const errors = parsed.data.errors;
  const fields = Array.isArray(errors)
    ? errors.map((entry) => (typeof entry === 'string' ? entry : entry.message))
    : Object.entries(errors ?? {}).map(([field, list]) => `${field}: ${list.join('; ')}`);
  const parts = [parsed.data.title, parsed.data.message, ...fields].filter(
    (part, index, all): part is string => !!part && all.indexOf(part) === index,
  );
  const message = parts.join(' | ') || fallback;
  const code = Array.isArray(errors) ? undefined : Object.keys(errors ?? {})[0];
  return code === undefined ? { message } : { message, code };
}

/**
 * Sends one request through the rate limiter with the Bearer token and channel header. A 429 is
 * retried after `x-retry-after` up to `maxRetries` times. Returns the raw answer; network failures
 * become `ConnectorError`s (executed `unknown` for writes).
 *
 * @example
 * const raw = await send(http, { operation: 'fulfillment.get', method: 'GET', path: '/order/7' });
 */
export async function send(http: ShipBobHttp, init: CallInit): Promise<RawResponse> {
  const write = init.method !== 'GET';
  for (let attempt = 0; ; attempt++) {
    await http.limiter.acquire(init.signal === undefined ? {} : { signal: init.signal });
    let response: Response;
    try {
      response = await http.fetch(url(http, init), {
        method: init.method,
        headers: {
          authorization: `Bearer ${http.token}`,
          shipbob_channel_id: http.channelId,
          accept: 'application/json',
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        ...(init.signal === undefined ? {} : { signal: init.signal }),
      });
    } catch (error) {
      throw shipbobError({
        operation: init.operation,
        message: redact(
          `request failed: ${error instanceof Error ? error.message : String(error)}`,
          http.token,
        ),
        correlationId: init.correlationId,
        retryable: true,
        executed: write ? 'unknown' : 'no',
      });
    }
    const json = await readJson(response);
    if (response.status === 429) {
      const wait = retryAfterMs(response.headers) ?? 60_000;
      if (attempt < http.maxRetries) {
        await http.sleep(wait, init.signal);
        continue;
      }
      throw shipbobError({
        operation: init.operation,
        message: 'rate limited by ShipBob (429)',
        httpStatus: 429,
        correlationId: init.correlationId,
        retryable: true,
        retryAfterMs: wait,
        executed: 'no',
      });
    }
    return { status: response.status, headers: response.headers, json };
  }
}

/** Throws the `ConnectorError` for a non-2xx answer. */
export function failure(http: ShipBobHttp, init: CallInit, raw: RawResponse, externalId?: string): never {
  const { message, code } = vendorMessage(raw.json, `HTTP ${raw.status}`, http.token);
  const serverSide = raw.status >= 500;
  throw shipbobError({
    operation: init.operation,
    message: redact(message, http.token),
    httpStatus: raw.status,
    vendorCode: code,
    correlationId: init.correlationId,
    retryable: serverSide || raw.status === 408,
    executed: serverSide && init.method !== 'GET' ? 'unknown' : 'no',
    externalId,
  });
}

/** Validates a vendor payload; a mismatch is a `ConnectorError` naming the field. */
export function validate<T>(
  schema: z.ZodType<T>,
  json: unknown,
  init: Pick<CallInit, 'operation' | 'correlationId'>,
  executed: 'no' | 'yes' = 'no',
): T {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw shipbobError({
    operation: init.operation,
    message: `unexpected ShipBob payload: ${formatIssues(parsed.error.issues)
      .map((issue) => `${issue.path}: ${issue.message}`)
      .join('; ')}`,
    vendorCode: 'invalid_payload',
    correlationId: init.correlationId,
    executed,
  });
}

/** `send`, then a 2xx check and validation. */
export async function call<T>(http: ShipBobHttp, init: CallInit, schema: z.ZodType<T>): Promise<T> {
  try {
    const raw = await send(http, init);
    if (raw.status < 200 || raw.status >= 300) failure(http, init, raw);
    return validate(schema, raw.json, init, init.method === 'GET' ? 'no' : 'yes');
  } catch (error) {
    if (isConnectorError(error)) throw error;
    throw shipbobError({
      operation: init.operation,
      message: redact(error instanceof Error ? error.message : String(error), http.token),
      correlationId: init.correlationId,
      executed: init.method === 'GET' ? 'no' : 'unknown',
      cause: error,
    });
  }
}

/** Parses a mapped value with a canonical schema; a mismatch is a `ConnectorError` naming the field. */
export function toCanonical<S extends z.ZodType>(
  schema: S,
  value: unknown,
  init: Pick<CallInit, 'operation' | 'correlationId'>,
): z.output<S> {
  const parsed = safeParseCanonical(schema, value);
  if (parsed.success) return parsed.data;
  throw shipbobError({
    operation: init.operation,
    message: parsed.error.message,
    vendorCode: 'invalid_payload',
    correlationId: init.correlationId,
    executed: 'no',
  });
}
