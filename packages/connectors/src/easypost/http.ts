import { isConnectorError } from '../contract/errors.js';
import { easypostError } from './errors.js';
import { EpErrorBodySchema } from './schemas.js';

/** How the connector reaches EasyPost. */
export interface EasyPostHttp {
  request(
    method: 'GET' | 'POST',
    path: string,
    call: {
      readonly operation: string;
      readonly correlationId?: string;
      readonly signal?: AbortSignal;
      readonly query?: Readonly<Record<string, string>>;
      readonly body?: unknown;
    },
  ): Promise<unknown>;
}

/**
 * An HTTP client for EasyPost's v2 API: HTTP Basic with the API key as the user, JSON in and out,
 * every failure a `ConnectorError` that never carries the key.
 *
 * @example
 * const http = createEasyPostHttp({ apiKey, baseUrl: 'https://api.easypost.com/v2', fetch });
 * const body = await http.request('GET', '/trackers', { operation: 'tracking.get', query: { tracking_code } });
 */
export function createEasyPostHttp(options: {
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly fetch: typeof fetch;
}): EasyPostHttp {
  const authorization = `Basic ${Buffer.from(`${options.apiKey}:`, 'utf8').toString('base64')}`;
  const base = options.baseUrl.replace(/\/+$/, '');
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
          ...(call.signal === undefined ? {} : { signal: call.signal }),
        });
      } catch (error) {
        if (isConnectorError(error)) throw error;
        const message = error instanceof Error ? error.message : String(error);
        throw easypostError({
          operation: call.operation,
          message: `request failed: ${redact(message)}`,
          retryable: !(error instanceof Error && error.name === 'AbortError'),
          executed: write ? 'unknown' : 'no',
          ...ids,
        });
      }
      const text = await response.text();
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
            message: `unexpected EasyPost payload: body: not JSON (HTTP ${response.status})`,
            vendorCode: 'INVALID_PAYLOAD',
            httpStatus: response.status,
            retryable: false,
            executed: write ? 'yes' : 'no',
            ...ids,
          });
        }
        return body;
      }
      const parsed = EpErrorBodySchema.safeParse(body);
      const vendor = parsed.success ? parsed.data.error : undefined;
      const status = response.status;
      const retryable = status === 429 || status >= 500;
      const retryAfter = Number(response.headers.get('retry-after'));
      throw easypostError({
        operation: call.operation,
        message: redact(vendor?.message ?? `HTTP ${status}`),
        httpStatus: status,
        ...(vendor?.code === undefined ? {} : { vendorCode: vendor.code }),
        retryable,
        ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
        executed: write && status >= 500 ? 'unknown' : 'no',
        ...ids,
      });
    },
  };
}
