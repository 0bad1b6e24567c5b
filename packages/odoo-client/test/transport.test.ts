import { createServer } from 'node:net';
import { delay, HttpResponse, http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  isOdooError,
  OdooAccessDeniedError,
  OdooAccessError,
  OdooArgumentError,
  type OdooError,
  OdooMissingError,
  OdooNotFoundError,
  OdooRateLimitedError,
  OdooServerError,
  OdooSessionExpiredError,
  OdooTransportError,
  OdooUserError,
  OdooValidationError,
} from '../src/errors/index.js';
import {
  chooseTransport,
  detectServer,
  Json2Transport,
  JsonRpcTransport,
  type OdooCall,
  SessionTransport,
} from '../src/transport/index.js';
import { type Exchange, load } from './recordings.js';

// ---------------------------------------------------------------------------------------------
// Replaying recorded exchanges

const find = (file: string, note: string): Exchange => {
  const exchange = load(file).find((e) => e.note === note);
  if (!exchange) throw new Error(`${file} has no exchange "${note}"`);
  return exchange;
};

const BASE = 'http://odoo.test';

/** A local URL where nothing listens: a port just freed. */
async function closedUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  server.use(http.all(`http://127.0.0.1:${port}/*`, () => passthrough()));
  return `http://127.0.0.1:${port}`;
}
const server = setupServer();
// msw 3 names `onUnhandledRequest` `onUnhandledFrame`: any request no handler answers fails the test.
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** What the transport actually sent. */
interface Sent {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

/** The recorded answer as a Response (content-length dropped: the body is re-serialised). */
function toResponse(response: Exchange['response']): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (name === 'content-length') continue;
    if (name === 'set-cookie') {
      for (const cookie of value.split(/,\s*(?=[A-Za-z_][A-Za-z0-9_-]*=)/))
        headers.append('set-cookie', cookie);
    } else headers.set(name, value);
  }
  const body = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  return new HttpResponse(body, { status: response.status, headers });
}

type Step = Exchange | { readonly response: Exchange['response']; readonly wait?: number };

/** Serves `steps` in order to whatever the transport sends, and records what it sent. */
function replay(...steps: Step[]): Sent[] {
  const sent: Sent[] = [];
  const queue = [...steps];
  server.use(
    http.all(`${BASE}/*`, async ({ request }) => {
      const text = await request.text();
      let body: unknown = text;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {}
      sent.push({
        method: request.method,
        path: new URL(request.url).pathname,
        headers: request.headers,
        body,
      });
      const step = queue.shift();
      if (!step) return HttpResponse.text('no more recorded exchanges', { status: 599 });
      if ('wait' in step && step.wait) await delay(step.wait);
      return toResponse(step.response);
    }),
  );
  return sent;
}

const withoutId = (body: unknown) => {
  if (typeof body !== 'object' || body === null || !('jsonrpc' in body)) return body;
  const { id: _id, ...rest } = body as Record<string, unknown>;
  return rest;
};

/** Asserts the transport sent exactly the recorded request (the JSON-RPC id aside: checked on its own). */
function expectSentAsRecorded(
  actual: Sent | undefined,
  recorded: Exchange,
  options: { anyCookie?: boolean } = {},
) {
  expect(actual, recorded.note).toBeDefined();
  if (!actual) return;
  expect(actual.method).toBe(recorded.request.method);
  expect(actual.path).toBe(recorded.request.path);
  for (const name of ['content-type', 'authorization', 'x-odoo-database', 'cookie']) {
    const expected = recorded.request.headers[name] ?? null;
    if (name === 'cookie' && options.anyCookie && expected !== null) {
      expect(actual.headers.get(name)).toMatch(/^session_id=\S+$/);
    } else expect(actual.headers.get(name), `${recorded.note}: header ${name}`).toBe(expected);
  }
  expect(withoutId(actual.body), recorded.note).toEqual(withoutId(recorded.request.body));
}

async function rejection(promise: Promise<unknown>): Promise<OdooError> {
  try {
    await promise;
  } catch (error) {
    if (!isOdooError(error)) throw error;
    return error;
  }
  throw new Error('expected a rejection');
}

const SECRETS = ['admin', '<api-key>', '<demo-api-key>', 'demo', 'wrong'];
const tokenRegExp = (secret: string) =>
  new RegExp(`(?<![A-Za-z0-9_])${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`);

/** No recorded secret, no traceback in what an error shows. */
function expectClean(error: OdooError) {
  for (const text of [error.message, String(error), JSON.stringify(error)]) {
    for (const secret of SECRETS) expect(tokenRegExp(secret).test(text), `${secret} in ${text}`).toBe(false);
    expect(text).not.toContain('Traceback');
    expect(text).not.toMatch(/session_id=(?!\*)/);
  }
}

/** The execute_kw args of a recorded request. */
const kwArgs = (exchange: Exchange) =>
  (
    exchange.request.body as {
      params: { args: [string, number, string, string, string, unknown[], Record<string, unknown>?] };
    }
  ).params.args;

const result = (exchange: Exchange) => (exchange.response.body as { result?: unknown }).result;

// ---------------------------------------------------------------------------------------------

describe('JsonRpcTransport (18.0 /jsonrpc)', () => {
  const auth = (note: string) => find('18.0/auth.json', note);
  const make = (secret = 'admin', extra: { uid?: number; login?: string; db?: string } = {}) =>
    new JsonRpcTransport({
      url: BASE,
      db: extra.db ?? 'odoo',
      login: extra.login ?? 'admin',
      secret,
      ...(extra.uid ? { uid: extra.uid } : {}),
    });

  it('logs in once with common.login and answers the uid', async () => {
    const exchange = auth('common.login with valid credentials returns the uid');
    const sent = replay(exchange);
    const transport = make();
    await expect(Promise.all([transport.uid(), transport.uid()])).resolves.toEqual([2, 2]);
    expect(sent).toHaveLength(1);
    expectSentAsRecorded(sent[0], exchange);
  });

  it('can log in with common.authenticate', async () => {
    const exchange = auth('common.authenticate with user agent env');
    const sent = replay(exchange);
    const transport = new JsonRpcTransport({
      url: BASE,
      db: 'odoo',
      login: 'admin',
      secret: 'admin',
      loginMethod: 'authenticate',
    });
    await expect(transport.uid()).resolves.toBe(2);
    expectSentAsRecorded(sent[0], exchange);
  });

  it('a login answering false throws OdooAccessDeniedError and is never attempted again', async () => {
    const exchange = auth('common.login with a wrong password returns false, not an error');
    const sent = replay(exchange);
    const transport = make('wrong');
    const error = await rejection(transport.uid());
    expect(error).toBeInstanceOf(OdooAccessDeniedError);
    expect(error).toMatchObject({ retryable: false, executed: 'no' });
    expectClean(error);
    // Neither a second uid() nor a call logs in again: Odoo locks the address out after 5 failures.
    await expect(transport.uid()).rejects.toBe(error);
    await expect(
      transport.execute({ model: 'res.partner', method: 'search', params: { domain: [] }, context: {} }),
    ).rejects.toBe(error);
    expect(sent).toHaveLength(1);
    expectSentAsRecorded(sent[0], exchange);
  });

  it('execute_kw with a wrong password: AccessDenied, not retryable', async () => {
    const exchange = auth('execute_kw with a wrong password: AccessDenied error');
    const sent = replay(exchange);
    const error = await rejection(
      make('wrong', { uid: 2 }).executeKw('res.partner', 'search', [[]], { limit: 1 }),
    );
    expect(error).toBeInstanceOf(OdooAccessDeniedError);
    expect(error).toMatchObject({ retryable: false, executed: 'no', model: 'res.partner', method: 'search' });
    expectClean(error);
    expectSentAsRecorded(sent[0], exchange);
  });

  it('an unknown database is an OdooServerError', async () => {
    const exchange = auth('unknown database name');
    const sent = replay(exchange);
    const error = await rejection(make('admin', { db: 'no_such_db' }).uid());
    expect(error).toBeInstanceOf(OdooServerError);
    expect(error.exceptionName).toBe('psycopg2.OperationalError');
    expectSentAsRecorded(sent[0], exchange);
  });

  const EXPECTED: Record<string, new (...args: never[]) => OdooError> = {
    'ValidationError: create a partner with no name': OdooValidationError,
    'UserError: unlink a confirmed sale order': OdooUserError,
    'MissingError: write on a record that does not exist': OdooMissingError,
    'AccessError: the demo user reads a model outside its rights': OdooAccessError,
    'AccessError: the demo user writes another user': OdooAccessError,
    'private methods cannot be called remotely': OdooAccessError,
    'unknown model': OdooNotFoundError,
    'unknown method on a model': OdooNotFoundError,
    'wrong argument type': OdooArgumentError,
    'wrong selection value': OdooArgumentError,
  };

  it.each(Object.entries(EXPECTED))(
    '18.0/errors.json "%s" → %o, sent exactly as recorded',
    async (note, Class) => {
      const exchange = find('18.0/errors.json', note);
      const [db, uid, secret, model, method, args, kwargs] = kwArgs(exchange);
      const sent = replay(exchange);
      const transport = new JsonRpcTransport({ url: BASE, db, login: secret, secret, uid });
      const error = await rejection(transport.executeKw(model, method, args, kwargs));
      expect(error).toBeInstanceOf(Class);
      expect(error).toMatchObject({ retryable: false, executed: 'no', model, method, requestId: '1' });
      expect(error.debug).toMatch(/^Traceback/);
      expectClean(error);
      expectSentAsRecorded(sent[0], exchange);
    },
  );

  it('logs in as the demo user, then its AccessError: ids increment per request', async () => {
    const login = find('18.0/errors.json', 'login as the restricted demo user');
    const denied = find('18.0/errors.json', 'AccessError: the demo user reads a model outside its rights');
    const sent = replay(login, denied);
    const transport = new JsonRpcTransport({ url: BASE, db: 'odoo', login: 'demo', secret: 'demo' });
    const error = await rejection(
      transport.executeKw('ir.config_parameter', 'search_read', [[]], { fields: ['key'], limit: 1 }),
    );
    expect(error).toBeInstanceOf(OdooAccessError);
    expectSentAsRecorded(sent[0], login);
    expectSentAsRecorded(sent[1], denied);
    expect(sent.map((s) => (s.body as { id: number }).id)).toEqual([1, 2]);
  });

  it('execute() sends execute_kw(db, uid, secret, model, method, [ids], kwargs)', async () => {
    const unlink = find('18.0/errors.json', 'UserError: unlink a confirmed sale order');
    const privateMethod = find('18.0/errors.json', 'private methods cannot be called remotely');
    const sent = replay(unlink, privateMethod);
    const transport = make('admin', { uid: 2 });
    await expect(
      transport.execute({ model: 'sale.order', method: 'unlink', ids: [25], params: {}, context: {} }),
    ).rejects.toBeInstanceOf(OdooUserError);
    await expect(
      transport.execute({
        model: 'res.partner',
        method: '_compute_display_name',
        ids: [1],
        params: {},
        context: {},
      }),
    ).rejects.toBeInstanceOf(OdooAccessError);
    expectSentAsRecorded(sent[0], unlink);
    expectSentAsRecorded(sent[1], privateMethod);
  });

  it('execute() puts named params and a non-empty context in kwargs', async () => {
    const exchange = find('18.0/read.json', 'search_count');
    const sent = replay(exchange);
    const call: OdooCall = {
      model: 'sale.order',
      method: 'search_count',
      params: { domain: [['state', 'in', ['sale', 'done']]] },
      context: { lang: 'en_US' },
    };
    await expect(make('admin', { uid: 2 }).execute(call)).resolves.toBe(19);
    expect((sent[0]?.body as { params: { args: unknown[] } } | undefined)?.params.args).toEqual([
      'odoo',
      2,
      'admin',
      'sale.order',
      'search_count',
      [],
      { domain: [['state', 'in', ['sale', 'done']]], context: { lang: 'en_US' } },
    ]);
  });

  it('a call on an unknown service is an OdooServerError (builtins.KeyError)', async () => {
    const exchange = find('18.0/errors.json', 'unknown service');
    const sent = replay(exchange);
    const error = await rejection(make().call('nope', 'x', []));
    expect(error).toBeInstanceOf(OdooServerError);
    expect(error).toMatchObject({ exceptionName: 'builtins.KeyError', executed: 'unknown' });
    expectSentAsRecorded(sent[0], exchange);
  });

  it('HTTP 400 "Invalid JSON data" is a non-retryable transport error that did not execute', async () => {
    replay(find('18.0/errors.json', 'malformed JSON body'));
    const error = await rejection(make('admin', { uid: 2 }).executeKw('res.partner', 'search', [[]]));
    expect(error).toBeInstanceOf(OdooTransportError);
    expect(error).toMatchObject({
      failure: 'bad-request',
      retryable: false,
      executed: 'no',
      httpStatus: 400,
    });
    expect(error.message).toBe('HTTP 400: Invalid JSON data (res.partner.search)');
  });

  it.each(['18.0/read.json', '18.0/flow.json', '18.0/inventory.json'])(
    'replays every exchange of %s',
    async (file) => {
      const exchanges = load(file);
      const sent = replay(...exchanges);
      const transport = make('admin', { uid: 2 });
      for (const [index, exchange] of exchanges.entries()) {
        const [, , , model, method, args, kwargs] = kwArgs(exchange);
        const outcome = transport.executeKw(model, method, args, kwargs);
        const error = (exchange.response.body as { error?: unknown }).error;
        if (error) await expect(outcome, exchange.note).rejects.toBeInstanceOf(OdooArgumentError);
        else await expect(outcome, exchange.note).resolves.toEqual(result(exchange));
        expectSentAsRecorded(sent[index], exchange);
        expect((sent[index]?.body as { id: number } | undefined)?.id).toBe(index + 1);
      }
    },
  );

  it('19.0: common.version and execute_kw with an API key as the secret (no kwargs)', async () => {
    const [version, executeKw] = load('19.0/jsonrpc.json') as [Exchange, Exchange];
    const sent = replay(version, executeKw);
    const transport = new JsonRpcTransport({
      url: BASE,
      db: 'odoo',
      login: 'admin',
      secret: '<api-key>',
      uid: 2,
    });
    await expect(transport.call('common', 'version', [])).resolves.toEqual(result(version));
    await expect(
      transport.executeKw('res.partner', 'search_count', [[['is_company', '=', true]]]),
    ).resolves.toBe(12);
    expectSentAsRecorded(sent[0], version);
    expectSentAsRecorded(sent[1], executeKw);
  });

  it('an HTML 502 from a proxy is a retryable OdooTransportError that may have executed', async () => {
    replay({
      response: {
        status: 502,
        headers: { 'content-type': 'text/html' },
        body: '<html><body><h1>502 Bad Gateway</h1>nginx</body></html>',
      },
    });
    const error = await rejection(make('admin', { uid: 2 }).executeKw('res.partner', 'search', [[]]));
    expect(error).toBeInstanceOf(OdooTransportError);
    expect(error).toMatchObject({
      retryable: true,
      executed: 'unknown',
      httpStatus: 502,
      failure: 'bad-response',
    });
    expect(error.message).toBe('HTTP 502, the answer is not Odoo JSON (res.partner.search)');
  });

  it('a timeout is a retryable OdooTransportError that may have executed', async () => {
    replay({ response: find('18.0/read.json', 'search_count').response, wait: 2_000 });
    const transport = new JsonRpcTransport({
      url: BASE,
      db: 'odoo',
      login: 'admin',
      secret: 'admin',
      uid: 2,
      timeoutMs: 50,
    });
    const error = await rejection(transport.executeKw('sale.order', 'search_count', [[]]));
    expect(error).toBeInstanceOf(OdooTransportError);
    expect(error).toMatchObject({
      failure: 'timeout',
      retryable: true,
      executed: 'unknown',
      model: 'sale.order',
    });
    expectClean(error);
  });

  it('the per-call timeout overrides the transport default', async () => {
    replay({ response: find('18.0/read.json', 'search_count').response, wait: 2_000 });
    const error = await rejection(
      make('admin', { uid: 2 }).executeKw('sale.order', 'search_count', [[]], {}, { timeoutMs: 30 }),
    );
    expect(error).toMatchObject({ failure: 'timeout' });
  });

  it("the caller's abort is an OdooTransportError 'aborted', not retryable", async () => {
    replay({ response: find('18.0/read.json', 'search_count').response, wait: 2_000 });
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    setTimeout(() => controller.abort(reason), 20);
    const error = await rejection(
      make('admin', { uid: 2 }).executeKw(
        'sale.order',
        'search_count',
        [[]],
        {},
        { signal: controller.signal },
      ),
    );
    expect(error).toMatchObject({ failure: 'aborted', retryable: false, executed: 'unknown' });
    expect(error.cause).toBe(reason);
  });

  it('an already aborted signal sends nothing', async () => {
    const sent = replay();
    const error = await rejection(
      make('admin', { uid: 2 }).executeKw(
        'sale.order',
        'search_count',
        [[]],
        {},
        { signal: AbortSignal.abort() },
      ),
    );
    expect(error).toMatchObject({ failure: 'aborted', retryable: false });
    expect(sent).toHaveLength(0);
  });

  it('a refused connection is retryable and certainly did not execute', async () => {
    const transport = new JsonRpcTransport({
      url: await closedUrl(),
      db: 'odoo',
      login: 'admin',
      secret: 'admin',
      uid: 2,
    });
    const error = await rejection(transport.executeKw('res.partner', 'search', [[]]));
    expect(error).toBeInstanceOf(OdooTransportError);
    expect(error).toMatchObject({ failure: 'connection-refused', retryable: true, executed: 'no' });
    expectClean(error);
  });
});

// ---------------------------------------------------------------------------------------------

describe('SessionTransport (/web/session/authenticate + /web/dataset/call_kw)', () => {
  const session = (note: string) => find('18.0/session.json', note);
  const login = session('session login: /web/session/authenticate sets the session_id cookie');
  const searchRead = session('call_kw with the session cookie');
  const expired = session('call_kw with an invalid or expired session cookie: SessionExpiredException');
  const make = (password = 'admin') =>
    new SessionTransport({ url: BASE, db: 'odoo', login: 'admin', password });
  const [, , args, kwargs] = (() => {
    const p = (
      searchRead.request.body as {
        params: { model: string; method: string; args: unknown[]; kwargs: Record<string, unknown> };
      }
    ).params;
    return [p.model, p.method, p.args, p.kwargs] as const;
  })();

  it('authenticates with {db, login, password}, keeps the cookie and sends it, without X-Odoo-Database', async () => {
    const sent = replay(login, searchRead);
    const transport = make();
    await expect(transport.callKw('res.partner', 'search_read', args, kwargs)).resolves.toEqual(
      result(searchRead),
    );
    await expect(transport.uid()).resolves.toBe(2);
    expect(sent).toHaveLength(2);
    expectSentAsRecorded(sent[0], login);
    expectSentAsRecorded(sent[1], searchRead);
  });

  it('an expired session (code 100) logs in again once and replays the call', async () => {
    const sent = replay(login, { response: expired.response }, login, searchRead);
    const transport = make();
    await expect(transport.callKw('res.partner', 'search_read', args, kwargs)).resolves.toEqual(
      result(searchRead),
    );
    expect(sent.map((s) => s.path)).toEqual([
      login.request.path,
      searchRead.request.path,
      login.request.path,
      searchRead.request.path,
    ]);
    expectSentAsRecorded(sent[2], login);
    expectSentAsRecorded(sent[1], searchRead);
    expectSentAsRecorded(sent[3], searchRead);
  });

  it('a session that expires again after the re-login is thrown, with no further attempt', async () => {
    const sent = replay(login, { response: expired.response }, login, { response: expired.response });
    const error = await rejection(make().callKw('res.partner', 'search_read', args, kwargs));
    expect(error).toBeInstanceOf(OdooSessionExpiredError);
    expect(error).toMatchObject({ executed: 'no' });
    expectClean(error);
    expect(sent).toHaveLength(4);
  });

  it('a wrong password is OdooAccessDeniedError, and the login is not sent again', async () => {
    const exchange = session('session login with a wrong password');
    const sent = replay(exchange);
    const transport = make('wrong');
    const error = await rejection(transport.callKw('res.partner', 'search_read', args, kwargs));
    expect(error).toBeInstanceOf(OdooAccessDeniedError);
    await expect(transport.uid()).rejects.toBe(error);
    expect(error).toMatchObject({ retryable: false, executed: 'no' });
    expectClean(error);
    expect(sent).toHaveLength(1);
    expectSentAsRecorded(sent[0], exchange);
  });

  it('refuses an API key before sending anything', () => {
    const sent = replay();
    expect(() => make('0123456789abcdef0123456789abcdef01234567')).toThrow(/API keys/);
    const options = {
      url: BASE,
      db: 'odoo',
      login: 'admin',
      password: 'x',
      apiKey: 'k',
    } as unknown as ConstructorParameters<typeof SessionTransport>[0];
    expect(() => new SessionTransport(options)).toThrow(/needs a password/);
    expect(sent).toHaveLength(0);
  });

  it('concurrent calls share one login', async () => {
    const sent = replay(login, searchRead, searchRead);
    const transport = make();
    await Promise.all([
      transport.callKw('res.partner', 'search_read', args, kwargs),
      transport.callKw('res.partner', 'search_read', args, kwargs),
    ]);
    expect(sent.filter((s) => s.path === login.request.path)).toHaveLength(1);
  });

  it('execute() sends {model, method, args: [ids], kwargs: {...params, context}}', async () => {
    const sent = replay(login, searchRead);
    await make().execute({
      model: 'res.partner',
      method: 'read',
      ids: [15, 10],
      params: { fields: ['name'] },
      context: { lang: 'en_US' },
    });
    expect(sent[1]?.path).toBe('/web/dataset/call_kw/res.partner/read');
    expect((sent[1]?.body as { params: unknown } | undefined)?.params).toEqual({
      model: 'res.partner',
      method: 'read',
      args: [[15, 10]],
      kwargs: { fields: ['name'], context: { lang: 'en_US' } },
    });
  });

  it('close() destroys the session (an answer without result) and the next call logs in again', async () => {
    const destroy = session('destroy the session');
    const sent = replay(login, searchRead, destroy, login, searchRead);
    const transport = make();
    await transport.callKw('res.partner', 'search_read', args, kwargs);
    await expect(transport.close()).resolves.toBeUndefined();
    expectSentAsRecorded(sent[2], destroy);
    await transport.callKw('res.partner', 'search_read', args, kwargs);
    expect(sent[3]?.path).toBe('/web/session/authenticate');
  });

  it('19.0: keeps the last of two session_id cookies and calls call_kw with it', async () => {
    const [, , authenticate, callKw] = load('19.0/jsonrpc.json') as [Exchange, Exchange, Exchange, Exchange];
    const sent = replay(authenticate, callKw);
    const transport = make();
    await expect(
      transport.callKw('res.partner', 'search_count', [[['is_company', '=', true]]], {}),
    ).resolves.toBe(12);
    expectSentAsRecorded(sent[0], authenticate);
    expectSentAsRecorded(sent[1], callKw, { anyCookie: true });
    expect(sent[1]?.headers.get('cookie')).toBe(
      'session_id=v4JdfGdwnEg_cBI-rJIWNY92eOnQ9BR6UeTlX3rP8pMSeEl1iayivjFAvr3udu0f5lJ5wB2kwCKQ_BWEiGm-',
    );
  });
});

// ---------------------------------------------------------------------------------------------

/** The OdooCall that produces a recorded JSON-2 body. */
function callOf(exchange: Exchange): OdooCall {
  const [, model = '', method = ''] = /^\/json\/2\/([^/]+)\/([^/]+)$/.exec(exchange.request.path) ?? [];
  const { ids, context, ...params } = (exchange.request.body ?? {}) as {
    ids?: number[];
    context?: Record<string, unknown>;
  };
  return { model, method, params, context: context ?? {}, ...(ids ? { ids } : {}) };
}

function json2For(exchange: Exchange): Json2Transport {
  const apiKey = exchange.request.headers.authorization?.replace(/^bearer /, '') ?? '<api-key>';
  return new Json2Transport({ url: BASE, db: exchange.request.headers['x-odoo-database'] ?? 'odoo', apiKey });
}

describe('Json2Transport (19.0 /json/2)', () => {
  it.each(['19.0/read.json', '19.0/flow.json'])(
    'replays every exchange of %s through execute()',
    async (file) => {
      const exchanges = load(file);
      const sent = replay(...exchanges);
      for (const [index, exchange] of exchanges.entries()) {
        await expect(json2For(exchange).execute(callOf(exchange)), exchange.note).resolves.toEqual(
          exchange.response.body,
        );
        expectSentAsRecorded(sent[index], exchange);
        expect(sent[index]?.headers.get('cookie')).toBeNull();
      }
    },
  );

  const EXPECTED: Record<
    string,
    { Class: new (...args: never[]) => OdooError; sendable: boolean; failure?: string }
  > = {
    'no Authorization header: 401': { Class: OdooAccessDeniedError, sendable: false },
    'a wrong API key: 401': { Class: OdooAccessDeniedError, sendable: true },
    'unknown model: 404': { Class: OdooNotFoundError, sendable: true },
    'unknown method: 404': { Class: OdooNotFoundError, sendable: true },
    'private method: 403 AccessError (not 404)': { Class: OdooAccessError, sendable: true },
    'ids given to an @api.model method: 422': { Class: OdooArgumentError, sendable: true },
    'an argument the method does not take: 422': { Class: OdooArgumentError, sendable: true },
    'ValidationError: a partner made its own parent': { Class: OdooValidationError, sendable: true },
    'UserError: unlink a confirmed sale order': { Class: OdooUserError, sendable: true },
    'MissingError: write on a missing record': { Class: OdooMissingError, sendable: true },
    'AccessError: the demo user reads system parameters': { Class: OdooAccessError, sendable: true },
    'bad domain operator: ValueError, 500': { Class: OdooArgumentError, sendable: true },
    'malformed JSON body: 400': { Class: OdooTransportError, sendable: false, failure: 'bad-request' },
    'GET on a method route: 404 with the hint': { Class: OdooNotFoundError, sendable: false },
    'unknown database in X-Odoo-Database: 404 HTML page, not JSON': {
      Class: OdooTransportError,
      sendable: true,
      failure: 'bad-response',
    },
  };

  it('has an expectation for every recorded JSON-2 error', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(
      load('19.0/errors.json')
        .map((e) => e.note)
        .sort(),
    );
  });

  it.each(Object.entries(EXPECTED))('19.0/errors.json "%s"', async (note, expected) => {
    const exchange = find('19.0/errors.json', note);
    const sent = replay(exchange);
    // Requests this transport cannot produce (no key, broken JSON, GET) still get the recorded answer.
    const call = expected.sendable
      ? callOf(exchange)
      : { model: 'res.partner', method: 'search_count', params: { domain: [] }, context: {} };
    const error = await rejection(json2For(exchange).execute(call));
    expect(error).toBeInstanceOf(expected.Class);
    expect(error).toMatchObject({
      retryable: false,
      executed: 'no',
      httpStatus: exchange.response.status,
      model: call.model,
      method: call.method,
    });
    if (expected.failure) expect((error as OdooTransportError).failure).toBe(expected.failure);
    expectClean(error);
    if (expected.sendable) expectSentAsRecorded(sent[0], exchange);
  });

  it('429 with Retry-After is a retryable OdooRateLimitedError with retryAfterMs', async () => {
    replay({
      response: {
        status: 429,
        headers: { 'content-type': 'text/plain', 'retry-after': '7' },
        body: 'Too Many Requests',
      },
    });
    const error = await rejection(
      new Json2Transport({ url: BASE, db: 'odoo', apiKey: '<api-key>' }).execute(
        callOf(find('19.0/read.json', 'search_count')),
      ),
    );
    expect(error).toBeInstanceOf(OdooRateLimitedError);
    expect(error).toMatchObject({ retryable: true, executed: 'no', retryAfterMs: 7000 });
  });

  it('uid() answers the uid option without a request', async () => {
    const sent = replay();
    await expect(
      new Json2Transport({ url: BASE, db: 'odoo', apiKey: '<api-key>', uid: 2 }).uid(),
    ).resolves.toBe(2);
    expect(sent).toHaveLength(0);
  });

  it('a timeout is retryable and may have executed', async () => {
    replay({ response: find('19.0/read.json', 'search_count').response, wait: 2_000 });
    const transport = new Json2Transport({ url: BASE, db: 'odoo', apiKey: '<api-key>', timeoutMs: 40 });
    const error = await rejection(transport.execute(callOf(find('19.0/read.json', 'search_count'))));
    expect(error).toMatchObject({ failure: 'timeout', retryable: true, executed: 'unknown' });
    expectClean(error);
  });
});

// ---------------------------------------------------------------------------------------------

describe('detectServer', () => {
  const html404 = {
    response: {
      status: 404,
      headers: { 'content-type': 'text/html' },
      body: '<!DOCTYPE html><title>404 Not Found</title>',
    },
  };

  it('reads GET /web/version on an Odoo 19 server', async () => {
    const exchange = find(
      '19.0/version.json',
      'GET /web/version: the version endpoint added in Odoo 19 (no auth)',
    );
    const sent = replay(exchange);
    await expect(detectServer(BASE)).resolves.toEqual({
      serverVersion: '19.0',
      serverVersionInfo: [19, 0, 0, 'final', 0, ''],
      major: 19,
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: 'GET', path: '/web/version', body: undefined });
    expect(sent[0]?.headers.get('authorization')).toBeNull();
  });

  it('falls back to /web/webclient/version_info on Odoo 18 (no /web/version there)', async () => {
    const exchange = find('18.0/version.json', 'web client version info (no auth needed)');
    const sent = replay(html404, exchange);
    await expect(detectServer(BASE)).resolves.toEqual({
      serverVersion: '18.0+e-20241005',
      serverVersionInfo: [18, 0, 0, 'final', 0, 'e'],
      major: 18,
      protocolVersion: 1,
    });
    expectSentAsRecorded(sent[1], exchange);
  });

  it('falls back to /jsonrpc common.version last', async () => {
    const exchange = find('18.0/version.json', 'common.version: server version and protocol');
    const sent = replay(html404, html404, exchange);
    await expect(detectServer(BASE)).resolves.toMatchObject({ major: 18, serverVersion: '18.0+e-20241005' });
    expectSentAsRecorded(sent[2], exchange);
  });

  it('throws a refused connection at once instead of trying the next route', async () => {
    await expect(detectServer(await closedUrl())).rejects.toMatchObject({
      failure: 'connection-refused',
      executed: 'no',
    });
  });

  it('honours the AbortSignal', async () => {
    replay({ ...html404, wait: 2_000 });
    await expect(detectServer(BASE, { signal: AbortSignal.timeout(20) })).rejects.toMatchObject({
      failure: 'aborted',
    });
  });
});

describe('chooseTransport', () => {
  it.each([
    [18, { login: 'admin', password: 'admin' }, 'session'],
    [19, { login: 'admin', password: 'admin' }, 'session'],
    [17, { login: 'admin', password: 'admin' }, 'session'],
    [18, { login: 'admin', apiKey: '<api-key>' }, 'json-rpc'],
    [17, { apiKey: '<api-key>' }, 'json-rpc'],
    [19, { apiKey: '<api-key>' }, 'json-2'],
    [20, { apiKey: '<api-key>' }, 'json-2'],
  ] as const)('Odoo %i with %o → %s', (major, auth, expected) => {
    expect(chooseTransport(major, auth)).toBe(expected);
    expect(chooseTransport({ major, serverVersion: `${major}.0`, serverVersionInfo: [major, 0] }, auth)).toBe(
      expected,
    );
  });
});
