import { HttpResponse, http, type RequestHandler } from 'msw';
import { createEasyPostControl, type FakeEasyPostControl } from './control.js';
import { easypostErrorResponse } from './errors.js';
import { createGate, type FakeEasyPostRoute, type FakeFaults, failureResponse } from './gate.js';
import {
  createFakeEasyPostState,
  ensureTracker,
  FAKE_RATE_CARD,
  type FakeEasyPostState,
  type FakeShipment,
} from './state.js';

/** Options of {@link createEasyPostHandlers}. */
export interface FakeEasyPostOptions {
  /** Default `https://api.easypost.com/v2`. */
  readonly baseUrl?: string;
  /** The only key accepted (HTTP Basic user). Default `EZTK_fake_test_key`. */
  readonly apiKey?: string;
  /** Signs the deliveries the control API returns. Default `fake-webhook-secret`. */
  readonly webhookSecret?: string;
  /**
   * The fake's clock in ms, for timestamps and the rate limit (e.g. a `ManualClock`'s `now`, shared
   * with the connector). Default `Date.now`.
   * @example () => clock.now()
   */
  readonly now?: () => number;
  /**
   * Index (list) requests allowed in any one second before a 429. Default 5, EasyPost's published
   * fixed limit for its Index endpoints.
   * @example 0 // every listing refused, to test backoff
   */
  readonly indexRequestsPerSecond?: number;
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

type Params = Record<string, string | readonly string[] | undefined>;

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

const notFound = () => easypostErrorResponse(404, 'NOT_FOUND', 'The requested resource could not be found.');

/** The page of a "retrieve all" listing, newest first, with EasyPost's documented paging filters. */
function page<T extends { id: string; created_at: string }>(
  newestFirst: readonly T[],
  query: URLSearchParams,
): { items: T[]; hasMore: boolean } {
  const size = Math.min(100, Math.max(1, Number(query.get('page_size') ?? '20') || 20));
  const before = query.get('before_id');
  const after = query.get('after_id');
  const start = query.get('start_datetime');
  const end = query.get('end_datetime');
  let items = [...newestFirst];
  if (before !== null) items = items.slice(items.findIndex((x) => x.id === before) + 1 || items.length);
  if (after !== null) {
    const at = items.findIndex((x) => x.id === after);
    items = at < 0 ? [] : items.slice(0, at);
  }
  if (start !== null) items = items.filter((x) => x.created_at >= new Date(start).toISOString());
  if (end !== null) items = items.filter((x) => x.created_at <= new Date(end).toISOString());
  return { items: items.slice(0, size), hasMore: items.length > size };
}

/**
 * A stateful fake of EasyPost's v2 API for msw: shipments with rates, buying (once per shipment),
 * "retrieve all" listings paged as EasyPost documents (an optionally lagging index), trackers,
 * EasyPost's error shape, 401 without the key, and the published limit of five Index requests a
 * second (429). The control API plays the carrier (tracker scans answered as signed
 * `tracker.updated` deliveries) and injects faults ("created, but answered 500", a lagging
 * listing, a 429 with `Retry-After`).
 *
 * @example
 * const easypost = createEasyPostHandlers({ now: () => clock.now() });
 * const server = setupServer(...easypost.handlers);
 * const delivery = easypost.control.advance('EZ1000000001', 'delivered', 'arrived_at_destination');
 */
export function createEasyPostHandlers(options: FakeEasyPostOptions = {}): FakeEasyPost {
  const baseUrl = (options.baseUrl ?? 'https://api.easypost.com/v2').replace(/\/+$/, '');
  const apiKey = options.apiKey ?? 'EZTK_fake_test_key';
  const webhookSecret = options.webhookSecret ?? 'fake-webhook-secret';
  const state = createFakeEasyPostState(options.now);
  const faults: FakeFaults = { failures: [], refusals: [] };
  const listing = { lag: 0 };
  const gate = createGate({
    state,
    faults,
    apiKey,
    perSecond: options.indexRequestsPerSecond ?? 5,
    baseUrl,
  });

  const route =
    (name: FakeEasyPostRoute, handle: (request: Request, params: Params) => Promise<Response> | Response) =>
    async ({ request, params }: { request: Request; params: Params }) => {
      const decision = gate(name, request);
      if (decision.answer !== undefined) return decision.answer;
      const response = await handle(request, params);
      return decision.failAfter === undefined ? response : failureResponse(decision.failAfter);
    };

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
    if (listing.lag > 0) state.hiddenFromListings.set(id, listing.lag);
    return HttpResponse.json(shipment, { status: 201 });
  };

  const listShipments = (request: Request) => {
    const query = new URL(request.url).searchParams;
    const purchased = query.get('purchased');
    // A lagging index: a new shipment stays out of its first `lag` listings, whatever they ask for.
    const hidden = new Set(state.hiddenFromListings.keys());
    for (const [id, left] of state.hiddenFromListings) {
      if (left <= 1) state.hiddenFromListings.delete(id);
      else state.hiddenFromListings.set(id, left - 1);
    }
    // EasyPost documents no filter by `reference` on this listing: the fake ignores it.
    const all = [...state.shipments.values()]
      .filter((s) => !hidden.has(s.id))
      .filter((s) => purchased === null || (s.postage_label !== null) === (purchased === 'true'))
      .reverse();
    const { items, hasMore } = page(all, query);
    return HttpResponse.json({ shipments: items, has_more: hasMore });
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

  const handlers: RequestHandler[] = [
    http.post(`${baseUrl}/shipments`, route('shipments.create', createShipment)),
    http.get(`${baseUrl}/shipments`, route('shipments.list', listShipments)),
    http.get(
      `${baseUrl}/shipments/:id`,
      route('shipments.retrieve', (_request, params) => {
        const shipment = state.shipments.get(String(params.id));
        return shipment ? HttpResponse.json(shipment) : notFound();
      }),
    ),
    http.post(
      `${baseUrl}/shipments/:id/buy`,
      route('shipments.buy', (request, params) => buy(request, String(params.id))),
    ),
    http.get(
      `${baseUrl}/trackers`,
      route('trackers.list', (request) => {
        const query = new URL(request.url).searchParams;
        const code = query.get('tracking_code');
        const carrier = query.get('carrier');
        const all = [...state.trackers.values()]
          .filter(
            (t) =>
              (code === null || t.tracking_code === code) &&
              (carrier === null || t.carrier.toLowerCase() === carrier.toLowerCase()),
          )
          .reverse();
        const { items, hasMore } = page(all, query);
        return HttpResponse.json({ trackers: items, has_more: hasMore });
      }),
    ),
    http.post(
      `${baseUrl}/trackers`,
      route('trackers.create', async (request) => {
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
      route('trackers.retrieve', (_request, params) => {
        const tracker = state.trackers.get(String(params.id));
        return tracker ? HttpResponse.json(tracker) : notFound();
      }),
    ),
  ];

  const control = createEasyPostControl({ state, faults, listing, webhookSecret });
  return { handlers, control, apiKey, baseUrl, webhookSecret, state };
}
