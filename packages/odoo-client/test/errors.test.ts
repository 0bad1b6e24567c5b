import { describe, expect, it } from 'vitest';
import {
  fromJson2Response,
  fromJsonRpcError,
  fromUnexpectedResponse,
  isOdooError,
  NAME_RULES,
  OdooAccessDeniedError,
  OdooAccessError,
  OdooArgumentError,
  OdooConcurrencyError,
  OdooError,
  OdooMissingError,
  OdooNotFoundError,
  OdooRateLimitedError,
  OdooServerError,
  OdooSessionExpiredError,
  OdooTransportError,
  OdooUserError,
  OdooValidationError,
  parseRetryAfter,
  redact,
} from '../src/errors/index.js';
import { type Exchange, load } from './recordings.js';

type ErrorClass = abstract new (...args: never[]) => OdooError;
interface Expected {
  readonly Class: ErrorClass;
  readonly retryable: boolean;
  readonly executed: 'no' | 'unknown' | 'yes';
}
const no = (Class: ErrorClass, retryable = false): Expected => ({ Class, retryable, executed: 'no' });

/** What each recorded JSON-RPC error means, by its note. */
const JSON_RPC_EXPECTED: Record<string, Expected> = {
  'execute_kw with a wrong password: AccessDenied error': no(OdooAccessDeniedError),
  'unknown database name': { Class: OdooServerError, retryable: false, executed: 'unknown' },
  'session login with a wrong password': no(OdooAccessDeniedError),
  'call_kw with an invalid or expired session cookie: SessionExpiredException': no(
    OdooSessionExpiredError,
    true,
  ),
  'ValidationError: create a partner with no name': no(OdooValidationError),
  'UserError: unlink a confirmed sale order': no(OdooUserError),
  'MissingError: write on a record that does not exist': no(OdooMissingError),
  'AccessError: the demo user reads a model outside its rights': no(OdooAccessError),
  'AccessError: the demo user writes another user': no(OdooAccessError),
  'private methods cannot be called remotely': no(OdooAccessError),
  'unknown model': no(OdooNotFoundError),
  'unknown method on a model': no(OdooNotFoundError),
  'wrong argument type': no(OdooArgumentError),
  'wrong selection value': no(OdooArgumentError),
  'JSON-RPC envelope without params': no(OdooArgumentError),
  'unknown service': { Class: OdooServerError, retryable: false, executed: 'unknown' },
  'search_read with an unknown field in the domain: ValueError': no(OdooArgumentError),
  'search_read with an unknown field in fields': no(OdooArgumentError),
};

/** What each recorded JSON-2 error means, by its note. */
const JSON2_EXPECTED: Record<string, Expected & { failure?: string }> = {
  'no Authorization header: 401': no(OdooAccessDeniedError),
  'a wrong API key: 401': no(OdooAccessDeniedError),
  'unknown model: 404': no(OdooNotFoundError),
  'unknown method: 404': no(OdooNotFoundError),
  'private method: 403 AccessError (not 404)': no(OdooAccessError),
  'ids given to an @api.model method: 422': no(OdooArgumentError),
  'an argument the method does not take: 422': no(OdooArgumentError),
  'ValidationError: a partner made its own parent': no(OdooValidationError),
  'UserError: unlink a confirmed sale order': no(OdooUserError),
  'MissingError: write on a missing record': no(OdooMissingError),
  'AccessError: the demo user reads system parameters': no(OdooAccessError),
  'bad domain operator: ValueError, 500': no(OdooArgumentError),
  'malformed JSON body: 400': { ...no(OdooTransportError), failure: 'bad-request' },
  'GET on a method route: 404 with the hint': no(OdooNotFoundError),
  'unknown database in X-Odoo-Database: 404 HTML page, not JSON': {
    ...no(OdooTransportError),
    failure: 'bad-response',
  },
  'GET /json/2 without a model: 404 with a hint': no(OdooNotFoundError),
};

const jsonRpcErrors = [
  '18.0/auth.json',
  '18.0/session.json',
  '18.0/errors.json',
  '18.0/read.json',
  '19.0/jsonrpc.json',
]
  .flatMap((file) => load(file).map((exchange) => ({ file, exchange })))
  .filter(
    ({ exchange }) =>
      typeof exchange.response.body === 'object' &&
      exchange.response.body !== null &&
      'error' in exchange.response.body,
  );

const json2Errors = ['19.0/errors.json', '19.0/version.json']
  .flatMap((file) => load(file).map((exchange) => ({ file, exchange })))
  .filter(({ exchange }) => exchange.response.status >= 400);

/** A token-level search, as `redact` scrubs: `admin` must not stand alone, `administrator` may. */
const containsSecret = (text: string, secret: string) =>
  new RegExp(`(?<![A-Za-z0-9_])${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`).test(text);

function targetOf(exchange: Exchange): { model?: string; method?: string } {
  const params = (
    exchange.request.body as { params?: { args?: unknown[]; model?: string; method?: string } } | undefined
  )?.params;
  if (params?.model && params.method) return { model: params.model, method: params.method };
  const args = params?.args;
  if (Array.isArray(args) && typeof args[3] === 'string' && typeof args[4] === 'string')
    return { model: args[3], method: args[4] };
  const match = /^\/json\/2\/([^/]+)\/([^/]+)$/.exec(exchange.request.path);
  return match?.[1] && match[2] ? { model: match[1], method: match[2] } : {};
}

describe('fromJsonRpcError maps every recorded JSON-RPC error by error.data.name', () => {
  it('covers every recorded JSON-RPC error', () => {
    expect(jsonRpcErrors.length).toBeGreaterThanOrEqual(17);
    for (const { exchange } of jsonRpcErrors)
      expect(JSON_RPC_EXPECTED, exchange.note).toHaveProperty([exchange.note]);
  });

  it.each(jsonRpcErrors.map(({ file, exchange }) => [`${file}: ${exchange.note}`, exchange] as const))(
    '%s',
    (_, exchange) => {
      const expected = JSON_RPC_EXPECTED[exchange.note];
      if (!expected) throw new Error(`no expectation for ${exchange.note}`);
      const body = exchange.response.body as {
        error: { data: { name: string; message: string; debug: string } };
      };
      const error = fromJsonRpcError(body.error, {
        ...targetOf(exchange),
        secrets: ['admin', 'demo', 'wrong'],
      });
      expect(error).toBeInstanceOf(expected.Class);
      expect(error.retryable).toBe(expected.retryable);
      expect(error.executed).toBe(expected.executed);
      expect(error.exceptionName).toBe(body.error.data.name);
      expect(error.name).toBe(expected.Class.name);
      // The traceback is kept, but not in the message, nor in String(error) or JSON.
      expect(error.debug).toMatch(/^Traceback/);
      expect(error.message).not.toContain('Traceback');
      expect(String(error)).not.toContain('Traceback');
      expect(JSON.stringify(error)).not.toContain('Traceback');
      expect(Object.keys(error)).not.toContain('debug');
      for (const secret of ['admin', '<api-key>']) {
        expect(containsSecret(error.message, secret), error.message).toBe(false);
        expect(containsSecret(String(error), secret)).toBe(false);
        expect(containsSecret(JSON.stringify(error), secret)).toBe(false);
      }
    },
  );

  it('puts the server message first, then model.method', () => {
    const exchange = load('18.0/errors.json').find(
      (e) => e.note === 'UserError: unlink a confirmed sale order',
    );
    const error = fromJsonRpcError((exchange?.response.body as { error?: unknown } | undefined)?.error, {
      model: 'sale.order',
      method: 'unlink',
      requestId: '63',
    });
    expect(error.message).toBe(
      'You can not delete a sent quotation or a confirmed sales order. You must first cancel it. (sale.order.unlink)',
    );
    expect(error).toMatchObject({
      model: 'sale.order',
      method: 'unlink',
      requestId: '63',
      serverMessage: expect.stringMatching(/^You can not/),
    });
  });

  it('treats error.code 100 as an expired session even without data.name', () => {
    expect(fromJsonRpcError({ code: 100, message: 'Odoo Session Expired' })).toBeInstanceOf(
      OdooSessionExpiredError,
    );
  });

  it.each([
    'psycopg2.errors.SerializationFailure',
    'psycopg2.errors.LockNotAvailable',
    'psycopg2.errors.DeadlockDetected',
    'psycopg2.extensions.TransactionRollbackError',
  ])('maps %s to a retryable OdooConcurrencyError that did not execute', (name) => {
    const error = fromJsonRpcError({
      code: 200,
      message: 'Odoo Server Error',
      data: { name, message: 'could not serialize access' },
    });
    expect(error).toBeInstanceOf(OdooConcurrencyError);
    expect(error).toMatchObject({ retryable: true, executed: 'no' });
  });

  it('maps an unknown exception to OdooServerError and keeps its name', () => {
    const error = fromJsonRpcError({ code: 200, data: { name: 'odoo.addons.x.MyError', message: 'boom' } });
    expect(error).toBeInstanceOf(OdooServerError);
    expect(error.exceptionName).toBe('odoo.addons.x.MyError');
  });

  it('scrubs a credential the server echoed back, in the message and in the traceback', () => {
    const error = fromJsonRpcError(
      {
        code: 200,
        data: {
          name: 'builtins.ValueError',
          message: "bad login 's3cret-Pa55'",
          debug: "Traceback\n  password='s3cret-Pa55'",
        },
      },
      { secrets: ['s3cret-Pa55'] },
    );
    expect(error.message).toBe("bad login '***'");
    expect(error.debug).not.toContain('s3cret-Pa55');
  });
});

describe('fromJson2Response maps every recorded JSON-2 error by body name, then HTTP status', () => {
  it.each(json2Errors.map(({ file, exchange }) => [`${file}: ${exchange.note}`, exchange] as const))(
    '%s',
    (_, exchange) => {
      const expected = JSON2_EXPECTED[exchange.note];
      if (!expected) throw new Error(`no expectation for ${exchange.note}`);
      const error = fromJson2Response(exchange.response.status, exchange.response.body, {
        ...targetOf(exchange),
        secrets: ['<api-key>', '<demo-api-key>'],
      });
      expect(error).toBeInstanceOf(expected.Class);
      expect(error.retryable).toBe(expected.retryable);
      expect(error.executed).toBe(expected.executed);
      expect(error.httpStatus).toBe(exchange.response.status);
      if (expected.failure) expect((error as OdooTransportError).failure).toBe(expected.failure);
      expect(error.message).not.toContain('Traceback');
      expect(error.message).not.toContain('<html');
      expect(error.message).not.toContain('<!DOCTYPE');
      for (const secret of ['admin', '<api-key>']) expect(containsSecret(String(error), secret)).toBe(false);
    },
  );

  it('falls back on the status when the name is unknown', () => {
    const body = (name: string) => ({ name, message: 'x' });
    expect(fromJson2Response(401, body('x.Y'))).toBeInstanceOf(OdooAccessDeniedError);
    expect(fromJson2Response(403, body('x.Y'))).toBeInstanceOf(OdooAccessError);
    expect(fromJson2Response(404, body('x.Y'))).toBeInstanceOf(OdooNotFoundError);
    expect(fromJson2Response(409, body('x.Y'))).toMatchObject({
      retryable: true,
      executed: 'no',
      name: 'OdooConcurrencyError',
    });
    expect(fromJson2Response(422, body('x.Y'))).toBeInstanceOf(OdooArgumentError);
    expect(fromJson2Response(500, body('x.Y'))).toBeInstanceOf(OdooServerError);
  });

  it('maps 429 with Retry-After to a retryable OdooRateLimitedError with retryAfterMs', () => {
    const error = fromJson2Response(429, '<html>slow down</html>', { retryAfter: '3' });
    expect(error).toBeInstanceOf(OdooRateLimitedError);
    expect(error).toMatchObject({ retryable: true, executed: 'no', retryAfterMs: 3000, httpStatus: 429 });
  });
});

describe('fromUnexpectedResponse: answers that are not Odoo JSON', () => {
  it.each([502, 503, 504])(
    'HTML %i from a proxy is a retryable transport error that may have executed',
    (status) => {
      const error = fromUnexpectedResponse(status, '<html><body><h1>Bad Gateway</h1></body></html>');
      expect(error).toBeInstanceOf(OdooTransportError);
      expect(error).toMatchObject({
        retryable: true,
        executed: 'unknown',
        httpStatus: status,
        failure: 'bad-response',
      });
      expect(error.message).toBe(`HTTP ${status}, the answer is not Odoo JSON`);
    },
  );

  it('HTTP 400 "Invalid JSON data" (18.0/errors.json) is a bad request that did not execute', () => {
    const exchange = load('18.0/errors.json').find((e) => e.note === 'malformed JSON body');
    const error = fromUnexpectedResponse(exchange?.response.status ?? 0, exchange?.response.body);
    expect(error).toMatchObject({
      failure: 'bad-request',
      retryable: false,
      executed: 'no',
      httpStatus: 400,
    });
    expect(error.message).toBe('HTTP 400: Invalid JSON data');
  });

  it('an HTML 500 is not retryable and may have executed', () => {
    expect(fromUnexpectedResponse(500, '<html>oops</html>')).toMatchObject({
      retryable: false,
      executed: 'unknown',
    });
  });
});

describe('OdooError', () => {
  it('subclasses carry their name, defaults and the base class', () => {
    const error = new OdooConcurrencyError({ model: 'stock.quant', method: 'write' });
    expect(error).toBeInstanceOf(OdooError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('OdooConcurrencyError');
    expect(error.message).toBe('Concurrent update, try again (stock.quant.write)');
    expect(String(error)).toBe('OdooConcurrencyError: Concurrent update, try again (stock.quant.write)');
  });

  it('isOdooError recognises errors from another copy of the package and rejects others', () => {
    expect(isOdooError(new OdooUserError())).toBe(true);
    const foreign = Object.assign(new Error('x'), {
      name: 'OdooUserError',
      retryable: false,
      executed: 'no',
    });
    expect(isOdooError(foreign)).toBe(true);
    expect(isOdooError(new Error('x'))).toBe(false);
    expect(isOdooError({ name: 'OdooError', retryable: true, executed: 'no' })).toBe(false);
  });

  it('keeps cause', () => {
    const cause = new Error('socket');
    expect(new OdooTransportError({ failure: 'network', cause }).cause).toBe(cause);
  });

  it('every row of the name table builds an OdooError', () => {
    for (const rule of NAME_RULES) expect(rule.create({})).toBeInstanceOf(OdooError);
  });
});

describe('redact and parseRetryAfter', () => {
  it('removes secrets standing as tokens, cookies and long bearer tokens, and keeps ordinary words', () => {
    expect(redact('key "<api-key>" refused', ['<api-key>'])).toBe('key "***" refused');
    expect(redact('Contact your administrator', ['admin'])).toBe('Contact your administrator');
    expect(redact("login('admin')", ['admin'])).toBe("login('***')");
    expect(redact('cookie session_id=abc123; Path=/')).toBe('cookie session_id=***; Path=/');
    expect(redact('Authorization: bearer 0123456789abcdef0123')).toBe('Authorization: bearer ***');
    expect(redact('use an API Key with a Bearer Authorization header.')).toBe(
      'use an API Key with a Bearer Authorization header.',
    );
  });

  it('parses seconds and HTTP dates', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:58 GMT')),
    ).toBe(2000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
