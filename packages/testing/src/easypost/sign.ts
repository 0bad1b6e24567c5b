import { createHmac } from 'node:crypto';

/** A signed webhook delivery as EasyPost would POST it: the `{ headers, body }` `deliverWebhooks` sends. */
export interface FakeWebhookDelivery {
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * Signs a raw body as EasyPost does: `X-Hmac-Signature: hmac-sha256-hex=<hex>`, HMAC-SHA256 of the
 * body with the secret normalised to NFKD (as EasyPost's own libraries normalise it).
 *
 * @example
 * const delivery = signEasyPostDelivery('{"id":"evt_1"}', 'whsec');
 * delivery.headers['x-hmac-signature']; // 'hmac-sha256-hex=…'
 */
export function signEasyPostDelivery(body: string, secret: string): FakeWebhookDelivery {
  const digest = createHmac('sha256', Buffer.from(secret.normalize('NFKD'), 'utf8'))
    .update(body, 'utf8')
    .digest('hex');
  return {
    headers: { 'content-type': 'application/json', 'x-hmac-signature': `hmac-sha256-hex=${digest}` },
    body,
  };
}
