/** A line of a fake Shopify order. */
export interface FakeLineItem {
  readonly id: string;
  readonly sku: string | null;
  readonly name: string;
  readonly quantity: number;
  readonly price: string;
}

/** A fake Shopify address (GraphQL `MailingAddress` fields). */
export interface FakeAddress {
  readonly firstName?: string;
  readonly lastName?: string;
  readonly company?: string;
  readonly address1: string;
  readonly address2?: string;
  readonly city: string;
  readonly provinceCode?: string;
  readonly zip?: string;
  readonly countryCode: string;
  readonly phone?: string;
}

/** A fake Shopify order. */
export interface FakeOrder {
  readonly id: string;
  readonly legacyId: number;
  readonly name: string;
  readonly createdAt: string;
  readonly currencyCode: string;
  readonly email: string | null;
  readonly shippingAddress: FakeAddress | null;
  readonly lineItems: readonly FakeLineItem[];
  cancelledAt: string | null;
  /** `customer`, `fraud`, `inventory`, `declined`, `staff` or `other` once cancelled. */
  cancelReason: string | null;
  closedAt: string | null;
}

/** A line of a fake fulfillment order. */
export interface FakeFulfillmentOrderLine {
  readonly id: string;
  readonly lineItemId: string;
  readonly sku: string | null;
  readonly name: string;
  readonly totalQuantity: number;
  remainingQuantity: number;
}

/** `FulfillmentOrderStatus` values. */
export type FakeFulfillmentOrderStatus =
  | 'OPEN'
  | 'IN_PROGRESS'
  | 'CLOSED'
  | 'CANCELLED'
  | 'INCOMPLETE'
  | 'ON_HOLD'
  | 'SCHEDULED';

/** `FulfillmentOrderRequestStatus` values. */
export type FakeRequestStatus =
  | 'UNSUBMITTED'
  | 'SUBMITTED'
  | 'ACCEPTED'
  | 'REJECTED'
  | 'CANCELLATION_REQUESTED'
  | 'CANCELLATION_ACCEPTED'
  | 'CANCELLATION_REJECTED'
  | 'CLOSED';

/** A fake fulfillment order. */
export interface FakeFulfillmentOrder {
  readonly id: string;
  readonly orderId: string;
  readonly locationId: string;
  readonly locationName: string;
  status: FakeFulfillmentOrderStatus;
  requestStatus: FakeRequestStatus;
  holds: string[];
  readonly createdAt: string;
  updatedAt: string;
  readonly lineItems: FakeFulfillmentOrderLine[];
  readonly fulfillments: FakeFulfillment[];
}

/** A fulfillment created on a fake fulfillment order, with its tracking. */
export interface FakeFulfillment {
  readonly id: string;
  /** The first tracking number (`''` without one): what a single-number fulfillment carries. */
  readonly number: string;
  /** Every tracking number, in the order given (`number`, or `numbers`). */
  readonly numbers: readonly string[];
  readonly company: string | null;
  /** The first tracking URL, or null. */
  readonly url: string | null;
  /** Every tracking URL, in the order given (`url`, or `urls`). */
  readonly urls: readonly string[];
}

/** The inventory of one item at one location, by quantity name (`available`, `on_hand`, `committed`, …). */
export interface FakeInventoryLevel {
  readonly id: string;
  readonly inventoryItemId: string;
  readonly locationId: string;
  readonly sku: string;
  quantities: Record<string, number>;
  updatedAt: string;
}

/** What an idempotent mutation answered, kept under its `@idempotent` key. */
export interface IdempotentRecord {
  /** The mutation and its variables: the same key with other parameters is refused. */
  readonly fingerprint: string;
  readonly result: unknown;
}

/** Everything the fake shop holds. */
export interface FakeShopState {
  readonly orders: FakeOrder[];
  readonly fulfillmentOrders: FakeFulfillmentOrder[];
  readonly inventory: FakeInventoryLevel[];
  /** Answers of idempotent mutations by key, replayed for a repeated key. */
  readonly idempotent: Map<string, IdempotentRecord>;
  nextId: number;
}

/** An empty shop. */
export function emptyState(): FakeShopState {
  return { orders: [], fulfillmentOrders: [], inventory: [], idempotent: new Map(), nextId: 1000 };
}

/** A fresh `gid://shopify/<type>/<n>`. */
export function gid(state: FakeShopState, type: string): string {
  state.nextId += 1;
  return `gid://shopify/${type}/${state.nextId}`;
}
