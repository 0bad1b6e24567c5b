import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { createEasyPostHandlers, type ServedHandlers, serveHandlers } from '../src/index.js';

const served: ServedHandlers[] = [];
afterEach(async () => {
  await Promise.all(served.splice(0).map((server) => server.close()));
});

async function serve(...args: Parameters<typeof serveHandlers>): Promise<ServedHandlers> {
  const server = await serveHandlers(...args);
  served.push(server);
  return server;
}

describe('serveHandlers', () => {
  it('answers a real HTTP request on loopback as the handler for the original origin would', async () => {
    const handlers = [
      http.post('https://api.vendor.test/v1/echo', async ({ request }) =>
        HttpResponse.json({ got: await request.json(), auth: request.headers.get('authorization') }),
      ),
    ];
    const server = await serve(handlers, { origin: 'https://api.vendor.test' });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${server.url}/v1/echo`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: JSON.stringify({ a: 1 }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ got: { a: 1 }, auth: 'Bearer t' });
  });

  it('keeps a stateful fake’s state across requests over the port', async () => {
    const easypost = createEasyPostHandlers();
    const server = await serve(easypost.handlers, { origin: new URL(easypost.baseUrl).origin });
    const path = new URL(easypost.baseUrl).pathname;
    const auth = { authorization: `Basic ${Buffer.from(`${easypost.apiKey}:`).toString('base64')}` };
    const created = await fetch(`${server.url}${path}/trackers`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ tracker: { tracking_code: 'EZ1000000001', carrier: 'USPS' } }),
    });
    expect(created.status).toBeLessThan(300);
    const listed = (await (await fetch(`${server.url}${path}/trackers`, { headers: auth })).json()) as {
      trackers: { tracking_code: string }[];
    };
    expect(listed.trackers.map((tracker) => tracker.tracking_code)).toContain('EZ1000000001');
  });

  it('answers 404 naming the method and path when no handler matches', async () => {
    const server = await serve([], { origin: 'https://api.vendor.test' });
    const response = await fetch(`${server.url}/nowhere`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('no fake handler for GET /nowhere');
  });

  it('drops the connection for HttpResponse.error(), as a network failure would', async () => {
    const server = await serve([http.get('https://api.vendor.test/down', () => HttpResponse.error())], {
      origin: 'https://api.vendor.test',
    });
    await expect(fetch(`${server.url}/down`)).rejects.toThrow(TypeError);
  });
});
