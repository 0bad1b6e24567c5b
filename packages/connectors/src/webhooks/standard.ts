import { createHmac } from 'node:crypto';
import type { InboundWebhook } from '../contract/capabilities.js';
import { invalid, matchesAny, VALID, type VerifyResult } from './result.js';

/** Options of {@link verifyStandardWebhook}. */
export interface StandardWebhookOptions {
  /**
   * The active signing secrets; several during a rotation. A string is the secret as the sender shows it:
   * `whsec_` followed by base64, or the base64 alone. A `Uint8Array` is the raw key.
   * @example ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw']
   */
  readonly secrets: readonly (string | Uint8Array)[];
  /** How far `webhook-timestamp` may be from now, either way, in seconds. Default 300. */
  readonly toleranceSeconds?: number;
  /** The current time. Default: the system clock. */
  readonly now?: Date;
}

const PREFIX = 'whsec_';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The HMAC key of one secret, or undefined when it is not valid base64. */
function secretKey(secret: string | Uint8Array): Uint8Array | undefined {
  if (typeof secret !== 'string') return secret;
  const encoded = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret;
  if (encoded.length === 0 || !BASE64.test(encoded)) return undefined;
  return Buffer.from(encoded, 'base64');
}

/**
 * Verifies a delivery signed per the Standard Webhooks specification (Svix and others): headers
 * `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature` (space-separated
 * `v1,<base64>` entries), HMAC-SHA256 over `${id}.${timestamp}.${rawBody}` with the decoded secret.
 * Any entry matching any active secret is accepted; timestamps older or newer than the tolerance are
 * `stale`. Never throws; comparisons are constant-time.
 *
 * @example
 * const result = verifyStandardWebhook({ headers: request.headers, rawBody }, { secrets: [process.env.WEBHOOK_SECRET] });
 * if (!result.valid) return new Response(null, { status: 401 });
 */
export function verifyStandardWebhook(
  webhook: InboundWebhook,
  options: StandardWebhookOptions,
): VerifyResult {
  try {
    const id = webhook.headers.get('webhook-id');
    const timestamp = webhook.headers.get('webhook-timestamp');
    const signature = webhook.headers.get('webhook-signature');
    if (!id || !timestamp || !signature) return invalid('missing_header');
    if (!/^\d{1,15}$/.test(timestamp)) return invalid('malformed');

    const tolerance = options.toleranceSeconds ?? 300;
    const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
    if (Math.abs(nowSeconds - Number(timestamp)) > tolerance) return invalid('stale');

    const provided = signature
      .split(' ')
      .filter((entry) => entry.startsWith('v1,'))
      .map((entry) => entry.slice(3));
    if (provided.length === 0) return invalid('malformed');

    const content = `${id}.${timestamp}.${webhook.rawBody}`;
    const expected: string[] = [];
    for (const secret of options.secrets) {
      const key = secretKey(secret);
      if (key) expected.push(createHmac('sha256', key).update(content, 'utf8').digest('base64'));
    }
    let matched = false;
    for (const candidate of provided) {
      if (matchesAny(candidate, expected)) matched = true;
    }
    return matched ? VALID : invalid('bad_signature');
  } catch {
    return invalid('malformed');
  }
}
