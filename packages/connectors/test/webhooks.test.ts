import '@shopify/shopify-api/adapters/web-api';
import { createHmac } from 'node:crypto';
import { createEvent, type EventEnvelope } from '@crossdock/canonical';
import { MemoryDeadLetterStore, MemoryStore } from '@crossdock/idempotency';
import EasyPostClient from '@easypost/api';
import { ApiVersion, shopifyApi } from '@shopify/shopify-api';
import { createSHA256HMAC, HashFormat } from '@shopify/shopify-api/runtime';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it, vi } from 'vitest';
import {
  createWebhookReceiver,
  type InboundWebhook,
  type ParsedDelivery,
  verifyHmacBase64,
  verifyHmacHex,
  verifyStandardWebhook,
} from '../src/webhooks/index.js';

const body = '{"id":"evt_1","type":"shipment.confirmed","data":{"tracking":"1Z999"}}';
const tampered = body.replace('1Z999', '1Z998');

function inbound(headers: Record<string, string>, rawBody = body): InboundWebhook {
  return { headers: new Headers(headers), rawBody };
}

describe('verifyStandardWebhook', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const other = 'whsec_c2VjcmV0LW9mLWFub3RoZXItc2VuZGVyLTEyMzQ1';
  const now = new Date('2026-11-25T12:00:00Z');
  const id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';

  function signed(withSecret = secret, at = now, rawBody = body): InboundWebhook {
    const signature = new Webhook(withSecret).sign(id, at, rawBody);
    return inbound(
      {
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': signature,
      },
      rawBody,
    );
  }

  it('accepts a delivery signed by the standardwebhooks package', () => {
    expect(verifyStandardWebhook(signed(), { secrets: [secret], now })).toEqual({ valid: true });
  });

  it('accepts the secret without its whsec_ prefix and as raw key bytes', () => {
    const base64 = secret.slice('whsec_'.length);
    expect(verifyStandardWebhook(signed(), { secrets: [base64], now }).valid).toBe(true);
    expect(verifyStandardWebhook(signed(), { secrets: [Buffer.from(base64, 'base64')], now }).valid).toBe(
      true,
    );
  });

  it('agrees with the standardwebhooks package on what it signs', () => {
    const webhook = signed();
    const headers = Object.fromEntries(webhook.headers.entries());
    vi.useFakeTimers({ now });
    try {
      expect(() => new Webhook(secret).verify(webhook.rawBody, headers)).not.toThrow();
      expect(() => new Webhook(secret).verify(tampered, headers)).toThrow();
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects a tampered body', () => {
    expect(verifyStandardWebhook({ ...signed(), rawBody: tampered }, { secrets: [secret], now })).toEqual({
      valid: false,
      reason: 'bad_signature',
    });
  });

  it('rejects the wrong secret', () => {
    expect(verifyStandardWebhook(signed(other), { secrets: [secret], now })).toEqual({
      valid: false,
      reason: 'bad_signature',
    });
  });

  it('rejects a tampered id or timestamp', () => {
    const webhook = signed();
    const headers = new Headers(webhook.headers);
    headers.set('webhook-id', 'msg_other');
    expect(verifyStandardWebhook({ ...webhook, headers }, { secrets: [secret], now }).valid).toBe(false);
    const shifted = new Headers(webhook.headers);
    shifted.set('webhook-timestamp', String(Math.floor(now.getTime() / 1000) + 1));
    expect(verifyStandardWebhook({ ...webhook, headers: shifted }, { secrets: [secret], now })).toEqual({
      valid: false,
      reason: 'bad_signature',
    });
  });

  it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])('reports a missing %s header', (name) => {
    const webhook = signed();
    const headers = new Headers(webhook.headers);
    headers.delete(name);
    expect(verifyStandardWebhook({ ...webhook, headers }, { secrets: [secret], now })).toEqual({
      valid: false,
      reason: 'missing_header',
    });
  });

  it('rejects stale and future timestamps beyond the tolerance, accepts within', () => {
    const old = new Date(now.getTime() - 301_000);
    const future = new Date(now.getTime() + 301_000);
    expect(verifyStandardWebhook(signed(secret, old), { secrets: [secret], now })).toEqual({
      valid: false,
      reason: 'stale',
    });
    expect(verifyStandardWebhook(signed(secret, future), { secrets: [secret], now })).toEqual({
      valid: false,
      reason: 'stale',
    });
    expect(
      verifyStandardWebhook(signed(secret, new Date(now.getTime() - 299_000)), { secrets: [secret], now })
        .valid,
    ).toBe(true);
    expect(
      verifyStandardWebhook(signed(secret, old), { secrets: [secret], now, toleranceSeconds: 600 }).valid,
    ).toBe(true);
  });

  it('accepts any active secret during a rotation, and any listed signature', () => {
    expect(verifyStandardWebhook(signed(other), { secrets: [secret, other], now }).valid).toBe(true);
    const a = signed(secret);
    const b = signed(other);
    const headers = new Headers(a.headers);
    headers.set('webhook-signature', `v1,AAAA ${b.headers.get('webhook-signature')} v2,xyz`);
    expect(verifyStandardWebhook({ ...a, headers }, { secrets: [other], now }).valid).toBe(true);
  });

  it('answers malformed input without throwing', () => {
    const webhook = signed();
    const timestamp = new Headers(webhook.headers);
    timestamp.set('webhook-timestamp', 'yesterday');
    expect(verifyStandardWebhook({ ...webhook, headers: timestamp }, { secrets: [secret], now })).toEqual({
      valid: false,
      reason: 'malformed',
    });
    const signature = new Headers(webhook.headers);
    signature.set('webhook-signature', 'garbage');
    expect(verifyStandardWebhook({ ...webhook, headers: signature }, { secrets: [secret], now })).toEqual({
      valid: false,
      reason: 'malformed',
    });
    expect(verifyStandardWebhook(webhook, { secrets: ['whsec_!!!not base64'], now })).toEqual({
      valid: false,
      reason: 'bad_signature',
    });
    expect(verifyStandardWebhook(webhook, { secrets: [], now })).toEqual({
      valid: false,
      reason: 'bad_signature',
    });
  });
});

describe('verifyHmacBase64 (Shopify)', () => {
  const secret = 'shpss_0123456789abcdef0123456789abcdef';
  const rotated = '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';

  async function signed(withSecret = secret, rawBody = body): Promise<InboundWebhook> {
    const hmac = await createSHA256HMAC(withSecret, rawBody, HashFormat.Base64);
    return inbound({ 'X-Shopify-Hmac-Sha256': hmac, 'X-Shopify-Topic': 'orders/create' }, rawBody);
  }

  it("accepts a signature made by @shopify/shopify-api's createSHA256HMAC", async () => {
    expect(verifyHmacBase64(await signed(), { secrets: [secret] })).toEqual({ valid: true });
  });

  it('agrees with shopify.webhooks.validate on a delivery and on its tampered copy', async () => {
    const shopify = shopifyApi({
      apiKey: 'app-key',
      apiSecretKey: secret,
      hostName: 'example.test',
      apiVersion: ApiVersion.January25,
      isEmbeddedApp: false,
      logger: { log: async () => {} },
    });
    const webhook = await signed();
    const headers = new Headers(webhook.headers);
    headers.set('X-Shopify-Shop-Domain', 'acme.myshopify.com');
    headers.set('X-Shopify-API-Version', ApiVersion.January25);
    headers.set('X-Shopify-Webhook-Id', 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043');
    const validate = (rawBody: string) =>
      shopify.webhooks.validate({
        rawBody,
        rawRequest: new Request('https://example.test/webhooks', { method: 'POST', headers, body: rawBody }),
      });
    expect((await validate(body)).valid).toBe(true);
    expect(verifyHmacBase64({ headers, rawBody: body }, { secrets: [secret] }).valid).toBe(true);
    expect((await validate(tampered)).valid).toBe(false);
    expect(verifyHmacBase64({ headers, rawBody: tampered }, { secrets: [secret] }).valid).toBe(false);
  });

  it('accepts a body with non-ASCII characters', async () => {
    const unicode = '{"note":"Größe – 东京 ✓"}';
    expect(verifyHmacBase64(await signed(secret, unicode), { secrets: [secret] }).valid).toBe(true);
  });

  it('rejects a tampered body and the wrong secret', async () => {
    expect(verifyHmacBase64({ ...(await signed()), rawBody: tampered }, { secrets: [secret] })).toEqual({
      valid: false,
      reason: 'bad_signature',
    });
    expect(verifyHmacBase64(await signed(rotated), { secrets: [secret] })).toEqual({
      valid: false,
      reason: 'bad_signature',
    });
  });

  it('reports a missing header and a malformed one', () => {
    expect(verifyHmacBase64(inbound({}), { secrets: [secret] })).toEqual({
      valid: false,
      reason: 'missing_header',
    });
    expect(
      verifyHmacBase64(inbound({ 'x-shopify-hmac-sha256': 'not base64!' }), { secrets: [secret] }),
    ).toEqual({
      valid: false,
      reason: 'malformed',
    });
    expect(verifyHmacBase64(inbound({ 'x-shopify-hmac-sha256': 'AAAA' }), { secrets: [secret] })).toEqual({
      valid: false,
      reason: 'bad_signature',
    });
  });

  it('accepts either secret during a rotation', async () => {
    expect(verifyHmacBase64(await signed(rotated), { secrets: [secret, rotated] }).valid).toBe(true);
    expect(verifyHmacBase64(await signed(secret), { secrets: [secret, rotated] }).valid).toBe(true);
  });
});

describe('verifyHmacHex (EasyPost)', () => {
  const secret = 'sécret-ﬁle'; // not NFKD-normal: é and the ﬁ ligature decompose
  const rotated = 'plain-secret-2';
  // The package's types declare its CommonJS default export in a way TypeScript's NodeNext
  // resolution does not see as constructable; at runtime the default export is the client class.
  const EasyPost = EasyPostClient as unknown as new (
    apiKey: string,
  ) => {
    readonly Utils: { validateWebhook(eventBody: Buffer, headers: object, webhookSecret: string): object };
  };
  const { validateWebhook } = new EasyPost('EZTK_test').Utils;

  function sign(withSecret: string, rawBody = body): string {
    const key = Buffer.from(withSecret.normalize('NFKD'), 'utf8');
    return `hmac-sha256-hex=${createHmac('sha256', key).update(rawBody, 'utf8').digest('hex')}`;
  }

  function signed(withSecret = secret, rawBody = body): InboundWebhook {
    return inbound({ 'X-Hmac-Signature': sign(withSecret, rawBody) }, rawBody);
  }

  it("accepts what @easypost/api's validateWebhook accepts, and it accepts ours", () => {
    const webhook = signed();
    const headers = { 'X-Hmac-Signature': webhook.headers.get('x-hmac-signature') ?? '' };
    expect(() => validateWebhook(Buffer.from(body), headers, secret)).not.toThrow();
    expect(verifyHmacHex(webhook, { secrets: [secret] })).toEqual({ valid: true });
  });

  it('rejects what validateWebhook rejects: tampered body, wrong secret', () => {
    const webhook = signed();
    const headers = { 'X-Hmac-Signature': webhook.headers.get('x-hmac-signature') ?? '' };
    expect(() => validateWebhook(Buffer.from(tampered), headers, secret)).toThrow();
    expect(verifyHmacHex({ ...webhook, rawBody: tampered }, { secrets: [secret] })).toEqual({
      valid: false,
      reason: 'bad_signature',
    });
    expect(() => validateWebhook(Buffer.from(body), headers, rotated)).toThrow();
    expect(verifyHmacHex(webhook, { secrets: [rotated] })).toEqual({ valid: false, reason: 'bad_signature' });
  });

  it('normalises the secret with NFKD, as EasyPost does', () => {
    const composed = 'sécret'.normalize('NFC');
    const webhook = signed(composed);
    expect(verifyHmacHex(webhook, { secrets: [composed.normalize('NFD')] }).valid).toBe(true);
    const unnormalised = createHmac('sha256', composed).update(body).digest('hex');
    expect(
      verifyHmacHex(inbound({ 'x-hmac-signature': `hmac-sha256-hex=${unnormalised}` }), {
        secrets: [composed],
      }).valid,
    ).toBe(false);
    expect(
      verifyHmacHex(inbound({ 'x-hmac-signature': `hmac-sha256-hex=${unnormalised}` }), {
        secrets: [composed],
        normalize: false,
      }).valid,
    ).toBe(true);
  });

  it('reports missing and malformed headers', () => {
    expect(verifyHmacHex(inbound({}), { secrets: [secret] })).toEqual({
      valid: false,
      reason: 'missing_header',
    });
    expect(verifyHmacHex(inbound({ 'x-hmac-signature': 'abc' }), { secrets: [secret] })).toEqual({
      valid: false,
      reason: 'malformed',
    });
    expect(
      verifyHmacHex(inbound({ 'x-hmac-signature': 'hmac-sha256-hex=zz' }), { secrets: [secret] }),
    ).toEqual({
      valid: false,
      reason: 'malformed',
    });
  });

  it('accepts either secret during a rotation', () => {
    expect(verifyHmacHex(signed(rotated), { secrets: [secret, rotated] }).valid).toBe(true);
    expect(verifyHmacHex(signed(secret), { secrets: [secret, rotated] }).valid).toBe(true);
  });
});

describe('createWebhookReceiver', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

  function request(rawBody: string, id = 'msg_1', withSecret = secret): Request {
    const now = new Date();
    return new Request('https://example.test/webhooks', {
      method: 'POST',
      body: rawBody,
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': new Webhook(withSecret).sign(id, now, rawBody),
      },
    });
  }

  function parse(webhook: InboundWebhook): ParsedDelivery {
    const payload = JSON.parse(webhook.rawBody) as { id?: unknown };
    if (typeof payload.id !== 'string') throw new TypeError('id: expected a string');
    const event: EventEnvelope = createEvent(
      'crossdock.exception.raised.v1',
      { code: 'test', severity: 'warning', message: 'a test event' },
      { source: '/test', correlationId: payload.id },
    );
    return { deliveryId: webhook.headers.get('webhook-id') ?? '', events: [event] };
  }

  function setup(
    handle: (
      events: readonly EventEnvelope[],
      context: { readonly deliveryId: string },
    ) => Promise<void> = async () => {},
  ) {
    const store = new MemoryStore();
    const deadLetters = new MemoryDeadLetterStore();
    const handler = vi.fn(handle);
    const receive = createWebhookReceiver({
      source: 'test.webhook',
      verify: (webhook) => verifyStandardWebhook(webhook, { secrets: [secret] }),
      parse,
      store,
      deadLetters,
      handle: handler,
    });
    return { receive, handler, deadLetters, store };
  }

  it('answers 401 with an empty body for a bad signature, without parsing or handling', async () => {
    const { receive, handler, deadLetters } = setup();
    const response = await receive(request(body, 'msg_1', 'whsec_c2VjcmV0LW9mLWFub3RoZXItc2VuZGVyLTEyMzQ1'));
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('');
    expect(handler).not.toHaveBeenCalled();
    expect((await deadLetters.list()).items).toHaveLength(0);
  });

  it('answers 401 for a tampered body', async () => {
    const { receive } = setup();
    const original = request(body);
    const forged = new Request(original.url, { method: 'POST', headers: original.headers, body: tampered });
    expect((await receive(forged)).status).toBe(401);
  });

  it('answers 400 for an unparsable payload and dead-letters the raw body, headers and error', async () => {
    const { receive, handler, deadLetters } = setup();
    const raw = '{"not":"an event"';
    const response = await receive(request(raw, 'msg_bad'));
    expect(response.status).toBe(400);
    expect(handler).not.toHaveBeenCalled();
    const [letter, ...rest] = (await deadLetters.list()).items;
    expect(rest).toHaveLength(0);
    expect(letter?.payload).toBe(raw);
    expect(letter?.source).toBe('test.webhook');
    expect(letter?.headers['webhook-id']).toBe('msg_bad');
    expect(letter?.headers['webhook-signature']).toMatch(/^v1,/);
    expect(letter?.errors[0]?.name).toBe('SyntaxError');
  });

  it('handles a delivery once and answers 200; a duplicate answers 200 without handling again', async () => {
    const { receive, handler } = setup();
    expect((await receive(request(body, 'msg_1'))).status).toBe(200);
    expect((await receive(request(body, 'msg_1'))).status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0]?.[0]).toHaveLength(1);
    expect((await receive(request(body, 'msg_2'))).status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('answers 500 when handle fails, releases the key so the retry runs, and counts attempts in the dead letter', async () => {
    let failures = 2;
    const { receive, handler, deadLetters } = setup(async () => {
      if (failures-- > 0) throw new Error('odoo is down');
    });
    expect((await receive(request(body, 'msg_9'))).status).toBe(500);
    expect((await receive(request(body, 'msg_9'))).status).toBe(500);
    const [letter] = (await deadLetters.list()).items;
    expect(letter?.key).toBe('test.webhook:msg_9');
    expect(letter?.attempts).toBe(2);
    expect(letter?.payload).toBe(body);
    expect(letter?.errors[0]?.message).toBe('odoo is down');
    expect((await receive(request(body, 'msg_9'))).status).toBe(200);
    expect((await receive(request(body, 'msg_9'))).status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(3);
  });

  it('marks the dead letter of a failed delivery replayed once the sender redelivers it successfully', async () => {
    let failures = 1;
    const { receive, deadLetters } = setup(async () => {
      if (failures-- > 0) throw new Error('odoo is down');
    });
    expect((await receive(request(body, 'msg_10'))).status).toBe(500);
    expect((await deadLetters.list({ status: 'pending' })).items).toHaveLength(1);
    expect((await receive(request(body, 'msg_10'))).status).toBe(200);
    expect((await deadLetters.list({ status: 'pending' })).items).toEqual([]);
    const [letter] = (await deadLetters.list()).items;
    expect(letter?.status).toBe('replayed');
  });

  it('leaves the dead letters of other deliveries pending when one delivery succeeds', async () => {
    const { receive, deadLetters } = setup(async (_events, { deliveryId }) => {
      if (deliveryId === 'msg_bad') throw new Error('poison');
    });
    expect((await receive(request(body, 'msg_bad'))).status).toBe(500);
    expect((await receive(request(body, 'msg_good'))).status).toBe(200);
    const pending = (await deadLetters.list({ status: 'pending' })).items.map((letter) => letter.key);
    expect(pending).toEqual(['test.webhook:msg_bad']);
  });

  it('answers 409 to a duplicate arriving while the first is handled', async () => {
    let release!: () => void;
    const { receive, handler } = setup(() => new Promise<void>((resolve) => (release = resolve)));
    const first = receive(request(body, 'msg_slow'));
    await vi.waitFor(() => expect(handler).toHaveBeenCalledTimes(1));
    const second = await receive(request(body, 'msg_slow'));
    expect(second.status).toBe(409);
    expect(second.headers.get('retry-after')).toMatch(/^\d+$/);
    release();
    expect((await first).status).toBe(200);
  });

  it('answers 422 when a delivery id is reused with another body', async () => {
    const { receive, handler } = setup();
    expect((await receive(request(body, 'msg_1'))).status).toBe(200);
    expect((await receive(request(tampered, 'msg_1'))).status).toBe(422);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('accepts a boolean verifier and answers 401 when the verifier throws', async () => {
    const deadLetters = new MemoryDeadLetterStore();
    const onError = vi.fn();
    const receive = createWebhookReceiver({
      source: 's',
      verify: () => {
        throw new Error('boom');
      },
      parse,
      store: new MemoryStore(),
      deadLetters,
      handle: async () => {},
      onError,
    });
    expect((await receive(request(body))).status).toBe(401);
    expect(onError).toHaveBeenCalledWith(expect.any(Error), 'verify');
    const open = createWebhookReceiver({
      source: 's',
      verify: () => true,
      parse,
      store: new MemoryStore(),
      deadLetters,
      handle: async () => {},
    });
    expect((await open(request(body))).status).toBe(200);
  });
});
