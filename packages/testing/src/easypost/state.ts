/** A rate as the fake offers it. */
export interface FakeRate {
  id: string;
  object: 'Rate';
  shipment_id: string;
  carrier: string;
  service: string;
  rate: string;
  currency: string;
}

/** A scan of a fake tracker. */
export interface FakeTrackingDetail {
  object: 'TrackingDetail';
  status: string;
  status_detail: string | null;
  message: string | null;
  datetime: string;
  tracking_location: {
    object: 'TrackingLocation';
    city: string | null;
    state: string | null;
    zip: string | null;
    country: string | null;
  };
}

/** A tracker of the fake. */
export interface FakeTracker {
  id: string;
  object: 'Tracker';
  mode: 'test';
  tracking_code: string;
  carrier: string;
  status: string;
  status_detail: string | null;
  signed_by: string | null;
  est_delivery_date: string | null;
  shipment_id: string | null;
  created_at: string;
  updated_at: string;
  tracking_details: FakeTrackingDetail[];
}

/** A shipment of the fake. */
export interface FakeShipment {
  id: string;
  object: 'Shipment';
  mode: 'test';
  reference: string | null;
  from_address: Record<string, unknown>;
  to_address: Record<string, unknown>;
  parcel: Record<string, unknown>;
  rates: FakeRate[];
  selected_rate: FakeRate | null;
  postage_label: { object: 'PostageLabel'; label_url: string; label_file_type: string } | null;
  tracking_code: string | null;
  tracker: FakeTracker | null;
  created_at: string;
  updated_at: string;
}

/** One request the fake received, accepted or not. */
export interface FakeRequest {
  readonly method: string;
  /** Path under the base URL, e.g. `/shipments`. */
  readonly path: string;
  /** When it arrived, in ms on the fake's clock. */
  readonly at: number;
}

/** The fake's memory: shipments, trackers, purchases and what the API saw. */
export interface FakeEasyPostState {
  readonly shipments: Map<string, FakeShipment>;
  readonly trackers: Map<string, FakeTracker>;
  readonly purchases: { shipmentId: string; rateId: string; trackingCode: string }[];
  /** Every request received since the last reset, oldest first. */
  readonly requests: FakeRequest[];
  /** Shipment id → how many more listings leave it out (a lagging index). */
  readonly hiddenFromListings: Map<string, number>;
  /** Times (ms) of the Index requests let through, for the requests-per-second window. */
  readonly indexRequests: number[];
  /** Index requests refused (429) for being over the published limit. */
  refusals: number;
  nextId(prefix: string): string;
  /** Now on the fake's clock, in ms. */
  nowMs(): number;
  /** Now on the fake's clock, as EasyPost writes timestamps. */
  now(): string;
  /** Forgets everything, keeping the same maps and arrays. */
  clear(): void;
}

/**
 * A fresh, empty state.
 *
 * @example
 * const state = createFakeEasyPostState();
 * state.nextId('shp'); // 'shp_0000000001'
 */
export function createFakeEasyPostState(now: () => number = Date.now): FakeEasyPostState {
  let counter = 0;
  const state: FakeEasyPostState = {
    shipments: new Map(),
    trackers: new Map(),
    purchases: [],
    requests: [],
    hiddenFromListings: new Map(),
    indexRequests: [],
    refusals: 0,
    nextId: (prefix) => `${prefix}_${String(++counter).padStart(10, '0')}`,
    nowMs: now,
    now: () => new Date(now()).toISOString(),
    clear() {
      counter = 0;
      state.shipments.clear();
      state.trackers.clear();
      state.purchases.length = 0;
      state.requests.length = 0;
      state.hiddenFromListings.clear();
      state.indexRequests.length = 0;
      state.refusals = 0;
    },
  };
  return state;
}

/** The rates the fake offers on every shipment: USPS is cheapest. */
export const FAKE_RATE_CARD: readonly { carrier: string; service: string; rate: string }[] = [
  { carrier: 'USPS', service: 'GroundAdvantage', rate: '7.50' },
  { carrier: 'USPS', service: 'Priority', rate: '9.80' },
  { carrier: 'UPS', service: 'Ground', rate: '12.10' },
  { carrier: 'UPS', service: 'NextDayAir', rate: '41.30' },
];

/**
 * Creates a tracker (or answers the one with the same code and carrier, as EasyPost deduplicates).
 *
 * @example
 * const tracker = ensureTracker(state, 'EZ1000000001', 'USPS', null);
 */
export function ensureTracker(
  state: FakeEasyPostState,
  code: string,
  carrier: string,
  shipmentId: string | null,
): FakeTracker {
  for (const t of state.trackers.values()) {
    if (t.tracking_code === code && t.carrier.toLowerCase() === carrier.toLowerCase()) return t;
  }
  const now = state.now();
  const tracker: FakeTracker = {
    id: state.nextId('trk'),
    object: 'Tracker',
    mode: 'test',
    tracking_code: code,
    carrier,
    status: 'pre_transit',
    status_detail: 'label_created',
    signed_by: null,
    est_delivery_date: null,
    shipment_id: shipmentId,
    created_at: now,
    updated_at: now,
    tracking_details: [
      {
        object: 'TrackingDetail',
        status: 'pre_transit',
        status_detail: 'label_created',
        message: 'Shipping Label Created',
        datetime: now,
        tracking_location: { object: 'TrackingLocation', city: null, state: null, zip: null, country: null },
      },
    ],
  };
  state.trackers.set(tracker.id, tracker);
  return tracker;
}
