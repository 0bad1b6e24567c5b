import type { HttpHandler } from 'msw';
import { createControl, type ShipBobControl } from './control.js';
import { createGate } from './gate.js';
import { orderHandlers } from './orders.js';
import { returnHandlers } from './returns.js';
import { createState } from './state.js';

export interface ShipBobHandlersOptions {
  /** Default `https://api.shipbob.com`. */
  readonly baseUrl?: string;
  /** Default `2026-07`. */
  readonly apiVersion?: string;
  /** The only Bearer token accepted. Default `shipbob-test-token`. */
  readonly token?: string;
  /** Standard Webhooks secret the control API signs with. Default {@link DEFAULT_WEBHOOK_SECRET}. */
  readonly webhookSecret?: string;
  /** Requests allowed in any 60-second window. Default 150, ShipBob's published limit. */
  readonly limitPerMinute?: number;
  /**
   * The fake's clock: request times, the sliding window, record dates and webhook timestamps.
   * Share it with the connector (e.g. a `ManualClock`). Default `Date.now`.
   */
  readonly clock?: { now(): number };
  /** @deprecated Use `clock`. The fake's clock in ms. */
  readonly now?: () => number;
}

export const DEFAULT_WEBHOOK_SECRET = 'whsec_c2hpcGJvYi1mYWtlLXdlYmhvb2stc2VjcmV0IQ==';

export type ShipBobHandlers = HttpHandler[] & { readonly control: ShipBobControl; readonly baseUrl: string };

/**
 * msw handlers of a stateful fake ShipBob (2026-07): orders keyed by `reference_id` (422 on a
 * duplicate), cancel, shipments inside orders, cursor-paged inventory levels, return orders (422 on
 * a duplicate `reference_id`, cursor-paged list), Bearer auth (401), the published limit of 150
 * requests in any sliding minute (429 with `x-retry-after` seconds; `x-remaining-calls` on every
 * answer) on an injectable clock, and a control API that plays the warehouse and signs the matching
 * Standard Webhooks delivery.
 *
 * @example
 * const shipbob = createShipBobHandlers({ token: 't', clock });
 * const server = setupServer(...shipbob);
 * const delivery = shipbob.control.ship(orderId, { lines: [{ sku: 'SKU-1', quantity: 2, lot: 'L1' }] });
 * await deliverWebhooks([delivery], { url: receiverUrl });
 */
export function createShipBobHandlers(options: ShipBobHandlersOptions = {}): ShipBobHandlers {
  const apiVersion = options.apiVersion ?? '2026-07';
  const root = `${(options.baseUrl ?? 'https://api.shipbob.com').replace(/\/$/, '')}/${apiVersion}`;
  const clock = options.clock;
  const now = clock ? () => clock.now() : (options.now ?? Date.now);
  let state = createState();
  const gate = createGate({
    state: () => state,
    now,
    limit: options.limitPerMinute ?? 150,
    token: options.token ?? 'shipbob-test-token',
  });
  const context = { root, apiVersion, state: () => state, now, route: gate.route };
  const handlers: HttpHandler[] = [...orderHandlers(context), ...returnHandlers(context)];
  const control = createControl({
    state: () => state,
    now,
    secret: options.webhookSecret ?? DEFAULT_WEBHOOK_SECRET,
    requests: gate.requests,
    respondWith: gate.respondWith,
    reset() {
      state = createState();
      gate.reset();
    },
  });
  return Object.assign(handlers, { control, baseUrl: root });
}
