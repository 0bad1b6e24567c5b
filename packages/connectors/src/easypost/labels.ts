import type { Clock, IdempotencyStore } from '@crossdock/idempotency';
import { type ConnectorError, type Executed, isConnectorError } from '../contract/errors.js';
import type { OperationOptions } from '../contract/operation.js';
import { easypostError, SYSTEM, validate, withExecuted } from './errors.js';
import type { EasyPostHttp } from './http.js';
import { type LabelJournal, labelJournal } from './journal.js';
import {
  bought,
  choose,
  findAfterUnknownCreate,
  type LookupPolicy,
  outcomeUnknown,
  shipmentsByReference,
} from './lookup.js';
import { type EpRate, type EpShipment, EpShipmentSchema } from './schemas.js';
import type { Label, LabelAddress, LabelParcel, LabelRequest } from './types.js';

const OPERATION = 'labels.buy';

/** What buying a label needs besides the request. */
export interface LabelContext {
  readonly http: EasyPostHttp;
  /** Where the purchase's journal lives (the connector's idempotency store). */
  readonly store: IdempotencyStore;
  readonly clock: Clock;
  readonly lookup: LookupPolicy;
  /** How long the journal is kept: as long as the purchase's claim. */
  readonly ttlMs: number;
}

function address(a: LabelAddress): Record<string, string> {
  return Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

function parcel(p: LabelParcel): Record<string, string | number> {
  return {
    weight: p.weight,
    ...(p.length === undefined ? {} : { length: p.length }),
    ...(p.width === undefined ? {} : { width: p.width }),
    ...(p.height === undefined ? {} : { height: p.height }),
    ...(p.predefinedPackage === undefined ? {} : { predefined_package: p.predefinedPackage }),
  };
}

/**
 * The rate to buy: the cheapest among those matching the requested carrier and service.
 *
 * @example
 * pickRate(shipment.rates, { carrier: 'USPS' })?.service; // 'GroundAdvantage'
 */
export function pickRate(
  rates: readonly EpRate[],
  wanted: { readonly carrier?: string; readonly service?: string },
): EpRate | undefined {
  const same = (a: string, b: string | undefined) => b === undefined || a.toLowerCase() === b.toLowerCase();
  return rates
    .filter((r) => same(r.carrier, wanted.carrier) && same(r.service, wanted.service))
    .reduce<EpRate | undefined>(
      (best, r) => (best === undefined || Number(r.rate) < Number(best.rate) ? r : best),
      undefined,
    );
}

function toLabel(shipment: EpShipment, existing: boolean, correlationId: string): Label {
  const rate = shipment.selected_rate;
  const url = shipment.postage_label?.label_url;
  const tracking = shipment.tracking_code;
  if (rate == null || url === undefined || !tracking) {
    const field =
      rate == null ? 'selected_rate' : url === undefined ? 'postage_label.label_url' : 'tracking_code';
    throw easypostError({
      operation: OPERATION,
      message: `unexpected EasyPost payload: shipment.${field}: missing on a bought shipment`,
      vendorCode: 'INVALID_PAYLOAD',
      retryable: false,
      executed: 'yes',
      correlationId,
      externalId: shipment.id,
    });
  }
  return {
    ref: { system: SYSTEM, id: shipment.id },
    shipmentId: shipment.id,
    trackingNumber: tracking,
    carrier: rate.carrier,
    service: rate.service,
    rate: { amount: rate.rate, currency: rate.currency },
    labelUrl: url,
    existing,
  };
}

interface Call {
  readonly correlationId: string;
  readonly signal?: AbortSignal;
}

function requestOptions(call: Call) {
  return {
    operation: OPERATION,
    correlationId: call.correlationId,
    ...(call.signal === undefined ? {} : { signal: call.signal }),
  };
}

async function retrieve(http: EasyPostHttp, id: string, call: Call): Promise<EpShipment> {
  return validate(
    EpShipmentSchema,
    await http.request('GET', `/shipments/${encodeURIComponent(id)}`, requestOptions(call)),
    OPERATION,
    'shipment',
    call.correlationId,
    'no',
  );
}

/** A journal write that failed after EasyPost changed (`executed`), said as such. */
async function restated(write: Promise<void>, executed: Executed): Promise<void> {
  try {
    await write;
  } catch (error) {
    throw isConnectorError(error) ? withExecuted(error, executed) : error;
  }
}

/** A failure after which the create may have happened: a 5xx, a dropped or timed-out request, a 2xx we cannot read. */
const outcomeMayBeCreated = (error: unknown): error is ConnectorError =>
  isConnectorError(error) && error.executed !== 'no';

/**
 * Creates the shipment (its `reference` is the idempotency key) and records it before anything can
 * buy it. When the create's outcome is unknown, it is recorded as such and looked for; it is never
 * sent again for this key.
 */
async function create(
  ctx: LabelContext,
  journal: LabelJournal,
  request: LabelRequest,
  key: string,
  call: Call,
): Promise<EpShipment> {
  const sentAt = ctx.clock.now();
  let created: EpShipment;
  try {
    created = validate(
      EpShipmentSchema,
      await ctx.http.request('POST', '/shipments', {
        ...requestOptions(call),
        body: {
          shipment: {
            reference: key,
            from_address: address(request.shipment.from),
            to_address: address(request.shipment.to),
            parcel: parcel(request.shipment.parcel),
          },
        },
      }),
      OPERATION,
      'shipment',
      call.correlationId,
    );
  } catch (error) {
    if (!outcomeMayBeCreated(error)) throw error;
    await restated(journal.recordUnknownCreate(sentAt), 'unknown');
    if (call.signal?.aborted === true) {
      throw outcomeUnknown(key, 'the call was stopped', call.correlationId, error);
    }
    return found(ctx, journal, key, call, error);
  }
  await restated(journal.recordShipment(created.id), 'yes');
  return created;
}

/** Looks for the shipment of a create with an unknown outcome, and records it when unbought. */
async function found(
  ctx: LabelContext,
  journal: LabelJournal,
  key: string,
  call: Call,
  why?: unknown,
): Promise<EpShipment> {
  const shipment = await findAfterUnknownCreate(ctx.http, ctx.clock, key, ctx.lookup, call, why);
  if (!bought(shipment)) await restated(journal.recordShipment(shipment.id), 'unknown');
  return shipment;
}

/**
 * The shipment of this key, from what earlier attempts recorded, else EasyPost's listing, else a
 * new one. Whatever is returned unbought is recorded first, so it is the only one ever bought.
 */
async function shipmentFor(
  ctx: LabelContext,
  journal: LabelJournal,
  request: LabelRequest,
  key: string,
  call: Call,
): Promise<EpShipment> {
  const recorded = await journal.shipment();
  if (recorded !== undefined) return retrieve(ctx.http, recorded, call);
  if ((await journal.unknownCreate()) !== undefined) return found(ctx, journal, key, call);
  // Nothing recorded here: a first attempt, or one whose journal another store holds.
  const listed = choose(await shipmentsByReference(ctx.http, key, call));
  if (listed === undefined) return create(ctx, journal, request, key, call);
  if (!bought(listed)) await journal.recordShipment(listed.id);
  return listed;
}

async function buy(
  ctx: LabelContext,
  shipment: EpShipment,
  request: LabelRequest,
  call: Call,
): Promise<Label> {
  const rate = pickRate(shipment.rates, {
    ...(request.carrier === undefined ? {} : { carrier: request.carrier }),
    ...(request.service === undefined ? {} : { service: request.service }),
  });
  if (rate === undefined) {
    throw easypostError({
      operation: OPERATION,
      message: `no rate for carrier ${request.carrier ?? 'any'} and service ${request.service ?? 'any'}`,
      vendorCode: 'NO_MATCHING_RATE',
      retryable: false,
      executed: 'no',
      correlationId: call.correlationId,
      externalId: shipment.id,
    });
  }
  try {
    const result = validate(
      EpShipmentSchema,
      await ctx.http.request('POST', `/shipments/${encodeURIComponent(shipment.id)}/buy`, {
        ...requestOptions(call),
        body: { rate: { id: rate.id } },
      }),
      OPERATION,
      'shipment',
      call.correlationId,
    );
    return toLabel(result, false, call.correlationId);
  } catch (error) {
    if (!isConnectorError(error) || call.signal?.aborted === true) throw error;
    // Refused (e.g. SHIPMENT.POSTAGE.EXISTS): bought by an earlier attempt. Unknown (5xx, timeout):
    // bought now or not. The shipment itself says which; a retry buys this same shipment, never another.
    let again: EpShipment;
    try {
      again = await retrieve(ctx.http, shipment.id, call);
    } catch {
      throw error;
    }
    if (bought(again)) return toLabel(again, error.executed === 'no', call.correlationId);
    throw error;
  }
}

/**
 * Buys one label per idempotency key. The key is the shipment's `reference`, and the key's journal
 * (in `ctx.store`) records the shipment as soon as EasyPost answers its create, before any buy: a
 * retry goes straight to that shipment and never buys another. A create whose outcome is unknown
 * (5xx, timeout) is never sent again: the shipment is looked for in the listing, and a retry that
 * still cannot find it fails with `LABEL_OUTCOME_UNKNOWN` (`executed: 'unknown'`) instead of buying.
 *
 * @example
 * const label = await buyLabel(ctx, { shipment: { from, to, parcel }, carrier: 'USPS' }, { correlationId, idempotencyKey: 'label:42' });
 */
export async function buyLabel(
  ctx: LabelContext,
  request: LabelRequest,
  options: OperationOptions,
): Promise<Label> {
  const { correlationId, idempotencyKey: key } = options;
  if (key === undefined || key.trim() === '') {
    throw easypostError({
      operation: OPERATION,
      message: 'an idempotencyKey is required to buy a label',
      retryable: false,
      executed: 'no',
      correlationId,
    });
  }
  const call: Call = { correlationId, ...(options.signal === undefined ? {} : { signal: options.signal }) };
  const journal = labelJournal(ctx.store, `easypost:label-journal:${key}`, ctx.ttlMs, correlationId);
  const shipment = await shipmentFor(ctx, journal, request, key, call);
  if (bought(shipment)) return toLabel(shipment, true, correlationId);
  return buy(ctx, shipment, request, call);
}
