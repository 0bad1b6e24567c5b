import { describe, expect, it } from 'vitest';
import type { EngineCall, FakeOdooEngineInstance } from '../src/odoo/engine/index.js';
import { OdooFault } from '../src/odoo/engine/index.js';
import { type Exchange, engineFor, recording, stripDates } from './engine-helpers.js';

type Outcome = { result: unknown } | { error: string; message: string };

/** The engine call of a recorded request, or undefined for non-model requests. */
function toCall(engine: FakeOdooEngineInstance, ex: Exchange): EngineCall | undefined {
  const { path, body, headers } = ex.request;
  // Transport-level answers (expired session, unknown database) are the HTTP layer's.
  if (typeof ex.response.body === 'string') return undefined;
  if (JSON.stringify(ex.response.body).includes('SessionExpiredException')) return undefined;
  if (path === '/jsonrpc') {
    const params = (body as { params?: { service?: string; args?: unknown[] } }).params;
    if (params?.service !== 'object') return undefined;
    const [, uid, , model, method, args = [], kwargs = {}] = params.args ?? [];
    return {
      model: String(model),
      method: String(method),
      style: 'positional',
      args: args as unknown[],
      kwargs: kwargs as Record<string, unknown>,
      uid: Number(uid),
    };
  }
  if (path.startsWith('/web/dataset/call_kw')) {
    if (!headers.Cookie && !headers.cookie) return undefined;
    const p = (
      body as { params: { model: string; method: string; args: unknown[]; kwargs: Record<string, unknown> } }
    ).params;
    return { model: p.model, method: p.method, style: 'positional', args: p.args, kwargs: p.kwargs, uid: 2 };
  }
  const m = /^\/json\/2\/([^/]+)\/([^/]+)$/.exec(path);
  if (m && ex.request.method === 'POST' && typeof body === 'object' && body !== null) {
    const auth = Object.entries(headers).find(([k]) => k.toLowerCase() === 'authorization')?.[1] ?? '';
    const uid = engine.userForApiKey(auth.replace(/^bearer /i, ''));
    if (uid === false) return undefined;
    const { ids, ...kwargs } = body as Record<string, unknown>;
    return {
      model: m[1] ?? '',
      method: m[2] ?? '',
      style: 'named',
      args: [],
      ...(Array.isArray(ids) ? { ids: ids as number[] } : {}),
      kwargs,
      uid,
    };
  }
  return undefined;
}

function expected(ex: Exchange): Outcome {
  const body = ex.response.body as Record<string, unknown>;
  if (ex.request.path.startsWith('/json/2/')) {
    if (ex.response.status === 200) return { result: body };
    return { error: String(body.name), message: String(body.message) };
  }
  const error = body.error as { data: { name: string; message: string } } | undefined;
  if (error) return { error: error.data.name, message: error.data.message };
  return { result: 'result' in body ? body.result : null };
}

function actual(engine: FakeOdooEngineInstance, call: EngineCall): Outcome {
  try {
    return { result: engine.execute(call) };
  } catch (e) {
    if (e instanceof OdooFault) return { error: e.exception, message: e.message };
    throw e;
  }
}

const FILES = {
  '18.0': ['session', 'read', 'fields_get', 'flow', 'inventory', 'errors'],
  '19.0': ['read', 'fields_get', 'flow', 'errors', 'jsonrpc'],
} as const;

for (const [dir, files] of Object.entries(FILES) as [keyof typeof FILES, readonly string[]][]) {
  describe(`replaying the ${dir} recordings`, () => {
    const engine = engineFor(dir === '19.0' ? 19 : 18);
    for (const file of files) {
      for (const [i, ex] of recording(dir, file).entries()) {
        const call = toCall(engine, ex);
        if (!call) continue;
        it(`${file}#${i}: ${ex.note}`, () => {
          expect(stripDates(actual(engine, call))).toEqual(stripDates(expected(ex)));
        });
      }
    }
  });
}
