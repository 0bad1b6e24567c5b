import { createHmac } from 'node:crypto';
import { applyDelta } from './operations.js';
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
  /** The same delivery with plain-object headers, as `deliverWebhooks` sends it. */
  readonly delivery: { readonly headers: Readonly<Record<string, string>>; readonly body: string };
}

/** The topics the fake signs deliveries of with a typed payload. */
export type ShopifyWebhookTopic =
  | 'orders/create'
  | 'orders/cancelled'
  | 'fulfillment_orders/cancellation_request_submitted';

/** Options of a delivery: its `X-Shopify-Webhook-Id` (default a random UUID). */
export interface DeliveryOptions {
  readonly webhookId?: string;
}

/** Why an order was cancelled, as Shopify names it. */
export type CancelReason = 'customer' | 'fraud' | 'inventory' | 'declined' | 'staff' | 'other';

const DEFAULT_ADDRESS: FakeAddress = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  address1: '1 Main St',
  city: 'Springfield',
  provinceCode: 'IL',
  zip: '62701',
  countryCode: 'US',
};

const legacyId = (id: string) => Number(id.split('/').at(-1));

/**
 * The control API of the fake shop: it plays the channel (a customer orders, the merchant cancels
 * an order or asks for a fulfillment order's cancellation, stock changes) and answers the
 * matching webhook delivery, signed with the app's secret (`X-Shopify-Hmac-Sha256`, base64
 * HMAC-SHA256 of the exact body).
 *
 * @example
 * const { order, delivery } = shop.control.addOrder({ lines: [{ sku: 'SKU-1', quantity: 2 }] });
 * await deliverWebhooks([delivery.delivery], { url });
 * const cancelled = shop.control.cancelOrder(order.id, { reason: 'customer' });
 */
export class ShopControl {
  constructor(
    private readonly state: FakeShopState,
    private readonly shop: string,
    private readonly apiVersion: string,
    private readonly apiSecret: string,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** Adds an order and its fulfillment order at the default location; `delivery` is its signed `orders/create`. */
  addOrder(input: AddOrderInput = {}): {
    order: FakeOrder;
    fulfillmentOrder: FakeFulfillmentOrder;
    delivery: SignedDelivery;
  } {
    const id = gid(this.state, 'Order');
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
      legacyId: legacyId(id),
      name: input.name ?? `#${1000 + this.state.orders.length + 1}`,
      createdAt: input.createdAt ?? this.now(),
      currencyCode,
      email: input.email === undefined ? 'ada@example.com' : input.email,
      shippingAddress: input.shippingAddress === undefined ? DEFAULT_ADDRESS : input.shippingAddress,
      lineItems: lines,
      cancelledAt: null,
      cancelReason: null,
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
    return { order, fulfillmentOrder, delivery: this.webhook('orders/create', order) };
  }

  /**
   * The merchant cancels an order: `cancelledAt` and `cancelReason` are set and its fulfillment
   * orders that are not closed are cancelled. Answers the signed `orders/cancelled` delivery.
   */
  cancelOrder(
    orderId: string,
    options: { readonly reason?: CancelReason } & DeliveryOptions = {},
  ): { order: FakeOrder; delivery: SignedDelivery } {
    const order = this.state.orders.find((o) => o.id === orderId);
    if (!order) throw new Error(`no order ${orderId} in the fake shop`);
    const at = this.now();
    order.cancelledAt = at;
    order.cancelReason = options.reason ?? 'other';
    for (const fo of this.state.fulfillmentOrders) {
      if (fo.orderId !== orderId || fo.status === 'CLOSED' || fo.status === 'CANCELLED') continue;
      fo.status = 'CANCELLED';
      fo.updatedAt = at;
    }
    return { order, delivery: this.webhook('orders/cancelled', order, options) };
  }

  /**
   * The merchant asks the fulfillment service to cancel a fulfillment order it accepted: its
   * `requestStatus` becomes `CANCELLATION_REQUESTED`. Answers the signed
   * `fulfillment_orders/cancellation_request_submitted` delivery.
   */
  requestCancellation(
    fulfillmentOrderId: string,
    options: { readonly message?: string } & DeliveryOptions = {},
  ): { fulfillmentOrder: FakeFulfillmentOrder; delivery: SignedDelivery } {
    const fo = this.fulfillmentOrder(fulfillmentOrderId);
    if (!fo) throw new Error(`no fulfillment order ${fulfillmentOrderId} in the fake shop`);
    fo.requestStatus = 'CANCELLATION_REQUESTED';
    fo.updatedAt = this.now();
    return {
      fulfillmentOrder: fo,
      delivery: this.webhook('fulfillment_orders/cancellation_request_submitted', fo, options),
    };
  }

  /** Stocks an item at a location (quantities by name); answers the inventory item id. */
  setInventory(
    sku: string,
    quantities: Record<string, number>,
    locationId = 'gid://shopify/Location/1',
  ): string {
    const existing = this.state.inventory.find((l) => l.sku === sku && l.locationId === locationId);
    if (existing) {
      existing.quantities = { ...existing.quantities, ...quantities };
      existing.updatedAt = this.now();
      return existing.inventoryItemId;
    }
    const inventoryItemId =
      this.state.inventory.find((l) => l.sku === sku)?.inventoryItemId ?? gid(this.state, 'InventoryItem');
    this.state.inventory.push({
      id: `gid://shopify/InventoryLevel/${legacyId(inventoryItemId)}?inventory_item_id=${legacyId(inventoryItemId)}&location_id=${legacyId(locationId)}`,
      inventoryItemId,
      locationId,
      sku,
      quantities: { ...quantities },
      updatedAt: this.now(),
    });
    return inventoryItemId;
  }

  /**
   * Stock changes in the shop (a POS sale, a merchant's correction): `delta` is added to the named
   * quantity (default `available`), and `on_hand` follows as Shopify keeps it.
   */
  adjustStock(
    sku: string,
    delta: number,
    options: { readonly name?: string; readonly locationId?: string } = {},
  ): Record<string, number> {
    const locationId = options.locationId ?? 'gid://shopify/Location/1';
    const level = this.state.inventory.find((l) => l.sku === sku && l.locationId === locationId);
    if (!level) throw new Error(`${sku} is not stocked at ${locationId} in the fake shop`);
    applyDelta(level, options.name ?? 'available', delta, this.now());
    return { ...level.quantities };
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
   * A signed delivery of a topic, with the payload Shopify sends for it: the REST-shaped order
   * for `orders/create` and `orders/cancelled`; the fulfillment order's id and statuses and the
   * merchant's request for `fulfillment_orders/cancellation_request_submitted`.
   */
  webhook(
    topic: 'orders/create' | 'orders/cancelled',
    order: FakeOrder,
    options?: DeliveryOptions,
  ): SignedDelivery;
  webhook(
    topic: 'fulfillment_orders/cancellation_request_submitted',
    fulfillmentOrder: FakeFulfillmentOrder,
    options?: { readonly message?: string } & DeliveryOptions,
  ): SignedDelivery;
  webhook(
    topic: ShopifyWebhookTopic,
    subject: FakeOrder | FakeFulfillmentOrder,
    options: { readonly message?: string } & DeliveryOptions = {},
  ): SignedDelivery {
    if (topic === 'fulfillment_orders/cancellation_request_submitted') {
      const fo = subject as FakeFulfillmentOrder;
      return this.sign(
        topic,
        JSON.stringify({
          fulfillment_order: {
            id: fo.id,
            status: fo.status.toLowerCase(),
            request_status: fo.requestStatus.toLowerCase(),
          },
          fulfillment_order_merchant_request: {
            id: gid(this.state, 'FulfillmentOrderMerchantRequest'),
            message: options.message ?? null,
          },
        }),
        options,
      );
    }
    return this.sign(topic, JSON.stringify(this.orderPayload(subject as FakeOrder)), options);
  }

  /** Signs any body as a delivery of `topic` (e.g. a topic the connector does not parse). */
  sign(topic: string, body: string, options: DeliveryOptions = {}): SignedDelivery {
    const hmac = createHmac('sha256', this.apiSecret).update(body, 'utf8').digest('base64');
    const record = {
      'content-type': 'application/json',
      'x-shopify-topic': topic,
      'x-shopify-hmac-sha256': hmac,
      'x-shopify-shop-domain': this.shop,
      'x-shopify-api-version': this.apiVersion,
      'x-shopify-webhook-id': options.webhookId ?? crypto.randomUUID(),
      'x-shopify-triggered-at': this.now(),
      'x-shopify-event-id': crypto.randomUUID(),
    };
    return { headers: new Headers(record), body, delivery: { headers: record, body } };
  }

  private orderPayload(order: FakeOrder) {
    const address = order.shippingAddress;
    return {
      id: order.legacyId,
      admin_graphql_api_id: order.id,
      name: order.name,
      created_at: order.createdAt,
      updated_at: order.cancelledAt ?? order.createdAt,
      currency: order.currencyCode,
      email: order.email,
      cancelled_at: order.cancelledAt,
      cancel_reason: order.cancelReason,
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
        id: legacyId(line.id),
        admin_graphql_api_id: line.id,
        sku: line.sku,
        name: line.name,
        quantity: line.quantity,
        price: line.price,
      })),
    };
  }
}
