import { isConnectorError } from '../contract/errors.js';
import type { OperationOptions } from '../contract/operation.js';
import { easypostError, SYSTEM, validate } from './errors.js';
import type { EasyPostHttp } from './http.js';
import { type EpRate, type EpShipment, EpShipmentListSchema, EpShipmentSchema } from './schemas.js';
import type { Label, LabelAddress, LabelParcel, LabelRequest } from './types.js';

const OPERATION = 'labels.buy';

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

const bought = (s: EpShipment): boolean => s.postage_label != null;

/**
 * Buys one label per idempotency key. The key is the shipment's `reference`: a shipment already made
 * for it is reused, and one already bought is answered without buying again.
 *
 * @example
 * const label = await buyLabel(http, { shipment: { from, to, parcel }, carrier: 'USPS' }, { correlationId, idempotencyKey: 'label:42' });
 */
export async function buyLabel(
  http: EasyPostHttp,
  request: LabelRequest,
  options: OperationOptions,
): Promise<Label> {
  const { correlationId, idempotencyKey } = options;
  if (idempotencyKey === undefined || idempotencyKey.trim() === '') {
    throw easypostError({
      operation: OPERATION,
      message: 'an idempotencyKey is required to buy a label',
      retryable: false,
      executed: 'no',
      correlationId,
    });
  }
  const call = {
    operation: OPERATION,
    correlationId,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
  const listed = validate(
    EpShipmentListSchema,
    await http.request('GET', '/shipments', {
      ...call,
      query: { reference: idempotencyKey, page_size: '100' },
    }),
    OPERATION,
    'shipments',
    correlationId,
    'no',
  );
  const mine = listed.shipments.filter((s) => s.reference === idempotencyKey);
  const done = mine.find(bought);
  if (done !== undefined) return toLabel(done, true, correlationId);

  const shipment =
    mine[0] ??
    validate(
      EpShipmentSchema,
      await http.request('POST', '/shipments', {
        ...call,
        body: {
          shipment: {
            reference: idempotencyKey,
            from_address: address(request.shipment.from),
            to_address: address(request.shipment.to),
            parcel: parcel(request.shipment.parcel),
          },
        },
      }),
      OPERATION,
      'shipment',
      correlationId,
    );
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
      correlationId,
      externalId: shipment.id,
    });
  }
  try {
    const result = validate(
      EpShipmentSchema,
      await http.request('POST', `/shipments/${encodeURIComponent(shipment.id)}/buy`, {
        ...call,
        body: { rate: { id: rate.id } },
      }),
      OPERATION,
      'shipment',
      correlationId,
    );
    return toLabel(result, false, correlationId);
  } catch (error) {
    // A concurrent or earlier buy of the same shipment: answer its label, never buy twice.
    if (!isConnectorError(error) || error.httpStatus === undefined || error.httpStatus >= 500) throw error;
    const again = validate(
      EpShipmentSchema,
      await http.request('GET', `/shipments/${encodeURIComponent(shipment.id)}`, call),
      OPERATION,
      'shipment',
      correlationId,
      'no',
    );
    if (bought(again)) return toLabel(again, true, correlationId);
    throw error;
  }
}
