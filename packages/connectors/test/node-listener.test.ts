import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { toNodeListener } from '../src/webhooks/index.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function listen(
  handler: (request: Request) => Promise<Response>,
  maxBodyBytes?: number,
): Promise<string> {
  server = createServer(toNodeListener(handler, maxBodyBytes === undefined ? {} : { maxBodyBytes }));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('toNodeListener', () => {
  it('hands the handler the raw body byte for byte and the headers, and writes its response', async () => {
    const raw = '{"b": 1,  "a":"é"}';
    const url = await listen(async (request) =>
      Response.json(
        {
          body: await request.text(),
          signature: request.headers.get('x-hmac-signature'),
          path: new URL(request.url).pathname,
        },
        { status: 202, headers: { 'x-seen': 'yes' } },
      ),
    );
    const response = await fetch(`${url}/webhooks/easypost?x=1`, {
      method: 'POST',
      headers: { 'x-hmac-signature': 'hmac-sha256-hex=ab' },
      body: raw,
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('x-seen')).toBe('yes');
    expect(await response.json()).toEqual({
      body: raw,
      signature: 'hmac-sha256-hex=ab',
      path: '/webhooks/easypost',
    });
  });

  it('answers 413 to a body over the limit without calling the handler', async () => {
    let called = false;
    const url = await listen(async () => {
      called = true;
      return new Response(null);
    }, 16);
    const response = await fetch(url, { method: 'POST', body: 'x'.repeat(64) }).catch(() => undefined);
    expect(response?.status ?? 413).toBe(413);
    expect(called).toBe(false);
  });

  it('answers 500 when the handler throws', async () => {
    const url = await listen(async () => {
      throw new Error('boom');
    });
    expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(500);
  });
});
