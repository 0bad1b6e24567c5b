import { readFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeOdooEngine } from '../src/odoo/engine/index.js';
import { type FakeOdooEngine, type FakeOdooVersion, OdooFault } from '../src/odoo/engine/types.js';
import { createOdooHandlers } from '../src/odoo/http/index.js';

/**
 * Replays every recorded exchange of recordings/odoo/<version>/*.json against one fresh fake per
 * version (seed 'recordings'), files in the order they were recorded so that ids line up, and
 * compares the answers structurally.
 */

interface Exchange {
  readonly note: string;
  readonly request: { method: string; path: string; headers: Record<string, string>; body: unknown };
  readonly response: { status: number; headers: Record<string, string>; body: unknown };
}

const SHARED = new URL('../../../recordings/odoo/', import.meta.url);
const ORDER: Record<FakeOdooVersion, string[]> = {
  17: [],
  18: ['version', 'auth', 'session', 'read', 'fields_get', 'flow', 'inventory', 'errors'],
  19: ['version', 'read', 'fields_get', 'flow', 'errors', 'jsonrpc'],
};

function load(version: FakeOdooVersion, file: string): Exchange[] {
  return JSON.parse(readFileSync(new URL(`${version}.0/${file}.json`, SHARED), 'utf8')) as Exchange[];
}

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/**
 * Structural comparison: the same JSON type everywhere, the same keys in objects, and for lists the
 * shape of the first element (an empty expected list at the top level must stay empty).
 * Answers the differences as `path: expected … got …` lines (none when the shapes agree).
 */
function sameShape(actual: unknown, expected: unknown, path = '$', top = true): string[] {
  const [a, e] = [typeOf(actual), typeOf(expected)];
  if (a !== e)
    return [
      `${path}: expected ${e} ${JSON.stringify(expected)?.slice(0, 60)}, got ${a} ${JSON.stringify(actual)?.slice(0, 60)}`,
    ];
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (top && (expected.length === 0) !== (actual.length === 0))
      return [`${path}: expected ${expected.length} items, got ${actual.length}`];
    if (expected.length === 0 || actual.length === 0) return [];
    return sameShape(actual[0], expected[0], `${path}[0]`, false);
  }
  if (e === 'object') {
    const ak = Object.keys(actual as object).sort();
    const ek = Object.keys(expected as object).sort();
    const missing = ek.filter((k) => !ak.includes(k));
    const extra = ak.filter((k) => !ek.includes(k));
    const out: string[] = [];
    if (missing.length > 0) out.push(`${path}: missing keys ${missing.join(', ')}`);
    if (extra.length > 0) out.push(`${path}: extra keys ${extra.join(', ')}`);
    for (const k of ek) {
      if (ak.includes(k))
        out.push(
          ...sameShape(
            (actual as Record<string, unknown>)[k],
            (expected as Record<string, unknown>)[k],
            `${path}.${k}`,
            false,
          ),
        );
    }
    return out;
  }
  return [];
}

/** Recorded id → the fake's id, learnt where the recording created records and the fake numbered them differently. */
class IdMap {
  readonly #map = new Map<number, number>();

  learn(expected: unknown, actual: unknown, key = ''): void {
    if (typeof expected === 'number' && typeof actual === 'number') {
      if (
        expected !== actual &&
        (key === 'id' || key.endsWith('_id') || key.endsWith('_ids') || key === 'res_id' || key === '$create')
      ) {
        this.#map.set(expected, actual);
      }
      return;
    }
    if (Array.isArray(expected) && Array.isArray(actual)) {
      const isPair = expected.length === 2 && typeof expected[1] === 'string';
      expected.forEach((item, i) => {
        if (!isPair || i === 0) this.learn(item, actual[i], key);
      });
      return;
    }
    if (typeOf(expected) === 'object' && typeOf(actual) === 'object') {
      for (const [k, v] of Object.entries(expected as object))
        this.learn(v, (actual as Record<string, unknown>)[k], k);
    }
  }

  /** Rewrites recorded ids in request arguments (not quantities, limits or the envelope id). */
  rewrite<T>(value: T, key = ''): T {
    if (this.#map.size === 0) return value;
    if (typeof value === 'number') return (SKIP.has(key) ? value : (this.#map.get(value) ?? value)) as T;
    if (Array.isArray(value)) return value.map((v) => this.rewrite(v, key)) as T;
    if (typeOf(value) === 'object') {
      return Object.fromEntries(
        Object.entries(value as object).map(([k, v]) => [k, this.rewrite(v, k)]),
      ) as T;
    }
    return value;
  }
}

const SKIP = new Set([
  'limit',
  'offset',
  'quantity',
  'product_uom_qty',
  'inventory_quantity',
  'price_unit',
  'qty',
  'voice_active_duration',
]);

function rewriteRequest(body: unknown, ids: IdMap): unknown {
  if (typeOf(body) !== 'object') return body;
  const b = body as Record<string, unknown>;
  if (!('jsonrpc' in b)) return ids.rewrite(b);
  const params = b.params as Record<string, unknown> | undefined;
  if (!params) return b;
  if (Array.isArray(params.args) && params.service === 'object') {
    const args = params.args as unknown[];
    return { ...b, params: { ...params, args: [...args.slice(0, 5), ...ids.rewrite(args.slice(5))] } };
  }
  return { ...b, params: ids.rewrite(params) };
}

/**
 * An engine that answers each model call with what the recording answered (or raised): replaying
 * against it checks the HTTP layer alone, whatever the state of the real engine.
 */
function oracleEngine(version: FakeOdooVersion): FakeOdooEngine {
  const answers = new Map<
    string,
    { result?: unknown; error?: { name: string; message: string; arguments: unknown[] } }
  >();
  let info: Record<string, unknown> = {};
  for (const file of ORDER[version]) {
    for (const { request, response } of load(version, file)) {
      const req = request.body as Record<string, unknown> | null;
      const body = response.body;
      if (typeOf(req) !== 'object' || req === null) continue;
      const res = (typeOf(body) === 'object' ? body : {}) as Record<string, unknown>;
      const params = req.params as Record<string, unknown> | undefined;
      const args = params?.args as unknown[] | undefined;
      if (params?.service === 'common' && params.method === 'version')
        info = res.result as Record<string, unknown>;
      let key: string | undefined;
      if (params?.service === 'object' && args)
        key = JSON.stringify(['positional', args[3], args[4], args[5] ?? [], args[6] ?? {}]);
      else if (request.path.startsWith('/web/dataset/call_kw'))
        key = JSON.stringify([
          'positional',
          params?.model,
          params?.method,
          params?.args ?? [],
          params?.kwargs ?? {},
        ]);
      else if (request.path.startsWith('/json/2/')) {
        const [, , , model, method] = request.path.split('/');
        const { ids, ...kwargs } = req;
        key = JSON.stringify(['named', model, method, ids ?? null, kwargs]);
      }
      if (key === undefined) continue;
      const error = (
        res.error as { data: { name: string; message: string; arguments: unknown[] } } | undefined
      )?.data;
      if (error) answers.set(key, { error });
      else if ('jsonrpc' in res) answers.set(key, { result: res.result });
      else if (response.status >= 400)
        answers.set(key, { error: res as { name: string; message: string; arguments: unknown[] } });
      else answers.set(key, { result: body });
    }
  }
  if (version === 19)
    info = {
      server_version: '19.0',
      server_version_info: [19, 0, 0, 'final', 0, ''],
      server_serie: '19.0',
      protocol_version: 1,
    };
  const users = [
    { id: 2, login: 'admin', secrets: ['admin', '<api-key>'] },
    { id: 6, login: 'demo', secrets: ['demo', '<demo-api-key>'] },
  ];
  const engine: FakeOdooEngine & { users: typeof users } = {
    version,
    database: 'odoo',
    users, // read by the HTTP layer to check `execute_kw` passwords
    versionInfo: () => info,
    authenticate: (login, secret) =>
      users.find((u) => u.login === login && u.secrets.includes(secret))?.id ?? false,
    userForApiKey: (key) => users.find((u) => u.secrets.includes(key) && key.startsWith('<'))?.id ?? false,
    execute(call): unknown {
      const key =
        call.style === 'named'
          ? JSON.stringify(['named', call.model, call.method, call.ids ?? null, call.kwargs])
          : JSON.stringify(['positional', call.model, call.method, call.args, call.kwargs]);
      const answer = answers.get(key);
      if (answer === undefined) throw new OdooFault('builtins.Exception', `not recorded: ${key}`);
      if (answer.error) throw new OdooFault(answer.error.name, answer.error.message, answer.error.arguments);
      return answer.result;
    },
  };
  return engine;
}

const results = new Map<string, { passed: number; total: number; failures: string[] }>();

async function loadEngine(version: FakeOdooVersion): Promise<FakeOdooEngine> {
  return createFakeOdooEngine({ version, seed: 'recordings' });
}

for (const [mode, version] of [
  ['oracle', 18],
  ['oracle', 19],
  ['engine', 18],
  ['engine', 19],
] as const) {
  describe(`fidelity ${version}.0 (${mode})`, () => {
    const url = `http://odoo-fidelity-${mode}-${version}.test`;
    const server = setupServer();
    const ids = new IdMap();
    let cookie: string | undefined;
    let missingEngine: unknown;
    beforeAll(async () => {
      server.listen({ onUnhandledFrame: 'error' });
      try {
        const engine = mode === 'oracle' ? oracleEngine(version) : await loadEngine(version);
        server.use(...createOdooHandlers({ url, version, engine }));
      } catch (error) {
        missingEngine = error; // every exchange fails with it, none is skipped
      }
    });
    afterAll(() => server.close());

    for (const file of ORDER[version]) {
      describe(file, () => {
        const exchanges = load(version, file);
        const tally = { passed: 0, total: exchanges.length, failures: [] as string[] };
        results.set(`${mode} ${version}.0/${file}.json`, tally);
        exchanges.forEach((exchange, index) => {
          it(`#${index} ${exchange.note}`, async () => {
            try {
              await replay(exchange);
              tally.passed++;
            } catch (error) {
              tally.failures.push(
                `#${index} ${exchange.note}: ${(error as Error).message.split('\n').slice(0, 6).join(' | ')}`,
              );
              throw error;
            }
          });
        });
      });
    }

    async function replay({ note, request, response }: Exchange): Promise<void> {
      if (missingEngine !== undefined) throw missingEngine;
      const headers = new Headers(request.headers);
      if (headers.has('cookie')) {
        // the recorded cookie is redacted: send the live session, except where the exchange is about a dead one
        headers.set(
          'cookie',
          /expired|invalid/i.test(note) || !cookie ? 'session_id=expired-or-unknown' : cookie,
        );
      }
      const body =
        request.body === null
          ? undefined
          : typeof request.body === 'string'
            ? request.body
            : JSON.stringify(rewriteRequest(request.body, ids));
      const res = await fetch(`${url}${request.path}`, {
        method: request.method,
        headers,
        ...(body === undefined ? {} : { body }),
      });

      const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('session_id='));
      if (setCookie && request.path === '/web/session/authenticate') cookie = setCookie.split(';')[0];

      expect(
        res.status,
        `HTTP status (${res.status >= 400 ? (await res.clone().text()).slice(0, 300) : ''})`,
      ).toBe(response.status);
      expect(res.headers.get('content-type'), 'content-type').toBe(response.headers['content-type']);
      const recordedCookie = (response.headers['set-cookie'] ?? '').includes('session_id=');
      expect(setCookie !== undefined, 'sets session_id').toBe(recordedCookie);
      if (response.headers['www-authenticate'] !== undefined) {
        expect(res.headers.get('www-authenticate'), 'www-authenticate').toBe(
          response.headers['www-authenticate'],
        );
      }
      if (typeof response.body === 'string') {
        expect(await res.text()).toBe(response.body);
        return;
      }
      const actual = (await res.json()) as unknown;
      const expected = response.body;
      if (typeOf(expected) === 'object' && 'jsonrpc' in (expected as object)) {
        const e = expected as Record<string, unknown>;
        const a = actual as Record<string, unknown>;
        expect(
          Object.keys(a).sort(),
          `envelope keys (${JSON.stringify(a.error ?? '').slice(0, 300)})`,
        ).toEqual(Object.keys(e).sort());
        expect(a.id, 'envelope id').toEqual(e.id);
        if (e.error !== undefined) {
          const ee = e.error as { code: number; message: string; data: Record<string, unknown> };
          const ae = a.error as { code: number; message: string; data: Record<string, unknown> };
          expect(
            [ae.code, ae.message, ae.data.name],
            `error (${String(ae.data.message).slice(0, 200)})`,
          ).toEqual([ee.code, ee.message, ee.data.name]);
          expect(Object.keys(ae.data).sort(), 'error.data keys').toEqual(Object.keys(ee.data).sort());
          return;
        }
        expect(sameShape(a.result, e.result), 'result shape').toEqual([]);
        ids.learn(e.result, a.result, isCreate(request.body) ? '$create' : '');
        return;
      }
      if (response.status >= 400) {
        const e = expected as Record<string, unknown>;
        const a = actual as Record<string, unknown>;
        expect(a.name, 'JSON-2 error name').toBe(e.name);
        expect(Object.keys(a).sort(), 'JSON-2 error keys').toEqual(Object.keys(e).sort());
        return;
      }
      expect(sameShape(actual, expected), 'JSON-2 result shape').toEqual([]);
      ids.learn(expected, actual, request.path.endsWith('/create') ? '$create' : '');
    }
  });
}

function isCreate(body: unknown): boolean {
  const params = (body as { params?: { args?: unknown[]; method?: unknown } }).params;
  return params?.args?.[4] === 'create' || params?.method === 'create';
}

afterAll(() => {
  const lines = [...results].map(
    ([file, r]) =>
      `${file}: ${r.passed}/${r.total}${r.failures.length > 0 ? `\n    ${r.failures.join('\n    ')}` : ''}`,
  );
  console.log(`fidelity replay\n  ${lines.join('\n  ')}`);
});

describe('sameShape', () => {
  it('accepts the same keys and types, comparing the first element of lists', () => {
    expect(
      sameShape([{ id: 1, partner_id: [3, 'A'] }, { id: 2 }], [{ id: 9, partner_id: [4, 'B'] }]),
    ).toEqual([]);
    expect(sameShape({ a: [] }, { a: [1, 2] })).toEqual([]);
  });

  it('flags other types, missing or extra keys, and an empty top-level list', () => {
    expect(sameShape({ lot_id: false }, { lot_id: [1, 'L'] })).toHaveLength(1);
    expect(sameShape({ a: 1, b: 2 }, { a: 1, c: 2 })).toEqual(['$: missing keys c', '$: extra keys b']);
    expect(sameShape([], [{ id: 1 }])).toHaveLength(1);
    expect(sameShape([{ id: 1 }], [])).toHaveLength(1);
    expect(sameShape(1, '1')).toHaveLength(1);
  });
});
