import type { InboundWebhook } from '@crossdock/connectors';
import type { ReplayContext } from '@crossdock/idempotency';
import { dispatchEvents } from '../http/dispatch.ts';
import type { Runtime, StepHandler, WorkPayload } from './runtime.ts';

/**
 * Replays one dead letter through the path that produced it: a queued step (`crossdock.<kind>`)
 * runs its step again with the same key, so a step that already took effect is not repeated; a
 * webhook (`<system>.webhook`) is parsed and dispatched again. Its signature was verified when it
 * arrived (a letter exists only for verified deliveries), and a replay hours later would fail the
 * timestamp check, so it is not verified twice.
 *
 * @example
 * await replayDeadLetters(runtime.stores.deadLetters, ids, (payload, context) => replayLetter(runtime, steps, payload, context));
 */
export async function replayLetter(
  runtime: Runtime,
  steps: Readonly<Record<string, StepHandler>>,
  payload: unknown,
  context: ReplayContext,
): Promise<void> {
  const correlationId = context.correlationId ?? context.key;
  const signal = context.signal ?? new AbortController().signal;
  const stepKind = /^crossdock\.(.+)$/.exec(context.source)?.[1];
  const step = stepKind === undefined ? undefined : steps[stepKind];
  if (step !== undefined) {
    await runtime.audit.decision(correlationId, 'crossdock.dlq', `${stepKind}.replayed`, {
      detail: { key: context.key },
    });
    await step(runtime, payload as WorkPayload, { correlationId, signal, attempt: 1 });
    return;
  }
  const system = /^([a-z]+)\.webhook$/.exec(context.source)?.[1];
  const webhooks =
    system === 'shipbob'
      ? runtime.warehouses.shipbob.webhooks
      : system === 'easypost'
        ? runtime.carrier?.webhooks
        : system === 'shopify'
          ? runtime.channel?.webhooks
          : undefined;
  if (webhooks === undefined) throw new Error(`no replay path for dead letters from ${context.source}`);
  const webhook: InboundWebhook = { headers: new Headers(context.headers), rawBody: String(payload) };
  const { events } = webhooks.parse(webhook, { correlationId });
  await runtime.audit.decision(correlationId, 'crossdock.dlq', `${context.source}.replayed`, {
    detail: { key: context.key },
  });
  await dispatchEvents(runtime, context.source, events);
  await runtime.queue.onIdle();
}
