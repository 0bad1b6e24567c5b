import { isOdooError } from '../errors/OdooError.js';
import { OdooTransportError } from '../errors/OdooTransportError.js';
import { Http } from './http.js';
import { JsonRpcChannel } from './jsonRpcChannel.js';
import type { CallOptions, ServerVersion } from './types.js';

export interface DetectServerOptions extends CallOptions {
  /** The `fetch` to use. @default globalThis.fetch */
  readonly fetch?: typeof fetch;
}

/** The major version from `[19, 0, …]`, else from `'saas~18.2'` / `'18.0+e'`. */
function majorOf(info: readonly (string | number)[], version: string): number {
  if (typeof info[0] === 'number') return info[0];
  const match = /(\d+)/.exec(version.replace(/^saas~/, ''));
  return match?.[1] ? Number(match[1]) : Number.NaN;
}

/** Reads `{ server_version, server_version_info, protocol_version }` (JSON-RPC answers). */
function fromRpcResult(result: unknown): ServerVersion | undefined {
  const r = result as {
    server_version?: unknown;
    server_version_info?: unknown;
    protocol_version?: unknown;
  } | null;
  if (typeof r?.server_version !== 'string' || !Array.isArray(r.server_version_info)) return undefined;
  const info = r.server_version_info as (string | number)[];
  return {
    serverVersion: r.server_version,
    serverVersionInfo: info,
    major: majorOf(info, r.server_version),
    ...(typeof r.protocol_version === 'number' ? { protocolVersion: r.protocol_version } : {}),
  };
}

/** Whether to try the next probe: the server answered, just not this route (404, HTML, an Odoo error). */
function isMissingRoute(error: unknown): boolean {
  if (!isOdooError(error)) return false;
  if (error instanceof OdooTransportError)
    return error.failure === 'bad-response' || error.failure === 'bad-request';
  return true;
}

/**
 * Asks the server its version, without credentials: `GET /web/version` (Odoo 19+), else
 * `POST /web/webclient/version_info` (JSON-RPC, `{}` params), else `/jsonrpc` `common.version`.
 * Network failures, timeouts and aborts are thrown at once, not hidden by the fallbacks.
 *
 * @example
 * const version = await detectServer('https://erp.example.com', { signal });
 * version.major // 19
 */
export async function detectServer(
  url: string | URL,
  options: DetectServerOptions = {},
): Promise<ServerVersion> {
  const http = new Http({ url, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const channel = new JsonRpcChannel(http);
  const call: CallOptions = {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  };
  const probes: (() => Promise<ServerVersion | undefined>)[] = [
    async () => {
      const answer = await http.send(
        { method: 'GET', path: 'web/version', ctx: { method: 'web/version' } },
        call,
      );
      const body = answer.body as { version?: unknown; version_info?: unknown } | null;
      if (answer.status !== 200 || typeof body?.version !== 'string' || !Array.isArray(body.version_info)) {
        return undefined;
      }
      const info = body.version_info as (string | number)[];
      return { serverVersion: body.version, serverVersionInfo: info, major: majorOf(info, body.version) };
    },
    async () => fromRpcResult((await channel.send('web/webclient/version_info', {}, call)).result),
    async () =>
      fromRpcResult(
        (await channel.send('jsonrpc', { service: 'common', method: 'version', args: [] }, call)).result,
      ),
  ];
  let lastError: unknown;
  for (const probe of probes) {
    try {
      const version = await probe();
      if (version) return version;
    } catch (error) {
      if (!isMissingRoute(error)) throw error;
      lastError = error;
    }
  }
  throw new OdooTransportError({
    method: 'version',
    failure: 'bad-response',
    serverMessage: 'The server answered none of the version routes; is it Odoo?',
    executed: 'no',
    cause: lastError,
  });
}
