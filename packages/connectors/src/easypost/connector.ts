import { idempotent, isIdempotencyError, MemoryStore, systemClock } from '@crossdock/idempotency';
import { claimRefusal } from '../contract/claim-error.js';
import type { OperationOptions } from '../contract/operation.js';
import { createEasyPostHttp } from './http.js';
import { buyLabel, type LabelContext } from './labels.js';
import { DEFAULT_LOOKUP } from './lookup.js';
import { easypostIndexLimiter } from './rate-limit.js';
import { getTracking } from './tracking.js';
import type { EasyPostConnector, EasyPostConnectorOptions, LabelRequest } from './types.js';
import { easypostWebhooks } from './webhooks.js';

/** How long a purchase's claim, result and journal are kept: a day. */
const LABEL_TTL_MS = 86_400_000;

/**
 * The EasyPost connector: buys labels (once per idempotency key), reads trackers as canonical
 * `TrackingEvent`s and verifies and parses tracker webhooks. Paces the Index endpoints under
 * EasyPost's five requests a second and waits out a 429. Every failure is a `ConnectorError` with
 * system `easypost`; none carries the API key.
 *
 * @example
 * const easypost = createEasyPostConnector({ apiKey: process.env.EASYPOST_API_KEY, webhookSecret });
 * const label = await easypost.labels.buy({ shipment: { from, to, parcel } }, { correlationId, idempotencyKey: 'label:WH/OUT/00042' });
 * const events = await easypost.tracking.get(label.trackingNumber, { correlationId, carrier: label.carrier });
 */
export function createEasyPostConnector(options: EasyPostConnectorOptions): EasyPostConnector {
  const clock = options.clock ?? systemClock;
  const http = createEasyPostHttp({
    apiKey: options.apiKey,
    baseUrl: options.baseUrl ?? 'https://api.easypost.com/v2',
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    clock,
    indexLimiter: options.indexLimiter ?? easypostIndexLimiter({ clock }),
    maxRateLimitRetries: options.maxRateLimitRetries ?? 3,
  });
  const store = options.store ?? new MemoryStore();
  const ctx: LabelContext = {
    http,
    store,
    clock,
    lookup: {
      attempts: Math.max(1, options.lookup?.attempts ?? DEFAULT_LOOKUP.attempts),
      delayMs: Math.max(0, options.lookup?.delayMs ?? DEFAULT_LOOKUP.delayMs),
    },
    ttlMs: LABEL_TTL_MS,
  };
  const secret = options.webhookSecret;
  const secrets: readonly string[] =
    secret === undefined ? [] : typeof secret === 'string' ? [secret] : secret;
  // One purchase per idempotency key at a time: a duplicate waits for the first and gets its label.
  const buyOnce = idempotent(
    (request: LabelRequest, op: OperationOptions, ran: () => void) => {
      ran();
      return buyLabel(ctx, request, op);
    },
    {
      store,
      key: (_request, op) => `easypost:label:${op.idempotencyKey}`,
      payload: (request) => request,
      onInProgress: 'wait',
      leaseMs: 60_000,
      ttlMs: LABEL_TTL_MS,
      clock,
    },
  );
  return {
    system: 'easypost',
    labels: {
      // Without a key, buyLabel refuses the call itself, with the error that says so.
      buy: async (request, op) => {
        if (op.idempotencyKey === undefined) return buyLabel(ctx, request, op);
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
