import type { CursorStore } from '@crossdock/idempotency';

/**
 * What the channel flows keep between messages, in the cursor store so every instance sees it
 * (PostgreSQL in production): which Odoo order a Shopify order became, and the Shopify
 * fulfillments already created per shipment. Kept here so a shipment finds its channel order
 * without an Odoo or Shopify read; its fulfillment orders are read from Shopify when it ships
 * (they can be split or moved after the order was created).
 */

/** A Shopify order and the Odoo order it became. */
export interface ChannelOrderLink {
  /** `gid://shopify/Order/…`. */
  readonly shopifyOrderId: string;
  /** The shop's order name, e.g. `#1001` (Odoo's `client_order_ref`). */
  readonly shopifyOrderName: string;
  /** `sale.order:<id>`. */
  readonly odooOrder: string;
  /** The Odoo order's name, e.g. `S00042`. */
  readonly odooOrderName: string;
  /** The order's correlation id, `order:<Odoo name>`. */
  readonly correlationId: string;
}

/** One fulfillment order line a fulfillment ships, with what Shopify said was shipped before it. */
export interface PlannedLine {
  readonly id: string;
  readonly quantity: number;
  readonly shippedBefore: number;
}

/**
 * A Shopify fulfillment of one shipment on one fulfillment order. `pending` is written before
 * `fulfillmentCreate` (which takes no idempotency key), so a retry whose first call may have gone
 * through reads the fulfillment order and sees whether it did, instead of fulfilling twice.
 */
export type ChannelFulfillment =
  | { readonly state: 'pending'; readonly lines: readonly PlannedLine[] }
  | { readonly state: 'done'; readonly fulfillmentId?: string; readonly lines: readonly PlannedLine[] };

const readJson = async <T>(cursors: CursorStore, name: string): Promise<T | undefined> => {
  const stored = await cursors.get(name);
  return stored === undefined || stored.value === '' ? undefined : (JSON.parse(stored.value) as T);
};
const writeJson = (cursors: CursorStore, name: string, value: unknown) =>
  cursors.set(name, JSON.stringify(value)).then(() => undefined);

/**
 * The channel flows' records over a cursor store.
 *
 * @example
 * const records = channelRecords(runtime.stores.cursors);
 * const link = await records.linkOf('order:S00042'); // the Shopify order a shipment of S00042 fulfills
 */
export function channelRecords(cursors: CursorStore) {
  return {
    /** The link of a Shopify order, once its Odoo order exists. */
    byShopifyOrder: (shopifyOrderId: string) =>
      readJson<ChannelOrderLink>(cursors, `channel.order:${shopifyOrderId}`),
    /** The link of an order correlation id (`order:S00042`), for its shipments. */
    linkOf: (correlationId: string) => readJson<ChannelOrderLink>(cursors, `channel.link:${correlationId}`),
    link: async (link: ChannelOrderLink) => {
      await writeJson(cursors, `channel.link:${link.correlationId}`, link);
      await writeJson(cursors, `channel.order:${link.shopifyOrderId}`, link);
    },
    fulfillment: (shipmentId: string, fulfillmentOrderId: string) =>
      readJson<ChannelFulfillment>(cursors, `channel.fulfillment:${shipmentId}:${fulfillmentOrderId}`),
    setFulfillment: (shipmentId: string, fulfillmentOrderId: string, record: ChannelFulfillment) =>
      writeJson(cursors, `channel.fulfillment:${shipmentId}:${fulfillmentOrderId}`, record),
  };
}
