import { isTimeoutError } from 'ky';
import type { ErrorContext } from '../errors/context.js';
import { OdooTransportError } from '../errors/OdooTransportError.js';
import { redact } from '../errors/redact.js';

/** Error codes meaning the request never left this machine or never reached a listening server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The innermost error with a `code` (fetch wraps the socket error in `cause`, ky wraps fetch's). */
function findCode(error: unknown): { code?: string; root?: unknown } {
  let current: unknown = error;
  let root: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth++) {
    const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string') return { code, root: current };
    // Node reports happy-eyeballs failures as an AggregateError of per-address errors.
    if (Array.isArray(errors) && errors.length > 0) current = errors[0];
    else current = cause;
    if (current !== undefined) root = current;
  }
  return { root };
}

/**
 * Maps a failure of `fetch`/ky (no HTTP answer) to an `OdooTransportError`:
 * the caller's abort → `aborted` (not retryable); a timeout → `timeout` (retryable, executed `unknown`);
 * a refused connection or an unknown host → `connection-refused` (retryable, executed `no`);
 * anything else on the network → `network` (retryable, executed `unknown`).
 * The ky error is not kept as `cause` because its `request` carries the credentials' headers.
 *
 * @example
 * try { await ky.post(url, options) } catch (error) { throw fromFetchFailure(error, { model, method }, signal) }
 */
export function fromFetchFailure(
  error: unknown,
  ctx: ErrorContext,
  signal?: AbortSignal,
): OdooTransportError {
  const base = { model: ctx.model, method: ctx.method, requestId: ctx.requestId };
  if (signal?.aborted) {
    return new OdooTransportError({
      ...base,
      failure: 'aborted',
      serverMessage: 'Request aborted by the caller',
      retryable: false,
      executed: 'unknown',
      cause: signal.reason,
    });
  }
  // ky's own TimeoutError, or the DOMException of the per-attempt AbortSignal.timeout.
  if (isTimeoutError(error) || (error as { name?: unknown } | null)?.name === 'TimeoutError') {
    return new OdooTransportError({
      ...base,
      failure: 'timeout',
      serverMessage: 'Request timed out',
      retryable: true,
      executed: 'unknown',
    });
  }
  const { code, root } = findCode(error);
  // Messages of local failures can quote the request (an invalid header value holds the API key).
  const message = redact(root instanceof Error ? root.message : String(root), ctx.secrets);
  // fetch throws a TypeError without a system code for a request it refuses to build (a bad header,
  // a bad URL): a configuration error, nothing was sent, and retrying cannot help.
  if (code === undefined && error instanceof TypeError && error.message !== 'fetch failed') {
    return new OdooTransportError({
      ...base,
      failure: 'bad-request',
      serverMessage: `The request could not be built: ${message}`,
      retryable: false,
      executed: 'no',
    });
  }
  const refused = code !== undefined && NOT_SENT_CODES.has(code);
  return new OdooTransportError({
    ...base,
    failure: refused ? 'connection-refused' : 'network',
    serverMessage: `Network error${code ? ` ${code}` : ''}: ${message}`,
    retryable: true,
    executed: refused ? 'no' : 'unknown',
    // Only a system error (with its code) is kept as cause: anything else may carry the request.
    ...(code !== undefined ? { cause: root } : {}),
  });
}
