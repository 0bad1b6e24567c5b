/** A line of a fake order, as posted. */
export interface FakeProduct {
  readonly id: number;
  readonly reference_id: string;
  readonly name?: string;
  readonly quantity: number;
}

/** A shipment the fake created with `control.ship`. */
export interface FakeShipment {
  readonly id: number;
  readonly order_id: number;
  readonly reference_id: string;
  readonly status: 'Completed';
  readonly created_date: string;
  readonly actual_fulfillment_date: string;
  readonly location: { readonly id: number; readonly name: string };
  readonly tracking: {
    readonly carrier: string;
    readonly tracking_number: string;
    readonly tracking_url: string;
  };
  readonly products: readonly {
    readonly id: number;
    readonly reference_id: string;
    readonly sku: string;
    readonly inventory_items: readonly {
      readonly id: number;
      readonly quantity: number;
      readonly lot?: string;
      readonly expiration_date?: string;
      readonly serial_numbers?: readonly string[];
    }[];
  }[];
}

/** A fake ShipBob order, in the vendor's shape. */
export interface FakeOrder {
  id: number;
  reference_id: string;
  order_number?: string;
  status: 'Processing' | 'Fulfilled' | 'Cancelled';
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

/** Everything the fake holds. */
export interface FakeShipBobState {
  readonly orders: Map<number, FakeOrder>;
  readonly byReference: Map<string, number>;
  inventory: FakeInventoryLevel[];
  /** Times (ms) of the requests let through, for the sliding rate-limit window. */
  readonly accepted: number[];
  nextId: number;
  rateLimited: number;
}

export function createState(): FakeShipBobState {
  return {
    orders: new Map(),
    byReference: new Map(),
    inventory: [],
    accepted: [],
    nextId: 1000,
    rateLimited: 0,
  };
}
