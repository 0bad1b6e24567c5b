import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Json2Transport, JsonRpcTransport, OdooTransportError } from '../src/index.js';

describe('transport safety', () => {
  let stalling: Server;
  let url: string;
  beforeAll(async () => {
    // Sends the headers and half a body, then nothing: a proxy or server that stalls mid-answer.
    stalling = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"jsonrpc": "2.0", "id": 1, "res');
    });
    await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(stalling.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    stalling.closeAllConnections();
    await new Promise((resolve) => stalling.close(resolve));
  });

  it('times out a body that stops arriving, not only a server that never answers', async () => {
    const transport = new JsonRpcTransport({
      url,
      db: 'odoo',
      login: 'admin',
      secret: 'admin',
      uid: 2,
      timeoutMs: 200,
    });
    const call = transport.execute({
      model: 'res.partner',
      method: 'search_count',
      params: { domain: [] },
      context: {},
    });
    await expect(call).rejects.toBeInstanceOf(OdooTransportError);
    await expect(call).rejects.toMatchObject({ failure: 'timeout', retryable: true, executed: 'unknown' });
  });

  it('keeps an API key that fetch refuses as a header value out of the error, and does not retry it', async () => {
    const apiKey = 'ab12cd34ef\nsecret-tail-5678';
    const transport = new Json2Transport({ url: 'http://odoo19.invalid', db: 'odoo', apiKey, uid: 2 });
    const error = await transport
      .execute({ model: 'res.partner', method: 'search_count', params: { domain: [] }, context: {} })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OdooTransportError);
    expect(error).toMatchObject({ failure: 'bad-request', retryable: false, executed: 'no' });
    const everything = `${String(error)} ${(error as Error).message} ${JSON.stringify(error)} ${String((error as Error).cause ?? '')}`;
    expect(everything).not.toContain('secret-tail-5678');
    expect(everything).not.toContain('ab12cd34ef');
  });
});
