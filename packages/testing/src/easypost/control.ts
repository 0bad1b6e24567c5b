import { scanTracker, type TrackerStep } from './carrier.js';
import type { FakeEasyPostRoute, FakeFailure, FakeFaults } from './gate.js';
import { type FakeWebhookDelivery, signEasyPostDelivery } from './sign.js';
import type { FakeEasyPostState, FakeRequest, FakeShipment, FakeTracker } from './state.js';

/** Test-side control of the fake: the carrier's moves, fault injection and what the API saw. */
export interface FakeEasyPostControl {
  /** Moves a tracker to `status` with a new scan; answers the signed `tracker.updated` delivery. */
  advance(trackingNumber: string, status: string, detail?: string): FakeWebhookDelivery;
  /**
   * Moves a tracker through several statuses in turn, one delivery per step, ready for
   * `deliverWebhooks`.
   * @example control.advanceThrough('EZ1', ['in_transit', 'out_for_delivery', { status: 'delivered', detail: 'arrived_at_destination' }])
   */
  advanceThrough(trackingNumber: string, steps: readonly (string | TrackerStep)[]): FakeWebhookDelivery[];
  /**
   * A carrier exception: the tracker goes to `failure` with the carrier's detail and message
   * (default `delivery_exception`, "Delivery exception"); answers the signed delivery.
   */
  raiseException(
    trackingNumber: string,
    exception?: { readonly detail?: string; readonly message?: string },
  ): FakeWebhookDelivery;
  /** Signs any body with the webhook secret (or `secret`), as EasyPost does. */
  sign(body: string, secret?: string): FakeWebhookDelivery;
  /**
   * Makes the next request(s) to `route` fail: a 5xx (default 500) or a dropped connection, before
   * or after doing what was asked (`executed: true`: "created, but answered 500").
   * @example control.failNext('shipments.create', { status: 500, executed: true })
   */
  failNext(route: FakeEasyPostRoute, failure?: FakeFailure): void;
  /**
   * A lagging index: shipments created from now on stay out of the next `calls` shipment listings
   * (0 turns the lag off for new shipments).
   */
  lagListings(calls: number): void;
  /** Shows every shipment in listings at once, whatever lag it was created under. */
  catchUpListings(): void;
  /** Refuses the next request (any endpoint) with a 429 and `Retry-After`, as an over-limit answer. */
  refuseNext(retryAfterMs: number): void;
  /** Every label bought so far. */
  purchases(): readonly { shipmentId: string; rateId: string; trackingCode: string }[];
  shipments(): readonly FakeShipment[];
  trackers(): readonly FakeTracker[];
  /** Every request received since the last reset, with its time on the fake's clock. */
  readonly requests: readonly FakeRequest[];
  /** Index requests refused (429) since the last reset for going over the published limit. */
  readonly refusals: number;
  /** Forgets shipments, trackers, purchases, requests, armed faults and the listing lag. */
  reset(): void;
}

/**
 * The control API over a fake's state.
 *
 * @example
 * const control = createEasyPostControl({ state, faults, listing: { lag: 0 }, webhookSecret });
 */
export function createEasyPostControl(options: {
  readonly state: FakeEasyPostState;
  readonly faults: FakeFaults;
  readonly listing: { lag: number };
  readonly webhookSecret: string;
}): FakeEasyPostControl {
  const { state, faults, listing, webhookSecret } = options;
  const scan = (code: string, step: TrackerStep) => scanTracker(state, code, step, webhookSecret);
  return {
    advance: (code, status, detail) => scan(code, { status, ...(detail === undefined ? {} : { detail }) }),
    advanceThrough: (code, steps) =>
      steps.map((step) => scan(code, typeof step === 'string' ? { status: step } : step)),
    raiseException: (code, exception = {}) =>
      scan(code, {
        status: 'failure',
        detail: exception.detail ?? 'delivery_exception',
        message: exception.message ?? 'Delivery exception',
      }),
    sign: (body, secret = webhookSecret) => signEasyPostDelivery(body, secret),
    failNext(route, failure = {}) {
      const times = failure.times ?? 1;
      if (!Number.isInteger(times) || times < 1)
        throw new RangeError(`times must be a positive integer, got ${times}`);
      faults.failures.push({ route, failure, left: times });
    },
    lagListings(calls) {
      if (!Number.isInteger(calls) || calls < 0)
        throw new RangeError(`calls must be a whole number, got ${calls}`);
      listing.lag = calls;
    },
    catchUpListings: () => state.hiddenFromListings.clear(),
    refuseNext(retryAfterMs) {
      if (!(retryAfterMs >= 0)) throw new RangeError(`retryAfterMs must be >= 0, got ${retryAfterMs}`);
      faults.refusals.push(retryAfterMs);
    },
    purchases: () => [...state.purchases],
    shipments: () => [...state.shipments.values()],
    trackers: () => [...state.trackers.values()],
    requests: state.requests,
    get refusals() {
      return state.refusals;
    },
    reset() {
      state.clear();
      faults.failures.length = 0;
      faults.refusals.length = 0;
      listing.lag = 0;
    },
  };
}
