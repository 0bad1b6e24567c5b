import type {
  ExternalRef,
  FulfillmentRequest,
  InventoryLevel,
  ReturnLine,
  ReturnState,
} from '@crossdock/canonical';
import type {
  VendorInventoryLevel,
  VendorOrder,
  VendorReturn,
  VendorReturnItem,
  VendorShipment,
} from './schemas.js';

type ReturnCondition = NonNullable<ReturnLine['condition']>;
type ReturnDisposition = ReturnLine['disposition'];

/** The ShipBob shipment statuses that mean the goods left the building. */
export const SHIPPED_STATUSES: ReadonlySet<string> = new Set(['Completed', 'Shipped', 'Delivered']);

/** The canonical ref of a ShipBob order. */
export function orderRef(order: Pick<VendorOrder, 'id'>): ExternalRef {
  return { system: 'shipbob', id: String(order.id) };
}

/** The ShipBob `POST /order` body of a fulfillment request: `reference_id` is the request id. */
export function toOrderBody(request: FulfillmentRequest): Record<string, unknown> {
  const address = request.shipTo.address;
  return {
    reference_id: request.id,
    ...(request.orderNumber === undefined ? {} : { order_number: request.orderNumber }),
    shipping_method: request.carrierService?.service ?? request.serviceLevel,
    type: 'DTC',
    recipient: {
      name: request.shipTo.name,
      ...(request.shipTo.email === undefined ? {} : { email: request.shipTo.email }),
      ...(request.shipTo.phone === undefined ? {} : { phone_number: request.shipTo.phone }),
      address: {
        address1: address?.lines[0] ?? '',
        ...(address?.lines[1] === undefined ? {} : { address2: address.lines[1] }),
        ...(request.shipTo.company === undefined ? {} : { company_name: request.shipTo.company }),
        city: address?.city ?? '',
        ...(address?.region === undefined ? {} : { state: address.region }),
        country: address?.countryCode ?? '',
        ...(address?.postalCode === undefined ? {} : { zip_code: address.postalCode }),
      },
    },
    products: request.lines.map((line) => ({
      reference_id: line.item.sku,
      name: line.item.name ?? line.item.sku,
      quantity: Number(line.ledger.ordered),
    })),
  };
}

/**
 * A ShipBob order as a canonical request (input form: parse it with `FulfillmentRequestSchema`). Line ids are the product `reference_id` (the sku), which
 * is also what shipment contents name.
 */
export function toRequest(order: VendorOrder): unknown {
  const { address } = order.recipient;
  const lines = [address.address1, address.address2].filter((line): line is string => !!line);
  return {
    id: order.reference_id,
    ...(order.order_number ? { orderNumber: order.order_number } : {}),
    warehouse: { id: 'shipbob', refs: [] },
    handshake: order.status === 'Cancelled' ? 'cancel_accepted' : 'accepted',
    holds: [],
    shipTo: {
      name: order.recipient.name,
      ...(order.recipient.email ? { email: order.recipient.email } : {}),
      ...(order.recipient.phone_number ? { phone: order.recipient.phone_number } : {}),
      address: {
        lines,
        city: address.city,
        ...(address.state ? { region: address.state } : {}),
        countryCode: address.country,
        ...(address.zip_code ? { postalCode: address.zip_code } : {}),
      },
    },
    serviceLevel: 'standard',
    lines: order.products.map((product) => ({
      lineId: product.reference_id,
      item: { sku: product.reference_id, ...(product.name ? { name: product.name } : {}), refs: [] },
      uom: 'EA',
      ledger: {
        ordered: String(product.quantity),
        allocated: '0',
        shipped: '0',
        cancelled: '0',
        backordered: '0',
        returned: '0',
      },
      differences: [],
      refs: [],
    })),
    appliedShipmentIds: [],
    createdAt: new Date(order.created_date).toISOString(),
    refs: [orderRef(order)],
  };
}

/** A ShipBob shipment as a canonical `Shipment`: one package, contents per picked lot, serials kept. */
export function toShipment(shipment: VendorShipment, orderReferenceId: string | undefined): unknown {
  const packageId = `shipbob-shipment:${shipment.id}`;
  const tracking = shipment.tracking?.tracking_number ?? undefined;
  const carrier = shipment.tracking?.carrier ?? undefined;
  const shippedAt = shipment.actual_fulfillment_date ?? shipment.created_date ?? undefined;
  const requestId = orderReferenceId ?? shipment.reference_id ?? undefined;
  return {
    id: String(shipment.id),
    ...(requestId ? { requestId } : {}),
    ...(shipment.location
      ? {
          warehouse: {
            id: String(shipment.location.id),
            ...(shipment.location.name ? { name: shipment.location.name } : {}),
            refs: [],
          },
        }
      : {}),
    state: 'shipped',
    ...(carrier ? { carrierService: { carrier: carrier.toLowerCase() } } : {}),
    trackingNumbers: tracking ? [tracking] : [],
    ...(shippedAt ? { shippedAt: new Date(shippedAt).toISOString() } : {}),
    packages: [{ id: packageId, type: 'carton', ...(tracking ? { trackingNumber: tracking } : {}) }],
    contents: shipment.products.flatMap((product) =>
      product.inventory_items.map((item) => ({
        requestLineId: product.reference_id,
        item: { sku: product.sku ?? product.reference_id, refs: [] },
        quantity: String(item.quantity),
        uom: 'EA',
        packageId,
        ...(item.lot
          ? {
              lot: {
                number: item.lot,
                ...(item.expiration_date ? { expiresOn: item.expiration_date.slice(0, 10) } : {}),
              },
            }
          : {}),
        serials: item.serial_numbers ?? [],
      })),
    ),
    refs: [{ system: 'shipbob', id: String(shipment.id) }],
  };
}

/** A canonical inventory level that is a snapshot: ShipBob only ever reports whole quantities. */
export type InventorySnapshot = Extract<InventoryLevel, { kind: 'snapshot' }>;

/** A ShipBob inventory row as a network-wide snapshot. */
export function toLevel(row: VendorInventoryLevel, asOf: string): InventorySnapshot {
  return {
    kind: 'snapshot',
    asOf,
    sku: row.sku,
    location: { id: 'shipbob', refs: [] },
    uom: 'EA',
    quantities: {
      onHand: String(row.total_on_hand_quantity),
      available: String(row.total_fulfillable_quantity),
      committed: String(row.total_committed_quantity),
      ...(row.total_awaiting_quantity == null ? {} : { incoming: String(row.total_awaiting_quantity) }),
      ...(row.total_backordered_quantity == null
        ? {}
        : { backordered: String(row.total_backordered_quantity) }),
      ...(row.total_exception_quantity == null
        ? {}
        : { unavailable: { other: String(row.total_exception_quantity) } }),
    },
    refs: [{ system: 'shipbob', id: String(row.inventory_id) }],
  };
}

/**
 * ShipBob return statuses as canonical states. ShipBob counts a return only when it processes it,
 * so `Arrived` and `Processing` stay `in_transit` (the last canonical state that claims no received
 * quantity) until `Completed`, which is `closed` with its receipt.
 */
const RETURN_STATES: Readonly<Record<string, ReturnState>> = {
  AwaitingArrival: 'authorized',
  Arrived: 'in_transit',
  Processing: 'in_transit',
  Completed: 'closed',
  Cancelled: 'cancelled',
};

/** The canonical state of a ShipBob return status (`Awaiting Arrival` and `AwaitingArrival` alike), if known. */
export function returnState(status: string): ReturnState | undefined {
  return RETURN_STATES[status.replace(/\s+/g, '')];
}

/** What ShipBob did with a unit, as a disposition. `Default` (the merchant's setting) is still `pending`. */
function disposition(action: string | null | undefined): ReturnDisposition {
  switch (action) {
    case 'Restock':
      return 'restock';
    case 'Quarantine':
      return 'quarantine';
    case 'Dispose':
      return 'scrap';
    default:
      return 'pending';
  }
}

/**
 * The condition of processed units. ShipBob reports the action it took, not the condition it
 * found: restocked units were sellable (`new`), quarantined or disposed ones were not (`damaged`),
 * anything else is `opened`.
 */
function condition(action: string | null | undefined): ReturnCondition {
  if (action === 'Restock') return 'new';
  if (action === 'Quarantine' || action === 'Dispose') return 'damaged';
  return 'opened';
}

/** The requested action for a canonical disposition; ShipBob has no refurbish or return-to-vendor. */
export function requestedAction(value: ReturnDisposition): 'Default' | 'Restock' | 'Quarantine' | 'Dispose' {
  if (value === 'restock') return 'Restock';
  if (value === 'quarantine') return 'Quarantine';
  if (value === 'scrap') return 'Dispose';
  return 'Default';
}

const iso = (value: string | null | undefined) => (value ? new Date(value).toISOString() : undefined);

/**
 * The canonical lines of one returned inventory item. Until the return is completed it is one line
 * of the expected quantity; once completed, one line per action ShipBob took (`<inventory id>:<n>`
 * when there are several) and a `:missing` line for units that never came.
 */
function returnLines(item: VendorReturnItem, completed: boolean): unknown[] {
  const lot = item.lot_information?.number
    ? {
        lot: {
          number: item.lot_information.number,
          ...(item.lot_information.expiration
            ? { expiresOn: item.lot_information.expiration.slice(0, 10) }
            : {}),
        },
      }
    : {};
  const base = {
    item: {
      sku: item.sku ?? `shipbob-inventory:${item.id}`,
      ...(item.name ? { name: item.name } : {}),
      refs: [{ system: 'shipbob', id: String(item.id) }],
    },
    uom: 'EA',
    ...lot,
    serials: [],
  };
  const taken = (item.action_taken ?? []).filter((action) => action.quantity_processed > 0);
  if (!completed || taken.length === 0) {
    return [
      {
        lineId: String(item.id),
        ...base,
        expected: String(item.quantity),
        disposition: disposition(item.action_requested?.action),
        ...(completed ? { received: '0' } : {}),
      },
    ];
  }
  const lines: unknown[] = taken.map((action, index) => ({
    lineId: taken.length === 1 ? String(item.id) : `${item.id}:${index + 1}`,
    ...base,
    expected: String(action.quantity_processed),
    received: String(action.quantity_processed),
    condition: condition(action.action),
    disposition: disposition(action.action),
  }));
  const processed = taken.reduce((sum, action) => sum + action.quantity_processed, 0);
  if (item.quantity > processed) {
    lines.push({
      lineId: `${item.id}:missing`,
      ...base,
      expected: String(item.quantity - processed),
      received: '0',
      disposition: 'pending',
    });
  }
  return lines;
}

/**
 * A ShipBob return order as a canonical `Return` (input form: parse it with `ReturnSchema`). The
 * RMA is ShipBob's `reference_id` (a return-to-sender has none: `shipbob-return:<id>`).
 */
export function toReturn(ret: VendorReturn, state: ReturnState): unknown {
  const completed = state === 'closed';
  const receivedAt = iso(ret.arrived_date ?? ret.processing_date ?? ret.completed_date);
  return {
    id: String(ret.id),
    rma: ret.reference_id || `shipbob-return:${ret.id}`,
    state,
    ...(ret.store_order_id ? { orderId: ret.store_order_id } : {}),
    ...(ret.original_shipment_id == null ? {} : { shipmentId: String(ret.original_shipment_id) }),
    lines: (ret.inventory ?? []).flatMap((item) => returnLines(item, completed)),
    ...(completed && receivedAt
      ? {
          receipt: {
            receivedAt,
            location: {
              id: ret.fulfillment_center ? String(ret.fulfillment_center.id) : 'shipbob',
              refs: [],
            },
          },
        }
      : {}),
    ...(ret.tracking_number ? { trackingNumber: ret.tracking_number } : {}),
    createdAt: iso(ret.insert_date ?? ret.awaiting_arrival_date),
    refs: [{ system: 'shipbob', id: String(ret.id) }],
  };
}
