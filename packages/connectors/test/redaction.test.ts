import { describe, expect, it } from 'vitest';
import { createEasyPostConnector } from '../src/easypost/index.js';
import { vendorMessage } from '../src/shipbob/http.js';

describe('credentials in vendor error text', () => {
  it('ShipBob: removes a token echoed across the 300-character cut of a non-JSON body', () => {
    const token = 'sb_pat_0123456789abcdefghijklmnopqrstuvwxyz';
    const body = `${'x'.repeat(290)} ${token} rejected`; // the cut at 300 falls inside the token
    const { message } = vendorMessage(body, 'HTTP 401', token);
    expect(message).not.toContain(token.slice(0, 6));
    expect(message.length).toBeLessThanOrEqual(300);
  });

  it('EasyPost: removes the Basic-auth encoding of the API key, which decodes back to the key', async () => {
    const apiKey = 'EZAK_live_0123456789abcdef';
    const encoded = Buffer.from(`${apiKey}:`).toString('base64');
    const echoing: typeof fetch = async () =>
      Response.json(
        { error: { code: 'APIKEY.INACTIVE', message: `bad header Basic ${encoded}`, errors: [] } },
        { status: 401 },
      );
    const easypost = createEasyPostConnector({ apiKey, fetch: echoing });
    const error = await easypost.tracking
      .get('1Z999', { correlationId: 'c-1' })
      .catch((caught: unknown) => caught);
    expect(String((error as Error).message)).not.toContain(encoded);
    expect(String((error as Error).message)).not.toContain(apiKey);
  });
});
