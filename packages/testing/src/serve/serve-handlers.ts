import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';

/** Options of {@link serveHandlers}. */
export interface ServeHandlersOptions {
  /**
   * The origin the handlers were written for; a request to `http://127.0.0.1:<port>/v2/trackers` is
   * answered as `https://api.easypost.com/v2/trackers`. @example 'https://api.easypost.com'
   */
  readonly origin: string;
  /** Port to listen on; `0` (the default) picks a free one. */
  readonly port?: number;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** The answer when no handler matches. Default: a plain-text 404 naming the method and path. */
  readonly notFound?: (request: Request) => Response;
}

/** Handlers listening on a real port. */
export interface ServedHandlers {
  /** `http://127.0.0.1:<port>`: point the client's base URL here. */
  readonly url: string;
  close(): Promise<void>;
}

/** A Fetch `Request` for a Node request, its URL moved onto `origin`. */
export async function toFetchRequest(
  req: IncomingMessage,
  origin: string,
  signal: AbortSignal,
): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method ?? 'GET',
    headers,
    signal,
    ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
  });
}

/** Writes a Fetch `Response` to a Node response, cookies as separate headers. */
export async function writeFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  const body = Buffer.from(await response.arrayBuffer());
  if (headers['content-length'] === undefined) headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(body);
}

function defaultNotFound(request: Request): Response {
  const { pathname } = new URL(request.url);
  return new Response(`no fake handler for ${request.method} ${pathname}`, {
    status: 404,
    headers: { 'content-type': 'text/plain' },
  });
}

/**
 * Serves msw handlers on a real `node:http` port (keep-alive on), so clients that msw does not
 * intercept (another process, a CLI, a service under test) talk to the same stateful fake.
 * `HttpResponse.error()` closes the connection, as a network failure would.
 *
 * @example
 * const easypost = createEasyPostHandlers();
 * const served = await serveHandlers(easypost.handlers, { origin: 'https://api.easypost.com' });
 * const connector = createEasyPostConnector({ apiKey: easypost.apiKey, baseUrl: `${served.url}/v2` });
 * await served.close();
 */
export async function serveHandlers(
  handlers: readonly RequestHandler[],
  options: ServeHandlersOptions,
): Promise<ServedHandlers> {
  const notFound = options.notFound ?? defaultNotFound;
  const server = createServer({ keepAlive: true }, (req, res) => {
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    void (async () => {
      try {
        const request = await toFetchRequest(req, options.origin, abort.signal);
        const response = (await getResponse([...handlers], request)) ?? notFound(request);
        if (response.type === 'error') {
          req.socket.destroy();
          return;
        }
        if (!abort.signal.aborted) await writeFetchResponse(res, response);
      } catch {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('fake server: internal error');
      }
    })();
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
