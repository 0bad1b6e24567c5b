/** A line of a fake order, as posted. */
export interface FakeProduct {
  readonly id: number;
  readonly reference_id: string;
  readonly name?: string;
  readonly quantity: number;
}

/** ShipBob shipment statuses the fake uses (2026-07 `status`). */
export type FakeShipmentStatus = 'Processing' | 'Exception' | 'OnHold' | 'Completed' | 'Cancelled';

/** Why a shipment is in its status (`status_details[]` of the shipment model). */
export interface FakeStatusDetail {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly inventory_id?: number;
}

/** What a shipment holds of one inventory item: picked lot and serials once shipped. */
export interface FakeShipmentItem {
  readonly id: number;
  readonly name?: string;
  readonly quantity: number;
  /** Allocated at the fulfillment center; less than `quantity` means out of stock there. */
  readonly quantity_committed?: number;
  readonly lot?: string;
  readonly expiration_date?: string;
  readonly serial_numbers?: readonly string[];
}

/** A shipment of a fake order, in the shape of ShipBob's shipment model (and its webhook bodies). */
export interface FakeShipment {
  readonly id: number;
  readonly order_id: number;
  readonly reference_id: string;
  status: FakeShipmentStatus;
  status_details: FakeStatusDetail[];
  readonly created_date: string;
  last_updated_date: string;
  actual_fulfillment_date?: string;
  readonly location: { readonly id: number; readonly name: string };
  tracking?: {
    readonly carrier: string;
    readonly tracking_number: string;
    readonly tracking_url: string;
  };
  readonly products: readonly {
    readonly id: number;
    readonly reference_id: string;
    readonly sku: string;
    readonly name?: string;
    readonly inventory_items: readonly FakeShipmentItem[];
  }[];
}

/** A fake ShipBob order, in the vendor's shape. */
export interface FakeOrder {
  id: number;
  reference_id: string;
  order_number?: string;
  status: 'Processing' | 'Exception' | 'Fulfilled' | 'Cancelled';
  created_date: string;
  last_updated_date: string;
  shipping_method?: string;
  recipient: unknown;
  products: FakeProduct[];
  shipments: FakeShipment[];
}

/** A fake inventory row. */
export interface FakeInventoryLevel {
  readonly inventory_id: number;
  readonly sku: string;
  readonly name?: string;
  readonly total_on_hand_quantity: number;
  readonly total_fulfillable_quantity: number;
  readonly total_committed_quantity: number;
  readonly total_awaiting_quantity?: number;
  readonly total_backordered_quantity?: number;
  readonly total_exception_quantity?: number;
}

/** What ShipBob can do with a returned item (`requested_action` / `action_taken[].action`). */
export type FakeReturnAction = 'Default' | 'Restock' | 'Quarantine' | 'Dispose';

/** Return statuses of the 2026-07 Returns API. */
export type FakeReturnStatus = 'AwaitingArrival' | 'Arrived' | 'Processing' | 'Completed' | 'Cancelled';

/** One inventory item of a return order, as `GET /return/{id}` shows it. */
export interface FakeReturnItem {
  readonly id: number;
  readonly name: string | null;
  readonly sku: string | null;
  readonly quantity: number;
  readonly action_requested: { readonly action: FakeReturnAction; readonly instructions: string | null };
  action_taken: {
    readonly action: FakeReturnAction;
    readonly action_reason: string | null;
    readonly quantity_processed: number;
  }[];
  lot_information: { readonly number: string; readonly expiration: string | null } | null;
}

/** A fake ShipBob return order (`GET /{version}/return/{id}`). */
export interface FakeReturn {
  readonly id: number;
  readonly reference_id: string;
  status: FakeReturnStatus;
  readonly return_type: 'Regular';
  readonly channel: { readonly id: number; readonly name: string };
  readonly fulfillment_center: { readonly id: number; readonly name: string };
  readonly original_shipment_id: number | null;
  readonly store_order_id: string | null;
  readonly tracking_number: string | null;
  readonly customer_name: string | null;
  readonly insert_date: string;
  readonly awaiting_arrival_date: string;
  arrived_date: string | null;
  processing_date: string | null;
  completed_date: string | null;
  cancelled_date: string | null;
  readonly inventory: FakeReturnItem[];
  status_history: { readonly status: FakeReturnStatus; readonly timestamp: string }[];
  readonly transactions: { readonly amount: number; readonly transaction_type: string }[];
}

/** Everything the fake holds. */
export interface FakeShipBobState {
  readonly orders: Map<number, FakeOrder>;
  readonly byReference: Map<string, number>;
  readonly returns: Map<number, FakeReturn>;
  readonly returnsByReference: Map<string, number>;
  inventory: FakeInventoryLevel[];
  /** Times (ms) of the requests let through, for the sliding rate-limit window. */
  readonly accepted: number[];
  /** Refusals armed by `refuseNext`, as `x-retry-after` milliseconds, first one next. */
  readonly armed: number[];
  nextId: number;
  /** Requests refused because they were over the published limit (not counting armed refusals). */
  rateLimited: number;
}

export function createState(): FakeShipBobState {
  return {
    orders: new Map(),
    byReference: new Map(),
    returns: new Map(),
    returnsByReference: new Map(),
    inventory: [],
    accepted: [],
    armed: [],
    nextId: 1000,
    rateLimited: 0,
  };
}
