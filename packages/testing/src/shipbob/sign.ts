import { createHmac, randomUUID } from 'node:crypto';

/** A webhook delivery as the fake sends it: headers and the raw JSON body that was signed. */
export interface SignedDelivery {
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * Signs a body per Standard Webhooks: HMAC-SHA256 of `${id}.${timestamp}.${body}` with the
 * base64-decoded `whsec_` secret, sent as `webhook-signature: v1,<base64>`.
 *
 * @example
 * const delivery = signDelivery('whsec_…', 'order.shipped', JSON.stringify(shipment), new Date());
 */
export function signDelivery(
  secret: string,
  topic: string,
  body: string,
  now: Date,
  id = `msg_${randomUUID()}`,
): SignedDelivery {
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`, 'utf8').digest('base64');
  return {
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': timestamp,
      'webhook-signature': `v1,${signature}`,
      'x-webhook-topic': topic,
    },
    body,
  };
}
