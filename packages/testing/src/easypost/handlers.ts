import { createHmac } from 'node:crypto';
import { HttpResponse, http, type RequestHandler } from 'msw';
import { easypostErrorResponse } from './errors.js';
import {
  createFakeEasyPostState,
  ensureTracker,
  FAKE_RATE_CARD,
  type FakeEasyPostState,
  type FakeShipment,
  type FakeTracker,
} from './state.js';

/** Options of {@link createEasyPostHandlers}. */
export interface FakeEasyPostOptions {
  /** Default `https://api.easypost.com/v2`. */
  readonly baseUrl?: string;
  /** The only key accepted (HTTP Basic user). Default `EZTK_fake_test_key`. */
  readonly apiKey?: string;
  /** Signs the deliveries `control.advance` returns. Default `fake-webhook-secret`. */
  readonly webhookSecret?: string;
  readonly clock?: () => Date;
}

/** A signed webhook delivery as EasyPost would POST it. */
export interface FakeWebhookDelivery {
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Test-side control of the fake. */
export interface FakeEasyPostControl {
  /** Moves a tracker to `status` with a new scan; answers the signed `tracker.updated` delivery. */
  advance(trackingNumber: string, status: string, detail?: string): FakeWebhookDelivery;
  /** Signs any body with the webhook secret, as EasyPost does. */
  sign(body: string, secret?: string): FakeWebhookDelivery;
  /** Every label bought so far. */
  purchases(): readonly { shipmentId: string; rateId: string; trackingCode: string }[];
  shipments(): readonly FakeShipment[];
  trackers(): readonly FakeTracker[];
}

/** The fake EasyPost: msw handlers over one state, and its control. */
export interface FakeEasyPost {
  readonly handlers: RequestHandler[];
  readonly control: FakeEasyPostControl;
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly webhookSecret: string;
  readonly state: FakeEasyPostState;
}

function authorized(request: Request, apiKey: string): Response | undefined {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Basic (.+)$/.exec(header);
  if (!match?.[1]) return easypostErrorResponse(401, 'APIKEY.REQUIRED', 'No API key was provided.');
  const user = Buffer.from(match[1], 'base64').toString('utf8').split(':')[0];
  if (user !== apiKey)
    return easypostErrorResponse(401, 'APIKEY.INACTIVE', 'The API key is invalid or inactive.');
  return undefined;
}

async function jsonBody(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = await request.json();
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/**
 * A stateful fake of EasyPost's v2 API for msw: shipments with rates, buying (once per shipment),
 * shipments filterable by `reference`, trackers, EasyPost's error shape and 401 without the key.
 *
 * @example
 * const easypost = createEasyPostHandlers();
 * const server = setupServer(...easypost.handlers);
 * const delivery = easypost.control.advance('EZ1000000001', 'delivered', 'arrived_at_destination');
 */
export function createEasyPostHandlers(options: FakeEasyPostOptions = {}): FakeEasyPost {
  const baseUrl = (options.baseUrl ?? 'https://api.easypost.com/v2').replace(/\/+$/, '');
  const apiKey = options.apiKey ?? 'EZTK_fake_test_key';
  const webhookSecret = options.webhookSecret ?? 'fake-webhook-secret';
  const state = createFakeEasyPostState(options.clock);

  const guarded =
    (
      handle: (
        request: Request,
        params: Record<string, string | readonly string[] | undefined>,
      ) => Promise<Response> | Response,
    ) =>
    ({
      request,
      params,
    }: {
      request: Request;
      params: Record<string, string | readonly string[] | undefined>;
    }) =>
      authorized(request, apiKey) ?? handle(request, params);

  const notFound = () =>
    easypostErrorResponse(404, 'NOT_FOUND', 'The requested resource could not be found.');

  const createShipment = async (request: Request) => {
    const input = asRecord((await jsonBody(request))?.shipment);
    const from = asRecord(input?.from_address);
    const to = asRecord(input?.to_address);
    const parcel = asRecord(input?.parcel);
    const missing = [
      ...(from ? [] : [{ field: 'from_address', message: 'cannot be blank' }]),
      ...(to ? [] : [{ field: 'to_address', message: 'cannot be blank' }]),
      ...(parcel && typeof parcel.weight === 'number'
        ? []
        : [{ field: 'parcel.weight', message: 'must be a number' }]),
    ];
    if (missing.length > 0 || !from || !to || !parcel) {
      return easypostErrorResponse(
        422,
        'SHIPMENT.INVALID_PARAMS',
        'Unable to create shipment, one or more parameters were invalid.',
        missing,
      );
    }
    const id = state.nextId('shp');
    const now = state.now();
    const shipment: FakeShipment = {
      id,
      object: 'Shipment',
      mode: 'test',
      reference: typeof input?.reference === 'string' ? input.reference : null,
      from_address: { id: state.nextId('adr'), object: 'Address', ...from },
      to_address: { id: state.nextId('adr'), object: 'Address', ...to },
      parcel: { id: state.nextId('prcl'), object: 'Parcel', ...parcel },
      rates: FAKE_RATE_CARD.map((r) => ({
        id: state.nextId('rate'),
        object: 'Rate',
        shipment_id: id,
        currency: 'USD',
        ...r,
      })),
      selected_rate: null,
      postage_label: null,
      tracking_code: null,
      tracker: null,
      created_at: now,
      updated_at: now,
    };
    state.shipments.set(id, shipment);
    return HttpResponse.json(shipment, { status: 201 });
  };

  const buy = async (request: Request, id: string) => {
    const shipment = state.shipments.get(id);
    if (!shipment) return notFound();
    if (shipment.postage_label) {
      return easypostErrorResponse(
        422,
        'SHIPMENT.POSTAGE.EXISTS',
        'The shipment has already been purchased.',
      );
    }
    const rateId = asRecord((await jsonBody(request))?.rate)?.id;
    const rate = shipment.rates.find((r) => r.id === rateId);
    if (!rate)
      return easypostErrorResponse(422, 'SHIPMENT.RATE.INVALID', 'The rate is not valid for this shipment.', [
        { field: 'rate.id', message: 'is invalid' },
      ]);
    const trackingCode = `EZ${String(state.purchases.length + 1).padStart(10, '0')}`;
    shipment.selected_rate = rate;
    shipment.tracking_code = trackingCode;
    shipment.postage_label = {
      object: 'PostageLabel',
      label_url: `https://easypost-files.example/${id}.png`,
      label_file_type: 'image/png',
    };
    shipment.tracker = ensureTracker(state, trackingCode, rate.carrier, id);
    shipment.updated_at = state.now();
    state.purchases.push({ shipmentId: id, rateId: rate.id, trackingCode });
    return HttpResponse.json(shipment);
  };

  const sign = (body: string, secret = webhookSecret): FakeWebhookDelivery => {
    const digest = createHmac('sha256', Buffer.from(secret.normalize('NFKD'), 'utf8'))
      .update(body, 'utf8')
      .digest('hex');
    return {
      headers: { 'content-type': 'application/json', 'x-hmac-signature': `hmac-sha256-hex=${digest}` },
      body,
    };
  };

  const findTracker = (code: string) => [...state.trackers.values()].find((t) => t.tracking_code === code);

  const handlers: RequestHandler[] = [
    http.post(
      `${baseUrl}/shipments`,
      guarded((request) => createShipment(request)),
    ),
    http.get(
      `${baseUrl}/shipments`,
      guarded((request) => {
        const query = new URL(request.url).searchParams;
        const reference = query.get('reference');
        const size = Number(query.get('page_size') ?? '20');
        const all = [...state.shipments.values()]
          .filter((s) => reference === null || s.reference === reference)
          .reverse();
        return HttpResponse.json({ shipments: all.slice(0, size), has_more: all.length > size });
      }),
    ),
    http.get(
      `${baseUrl}/shipments/:id`,
      guarded((_request, params) => {
        const shipment = state.shipments.get(String(params.id));
        return shipment ? HttpResponse.json(shipment) : notFound();
      }),
    ),
    http.post(
      `${baseUrl}/shipments/:id/buy`,
      guarded((request, params) => buy(request, String(params.id))),
    ),
    http.get(
      `${baseUrl}/trackers`,
      guarded((request) => {
        const query = new URL(request.url).searchParams;
        const code = query.get('tracking_code');
        const carrier = query.get('carrier');
        const all = [...state.trackers.values()].filter(
          (t) =>
            (code === null || t.tracking_code === code) &&
            (carrier === null || t.carrier.toLowerCase() === carrier.toLowerCase()),
        );
        return HttpResponse.json({ trackers: all.reverse(), has_more: false });
      }),
    ),
    http.post(
      `${baseUrl}/trackers`,
      guarded(async (request) => {
        const input = asRecord((await jsonBody(request))?.tracker);
        const code = input?.tracking_code;
        if (typeof code !== 'string' || code === '') {
          return easypostErrorResponse(422, 'TRACKER.TRACKING_CODE.INVALID', 'Invalid tracking code.', [
            { field: 'tracking_code', message: 'cannot be blank' },
          ]);
        }
        const carrier = typeof input?.carrier === 'string' ? input.carrier : 'USPS';
        return HttpResponse.json(ensureTracker(state, code, carrier, null), { status: 201 });
      }),
    ),
    http.get(
      `${baseUrl}/trackers/:id`,
      guarded((_request, params) => {
        const tracker = state.trackers.get(String(params.id));
        return tracker ? HttpResponse.json(tracker) : notFound();
      }),
    ),
  ];

  const control: FakeEasyPostControl = {
    advance(trackingNumber, status, detail) {
      const tracker = findTracker(trackingNumber) ?? ensureTracker(state, trackingNumber, 'USPS', null);
      const now = state.now();
      tracker.status = status;
      tracker.status_detail = detail ?? null;
      tracker.updated_at = now;
      if (status === 'delivered') tracker.signed_by = 'J DOE';
      tracker.tracking_details.push({
        object: 'TrackingDetail',
        status,
        status_detail: detail ?? null,
        message: `Fake scan: ${status}`,
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
        previous_attributes: {},
        pending_urls: [],
        completed_urls: [],
        created_at: now,
        updated_at: now,
        result: tracker,
      };
      return sign(JSON.stringify(event));
    },
    sign,
    purchases: () => [...state.purchases],
    shipments: () => [...state.shipments.values()],
    trackers: () => [...state.trackers.values()],
  };

  return { handlers, control, apiKey, baseUrl, webhookSecret, state };
}
