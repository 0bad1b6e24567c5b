import type { ServerVersion, TransportName } from './types.js';

/**
 * How the client authenticates: a user's password, or an API key (Preferences → Account Security).
 *
 * @example { login: 'admin', password: 'admin' }
 * @example { login: 'admin', apiKey: process.env.ODOO_API_KEY }
 */
export type OdooAuth =
  | { readonly login: string; readonly password: string; readonly apiKey?: never }
  | { readonly login?: string; readonly apiKey: string; readonly password?: never };

/**
 * Picks the transport for a server and credentials:
 *
 * | credentials | Odoo < 19 | Odoo ≥ 19 |
 * |---|---|---|
 * | password | `session` | `session` |
 * | API key | `json-rpc` | `json-2` |
 *
 * The session route is the fastest per call wherever a password is available (no per-call key hashing)
 * but refuses API keys; JSON-2 needs an API key and exists from 19 on.
 *
 * @example
 * chooseTransport({ major: 19, serverVersion: '19.0', serverVersionInfo: [19, 0] }, { apiKey }) // 'json-2'
 * chooseTransport(18, { login: 'admin', password: 'admin' }) // 'session'
 */
export function chooseTransport(version: ServerVersion | number, auth: OdooAuth): TransportName {
  const major = typeof version === 'number' ? version : version.major;
  if (typeof auth.apiKey === 'string') return major >= 19 ? 'json-2' : 'json-rpc';
  return 'session';
}
