import { createHash } from 'node:crypto';
import type { EventEnvelope } from '@crossdock/canonical';
import {
  type DeadLetterStore,
  type IdempotencyStore,
  InProgressError,
  idempotent,
  KeyMismatchError,
} from '@crossdock/idempotency';
import type { InboundWebhook } from '../contract/capabilities.js';
import type { VerifyResult } from './result.js';

/** What `parse` makes of a verified delivery. */
export interface ParsedDelivery {
  /** The sender's id of this delivery, stable across its retries; deduplication is keyed on it. */
  readonly deliveryId: string;
  readonly events: readonly EventEnvelope[];
}

/** Where in the receiver something went wrong, for {@link WebhookReceiverOptions.onError}. */
export type WebhookReceiverStage = 'read' | 'verify' | 'parse' | 'handle' | 'dead_letter';

/** Options of {@link createWebhookReceiver}. */
export interface WebhookReceiverOptions {
  /**
   * Decides whether the delivery is authentic; a `false` or invalid result (or a throw) answers 401.
   * @example (webhook) => verifyStandardWebhook(webhook, { secrets })
   */
  readonly verify: (webhook: InboundWebhook) => VerifyResult | boolean | Promise<VerifyResult | boolean>;
  /** Turns a verified delivery into its id and canonical events; a throw answers 400 and dead-letters the body. */
  readonly parse: (webhook: InboundWebhook) => ParsedDelivery | Promise<ParsedDelivery>;
  /** Where delivery claims live. @example new MemoryStore() */
  readonly store: IdempotencyStore;
  /** Where deliveries that could not be parsed or handled are kept for replay. @example new MemoryDeadLetterStore() */
  readonly deadLetters: DeadLetterStore;
  /** Applies the events of one delivery; runs once per delivery id, again only after it failed. */
  readonly handle: (
    events: readonly EventEnvelope[],
    context: { readonly deliveryId: string; readonly webhook: InboundWebhook },
  ) => Promise<void>;
  /** The sender, used in idempotency keys (`${source}:${deliveryId}`) and as the dead letters' source. @example 'shipbob.webhook' */
  readonly source: string;
  /** How long a handled delivery id is remembered. Default 86_400_000 (24 h). */
  readonly ttlMs?: number;
  /** How long one attempt owns a delivery before a concurrent retry may take over. Default 30_000. */
  readonly leaseMs?: number;
  /** Told of every failure the response does not describe (thrown verifiers, parse and handler errors, dead-letter store errors). */
  readonly onError?: (error: unknown, stage: WebhookReceiverStage) => void;
}

/** Handles one webhook request: a Fetch API `Request` in, a `Response` out. */
export type WebhookReceiver = (request: Request) => Promise<Response>;

function empty(status: number, headers?: Record<string, string>): Response {
  return new Response(null, headers ? { status, headers } : { status });
}

function isValid(result: VerifyResult | boolean): boolean {
  return typeof result === 'boolean' ? result : result.valid;
}

/**
 * Creates a framework-agnostic webhook endpoint (Fetch API `Request`/`Response`): reads the raw body
 * once, verifies it, parses it and hands its events to `handle` exactly once per delivery id.
 *
 * | outcome | status |
 * |---|---|
 * | unreadable body or bad signature | 401 (empty body, nothing about why) |
 * | verified but unparsable | 400, dead-lettered with raw body, headers and error |
 * | handled, or a duplicate of a handled delivery | 200 (`handle` is not called again) |
 * | the same delivery is being handled right now | 409 with `Retry-After` |
 * | the same delivery id with another body | 422 |
 * | `handle` failed | 500, key released so the retry runs it, dead-lettered (attempts add up) |
 * | a redelivery of a failed delivery succeeds | 200, its dead letter is marked replayed |
 *
 * @example
 * const receive = createWebhookReceiver({
 *   source: 'shopify.webhook',
 *   verify: (webhook) => verifyHmacBase64(webhook, { secrets: [process.env.SHOPIFY_API_SECRET] }),
 *   parse: (webhook) => shopify.webhooks.parse(webhook, { correlationId: crypto.randomUUID() }),
 *   store: new MemoryStore(),
 *   deadLetters: new MemoryDeadLetterStore(),
 *   handle: async (events) => { for (const event of events) await bus.publish(event); },
 * });
 * export default { fetch: receive }; // or app.post('/webhooks/shopify', (c) => receive(c.req.raw))
 */
export function createWebhookReceiver(options: WebhookReceiverOptions): WebhookReceiver {
  const { source, deadLetters, onError } = options;
  const report = (error: unknown, stage: WebhookReceiverStage): void => {
    try {
      onError?.(error, stage);
    } catch {
      // A failing observer never changes the answer.
    }
  };

  const deadLetter = async (key: string, webhook: InboundWebhook, error: unknown): Promise<void> => {
    try {
      await deadLetters.record({
        key,
        source,
        payload: webhook.rawBody,
        headers: Object.fromEntries(webhook.headers.entries()),
        error,
        attempts: 1,
      });
    } catch (storeError) {
      report(storeError, 'dead_letter');
    }
  };

  // A delivery whose handler failed left a letter; once a redelivery (or a replay) succeeds, the
  // letter is marked replayed so the dead-letter queue only shows what still needs a person.
  const resolveLetter = async (key: string): Promise<void> => {
    try {
      const { items } = await deadLetters.list({ source, key, status: 'pending', limit: 1 });
      for (const letter of items) await deadLetters.markReplayed(letter.id);
    } catch (storeError) {
      report(storeError, 'dead_letter');
    }
  };

  const run = idempotent(
    async (delivery: ParsedDelivery, webhook: InboundWebhook): Promise<{ readonly handled: true }> => {
      await options.handle(delivery.events, { deliveryId: delivery.deliveryId, webhook });
      return { handled: true };
    },
    {
      store: options.store,
      key: (delivery) => `${source}:${delivery.deliveryId}`,
      payload: (_delivery, webhook) => webhook.rawBody,
      ...(options.ttlMs === undefined ? {} : { ttlMs: options.ttlMs }),
      ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
    },
  );

  return async (request: Request): Promise<Response> => {
    let rawBody: string;
    try {
      rawBody = await request.text();
    } catch (error) {
      report(error, 'read');
      return empty(400);
    }
    const webhook: InboundWebhook = { headers: request.headers, rawBody };

    try {
      if (!isValid(await options.verify(webhook))) return empty(401);
    } catch (error) {
      report(error, 'verify');
      return empty(401);
    }

    let delivery: ParsedDelivery;
    try {
      delivery = await options.parse(webhook);
      if (
        typeof delivery?.deliveryId !== 'string' ||
        delivery.deliveryId === '' ||
        !Array.isArray(delivery.events)
      ) {
        throw new TypeError('parse must return a non-empty deliveryId and an events array');
      }
    } catch (error) {
      report(error, 'parse');
      const digest = createHash('sha256').update(rawBody, 'utf8').digest('hex');
      await deadLetter(`${source}:unparsable:${digest}`, webhook, error);
      return empty(400);
    }

    const key = `${source}:${delivery.deliveryId}`;
    try {
      await run(delivery, webhook);
      await resolveLetter(key);
      return empty(200);
    } catch (error) {
      if (error instanceof InProgressError) {
        return empty(409, { 'retry-after': String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))) });
      }
      if (error instanceof KeyMismatchError) return empty(422);
      report(error, 'handle');
      await deadLetter(key, webhook, error);
      return empty(500);
    }
  };
}
