import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { FieldsGetResult, GenerateInput } from './types.js';

type Json = unknown;

const isObject = (value: Json): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isFieldsGetResult(value: Json): value is FieldsGetResult {
  return (
    isObject(value) &&
    Object.values(value).every((field) => isObject(field) && typeof field.type === 'string')
  );
}

/** The model and answer of one recorded exchange, or `undefined` when it is not a `fields_get`. */
function fromRecording(entry: Json): [string, FieldsGetResult] | undefined {
  if (!isObject(entry) || !isObject(entry.request) || !isObject(entry.response)) return undefined;
  const { request, response } = entry;
  const path = typeof request.path === 'string' ? request.path : '';
  const json2 = /^\/json\/2\/([^/]+)\/fields_get$/.exec(path);
  if (json2?.[1] !== undefined) {
    return isFieldsGetResult(response.body) ? [decodeURIComponent(json2[1]), response.body] : undefined;
  }
  const body = request.body;
  const args = isObject(body) && isObject(body.params) ? body.params.args : undefined;
  const result = isObject(response.body) ? response.body.result : undefined;
  if (!Array.isArray(args) || args[4] !== 'fields_get' || typeof args[3] !== 'string') return undefined;
  return isFieldsGetResult(result) ? [args[3], result] : undefined;
}

/**
 * Reads `fields_get` answers from a parsed JSON document in any of three shapes:
 * `{ version?, models: { model: fields_get } }`, a plain `{ model: fields_get }` map, or an array of
 * recorded exchanges `{ note, request, response }` (JSON-RPC `execute_kw` or JSON-2
 * `POST /json/2/<model>/fields_get`). Throws a `TypeError` naming the shape it expected.
 *
 * @example
 * parseFieldsGetDocument({ 'res.partner': { name: { type: 'char' } } }, '18.0');
 * // { version: '18.0', models: { 'res.partner': { name: { type: 'char' } } } }
 */
export function parseFieldsGetDocument(document: Json, fallbackVersion = 'unknown'): GenerateInput {
  if (Array.isArray(document)) {
    const models: Record<string, FieldsGetResult> = {};
    for (const entry of document) {
      const found = fromRecording(entry);
      if (found !== undefined) models[found[0]] = found[1];
    }
    if (Object.keys(models).length === 0)
      throw new TypeError('No fields_get exchange found in the recordings');
    return { version: fallbackVersion, models };
  }
  if (isObject(document) && isObject(document.models)) {
    const { models } = document;
    const version = typeof document.version === 'string' ? document.version : fallbackVersion;
    if (Object.values(models).every(isFieldsGetResult))
      return { version, models: models as Record<string, FieldsGetResult> };
  }
  if (isObject(document) && Object.values(document).every(isFieldsGetResult)) {
    return { version: fallbackVersion, models: document as Record<string, FieldsGetResult> };
  }
  throw new TypeError(
    'Expected { model: fields_get }, { version, models } or an array of recorded { request, response } exchanges',
  );
}

/**
 * Reads a saved `fields_get` file (see {@link parseFieldsGetDocument} for the accepted shapes). When
 * the file does not say its version, a parent directory named like a version (`18.0/fields_get.json`)
 * does; else the version is `'unknown'`.
 *
 * @example
 * const input = await readFieldsGetFile('recordings/odoo/18.0/fields_get.json');
 * input.version; // '18.0'
 */
export async function readFieldsGetFile(path: string): Promise<GenerateInput> {
  const text = await readFile(path, 'utf8');
  const directory = basename(dirname(path));
  const fallback = /^\d+\.\d+/.test(directory) ? directory : 'unknown';
  return parseFieldsGetDocument(JSON.parse(text) as Json, fallback);
}
