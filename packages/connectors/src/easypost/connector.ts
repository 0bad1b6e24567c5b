import { idempotent, isIdempotencyError, MemoryStore } from '@crossdock/idempotency';
import { claimRefusal } from '../contract/claim-error.js';
import type { OperationOptions } from '../contract/operation.js';
import { createEasyPostHttp } from './http.js';
import { buyLabel } from './labels.js';
import { getTracking } from './tracking.js';
import type { EasyPostConnector, EasyPostConnectorOptions, LabelRequest } from './types.js';
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
  // One purchase per idempotency key at a time: a duplicate waits for the first and gets its label.
  const buyOnce = idempotent(
    (request: LabelRequest, op: OperationOptions, ran: () => void) => {
      ran();
      return buyLabel(http, request, op);
    },
    {
      store: options.store ?? new MemoryStore(),
      key: (_request, op) => `easypost:label:${op.idempotencyKey}`,
      payload: (request) => request,
      onInProgress: 'wait',
      leaseMs: 60_000,
    },
  );
  return {
    system: 'easypost',
    labels: {
      // Without a key, buyLabel refuses the call itself, with the error that says so.
      buy: async (request, op) => {
        if (op.idempotencyKey === undefined) return buyLabel(http, request, op);
        let ran = false;
        try {
          const label = await buyOnce(request, op, () => {
            ran = true;
          });
          // A call answered from the claim store did not buy anything: the label already existed.
          return ran ? label : { ...label, existing: true };
        } catch (error) {
          throw isIdempotencyError(error)
            ? claimRefusal('easypost', 'labels.buy', error, op.correlationId)
            : error;
        }
      },
    },
    tracking: { get: (trackingNumber, op) => getTracking(http, trackingNumber, op) },
    webhooks: easypostWebhooks(secrets),
  };
}
