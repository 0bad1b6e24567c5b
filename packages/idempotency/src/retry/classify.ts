import { parseRetryAfter } from './retry-after.js';

/** What a failure means for retrying. */
export interface RetryVerdict {
  readonly retryable: boolean;
  /** A delay the failure itself asks for (a `Retry-After`), in ms; capped by the policy. */
  readonly delayMs?: number;
}

export type RetryClassifier = (error: unknown, now: number) => RetryVerdict;

const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

function statusOf(error: unknown): number | undefined {
  const status =
    field(error, 'status') ?? field(error, 'statusCode') ?? field(field(error, 'response'), 'status');
  return typeof status === 'number' ? status : undefined;
}

function retryAfterOf(error: unknown, now: number): number | undefined {
  const ms = field(error, 'retryAfterMs');
  if (typeof ms === 'number' && Number.isFinite(ms)) return Math.max(0, ms);
  const headers = field(field(error, 'response'), 'headers') ?? field(error, 'headers');
  const value = headers instanceof Headers ? headers.get('retry-after') : headerValue(headers, 'retry-after');
  return parseRetryAfter(value, now);
}

/** A header from a plain object, whatever the case of its name. */
function headerValue(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return typeof entry?.[1] === 'string' ? entry[1] : undefined;
}

/**
 * The default classifier. An error decides for itself when it says so (`retryable: boolean`, as
 * Crossdock's connector and Odoo errors do, and `retryAfterMs`); otherwise network failures,
 * timeouts and HTTP 408/425/429/5xx-gateway statuses are retried, honouring `Retry-After` from the
 * error or its `response.headers`. Everything else (a 4xx, a bug) is not retried.
 */
export const defaultClassifier: RetryClassifier = (error, now) => {
  const explicit = field(error, 'retryable');
  const delayMs = retryAfterOf(error, now);
  const withDelay = (retryable: boolean): RetryVerdict =>
    delayMs === undefined ? { retryable } : { retryable, delayMs };
  if (typeof explicit === 'boolean') return withDelay(explicit);
  const status = statusOf(error);
  if (status !== undefined) return withDelay(RETRYABLE_STATUS.has(status));
  const code = field(error, 'code') ?? field(field(error, 'cause'), 'code');
  if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return withDelay(true);
  const name = field(error, 'name');
  if (name === 'TimeoutError') return withDelay(true);
  return withDelay(false);
};
