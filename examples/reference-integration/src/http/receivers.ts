import type { InboundWebhook, WebhooksCapability } from '@crossdock/connectors';
import { createWebhookReceiver, type WebhookReceiver } from '@crossdock/connectors/webhooks';
import type { Runtime } from '../runtime/runtime.ts';
import { dispatchEvents } from './dispatch.ts';

/** A receiver per connected system, by path segment: `/webhooks/shipbob`, `/webhooks/easypost`, `/webhooks/shopify`. */
export function createReceivers(runtime: Runtime): Readonly<Record<string, WebhookReceiver>> {
  const sources: Record<string, WebhooksCapability | undefined> = {
    shipbob: runtime.warehouses.shipbob.webhooks,
    easypost: runtime.carrier?.webhooks,
    shopify: runtime.channel?.webhooks,
  };
  const receivers: Record<string, WebhookReceiver> = {};
  for (const [name, webhooks] of Object.entries(sources)) {
    if (webhooks === undefined) continue;
    const source = `${name}.webhook`;
    receivers[name] = createWebhookReceiver({
      source,
      verify: (webhook: InboundWebhook) => webhooks.verify(webhook),
      parse: (webhook: InboundWebhook) =>
        webhooks.parse(webhook, { correlationId: `${source}:${crypto.randomUUID()}` }),
      store: runtime.stores.idempotency,
      deadLetters: runtime.stores.deadLetters,
      handle: (events) => dispatchEvents(runtime, source, events),
      onError: (error, stage) =>
        runtime.log.warn('webhook not accepted', { source, stage, error: String(error) }),
    });
  }
  return receivers;
}
