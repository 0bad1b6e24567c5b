import type { FakeResponse, SeenRequest } from './gate.js';
import { FAKE_LOCATION, inventoryIdOf } from './orders.js';
import { moveReturn } from './returns.js';
import { type SignedDelivery, signDelivery } from './sign.js';
import type {
  FakeInventoryLevel,
  FakeOrder,
  FakeReturn,
  FakeReturnAction,
  FakeShipBobState,
  FakeShipment,
  FakeShipmentItem,
} from './state.js';

/** A shipped line for `control.ship` and `control.shortClose`. */
export interface ShipLine {
  readonly sku: string;
  readonly quantity: number;
  readonly lot?: string;
  readonly expirationDate?: string;
  readonly serials?: readonly string[];
}

/** What leaves the building: the lines, and optionally the label. */
export interface ShipInput {
  readonly lines: readonly ShipLine[];
  readonly trackingNumber?: string;
  readonly carrier?: string;
}

/** Why a shipment stops (a ShipBob `status_details` entry), and the short inventory if any. */
export interface ExceptionInput {
  /** The status detail name. Default `OutOfStock`. */
  readonly name?: string;
  readonly description?: string;
  /** The sku the exception is about; its item's `quantity_committed` becomes `committed`. */
  readonly sku?: string;
  /** What the fulfillment center could allocate of `sku`. Default 0. */
  readonly committed?: number;
}

/**
 * A stock change. Absolute buckets set the row; `delta` adds to on hand and fulfillable. A sku
 * without a row gets one.
 */
export interface StockChange {
  readonly delta?: number;
  readonly onHand?: number;
  readonly fulfillable?: number;
  readonly committed?: number;
  readonly awaiting?: number;
  readonly backordered?: number;
  readonly exception?: number;
  readonly name?: string;
}

/** What the warehouse found in a returned box, per inventory item. */
export interface ReturnReceiptLine {
  /** The item, by sku or by inventory id. */
  readonly sku?: string;
  readonly inventoryId?: number;
  readonly quantity: number;
  /** What was done with it. Default: the requested action, `Restock` for `Default`. */
  readonly action?: Exclude<FakeReturnAction, 'Default'>;
  readonly reason?: string;
  readonly lot?: string;
  readonly expirationDate?: string;
}

/** Drives the fake from a test: plays the warehouse and answers with the webhook ShipBob would send. */
export interface ShipBobControl {
  readonly state: FakeShipBobState;
  /** Orders as held, in creation order. */
  orders(): FakeOrder[];
  /** Return orders as held, in creation order. */
  returns(): FakeReturn[];
  /** Ships all or part of an order and returns the signed `order.shipped` delivery. */
  ship(orderId: number | string, shipment: ShipInput): SignedDelivery;
  /**
   * Ships `shipment` and closes the rest of the order short: ShipBob cancels the remainder's
   * shipment. Returns `[order.shipped, order.shipment.cancelled]`.
   */
  shortClose(orderId: number | string, shipment: ShipInput): readonly [SignedDelivery, SignedDelivery];
  /** Puts the order's open shipment in exception and returns the `order.shipment.exception` delivery. */
  raiseException(orderId: number | string, exception?: ExceptionInput): SignedDelivery;
  /**
   * Changes what `GET /inventory-level` answers for a sku and returns the new row. ShipBob publishes
   * no inventory webhook topic in 2026-07, so there is no delivery.
   */
  changeStock(sku: string, change: StockChange): FakeInventoryLevel;
  /** Replaces every inventory row. */
  setInventory(levels: readonly FakeInventoryLevel[]): void;
  /**
   * The return arrives and is processed (Arrived → Processing → Completed): returns the signed
   * `return.completed` delivery. Restocked units go back on hand. Default: everything as requested.
   */
  receiveReturn(
    returnId: number | string,
    receipt?: { readonly lines?: readonly ReturnReceiptLine[] },
  ): SignedDelivery;
  /** Answers the next `count` requests (optionally only those whose path ends with `pathSuffix`) with `response`. */
  respondWith(
    response: FakeResponse,
    options?: { readonly times?: number; readonly pathSuffix?: string },
  ): void;
  /** Refuses the next request with 429 and `x-retry-after` of `retryAfterMs` (rounded up to seconds). */
  refuseNext(retryAfterMs: number): void;
  /** Requests refused as over the published limit since `reset` (armed refusals not included). */
  readonly refusals: number;
  /** Requests seen (accepted or not), with their headers and time, oldest first. */
  readonly requests: SeenRequest[];
  reset(): void;
}

const OPEN = new Set(['Processing', 'Exception', 'OnHold']);

/** The control API over the fake's state. */
export function createControl(deps: {
  readonly state: () => FakeShipBobState;
  readonly now: () => number;
  readonly secret: string;
  readonly requests: SeenRequest[];
  respondWith: ShipBobControl['respondWith'];
  reset(): void;
}): ShipBobControl {
  const stamp = () => new Date(deps.now()).toISOString();
  const sign = (topic: string, body: unknown) =>
    signDelivery(deps.secret, topic, JSON.stringify(body), new Date(deps.now()));

  function orderOf(orderId: number | string): FakeOrder {
    const order = deps.state().orders.get(Number(orderId));
    if (!order) throw new Error(`fake ShipBob: no order ${orderId}`);
    return order;
  }

  function openOf(order: FakeOrder): FakeShipment | undefined {
    return order.shipments.find((shipment) => OPEN.has(shipment.status));
  }

  function row(sku: string): FakeInventoryLevel | undefined {
    return deps.state().inventory.find((candidate) => candidate.sku === sku);
  }

  function putRow(next: FakeInventoryLevel): void {
    const state = deps.state();
    const index = state.inventory.findIndex((candidate) => candidate.sku === next.sku);
    if (index === -1) state.inventory.push(next);
    else state.inventory[index] = next;
  }

  function adjust(sku: string, onHand: number, fulfillable: number, exception = 0): void {
    const current = row(sku);
    if (!current) return;
    putRow({
      ...current,
      total_on_hand_quantity: Math.max(0, current.total_on_hand_quantity + onHand),
      total_fulfillable_quantity: Math.max(0, current.total_fulfillable_quantity + fulfillable),
      ...(exception === 0
        ? {}
        : { total_exception_quantity: Math.max(0, (current.total_exception_quantity ?? 0) + exception) }),
    });
  }

  function shipOrder(order: FakeOrder, shipment: ShipInput): FakeShipment {
    const state = deps.state();
    const open = openOf(order);
    const id = open?.id ?? state.nextId++;
    const at = stamp();
    const trackingNumber = shipment.trackingNumber ?? `1Z${String(id).padStart(16, '0')}`;
    const bySku = new Map<string, ShipLine[]>();
    for (const line of shipment.lines) bySku.set(line.sku, [...(bySku.get(line.sku) ?? []), line]);
    const record: FakeShipment = {
      id,
      order_id: order.id,
      reference_id: order.reference_id,
      status: 'Completed',
      status_details: [],
      created_date: open?.created_date ?? at,
      last_updated_date: at,
      actual_fulfillment_date: at,
      location: FAKE_LOCATION,
      tracking: {
        carrier: shipment.carrier ?? 'UPS',
        tracking_number: trackingNumber,
        tracking_url: `https://track.example/${trackingNumber}`,
      },
      products: [...bySku].map(([sku, lines], index) => ({
        id: order.products.find((product) => product.reference_id === sku)?.id ?? id * 100 + index,
        reference_id: sku,
        sku,
        inventory_items: lines.map(
          (line): FakeShipmentItem => ({
            id: inventoryIdOf(state, sku),
            quantity: line.quantity,
            quantity_committed: line.quantity,
            ...(line.lot ? { lot: line.lot } : {}),
            ...(line.expirationDate ? { expiration_date: line.expirationDate } : {}),
            ...(line.serials ? { serial_numbers: [...line.serials] } : {}),
          }),
        ),
      })),
    };
    order.shipments = [...order.shipments.filter((candidate) => candidate !== open), record];
    order.status = 'Fulfilled';
    order.last_updated_date = at;
    for (const line of shipment.lines) adjust(line.sku, -line.quantity, -line.quantity);
    return record;
  }

  /** Units of a sku that shipped or were cancelled: nothing more will happen to them. */
  function closedOf(order: FakeOrder, sku: string): number {
    return order.shipments
      .filter((shipment) => shipment.status === 'Completed' || shipment.status === 'Cancelled')
      .flatMap((shipment) => shipment.products.filter((product) => product.reference_id === sku))
      .flatMap((product) => product.inventory_items)
      .reduce((sum, item) => sum + item.quantity, 0);
  }

  return {
    get state() {
      return deps.state();
    },
    get refusals() {
      return deps.state().rateLimited;
    },
    requests: deps.requests,
    orders: () => [...deps.state().orders.values()],
    returns: () => [...deps.state().returns.values()],

    ship(orderId, shipment) {
      if (shipment.lines.length === 0) throw new Error(`fake ShipBob: nothing to ship for order ${orderId}`);
      return sign('order.shipped', shipOrder(orderOf(orderId), shipment));
    },

    shortClose(orderId, shipment) {
      const order = orderOf(orderId);
      const shipping = (sku: string) =>
        shipment.lines.filter((line) => line.sku === sku).reduce((sum, line) => sum + line.quantity, 0);
      const remainder = order.products
        .map((product) => ({
          product,
          left: product.quantity - closedOf(order, product.reference_id) - shipping(product.reference_id),
        }))
        .filter(({ left }) => left > 0);
      if (shipment.lines.length === 0 || remainder.length === 0) {
        throw new Error(
          `fake ShipBob: order ${orderId} has nothing left to close short after this shipment; use ship`,
        );
      }
      const shipped = shipOrder(order, shipment);
      const state = deps.state();
      const at = stamp();
      const cancelled: FakeShipment = {
        id: state.nextId++,
        order_id: order.id,
        reference_id: order.reference_id,
        status: 'Cancelled',
        status_details: [],
        created_date: at,
        last_updated_date: at,
        location: FAKE_LOCATION,
        products: remainder.map(({ product, left }) => ({
          id: product.id,
          reference_id: product.reference_id,
          sku: product.reference_id,
          ...(product.name === undefined ? {} : { name: product.name }),
          inventory_items: [
            { id: inventoryIdOf(state, product.reference_id), quantity: left, quantity_committed: 0 },
          ],
        })),
      };
      order.shipments.push(cancelled);
      return [sign('order.shipped', shipped), sign('order.shipment.cancelled', cancelled)] as const;
    },

    raiseException(orderId, exception = {}) {
      const order = orderOf(orderId);
      const open = openOf(order);
      if (!open) throw new Error(`fake ShipBob: order ${orderId} has no open shipment`);
      const state = deps.state();
      const name = exception.name ?? 'OutOfStock';
      const sku = exception.sku ?? open.products[0]?.reference_id;
      const inventoryId = sku === undefined ? undefined : inventoryIdOf(state, sku);
      const next: FakeShipment = {
        ...open,
        status: 'Exception',
        status_details: [
          {
            id: state.nextId++,
            name,
            description:
              exception.description ??
              (name === 'OutOfStock'
                ? 'One or more items are out of stock at the assigned fulfillment center.'
                : name),
            ...(inventoryId === undefined ? {} : { inventory_id: inventoryId }),
          },
        ],
        last_updated_date: stamp(),
        products: open.products.map((product) =>
          product.reference_id !== sku
            ? product
            : {
                ...product,
                inventory_items: product.inventory_items.map((item) => ({
                  ...item,
                  quantity_committed: exception.committed ?? 0,
                })),
              },
        ),
      };
      order.shipments = order.shipments.map((shipment) => (shipment === open ? next : shipment));
      order.status = 'Exception';
      order.last_updated_date = next.last_updated_date;
      return sign('order.shipment.exception', next);
    },

    changeStock(sku, change) {
      const state = deps.state();
      const current = row(sku) ?? {
        inventory_id: inventoryIdOf(state, sku),
        sku,
        total_on_hand_quantity: 0,
        total_fulfillable_quantity: 0,
        total_committed_quantity: 0,
      };
      const delta = change.delta ?? 0;
      const next: FakeInventoryLevel = {
        ...current,
        ...(change.name === undefined ? {} : { name: change.name }),
        total_on_hand_quantity: Math.max(0, change.onHand ?? current.total_on_hand_quantity + delta),
        total_fulfillable_quantity: Math.max(
          0,
          change.fulfillable ?? current.total_fulfillable_quantity + delta,
        ),
        total_committed_quantity: change.committed ?? current.total_committed_quantity,
        ...(change.awaiting === undefined ? {} : { total_awaiting_quantity: change.awaiting }),
        ...(change.backordered === undefined ? {} : { total_backordered_quantity: change.backordered }),
        ...(change.exception === undefined ? {} : { total_exception_quantity: change.exception }),
      };
      putRow(next);
      return next;
    },

    setInventory(levels) {
      deps.state().inventory = [...levels];
    },

    receiveReturn(returnId, receipt = {}) {
      const ret = deps.state().returns.get(Number(returnId));
      if (!ret) throw new Error(`fake ShipBob: no return ${returnId}`);
      if (ret.status === 'Completed' || ret.status === 'Cancelled') {
        throw new Error(`fake ShipBob: return ${returnId} is ${ret.status}`);
      }
      const at = stamp();
      const lines =
        receipt.lines ??
        ret.inventory.map((item) => ({ inventoryId: item.id, quantity: item.quantity }) as ReturnReceiptLine);
      for (const line of lines) {
        const item = ret.inventory.find(
          (candidate) =>
            (line.inventoryId !== undefined && candidate.id === line.inventoryId) ||
            (line.sku !== undefined && candidate.sku === line.sku),
        );
        if (!item) throw new Error(`fake ShipBob: return ${returnId} has no ${line.sku ?? line.inventoryId}`);
        const requested = item.action_requested.action;
        const action = line.action ?? (requested === 'Default' ? 'Restock' : requested);
        item.action_taken.push({
          action,
          action_reason: line.reason ?? null,
          quantity_processed: line.quantity,
        });
        if (line.lot) item.lot_information = { number: line.lot, expiration: line.expirationDate ?? null };
        if (item.sku !== null) {
          if (action === 'Restock') adjust(item.sku, line.quantity, line.quantity);
          if (action === 'Quarantine') adjust(item.sku, line.quantity, 0, line.quantity);
        }
      }
      if (ret.status === 'AwaitingArrival') moveReturn(ret, 'Arrived', at);
      if (ret.status === 'Arrived') moveReturn(ret, 'Processing', at);
      moveReturn(ret, 'Completed', at);
      return sign('return.completed', ret);
    },

    respondWith: deps.respondWith,
    refuseNext(retryAfterMs) {
      deps.state().armed.push(retryAfterMs);
    },
    reset: deps.reset,
  };
}
