import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeOdooEngine } from '../src/odoo/engine/index.js';
import {
  type EngineCall,
  type FakeOdooEngine,
  type FakeOdooVersion,
  OdooFault,
} from '../src/odoo/engine/types.js';
import { createOdooHandlers, type OdooHandlers, serveFakeOdoo } from '../src/odoo/http/index.js';

/** A tiny engine with partners only: the HTTP layer is under test here, not the engine. */
function miniEngine(version: FakeOdooVersion): FakeOdooEngine {
  const partners = new Map<number, { id: number; name: string; is_company: boolean }>([
    [1, { id: 1, name: 'My Company', is_company: true }],
    [3, { id: 3, name: 'Mitchell Admin', is_company: false }],
  ]);
  let next = 100;
  const users = [
    { id: 2, login: 'admin', password: 'admin', key: '<api-key>', name: 'Mitchell Admin', partner: 3 },
    { id: 6, login: 'demo', password: 'demo', key: 'demo-key', name: 'Marc Demo', partner: 7 },
  ];
  const info = {
    server_version: `${version}.0`,
    server_version_info: [version, 0, 0, 'final', 0, ''],
    server_serie: `${version}.0`,
    protocol_version: 1,
  };
  return {
    version,
    database: 'odoo',
    versionInfo: () => ({ ...info }),
    authenticate: (login, secret) =>
      users.find((u) => u.login === login && (u.password === secret || u.key === secret))?.id ?? false,
    userForApiKey: (key) => users.find((u) => u.key === key)?.id ?? false,
    execute(call: EngineCall): unknown {
      const ids = call.style === 'named' ? (call.ids ?? []) : ((call.args[0] as number[] | undefined) ?? []);
      if (call.model === 'res.users' && call.method === 'read') {
        return users
          .filter((u) => ids.includes(u.id))
          .map((u) => ({ id: u.id, name: u.name, login: u.login, partner_id: [u.partner, u.name] }));
      }
      if (call.model !== 'res.partner')
        throw new OdooFault('odoo.exceptions.UserError', `Object ${call.model} doesn't exist`);
      if (call.uid === 6 && call.method === 'write')
        throw new OdooFault('odoo.exceptions.AccessError', 'You are not allowed to modify Contact');
      switch (call.method) {
        case 'search_count':
          return [...partners.values()].filter((p) => p.is_company).length;
        case 'search_read':
          return [...partners.values()].map((p) => ({ id: p.id, name: p.name }));
        case 'create': {
          const vals = (call.style === 'named' ? (call.kwargs.vals_list as unknown[])[0] : call.args[0]) as {
            name?: string;
          };
          if (!vals.name) throw new OdooFault('odoo.exceptions.ValidationError', 'Contacts require a name');
          const id = next++;
          partners.set(id, { id, name: vals.name, is_company: false });
          return call.style === 'named' ? [id] : id;
        }
        case 'write':
          if (ids.some((id) => !partners.has(id)))
            throw new OdooFault('odoo.exceptions.MissingError', 'Record does not exist or has been deleted.');
          return true;
        case 'bad_domain':
          throw new OdooFault('builtins.ValueError', "Invalid operator in condition ('name', 'no-op', 'x')");
        case 'nothing':
          return null;
        default:
          throw new OdooFault(
            'builtins.AttributeError',
            `The method '${call.method}' does not exist on the model '${call.model}'`,
          );
      }
    },
  };
}

const BASE = 'http://odoo.test';
const COMPANIES = [[['is_company', '=', true]]];

/** The number of companies, asked of the engine directly. */
function companies(odoo: OdooHandlers): unknown {
  return odoo.engine.execute({
    model: 'res.partner',
    method: 'search_count',
    style: 'positional',
    args: COMPANIES,
    kwargs: {},
    uid: 2,
  });
}

/** A JSON body, loosely typed for assertions. */
// biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary JSON
type Loose = any;
async function j(res: Response | Promise<Response>): Promise<Loose> {
  return (await res).json();
}

function rpc(
  url: string,
  path: string,
  params: unknown,
  init: { cookie?: string; id?: number } = {},
): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(init.cookie ? { cookie: init.cookie } : {}) },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params, id: init.id ?? 1 }),
  });
}

function executeKw(
  url: string,
  secret: string,
  model: string,
  method: string,
  args: unknown[],
  kwargs: object = {},
): Promise<Response> {
  return rpc(url, '/jsonrpc', {
    service: 'object',
    method: 'execute_kw',
    args: ['odoo', 2, secret, model, method, args, kwargs],
  });
}

function json2(
  url: string,
  model: string,
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}/json/2/${model}/${method}`, {
    method: 'POST',
    headers: {
      authorization: 'bearer <api-key>',
      'x-odoo-database': 'odoo',
      'content-type': 'application/json',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function login(url: string): Promise<string> {
  const res = await rpc(url, '/web/session/authenticate', { db: 'odoo', login: 'admin', password: 'admin' });
  const cookie = res.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/^session_id=[^;]+; Expires=.+; Max-Age=604800; HttpOnly; Path=\/$/);
  return cookie.split(';')[0] ?? '';
}

/** The route checks, run once through msw and once through the real server. */
function routeSuite(
  name: string,
  start: (
    version: FakeOdooVersion,
  ) => Promise<{ url: string; odoo: OdooHandlers; stop: () => Promise<void> }>,
): void {
  describe(name, () => {
    let url = '';
    let odoo: OdooHandlers;
    let stop: () => Promise<void> = async () => {};
    let url18 = '';
    let stop18: () => Promise<void> = async () => {};
    beforeAll(async () => {
      ({ url, odoo, stop } = await start(19));
      ({ url: url18, stop: stop18 } = await start(18));
    });
    afterAll(async () => {
      await stop();
      await stop18();
    });
    afterEach(() => odoo.faults.clear());

    it('common.version, login (false on a wrong password), authenticate', async () => {
      const version = await j(
        rpc(url, '/jsonrpc', { service: 'common', method: 'version', args: [] }, { id: 2 }),
      );
      expect(version).toEqual({
        jsonrpc: '2.0',
        id: 2,
        result: expect.objectContaining({ server_version: '19.0', protocol_version: 1 }),
      });
      const ok = await rpc(url, '/jsonrpc', {
        service: 'common',
        method: 'login',
        args: ['odoo', 'admin', 'admin'],
      });
      expect(ok.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await j(ok)).toEqual({ jsonrpc: '2.0', id: 1, result: 2 });
      const wrong = await rpc(url, '/jsonrpc', {
        service: 'common',
        method: 'login',
        args: ['odoo', 'admin', 'wrong'],
      });
      expect(await j(wrong)).toEqual({ jsonrpc: '2.0', id: 1, result: false });
      const auth = await rpc(url, '/jsonrpc', {
        service: 'common',
        method: 'authenticate',
        args: ['odoo', 'admin', 'admin', {}],
      });
      expect((await j(auth)).result).toBe(2);
    });

    it('execute_kw with a password or an API key; AccessDenied on a wrong one', async () => {
      const expected = companies(odoo);
      expect((await j(executeKw(url, 'admin', 'res.partner', 'search_count', COMPANIES))).result).toBe(
        expected,
      );
      expect((await j(executeKw(url, '<api-key>', 'res.partner', 'search_count', COMPANIES))).result).toBe(
        expected,
      );
      const denied = await j(executeKw(url, 'wrong', 'res.partner', 'search_count', [[]]));
      expect(denied.error.code).toBe(200);
      expect(denied.error.message).toBe('Odoo Server Error');
      expect(denied.error.data).toMatchObject({
        name: 'odoo.exceptions.AccessDenied',
        message: 'Access Denied',
        arguments: ['Access Denied'],
        context: {},
      });
      expect(denied.error.data.debug).toMatch(/^Traceback \(most recent call last\):/);
    });

    it('JSON-RPC errors: unknown db, missing params, unknown service, engine faults, private methods, bad JSON', async () => {
      const db = await j(
        rpc(url, '/jsonrpc', { service: 'common', method: 'login', args: ['nope', 'admin', 'admin'] }),
      );
      expect(db.error.data.name).toBe('psycopg2.OperationalError');
      const res = await fetch(`${url}/jsonrpc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 99 }),
      });
      const missing = await j(res);
      expect(missing.id).toBe(99);
      expect(missing.error.data.message).toBe(
        "RPC.jsonrpc() missing 3 required positional arguments: 'service', 'method', and 'args'",
      );
      const service = await j(rpc(url, '/jsonrpc', { service: 'nope', method: 'x', args: [] }));
      expect(service.error.data).toMatchObject({
        name: 'builtins.KeyError',
        message: 'nope',
        arguments: ['nope'],
      });
      const validation = await j(executeKw(url, 'admin', 'res.partner', 'create', [{}]));
      expect(validation.error.data.name).toBe('odoo.exceptions.ValidationError');
      const priv = await j(executeKw(url18, 'admin', 'res.partner', '_compute_display_name', [[1]]));
      expect(priv.error.data).toMatchObject({
        name: 'odoo.exceptions.AccessError',
        message: 'Private methods (such as _compute_display_name) cannot be called remotely.',
      });
      const bad = await fetch(`${url}/jsonrpc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"jsonrpc": "2.0", "params": ',
      });
      expect(bad.status).toBe(400);
      expect(bad.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await bad.text()).toBe('Invalid JSON data');
    });

    it('session: authenticate sets session_id, call_kw uses it, get_session_info, destroy has no result', async () => {
      const denied = await rpc(url, '/web/session/authenticate', {
        db: 'odoo',
        login: 'admin',
        password: 'wrong',
      });
      expect(denied.headers.get('set-cookie')).toBeNull();
      expect((await j(denied)).error.data.name).toBe('odoo.exceptions.AccessDenied');
      const cookie = await login(url);
      const call = await rpc(
        url,
        '/web/dataset/call_kw/res.partner/search_count',
        { model: 'res.partner', method: 'search_count', args: COMPANIES, kwargs: {} },
        { cookie, id: 5 },
      );
      expect(call.headers.get('set-cookie')).toContain(cookie);
      expect(await j(call)).toEqual({ jsonrpc: '2.0', id: 5, result: companies(odoo) });
      const plain = await rpc(
        url,
        '/web/dataset/call_kw',
        { model: 'res.partner', method: 'search_count', args: COMPANIES, kwargs: {} },
        { cookie },
      );
      expect((await j(plain)).result).toBe(companies(odoo));
      const info = await j(rpc(url, '/web/session/get_session_info', {}, { cookie }));
      expect(info.result).toMatchObject({ uid: 2, db: 'odoo', username: 'admin', server_version: '19.0' });
      const destroy = await rpc(url, '/web/session/destroy', {}, { cookie, id: 13 });
      expect(await j(destroy)).toEqual({ jsonrpc: '2.0', id: 13 });
      expect(destroy.headers.getSetCookie().map((c) => c.split('=')[0])).toEqual([
        'color_scheme',
        'session_id',
      ]);
      const after = await j(
        rpc(
          url,
          '/web/dataset/call_kw',
          { model: 'res.partner', method: 'search_count', args: COMPANIES, kwargs: {} },
          { cookie, id: 7 },
        ),
      );
      expect(after.id).toBeNull();
      expect(after.error).toMatchObject({
        code: 100,
        message: 'Odoo Session Expired',
        data: { name: 'odoo.http.SessionExpiredException', message: 'Session expired' },
      });
      const unknown = await j(
        rpc(
          url,
          '/web/dataset/call_kw',
          { model: 'res.partner', method: 'search_count', args: COMPANIES, kwargs: {} },
          { cookie: 'session_id=nope' },
        ),
      );
      expect(unknown.error.code).toBe(100);
    });

    it('version_info (sets a cookie) and GET /web/version (19 only)', async () => {
      const info = await rpc(url, '/web/webclient/version_info', {});
      expect(info.headers.get('set-cookie')).toMatch(/^session_id=/);
      expect((await j(info)).result.server_serie).toBe('19.0');
      const v = await fetch(`${url}/web/version`);
      expect(v.status).toBe(200);
      expect(await j(v)).toEqual({ version_info: [19, 0, 0, 'final', 0, ''], version: '19.0' });
      const old = await fetch(`${url18}/web/version`);
      expect(old.status).toBe(404);
      expect(old.headers.get('content-type')).toContain('text/html');
    });

    it('JSON-2: bare results and every error status', async () => {
      const count = await json2(url, 'res.partner', 'search_count', { domain: COMPANIES[0] });
      expect(count.status).toBe(200);
      expect(count.headers.get('set-cookie')).toBeNull();
      expect(await j(count)).toBe(companies(odoo));
      expect(await j(json2(url, 'res.partner', 'create', { vals_list: [{ name: 'x' }] }))).toEqual([
        expect.any(Number),
      ]);
      const noAuth = await json2(url, 'res.partner', 'search_count', { domain: [] }, { authorization: '' });
      expect(noAuth.status).toBe(401);
      // 'Bearer ' as recorded; a real socket trims the trailing space, as it does for Odoo's own answer.
      expect(noAuth.headers.get('www-authenticate')?.trim()).toBe('Bearer');
      expect(await j(noAuth)).toMatchObject({
        name: 'werkzeug.exceptions.Unauthorized',
        message: 'User not authenticated, use an API Key with a Bearer Authorization header.',
        arguments: ['User not authenticated, use an API Key with a Bearer Authorization header.', 401],
        context: {},
      });
      const badKey = await json2(
        url,
        'res.partner',
        'search_count',
        { domain: [] },
        { authorization: 'bearer 0000' },
      );
      expect([badKey.status, (await j(badKey)).message]).toEqual([401, 'Invalid apikey']);
      const cases: [string, string, unknown, number, string][] = [
        ['no.such.model', 'search_read', { domain: [] }, 404, 'werkzeug.exceptions.NotFound'],
        ['res.partner', 'no_such_method', {}, 404, 'werkzeug.exceptions.NotFound'],
        ['res.partner', '_compute_display_name', { ids: [3] }, 403, 'odoo.exceptions.AccessError'],
        ['res.partner', 'create', { vals_list: [{}] }, 422, 'odoo.exceptions.ValidationError'],
        ['res.partner', 'write', { ids: [999999], vals: { name: 'x' } }, 404, 'odoo.exceptions.MissingError'],
        [
          'res.partner',
          'search_read',
          { domain: [['name', 'no-op', 'x']], fields: ['name'] },
          500,
          'builtins.ValueError',
        ],
        ['res.partner', 'search_count', '{"domain": [', 400, 'werkzeug.exceptions.BadRequest'],
      ];
      for (const [model, method, body, status, exception] of cases) {
        const res = await json2(url, model, method, body);
        const payload = await j(res);
        expect([model, method, res.status, payload.name]).toEqual([model, method, status, exception]);
        expect(Object.keys(payload)).toEqual(['name', 'message', 'arguments', 'context', 'debug']);
      }
      const malformed = await j(json2(url, 'res.partner', 'search_count', '{"domain": ['));
      expect(malformed.message).toBe(
        'could not parse the body as json: Expecting value: line 1 column 13 (char 12)',
      );
      const priv = await j(json2(url, 'res.partner', '_compute_display_name', { ids: [3] }));
      expect(priv.message).toBe(
        "Private methods (such as 'res.partner._compute_display_name') cannot be called remotely.",
      );
    });

    it('JSON-2: unknown database is an HTML 404; GET answers the hint; absent before 19', async () => {
      const db = await json2(
        url,
        'res.partner',
        'search_count',
        { domain: [] },
        { 'x-odoo-database': 'no_such_db' },
      );
      expect(db.status).toBe(404);
      expect(db.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await db.text()).toContain('No database is selected');
      for (const path of ['/json/2', '/json/2/res.partner/search_count']) {
        const res = await fetch(`${url}${path}`, { headers: { authorization: 'bearer <api-key>' } });
        expect(res.status).toBe(404);
        expect(await j(res)).toMatchObject({
          name: 'werkzeug.exceptions.NotFound',
          message: 'Did you mean POST /json/2/<model>/<method>?',
          arguments: ['Did you mean POST /json/2/<model>/<method>?', 404],
        });
      }
      const old = await json2(url18, 'res.partner', 'search_count', { domain: [] });
      expect(old.status).toBe(404);
    });

    it('faults: latency, proxy pages, drops, timeouts, concurrency, session expiry, counters', async () => {
      odoo.faults.resetCalls();
      odoo.faults.add({
        route: 'json2',
        method: 'search_count',
        effect: { kind: 'latency', ms: 80 },
        times: 1,
      });
      const t0 = performance.now();
      expect((await json2(url, 'res.partner', 'search_count', { domain: [] })).status).toBe(200);
      expect(performance.now() - t0).toBeGreaterThanOrEqual(70);

      odoo.faults.add({
        model: 'res.partner',
        method: 'search_count',
        effect: { kind: 'http', status: 503 },
        times: 1,
      });
      const proxy = await executeKw(url, 'admin', 'res.partner', 'search_count', [[]]);
      expect(proxy.status).toBe(503);
      expect(await proxy.text()).toContain('<center>nginx</center>');
      expect((await executeKw(url, 'admin', 'res.partner', 'search_count', [[]])).status).toBe(200);

      odoo.faults.add({ method: 'search_read', effect: { kind: 'drop' }, times: 1 });
      await expect(json2(url, 'res.partner', 'search_read', {})).rejects.toThrow();
      expect((await json2(url, 'res.partner', 'search_read', {})).status).toBe(200);

      odoo.faults.add({ route: 'json2', effect: { kind: 'timeout' }, times: 1 });
      const abort = AbortSignal.timeout(100);
      await expect(
        fetch(`${url}/json/2/res.partner/search_count`, {
          method: 'POST',
          signal: abort,
          headers: { authorization: 'bearer <api-key>' },
          body: '{}',
        }),
      ).rejects.toThrow();

      odoo.faults.add({
        route: 'json2',
        effect: { kind: 'concurrency', error: 'SerializationFailure' },
        times: 1,
      });
      const conflict = await json2(url, 'res.partner', 'write', { ids: [1], vals: { name: 'y' } });
      expect(conflict.status).toBe(409);
      expect((await j(conflict)).name).toBe('psycopg2.errors.SerializationFailure');
      odoo.faults.add({
        route: 'jsonrpc',
        effect: { kind: 'concurrency', error: 'LockNotAvailable' },
        times: 1,
      });
      const locked = await j(executeKw(url, 'admin', 'res.partner', 'write', [[1], { name: 'y' }]));
      expect(locked.error).toMatchObject({ code: 200, data: { name: 'psycopg2.errors.LockNotAvailable' } });

      const cookie = await login(url);
      odoo.faults.add({ route: 'call_kw', effect: { kind: 'session-expiry' }, after: 1, times: 1 });
      const call = () =>
        rpc(
          url,
          '/web/dataset/call_kw',
          { model: 'res.partner', method: 'search_count', args: COMPANIES, kwargs: {} },
          { cookie },
        );
      expect((await j(call())).result).toBe(companies(odoo));
      expect((await j(call())).error.code).toBe(100);
      expect((await j(call())).error.code).toBe(100);

      const calls = odoo.faults.calls();
      expect(calls.routes.json2).toBe(5);
      expect(calls.methods['res.partner.search_read']).toBe(2);
      expect(calls.models['res.partner']).toBeGreaterThan(5);
      expect(odoo.faults.size).toBe(0);
    });

    it('faults: a probability replays identically with the same seed', async () => {
      const pattern = async () => {
        odoo.faults.reseed('s');
        odoo.faults.add({ route: 'json2', effect: { kind: 'http', status: 502 }, probability: 0.5 });
        const statuses: number[] = [];
        for (let i = 0; i < 12; i++)
          statuses.push((await json2(url, 'res.partner', 'search_count', { domain: [] })).status);
        odoo.faults.clear();
        return statuses;
      };
      const first = await pattern();
      expect(first).toContain(502);
      expect(first).toContain(200);
      expect(await pattern()).toEqual(first);
    });
  });
}

/** One msw server for both versions (msw patches globals once); closed when the last user stops. */
const msw = setupServer();
let mswUsers = 0;
routeSuite('through msw', async (version) => {
  const url = `http://odoo${version}.test`;
  const odoo = createOdooHandlers({
    url,
    version,
    engine: createFakeOdooEngine({ version, seed: 'recordings' }),
  });
  if (mswUsers++ === 0) msw.listen({ onUnhandledFrame: 'error' });
  msw.use(...odoo);
  return {
    url,
    odoo,
    stop: async () => {
      if (--mswUsers === 0) {
        msw.resetHandlers();
        msw.close();
      }
    },
  };
});

routeSuite('through serveFakeOdoo', async (version) => {
  const served = await serveFakeOdoo({
    version,
    engine: createFakeOdooEngine({ version, seed: 'recordings' }),
  });
  return { url: served.url, odoo: served.handlers, stop: () => served.close() };
});

describe('createOdooHandlers with a minimal engine', () => {
  it('a None result has no result key', async () => {
    const url = 'http://odoo-mini.test';
    const odoo = createOdooHandlers({ url, version: 18, engine: miniEngine(18) });
    msw.listen({ onUnhandledFrame: 'error' });
    msw.use(...odoo);
    try {
      const body = await j(executeKw(url, 'admin', 'res.partner', 'nothing', [[1]]));
      expect(body).toEqual({ jsonrpc: '2.0', id: 1 });
    } finally {
      msw.resetHandlers();
      msw.close();
    }
  });

  it('the default engine is the seeded fake of the version', async () => {
    const odoo = createOdooHandlers({ version: 18 });
    expect([odoo.version, odoo.engine.version, odoo.url]).toEqual([18, 18, 'http://odoo.test']);
  });

  it('sessionTtlCalls expires a session after N calls', async () => {
    const odoo = createOdooHandlers({ url: BASE, version: 18, engine: miniEngine(18), sessionTtlCalls: 2 });
    msw.listen({ onUnhandledFrame: 'error' });
    msw.use(...odoo);
    try {
      const cookie = await login(BASE);
      const call = () =>
        j(
          rpc(
            BASE,
            '/web/dataset/call_kw',
            { model: 'res.partner', method: 'search_count', args: COMPANIES, kwargs: {} },
            { cookie },
          ),
        );
      expect((await call()).result).toBe(1);
      expect((await call()).result).toBe(1);
      expect((await call()).error.code).toBe(100);
    } finally {
      msw.resetHandlers();
      msw.close();
    }
  });

  it('a fault plan given up front, keep-alive on the real server', async () => {
    const served = await serveFakeOdoo({
      version: 19,
      engine: miniEngine(19),
      faults: { rules: [{ route: 'web/version', effect: { kind: 'http', status: 502 }, times: 1 }] },
    });
    try {
      expect((await fetch(`${served.url}/web/version`)).status).toBe(502);
      const res = await fetch(`${served.url}/web/version`);
      expect(res.status).toBe(200);
      expect(res.headers.get('connection')).toBe('keep-alive');
      expect(served.handlers.faults.calls().routes['web/version']).toBe(2);
    } finally {
      await served.close();
    }
  });
});
