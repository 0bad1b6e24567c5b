import { type TrackingEvent, TrackingEventSchema } from '@crossdock/canonical';
import type { OperationOptions } from '../contract/operation.js';
import { easypostError, SYSTEM, validate } from './errors.js';
import type { EasyPostHttp } from './http.js';
import { type EpTracker, EpTrackerListSchema, EpTrackerSchema, type EpTrackingDetail } from './schemas.js';
import { canonicalTrackingStatus } from './status.js';

function timestamp(value: string | null | undefined): string | undefined {
  if (value == null) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function location(detail: EpTrackingDetail): TrackingEvent['location'] {
  const at = detail.tracking_location;
  if (at == null) return undefined;
  const country = at.country?.toUpperCase();
  const loc = {
    ...(at.city ? { city: at.city } : {}),
    ...(at.state ? { region: at.state } : {}),
    ...(at.zip ? { postalCode: at.zip } : {}),
    ...(country && /^[A-Z]{2}$/.test(country) ? { countryCode: country } : {}),
  };
  return Object.keys(loc).length === 0 ? undefined : loc;
}

/**
 * The canonical events of a tracker, one per scan (oldest first); a tracker without scans yields one
 * event for its current status. The raw status and `status_detail` are kept in `carrierCode` and
 * `carrierDetail`.
 *
 * @example
 * const events = trackerToEvents(tracker, 'tracking.get', correlationId);
 * events.at(-1)?.status; // 'delivered'
 */
export function trackerToEvents(
  tracker: EpTracker,
  operation: string,
  correlationId: string | undefined,
): TrackingEvent[] {
  const details: EpTrackingDetail[] =
    tracker.tracking_details.length > 0
      ? tracker.tracking_details
      : [
          {
            status: tracker.status,
            status_detail: tracker.status_detail ?? null,
            datetime: tracker.updated_at,
          },
        ];
  const last = details.length - 1;
  return details.map((detail, index) => {
    const occurredAt = timestamp(detail.datetime);
    if (occurredAt === undefined) {
      const field =
        detail === tracker.tracking_details[index] ? `tracking_details.${index}.datetime` : 'updated_at';
      throw easypostError({
        operation,
        message: `unexpected EasyPost payload: tracker.${field}: not a timestamp`,
        vendorCode: 'INVALID_PAYLOAD',
        retryable: false,
        executed: 'no',
        ...(correlationId === undefined ? {} : { correlationId }),
      });
    }
    const where = location(detail);
    const estimated = timestamp(tracker.est_delivery_date);
    const carrierDetail = detail.status_detail ?? detail.message ?? undefined;
    const event = {
      trackingNumber: tracker.tracking_code,
      carrier: tracker.carrier.toLowerCase(),
      status: canonicalTrackingStatus(detail.status, detail.status_detail),
      carrierCode: detail.status,
      ...(carrierDetail ? { carrierDetail } : {}),
      occurredAt,
      ...(where === undefined ? {} : { location: where }),
      ...(estimated === undefined ? {} : { estimatedDeliveryAt: estimated }),
      ...(index === last && tracker.signed_by ? { signedBy: tracker.signed_by } : {}),
      ...(tracker.shipment_id ? { shipmentId: tracker.shipment_id } : {}),
      refs: [{ system: SYSTEM, id: tracker.id }],
    };
    return validate(TrackingEventSchema, event, operation, 'tracker', correlationId, 'no');
  });
}

/**
 * Tracking of one parcel: the account's tracker for the number, created when there is none (EasyPost
 * creates trackers on demand and deduplicates them by code and carrier).
 *
 * @example
 * const events = await getTracking(http, '9400100000000000000000', { correlationId, carrier: 'USPS' });
 */
export async function getTracking(
  http: EasyPostHttp,
  trackingNumber: string,
  options: OperationOptions & { readonly carrier?: string },
): Promise<readonly TrackingEvent[]> {
  const operation = 'tracking.get';
  const { correlationId } = options;
  const call = {
    operation,
    correlationId,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
  if (trackingNumber.trim() === '') {
    throw easypostError({
      operation,
      message: 'a tracking number is required',
      retryable: false,
      executed: 'no',
      correlationId,
    });
  }
  const listed = validate(
    EpTrackerListSchema,
    await http.request('GET', '/trackers', {
      ...call,
      query: {
        tracking_code: trackingNumber,
        page_size: '1',
        ...(options.carrier === undefined ? {} : { carrier: options.carrier }),
      },
      index: true,
    }),
    operation,
    'trackers',
    correlationId,
    'no',
  );
  const found = listed.trackers.find((t) => t.tracking_code === trackingNumber);
  const tracker =
    found ??
    validate(
      EpTrackerSchema,
      await http.request('POST', '/trackers', {
        ...call,
        body: {
          tracker: {
            tracking_code: trackingNumber,
            ...(options.carrier === undefined ? {} : { carrier: options.carrier }),
          },
        },
      }),
      operation,
      'tracker',
      correlationId,
    );
  return trackerToEvents(tracker, operation, correlationId);
}
