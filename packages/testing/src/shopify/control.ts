import { createHmac } from 'node:crypto';
import type {
  FakeAddress,
  FakeFulfillmentOrder,
  FakeFulfillmentOrderStatus,
  FakeOrder,
  FakeRequestStatus,
  FakeShopState,
} from './state.js';
import { gid } from './state.js';

/** What {@link ShopControl.addOrder} takes; everything has a default. */
export interface AddOrderInput {
  readonly name?: string;
  readonly createdAt?: string;
  readonly currencyCode?: string;
  readonly email?: string | null;
  readonly shippingAddress?: FakeAddress | null;
  readonly lines?: readonly { sku: string | null; name?: string; quantity: number; price?: string }[];
  /** The first fulfillment order's state. Default OPEN / UNSUBMITTED. */
  readonly fulfillment?: {
    readonly status?: FakeFulfillmentOrderStatus;
    readonly requestStatus?: FakeRequestStatus;
    readonly holds?: readonly string[];
  };
}

/** A signed webhook delivery, as Shopify would POST it. */
export interface SignedDelivery {
  readonly headers: Headers;
  readonly body: string;
}

const DEFAULT_ADDRESS: FakeAddress = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  address1: '1 Main St',
  city: 'Springfield',
  provinceCode: 'IL',
  zip: '62701',
  countryCode: 'US',
};

/**
 * The control API of the fake shop: seed orders, fulfillment orders and stock, and produce signed
 * webhook deliveries.
 *
 * @example
 * const { order, fulfillmentOrder } = shop.control.addOrder({ lines: [{ sku: 'SKU-1', quantity: 2 }] });
 * const delivery = shop.control.webhook('orders/create', order);
 */
export class ShopControl {
  constructor(
    private readonly state: FakeShopState,
    private readonly shop: string,
    private readonly apiVersion: string,
    private readonly apiSecret: string,
  ) {}

  /** Adds an order and its fulfillment order at the default location. */
  addOrder(input: AddOrderInput = {}): { order: FakeOrder; fulfillmentOrder: FakeFulfillmentOrder } {
    const id = gid(this.state, 'Order');
    const legacyId = this.state.nextId;
    const currencyCode = input.currencyCode ?? 'USD';
    const lines = (input.lines ?? [{ sku: 'SKU-1', quantity: 1 }]).map((line) => ({
      id: gid(this.state, 'LineItem'),
      sku: line.sku,
      name: line.name ?? `Product ${line.sku ?? 'custom'}`,
      quantity: line.quantity,
      price: line.price ?? '10.00',
    }));
    const order: FakeOrder = {
      id,
      legacyId,
      name: input.name ?? `#${1000 + this.state.orders.length + 1}`,
      createdAt: input.createdAt ?? new Date().toISOString(),
      currencyCode,
      email: input.email === undefined ? 'ada@example.com' : input.email,
      shippingAddress: input.shippingAddress === undefined ? DEFAULT_ADDRESS : input.shippingAddress,
      lineItems: lines,
      cancelledAt: null,
      closedAt: null,
    };
    this.state.orders.push(order);
    const fulfillmentOrder: FakeFulfillmentOrder = {
      id: gid(this.state, 'FulfillmentOrder'),
      orderId: id,
      locationId: 'gid://shopify/Location/1',
      locationName: 'Main warehouse',
      status: input.fulfillment?.status ?? 'OPEN',
      requestStatus: input.fulfillment?.requestStatus ?? 'UNSUBMITTED',
      holds: [...(input.fulfillment?.holds ?? [])],
      createdAt: order.createdAt,
      updatedAt: order.createdAt,
      lineItems: lines.map((line) => ({
        id: gid(this.state, 'FulfillmentOrderLineItem'),
        lineItemId: line.id,
        sku: line.sku,
        name: line.name,
        totalQuantity: line.quantity,
        remainingQuantity: line.quantity,
      })),
      fulfillments: [],
    };
    this.state.fulfillmentOrders.push(fulfillmentOrder);
    return { order, fulfillmentOrder };
  }

  /** Stocks an item at a location; answers the inventory item id. */
  setInventory(
    sku: string,
    quantities: Record<string, number>,
    locationId = 'gid://shopify/Location/1',
  ): string {
    const existing = this.state.inventory.find((l) => l.sku === sku && l.locationId === locationId);
    if (existing) {
      existing.quantities = { ...existing.quantities, ...quantities };
      return existing.inventoryItemId;
    }
    const inventoryItemId =
      this.state.inventory.find((l) => l.sku === sku)?.inventoryItemId ?? gid(this.state, 'InventoryItem');
    this.state.inventory.push({ inventoryItemId, locationId, sku, quantities: { ...quantities } });
    return inventoryItemId;
  }

  /** The quantity named `name` (default `on_hand`) of a sku at a location. */
  quantity(sku: string, name = 'on_hand', locationId = 'gid://shopify/Location/1'): number | undefined {
    return this.state.inventory.find((l) => l.sku === sku && l.locationId === locationId)?.quantities[name];
  }

  /** The fulfillment order with this id. */
  fulfillmentOrder(id: string): FakeFulfillmentOrder | undefined {
    return this.state.fulfillmentOrders.find((f) => f.id === id);
  }

  /**
   * A signed delivery of `orders/create` (REST-shaped JSON, as Shopify sends webhooks), with
   * `X-Shopify-Hmac-Sha256` over the exact body.
   */
  webhook(topic: 'orders/create', order: FakeOrder, options: { webhookId?: string } = {}): SignedDelivery {
    const address = order.shippingAddress;
    const body = JSON.stringify({
      id: order.legacyId,
      admin_graphql_api_id: order.id,
      name: order.name,
      created_at: order.createdAt,
      currency: order.currencyCode,
      email: order.email,
      cancelled_at: order.cancelledAt,
      closed_at: order.closedAt,
      shipping_address: address
        ? {
            first_name: address.firstName ?? null,
            last_name: address.lastName ?? null,
            company: address.company ?? null,
            address1: address.address1,
            address2: address.address2 ?? null,
            city: address.city,
            province_code: address.provinceCode ?? null,
            zip: address.zip ?? null,
            country_code: address.countryCode,
            phone: address.phone ?? null,
          }
        : null,
      line_items: order.lineItems.map((line) => ({
        id: Number(line.id.split('/').at(-1)),
        admin_graphql_api_id: line.id,
        sku: line.sku,
        name: line.name,
        quantity: line.quantity,
        price: line.price,
      })),
    });
    const hmac = createHmac('sha256', this.apiSecret).update(body, 'utf8').digest('base64');
    const headers = new Headers({
      'content-type': 'application/json',
      'x-shopify-topic': topic,
      'x-shopify-hmac-sha256': hmac,
      'x-shopify-shop-domain': this.shop,
      'x-shopify-api-version': this.apiVersion,
      'x-shopify-webhook-id': options.webhookId ?? crypto.randomUUID(),
      'x-shopify-triggered-at': new Date().toISOString(),
      'x-shopify-event-id': crypto.randomUUID(),
    });
    return { headers, body };
  }
}
