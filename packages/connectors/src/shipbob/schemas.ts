import { z } from 'zod';

/** A ShipBob address as the Orders API shows it. */
export const VendorAddressSchema = z.object({
  address1: z.string(),
  address2: z.string().nullish(),
  company_name: z.string().nullish(),
  city: z.string(),
  state: z.string().nullish(),
  country: z.string(),
  zip_code: z.string().nullish(),
});

/** One inventory item inside a shipped product: what was picked, with lot and serials. */
export const VendorInventoryItemSchema = z.object({
  id: z.number().int(),
  name: z.string().nullish(),
  quantity: z.number().positive(),
  /** Allocated at the fulfillment center; less than `quantity` means out of stock there. */
  quantity_committed: z.number().nonnegative().nullish(),
  lot: z.string().nullish(),
  expiration_date: z.string().nullish(),
  serial_numbers: z.array(z.string()).nullish(),
});

/** A ShipBob shipment of an order. */
export const VendorShipmentSchema = z.object({
  id: z.number().int(),
  order_id: z.number().int(),
  reference_id: z.string().nullish(),
  status: z.string(),
  /** Why the shipment is in its status (exception, on hold): ShipBob's `status_details`. */
  status_details: z
    .array(
      z.object({
        id: z.number().int().nullish(),
        name: z.string().nullish(),
        description: z.string().nullish(),
        inventory_id: z.number().int().nullish(),
      }),
    )
    .nullish(),
  created_date: z.string().nullish(),
  last_updated_date: z.string().nullish(),
  actual_fulfillment_date: z.string().nullish(),
  location: z.object({ id: z.number().int(), name: z.string().nullish() }).nullish(),
  tracking: z
    .object({
      carrier: z.string().nullish(),
      tracking_number: z.string().nullish(),
      tracking_url: z.string().nullish(),
    })
    .nullish(),
  products: z.array(
    z.object({
      id: z.number().int(),
      reference_id: z.string(),
      sku: z.string().nullish(),
      name: z.string().nullish(),
      inventory_items: z.array(VendorInventoryItemSchema),
    }),
  ),
});
export type VendorShipment = z.infer<typeof VendorShipmentSchema>;

/** A ShipBob order (`GET /{version}/order/{id}`). */
export const VendorOrderSchema = z.object({
  id: z.number().int(),
  reference_id: z.string().min(1),
  order_number: z.string().nullish(),
  status: z.string(),
  created_date: z.string(),
  shipping_method: z.string().nullish(),
  recipient: z.object({
    name: z.string(),
    address: VendorAddressSchema,
    email: z.string().nullish(),
    phone_number: z.string().nullish(),
  }),
  products: z.array(
    z.object({
      id: z.number().int().nullish(),
      reference_id: z.string(),
      name: z.string().nullish(),
      quantity: z.number().positive(),
    }),
  ),
  shipments: z.array(VendorShipmentSchema).default([]),
});
export type VendorOrder = z.infer<typeof VendorOrderSchema>;

export const VendorOrderListSchema = z.array(VendorOrderSchema);

/** One row of `GET /{version}/inventory-level`. */
export const VendorInventoryLevelSchema = z.object({
  inventory_id: z.number().int(),
  sku: z.string().min(1),
  name: z.string().nullish(),
  total_on_hand_quantity: z.number().int().nonnegative(),
  total_fulfillable_quantity: z.number().int().nonnegative(),
  total_committed_quantity: z.number().int().nonnegative(),
  total_awaiting_quantity: z.number().int().nonnegative().nullish(),
  total_backordered_quantity: z.number().int().nonnegative().nullish(),
  total_exception_quantity: z.number().int().nonnegative().nullish(),
});
export type VendorInventoryLevel = z.infer<typeof VendorInventoryLevelSchema>;

/** A cursor page of inventory levels. */
export const VendorInventoryPageSchema = z.object({
  items: z.array(VendorInventoryLevelSchema),
  next: z.string().nullish(),
});

/** A returned item's lot, as the Returns API shows it. */
const VendorReturnLotSchema = z.object({
  number: z.string().nullish(),
  expiration: z.string().nullish(),
});

/** One inventory item of a return order: what was requested and what the warehouse did. */
export const VendorReturnItemSchema = z.object({
  id: z.number().int(),
  name: z.string().nullish(),
  sku: z.string().nullish(),
  quantity: z.number().int().nonnegative(),
  action_requested: z.object({ action: z.string().nullish() }).nullish(),
  action_taken: z
    .array(
      z.object({
        action: z.string().nullish(),
        action_reason: z.string().nullish(),
        quantity_processed: z.number().int().nonnegative(),
      }),
    )
    .nullish(),
  lot_information: VendorReturnLotSchema.nullish(),
});
export type VendorReturnItem = z.infer<typeof VendorReturnItemSchema>;

/** A return order (`GET /{version}/return/{id}`, the `return.*` webhook bodies). */
export const VendorReturnSchema = z.object({
  id: z.number().int(),
  reference_id: z.string().nullish(),
  status: z.string(),
  return_type: z.string().nullish(),
  fulfillment_center: z.object({ id: z.number().int(), name: z.string().nullish() }).nullish(),
  original_shipment_id: z.number().int().nullish(),
  store_order_id: z.string().nullish(),
  tracking_number: z.string().nullish(),
  insert_date: z.string().nullish(),
  awaiting_arrival_date: z.string().nullish(),
  arrived_date: z.string().nullish(),
  processing_date: z.string().nullish(),
  completed_date: z.string().nullish(),
  cancelled_date: z.string().nullish(),
  inventory: z.array(VendorReturnItemSchema).nullish(),
});
export type VendorReturn = z.infer<typeof VendorReturnSchema>;

/** A cursor page of return orders: `next` is the URL of the next page, null on the last. */
export const VendorReturnPageSchema = z.object({
  items: z.array(VendorReturnSchema),
  next: z.string().nullish(),
});

/**
 * ShipBob's error bodies: ProblemDetails with field errors (orders, inventory), or the Returns
 * API's `{ message, errors[], details, stackTrace }` (2026-01 and later).
 */
export const VendorErrorSchema = z
  .object({
    title: z.string().optional(),
    message: z.string().optional(),
    status: z.number().optional(),
    errors: z
      .union([
        z.record(z.string(), z.array(z.string())),
        z.array(z.union([z.string(), z.object({ message: z.string() }).loose()])),
      ])
      .optional(),
  })
  .loose();
