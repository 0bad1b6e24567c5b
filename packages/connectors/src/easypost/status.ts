import type { TrackingEvent } from '@crossdock/canonical';

/** Every tracker status EasyPost publishes. */
export const EASYPOST_TRACKER_STATUSES = [
  'unknown',
  'pre_transit',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'available_for_pickup',
  'return_to_sender',
  'failure',
  'cancelled',
  'error',
] as const;
export type EasyPostTrackerStatus = (typeof EASYPOST_TRACKER_STATUSES)[number];

type CanonicalStatus = TrackingEvent['status'];

const STATUS_MAP: Readonly<Record<EasyPostTrackerStatus, CanonicalStatus>> = {
  unknown: 'unknown',
  pre_transit: 'pre_transit',
  in_transit: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  delivered: 'delivered',
  available_for_pickup: 'available_for_pickup',
  return_to_sender: 'returned_to_sender',
  failure: 'exception',
  cancelled: 'cancelled',
  error: 'exception',
};

/** `status_detail` values that say a delivery was tried and failed, whatever the status. */
const ATTEMPT_DETAILS = new Set(['delivery_attempted', 'attempted_delivery', 'delivery_attempt']);

/**
 * The canonical tracking status of an EasyPost tracker status (and its `status_detail`). A status
 * EasyPost adds later maps to `unknown`; the raw code is kept by the caller in `carrierCode`.
 *
 * @example
 * canonicalTrackingStatus('return_to_sender'); // 'returned_to_sender'
 * canonicalTrackingStatus('failure'); // 'exception'
 */
export function canonicalTrackingStatus(status: string, detail?: string | null): CanonicalStatus {
  if (detail != null && ATTEMPT_DETAILS.has(detail) && (status === 'in_transit' || status === 'failure')) {
    return 'delivery_attempted';
  }
  return Object.hasOwn(STATUS_MAP, status) ? STATUS_MAP[status as EasyPostTrackerStatus] : 'unknown';
}
