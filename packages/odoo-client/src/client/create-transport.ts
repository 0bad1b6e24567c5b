import {
  chooseTransport,
  detectServer,
  Json2Transport,
  JsonRpcTransport,
  SessionTransport,
} from '../transport/index.js';
import type { CallOptions, ServerVersion, Transport, TransportName } from '../transport/types.js';
import type { OdooClientOptions } from './options.js';

/**
 * The transport a client talks through: the one asked for, or under `auto` the one
 * `chooseTransport` picks for the server's version and the credentials.
 */
export async function createTransport(
  options: OdooClientOptions,
  callOptions: CallOptions,
): Promise<{ transport: Transport; version: ServerVersion | undefined }> {
  const { url, db, auth } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  let version: ServerVersion | undefined;
  let name: TransportName;
  if (options.transport === undefined || options.transport === 'auto') {
    version = await detectServer(url, callOptions);
    name = chooseTransport(version, auth);
  } else {
    name = options.transport;
  }
  return { transport: build(name), version };

  function build(transport: TransportName): Transport {
    if (transport === 'json-2') {
      if (auth.apiKey === undefined)
        throw misconfigured('the JSON-2 transport needs an API key (auth: { apiKey })');
      return new Json2Transport({ url, db, apiKey: auth.apiKey, timeoutMs });
    }
    if (transport === 'session') {
      if (auth.password === undefined) {
        throw misconfigured(
          'the session transport takes a password; Odoo refuses API keys on /web/session/authenticate',
        );
      }
      return new SessionTransport({ url, db, login: auth.login, password: auth.password, timeoutMs });
    }
    const secret = auth.password ?? auth.apiKey;
    if (auth.login === undefined || secret === undefined) {
      throw misconfigured('the JSON-RPC transport needs a login with the password or API key');
    }
    return new JsonRpcTransport({ url, db, login: auth.login, secret, timeoutMs });
  }
}

/** A configuration that cannot work: a programming error, reported before anything is sent. */
function misconfigured(message: string): TypeError {
  return new TypeError(`createOdooClient: ${message}`);
}
