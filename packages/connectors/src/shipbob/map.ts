import type { ExternalRef, FulfillmentRequest, InventoryLevel } from '@crossdock/canonical';
import type { VendorInventoryLevel, VendorOrder, VendorShipment } from './schemas.js';

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

/** A ShipBob inventory row as a network-wide snapshot. */
export function toLevel(row: VendorInventoryLevel, asOf: string): InventoryLevel {
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
