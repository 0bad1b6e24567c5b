import { HttpResponse } from 'msw';

/**
 * EasyPost's error answer: `{ error: { code, message, errors } }`.
 *
 * @example
 * return easypostErrorResponse(404, 'NOT_FOUND', 'The requested resource could not be found.');
 */
export function easypostErrorResponse(
  status: number,
  code: string,
  message: string,
  errors: readonly { field: string; message: string }[] = [],
  headers: Readonly<Record<string, string>> = {},
): Response {
  return HttpResponse.json({ error: { code, message, errors } }, { status, headers: { ...headers } });
}

/**
 * The 429 of EasyPost's rate limiters. EasyPost documents the status, not the code nor any header:
 * `RATE_LIMITED` is the fake's, and `Retry-After` is sent only when `retryAfterMs` is given.
 *
 * @example
 * return rateLimitedResponse(7_000); // Retry-After: 7
 */
export function rateLimitedResponse(retryAfterMs?: number): Response {
  return easypostErrorResponse(
    429,
    'RATE_LIMITED',
    'Too many requests: slow down and retry with backoff.',
    [],
    retryAfterMs === undefined ? {} : { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) },
  );
}

const SERVER_ERRORS: Readonly<Record<number, readonly [string, string]>> = {
  500: ['INTERNAL_SERVER_ERROR', 'Something went wrong on our side.'],
  502: ['BAD_GATEWAY', 'Bad gateway.'],
  503: ['SERVICE_UNAVAILABLE', 'The service is temporarily unavailable.'],
  504: ['GATEWAY_TIMEOUT', 'The request timed out.'],
};

/**
 * A 5xx in EasyPost's error shape (the codes are the fake's own words), with `Retry-After` when given.
 *
 * @example
 * return serverErrorResponse(503);
 */
export function serverErrorResponse(status: number, retryAfterMs?: number): Response {
  const [code, message] = SERVER_ERRORS[status] ?? ['INTERNAL_SERVER_ERROR', `HTTP ${status}`];
  const headers =
    retryAfterMs === undefined ? {} : { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) };
  return easypostErrorResponse(status, code, message, [], headers);
}
