import { z } from 'zod';

/** `PageInfo` of a connection. */
export const PageInfoSchema = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });

/** A GraphQL `MailingAddress` (the fields the connector asks for). */
export const MailingAddressSchema = z.object({
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  name: z.string().nullish(),
  company: z.string().nullish(),
  address1: z.string().nullish(),
  address2: z.string().nullish(),
  city: z.string().nullish(),
  provinceCode: z.string().nullish(),
  zip: z.string().nullish(),
  countryCodeV2: z.string().nullish(),
  countryCode: z.string().nullish(),
  phone: z.string().nullish(),
  email: z.string().nullish(),
});
export type MailingAddress = z.infer<typeof MailingAddressSchema>;

const MoneyBagSchema = z.object({ shopMoney: z.object({ amount: z.string(), currencyCode: z.string() }) });

const OrderLineItemConnectionSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.string(),
      sku: z.string().nullish(),
      name: z.string(),
      quantity: z.number().int(),
      originalUnitPriceSet: MoneyBagSchema.nullish(),
    }),
  ),
  pageInfo: PageInfoSchema.optional(),
});

export const OrderNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  cancelledAt: z.string().nullish(),
  closedAt: z.string().nullish(),
  currencyCode: z.string(),
  email: z.string().nullish(),
  shippingAddress: MailingAddressSchema.nullish(),
  lineItems: OrderLineItemConnectionSchema,
});
export type OrderNode = z.infer<typeof OrderNodeSchema>;

export const OrdersDataSchema = z.object({
  orders: z.object({ nodes: z.array(OrderNodeSchema), pageInfo: PageInfoSchema }),
});

export const OrderLineItemsDataSchema = z.object({
  order: z.object({ id: z.string(), lineItems: OrderLineItemConnectionSchema }).nullable(),
});

export const FulfillmentOrderStatusSchema = z.enum([
  'OPEN',
  'IN_PROGRESS',
  'CLOSED',
  'CANCELLED',
  'INCOMPLETE',
  'ON_HOLD',
  'SCHEDULED',
]);
export type FulfillmentOrderStatus = z.infer<typeof FulfillmentOrderStatusSchema>;

export const FulfillmentOrderRequestStatusSchema = z.enum([
  'UNSUBMITTED',
  'SUBMITTED',
  'ACCEPTED',
  'REJECTED',
  'CANCELLATION_REQUESTED',
  'CANCELLATION_ACCEPTED',
  'CANCELLATION_REJECTED',
  'CLOSED',
]);
export type FulfillmentOrderRequestStatus = z.infer<typeof FulfillmentOrderRequestStatusSchema>;

export const FulfillmentOrderNodeSchema = z.object({
  id: z.string(),
  status: FulfillmentOrderStatusSchema,
  requestStatus: FulfillmentOrderRequestStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string().nullish(),
  order: z.object({ id: z.string(), name: z.string() }).nullish(),
  assignedLocation: z.object({
    name: z.string(),
    location: z.object({ id: z.string() }).nullish(),
  }),
  destination: MailingAddressSchema.nullish(),
  fulfillmentHolds: z.array(z.object({ reason: z.string() })).default([]),
  lineItems: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        sku: z.string().nullish(),
        productTitle: z.string().nullish(),
        totalQuantity: z.number().int(),
        remainingQuantity: z.number().int(),
        lineItem: z.object({ id: z.string() }).nullish(),
      }),
    ),
    pageInfo: PageInfoSchema.optional(),
  }),
});
export type FulfillmentOrderNode = z.infer<typeof FulfillmentOrderNodeSchema>;

export const FulfillmentOrdersDataSchema = z.object({
  fulfillmentOrders: z.object({ nodes: z.array(FulfillmentOrderNodeSchema), pageInfo: PageInfoSchema }),
});

export const OrderFulfillmentOrdersDataSchema = z.object({
  order: z
    .object({
      id: z.string(),
      fulfillmentOrders: z.object({ nodes: z.array(FulfillmentOrderNodeSchema), pageInfo: PageInfoSchema }),
    })
    .nullable(),
});

export const FulfillmentOrderDataSchema = z.object({
  fulfillmentOrder: FulfillmentOrderNodeSchema.nullable(),
});

export const FulfillmentOrderLinesDataSchema = z.object({
  fulfillmentOrder: z
    .object({ id: z.string(), lineItems: FulfillmentOrderNodeSchema.shape.lineItems })
    .nullable(),
});

export const UserErrorSchema = z.object({
  field: z.array(z.string()).nullish(),
  message: z.string(),
  code: z.string().nullish(),
});

export const FulfillmentCreateDataSchema = z.object({
  fulfillmentCreate: z.object({
    fulfillment: z.object({ id: z.string(), status: z.string().nullish() }).nullish(),
    userErrors: z.array(UserErrorSchema),
  }),
});

export const InventoryItemsDataSchema = z.object({
  inventoryItems: z.object({ nodes: z.array(z.object({ id: z.string(), sku: z.string().nullish() })) }),
});

export const InventorySetQuantitiesDataSchema = z.object({
  inventorySetQuantities: z.object({
    inventoryAdjustmentGroup: z.object({ id: z.string() }).loose().nullish(),
    userErrors: z.array(UserErrorSchema),
  }),
});

/** An inventory level with its named quantities. */
export const InventoryLevelNodeSchema = z.object({
  id: z.string(),
  updatedAt: z.string().nullish(),
  location: z.object({ id: z.string() }),
  quantities: z.array(z.object({ name: z.string(), quantity: z.number().int() })),
});
export type InventoryLevelNode = z.infer<typeof InventoryLevelNodeSchema>;

const InventoryLevelConnectionSchema = z.object({
  nodes: z.array(InventoryLevelNodeSchema),
  pageInfo: PageInfoSchema,
});

/** An inventory item and (a first page of) its levels. */
export const InventoryItemNodeSchema = z.object({
  id: z.string(),
  sku: z.string().nullish(),
  inventoryLevels: InventoryLevelConnectionSchema,
});
export type InventoryItemNode = z.infer<typeof InventoryItemNodeSchema>;

export const InventoryLevelsDataSchema = z.object({
  inventoryItems: z.object({ nodes: z.array(InventoryItemNodeSchema), pageInfo: PageInfoSchema }),
});

export const InventoryItemLevelsDataSchema = z.object({
  inventoryItem: z.object({ id: z.string(), inventoryLevels: InventoryLevelConnectionSchema }).nullable(),
});

export const InventoryAdjustQuantitiesDataSchema = z.object({
  inventoryAdjustQuantities: z.object({
    inventoryAdjustmentGroup: z
      .object({
        id: z.string(),
        changes: z
          .array(
            z.object({
              name: z.string(),
              delta: z.number().int(),
              quantityAfterChange: z.number().int().nullish(),
            }),
          )
          .optional(),
      })
      .nullish(),
    userErrors: z.array(UserErrorSchema),
  }),
});
