import type { IncomingMessage, ServerResponse } from 'node:http';

/** A Fetch API handler: a `Request` in, a `Response` out (a webhook receiver, a router). */
export type FetchHandler = (request: Request) => Promise<Response>;

/** Options of {@link toNodeListener}. */
export interface NodeListenerOptions {
  /** Larger bodies are answered 413 without being read further. Default 1 MiB. */
  readonly maxBodyBytes?: number;
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Serves a Fetch API handler from `node:http`: the raw body is passed byte for byte (signatures
 * cover it), headers keep their repeated values, and a body over the limit is refused with 413.
 *
 * @example
 * import { createServer } from 'node:http';
 * createServer(toNodeListener(receive)).listen(8080);
 */
export function toNodeListener(
  handler: FetchHandler,
  options: NodeListenerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const limit = options.maxBodyBytes ?? 1_048_576;
  return (req, res) => {
    void (async () => {
      try {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
            headers.append(name, one);
        }
        const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
        const body = hasBody ? await readBody(req, limit) : undefined;
        if (hasBody && body === undefined) {
          res.writeHead(413).end();
          req.destroy();
          return;
        }
        const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
        const response = await handler(
          new Request(url, { method: req.method ?? 'GET', headers, ...(body === undefined ? {} : { body }) }),
        );
        const out = Buffer.from(await response.arrayBuffer());
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(out);
      } catch {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      }
    })();
  };
}
