import { type FakeWebhookDelivery, signEasyPostDelivery } from './sign.js';
import { ensureTracker, type FakeEasyPostState, type FakeTracker } from './state.js';

/** One step of a tracker: a status, with the carrier's detail and message when it gives them. */
export interface TrackerStep {
  /** An EasyPost tracker status, e.g. `in_transit`; any string, to play a status EasyPost adds later. */
  readonly status: string;
  /** `status_detail`, e.g. `arrived_at_facility`. Default none. */
  readonly detail?: string;
  /** The carrier's message of the scan. Default `Fake scan: <status>`. */
  readonly message?: string;
}

function findTracker(state: FakeEasyPostState, code: string): FakeTracker | undefined {
  return [...state.trackers.values()].find((t) => t.tracking_code === code);
}

/**
 * Plays the carrier: moves the tracker of `trackingNumber` (created as USPS when the fake has
 * none) to `step.status` with a new scan, and answers the `tracker.updated` Event EasyPost would
 * POST, signed with `secret`.
 *
 * @example
 * const delivery = scanTracker(state, 'EZ1000000001', { status: 'delivered', detail: 'arrived_at_destination' }, secret);
 */
export function scanTracker(
  state: FakeEasyPostState,
  trackingNumber: string,
  step: TrackerStep,
  secret: string,
): FakeWebhookDelivery {
  const tracker = findTracker(state, trackingNumber) ?? ensureTracker(state, trackingNumber, 'USPS', null);
  const now = state.now();
  const previous = { status: tracker.status, status_detail: tracker.status_detail };
  tracker.status = step.status;
  tracker.status_detail = step.detail ?? null;
  tracker.updated_at = now;
  if (step.status === 'delivered') tracker.signed_by = 'J DOE';
  tracker.tracking_details.push({
    object: 'TrackingDetail',
    status: step.status,
    status_detail: step.detail ?? null,
    message: step.message ?? `Fake scan: ${step.status}`,
    datetime: now,
    tracking_location: {
      object: 'TrackingLocation',
      city: 'SAN FRANCISCO',
      state: 'CA',
      zip: '94107',
      country: 'US',
    },
  });
  const event = {
    id: state.nextId('evt'),
    object: 'Event',
    mode: 'test',
    description: 'tracker.updated',
    previous_attributes: previous,
    pending_urls: [],
    completed_urls: [],
    created_at: now,
    updated_at: now,
    result: tracker,
  };
  return signEasyPostDelivery(JSON.stringify(event), secret);
}
