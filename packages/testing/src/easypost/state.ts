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

/** The fake's memory: shipments, trackers and a log of purchases. */
export interface FakeEasyPostState {
  readonly shipments: Map<string, FakeShipment>;
  readonly trackers: Map<string, FakeTracker>;
  readonly purchases: { shipmentId: string; rateId: string; trackingCode: string }[];
  nextId(prefix: string): string;
  now(): string;
}

/**
 * A fresh, empty state.
 *
 * @example
 * const state = createFakeEasyPostState();
 * state.nextId('shp'); // 'shp_0000000001'
 */
export function createFakeEasyPostState(clock: () => Date = () => new Date()): FakeEasyPostState {
  let counter = 0;
  return {
    shipments: new Map(),
    trackers: new Map(),
    purchases: [],
    nextId: (prefix) => `${prefix}_${String(++counter).padStart(10, '0')}`,
    now: () => clock().toISOString(),
  };
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
