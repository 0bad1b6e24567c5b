import { createEasyPostHttp } from './http.js';
import { buyLabel } from './labels.js';
import { getTracking } from './tracking.js';
import type { EasyPostConnector, EasyPostConnectorOptions } from './types.js';
import { easypostWebhooks } from './webhooks.js';

/**
 * The EasyPost connector: buys labels (once per idempotency key), reads trackers as canonical
 * `TrackingEvent`s and verifies and parses tracker webhooks. Every failure is a `ConnectorError`
 * with system `easypost`; none carries the API key.
 *
 * @example
 * const easypost = createEasyPostConnector({ apiKey: process.env.EASYPOST_API_KEY, webhookSecret });
 * const label = await easypost.labels.buy({ shipment: { from, to, parcel } }, { correlationId, idempotencyKey: 'label:WH/OUT/00042' });
 * const events = await easypost.tracking.get(label.trackingNumber, { correlationId, carrier: label.carrier });
 */
export function createEasyPostConnector(options: EasyPostConnectorOptions): EasyPostConnector {
  const http = createEasyPostHttp({
    apiKey: options.apiKey,
    baseUrl: options.baseUrl ?? 'https://api.easypost.com/v2',
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
  });
  const secret = options.webhookSecret;
  const secrets: readonly string[] =
    secret === undefined ? [] : typeof secret === 'string' ? [secret] : secret;
  return {
    system: 'easypost',
    labels: { buy: (request, op) => buyLabel(http, request, op) },
    tracking: { get: (trackingNumber, op) => getTracking(http, trackingNumber, op) },
    webhooks: easypostWebhooks(secrets),
  };
}
