import type { FieldsGetResult, GenerateInput } from './types.js';

/** The `fields_get` attributes the codegen reads. */
export const FIELD_ATTRIBUTES = [
  'string',
  'type',
  'required',
  'readonly',
  'relation',
  'selection',
  'store',
] as const;

/**
 * Where and how to read `fields_get` from a live server.
 *
 * @example
 * const source: LiveSource = {
 *   url: 'https://odoo.example.com', db: 'odoo', transport: 'json-rpc', login: 'admin',
 *   secret: process.env.ODOO_PASSWORD ?? '', models: ['sale.order'],
 * };
 */
export interface LiveSource {
  /** Server root, e.g. `'https://odoo.example.com'`. */
  readonly url: string;
  /** Database name; required for `json-rpc`, sent as `X-Odoo-Database` for `json-2` when given. */
  readonly db?: string;
  /** `json-rpc`: `/jsonrpc` `common.login` then `execute_kw`; `json-2`: `POST /json/2/<model>/fields_get` (Odoo 19+). */
  readonly transport: 'json-rpc' | 'json-2';
  /** Login for `json-rpc`. */
  readonly login?: string;
  /** Password or API key. Never logged, never put in an error message. */
  readonly secret: string;
  readonly models: readonly string[];
  /** Called before each model is read, e.g. to print `fetching fields 3/13 stock.move`. */
  readonly onProgress?: (index: number, total: number, model: string) => void;
  /** The `fetch` to use. Default: the global one. */
  readonly fetch?: typeof fetch;
  readonly signal?: AbortSignal;
}

/** A failure reading from the server; its message never holds the secret. */
export class FetchFieldsError extends Error {
  override readonly name = 'FetchFieldsError';
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function redact(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join('***');
}

async function postJson(source: LiveSource, path: string, body: unknown, headers: Record<string, string>) {
  const doFetch = source.fetch ?? fetch;
  const url = new URL(path, source.url.endsWith('/') ? source.url : `${source.url}/`);
  const init: RequestInit = {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
  if (source.signal !== undefined) init.signal = source.signal;
  const response = await doFetch(url, init);
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new FetchFieldsError(`${path} answered HTTP ${response.status} with a body that is not JSON`);
  }
  if (!response.ok) {
    const detail = isObject(parsed) ? `${String(parsed.name)}: ${String(parsed.message)}` : '';
    throw new FetchFieldsError(
      redact(`${path} answered HTTP ${response.status} ${detail}`.trim(), source.secret),
    );
  }
  return parsed;
}

let nextId = 1;

async function jsonRpc(
  source: LiveSource,
  service: string,
  method: string,
  args: unknown[],
): Promise<unknown> {
  const body = { jsonrpc: '2.0', method: 'call', params: { service, method, args }, id: nextId++ };
  const answer = await postJson(source, 'jsonrpc', body, {});
  if (isObject(answer) && isObject(answer.error)) {
    const data = isObject(answer.error.data) ? answer.error.data : {};
    const text = `${String(data.name ?? 'error')}: ${String(data.message ?? answer.error.message)}`;
    throw new FetchFieldsError(redact(`${service}.${method} failed: ${text}`, source.secret));
  }
  return isObject(answer) ? answer.result : undefined;
}

function checkFields(model: string, result: unknown): FieldsGetResult {
  if (!isObject(result)) throw new FetchFieldsError(`fields_get of ${model} did not answer an object`);
  return result as FieldsGetResult;
}

async function readJsonRpc(source: LiveSource): Promise<GenerateInput> {
  const { db, login, secret } = source;
  if (db === undefined || login === undefined)
    throw new FetchFieldsError('json-rpc needs a database and a login');
  const version = await jsonRpc(source, 'common', 'version', []);
  const uid = await jsonRpc(source, 'common', 'login', [db, login, secret]);
  if (typeof uid !== 'number') throw new FetchFieldsError(`login refused for ${login} on ${db}`);
  const models: Record<string, FieldsGetResult> = {};
  for (const [index, model] of source.models.entries()) {
    source.onProgress?.(index + 1, source.models.length, model);
    const options = { attributes: FIELD_ATTRIBUTES };
    const result = await jsonRpc(source, 'object', 'execute_kw', [
      db,
      uid,
      secret,
      model,
      'fields_get',
      [],
      options,
    ]);
    models[model] = checkFields(model, result);
  }
  const serverVersion = isObject(version) ? version.server_version : undefined;
  return { version: typeof serverVersion === 'string' ? serverVersion : 'unknown', models };
}

async function readJson2(source: LiveSource): Promise<GenerateInput> {
  const headers: Record<string, string> = { authorization: `bearer ${source.secret}` };
  if (source.db !== undefined) headers['x-odoo-database'] = source.db;
  const models: Record<string, FieldsGetResult> = {};
  for (const [index, model] of source.models.entries()) {
    source.onProgress?.(index + 1, source.models.length, model);
    const path = `json/2/${encodeURIComponent(model)}/fields_get`;
    models[model] = checkFields(
      model,
      await postJson(source, path, { attributes: FIELD_ATTRIBUTES }, headers),
    );
  }
  let version = 'unknown';
  try {
    const answer = await (source.fetch ?? fetch)(new URL('web/version', `${source.url.replace(/\/$/, '')}/`));
    const body: unknown = answer.ok ? await answer.json() : undefined;
    if (isObject(body) && typeof body.version === 'string') version = body.version;
  } catch {
    // The version only labels the header; a server without /web/version still generates.
  }
  return { version, models };
}

/**
 * Reads `fields_get` of each model from a live server with plain `fetch`, in order, reporting
 * progress. JSON-RPC logs in with `common.login` first (Odoo answers `false` for a wrong password).
 *
 * @example
 * const input = await fetchFieldsGet({
 *   url: 'http://localhost:8069', db: 'odoo', transport: 'json-2', secret: apiKey, models: ['res.partner'],
 * });
 * generateModels(input);
 */
export function fetchFieldsGet(source: LiveSource): Promise<GenerateInput> {
  return source.transport === 'json-2' ? readJson2(source) : readJsonRpc(source);
}
