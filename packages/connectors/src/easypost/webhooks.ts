import { createEvent, type EventEnvelope } from '@crossdock/canonical';
import type { InboundWebhook, WebhooksCapability } from '../contract/capabilities.js';
import type { OperationOptions } from '../contract/operation.js';
import { verifyHmacHex } from '../webhooks/hmac.js';
import { easypostError, validate } from './errors.js';
import { EpEventSchema, EpTrackerSchema } from './schemas.js';
import { trackerToEvents } from './tracking.js';

/**
 * EasyPost webhooks: `X-Hmac-Signature: hmac-sha256-hex=<hex>` over the raw body, and `tracker.updated`
 * events as `crossdock.tracking.updated.v1` (the tracker's latest scan).
 *
 * @example
 * const hooks = easypostWebhooks(['secret-now', 'secret-before']);
 * if (hooks.verify({ headers, rawBody })) hooks.parse({ headers, rawBody }, { correlationId });
 */
export function easypostWebhooks(secrets: readonly string[]): WebhooksCapability {
  return {
    verify: (webhook: InboundWebhook) => secrets.length > 0 && verifyHmacHex(webhook, { secrets }).valid,
    parse(webhook: InboundWebhook, options: OperationOptions) {
      const operation = 'webhooks.parse';
      const { correlationId } = options;
      let json: unknown;
      try {
        json = JSON.parse(webhook.rawBody);
      } catch (cause) {
        throw easypostError({
          operation,
          message: 'unexpected EasyPost payload: body: not JSON',
          vendorCode: 'INVALID_PAYLOAD',
          retryable: false,
          executed: 'no',
          correlationId,
          cause,
        });
      }
      const event = validate(EpEventSchema, json, operation, 'event', correlationId, 'no');
      if (event.description !== 'tracker.updated' && event.description !== 'tracker.created') {
        return { deliveryId: event.id, events: [] };
      }
      const tracker = validate(EpTrackerSchema, event.result, operation, 'event.result', correlationId, 'no');
      const latest = trackerToEvents(tracker, operation, correlationId).at(-1);
      const events: EventEnvelope[] =
        latest === undefined
          ? []
          : [
              createEvent(
                'crossdock.tracking.updated.v1',
                { tracking: latest },
                {
                  source: '/easypost',
                  correlationId,
                  subject: tracker.tracking_code,
                  idempotencyKey: event.id,
                },
              ),
            ];
      return { deliveryId: event.id, events };
    },
  };
}
