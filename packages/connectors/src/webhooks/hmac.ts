import { createHmac } from 'node:crypto';
import type { InboundWebhook } from '../contract/capabilities.js';
import { invalid, matchesAny, VALID, type VerifyResult } from './result.js';

/** Options of {@link verifyHmacBase64}. */
export interface HmacBase64Options {
  /** The active secrets (the Shopify app's client secret); several during a rotation. */
  readonly secrets: readonly string[];
  /**
   * The header holding the base64 signature. Default `x-shopify-hmac-sha256` (Shopify webhooks);
   * Shopify's newer events deliveries use `shopify-hmac-sha256`.
   */
  readonly header?: string;
}

/** Options of {@link verifyHmacHex}. */
export interface HmacHexOptions {
  /** The active webhook secrets; several during a rotation. */
  readonly secrets: readonly string[];
  /** The header holding the signature. Default `x-hmac-signature`. */
  readonly header?: string;
  /** What precedes the hex digest in the header. Default `hmac-sha256-hex=`. */
  readonly prefix?: string;
  /**
   * Unicode normalisation applied to each secret before it is used as the key, as EasyPost's own
   * library does (`secret.normalize('NFKD')`). Default `'NFKD'`; `false` uses the secret as is.
   */
  readonly normalize?: 'NFC' | 'NFD' | 'NFKC' | 'NFKD' | false;
}

/**
 * Verifies a delivery whose header carries the base64 HMAC-SHA256 of the raw body, as Shopify
 * sends it in `X-Shopify-Hmac-Sha256`. Any active secret may match. Never throws; comparisons are
 * constant-time. Shopify deliveries carry no signed timestamp, so staleness is not checked here.
 *
 * @example
 * const result = verifyHmacBase64({ headers: request.headers, rawBody }, { secrets: [process.env.SHOPIFY_API_SECRET] });
 */
export function verifyHmacBase64(webhook: InboundWebhook, options: HmacBase64Options): VerifyResult {
  try {
    const provided = webhook.headers.get(options.header ?? 'x-shopify-hmac-sha256')?.trim();
    if (!provided) return invalid('missing_header');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(provided)) return invalid('malformed');
    const expected = options.secrets.map((secret) =>
      createHmac('sha256', Buffer.from(secret, 'utf8')).update(webhook.rawBody, 'utf8').digest('base64'),
    );
    return matchesAny(provided, expected) ? VALID : invalid('bad_signature');
  } catch {
    return invalid('malformed');
  }
}

/**
 * Verifies a delivery whose header carries a prefixed hex HMAC-SHA256 of the raw body, as EasyPost
 * sends it: `X-Hmac-Signature: hmac-sha256-hex=<hex>`, keyed with the NFKD-normalised secret. Any
 * active secret may match. Never throws; comparisons are constant-time.
 *
 * Unlike `@easypost/api`'s `validateWebhook`, the raw body is verified as received: that library also
 * rewrites integer `"weight"` values to `N.0` before hashing, a repair for bodies that were parsed and
 * re-serialised in JavaScript, which a receiver holding the raw body does not need.
 *
 * @example
 * const result = verifyHmacHex({ headers: request.headers, rawBody }, { secrets: [process.env.EASYPOST_WEBHOOK_SECRET] });
 */
export function verifyHmacHex(webhook: InboundWebhook, options: HmacHexOptions): VerifyResult {
  try {
    const header = webhook.headers.get(options.header ?? 'x-hmac-signature')?.trim();
    if (!header) return invalid('missing_header');
    const prefix = options.prefix ?? 'hmac-sha256-hex=';
    if (!header.startsWith(prefix)) return invalid('malformed');
    const provided = header.slice(prefix.length).toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(provided)) return invalid('malformed');
    const form = options.normalize ?? 'NFKD';
    const expected = options.secrets.map((secret) => {
      const key = Buffer.from(form === false ? secret : secret.normalize(form), 'utf8');
      return createHmac('sha256', key).update(webhook.rawBody, 'utf8').digest('hex');
    });
    return matchesAny(provided, expected) ? VALID : invalid('bad_signature');
  } catch {
    return invalid('malformed');
  }
}
