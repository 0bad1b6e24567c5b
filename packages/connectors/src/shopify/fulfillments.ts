import type { ShopifyContext } from './context.js';
import { shopifyError, userErrorsToError } from './errors.js';
import { FulfillmentCreateDataSchema } from './schemas.js';

const CREATE_MUTATION = `mutation FulfillmentCreate($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) {
    fulfillment { id status }
    userErrors { field message }
  }
}`;

/** What {@link createFulfillment} ships: tracking, and the lines (all remaining ones when absent). */
export interface FulfillmentInput {
  readonly trackingNumber?: string;
  readonly company?: string;
  readonly url?: string;
  /** Fulfillment order line ids and quantities. */
  readonly lines?: readonly { readonly id: string; readonly quantity: number }[];
  readonly notifyCustomer?: boolean;
}

/**
 * Ships a fulfillment order with `fulfillmentCreate`; a `userErrors` answer becomes a
 * `ConnectorError` whose message names the field path.
 *
 * @example
 * const { id } = await createFulfillment(ctx, 'gid://shopify/FulfillmentOrder/1', { trackingNumber: '1Z…', company: 'UPS' }, op);
 */
export async function createFulfillment(
  ctx: ShopifyContext,
  fulfillmentOrderId: string,
  input: FulfillmentInput,
  op: { readonly correlationId?: string | undefined; readonly signal?: AbortSignal | undefined },
): Promise<{ readonly id: string }> {
  const operation = 'fulfillments.create';
  const trackingInfo = {
    ...(input.trackingNumber === undefined ? {} : { number: input.trackingNumber }),
    ...(input.company === undefined ? {} : { company: input.company }),
    ...(input.url === undefined ? {} : { url: input.url }),
  };
  const data = await ctx.client.request({
    operation,
    query: CREATE_MUTATION,
    variables: {
      fulfillment: {
        lineItemsByFulfillmentOrder: [
          {
            fulfillmentOrderId,
            ...(input.lines === undefined
              ? {}
              : { fulfillmentOrderLineItems: input.lines.map((l) => ({ id: l.id, quantity: l.quantity })) }),
          },
        ],
        ...(Object.keys(trackingInfo).length === 0 ? {} : { trackingInfo }),
        notifyCustomer: input.notifyCustomer ?? false,
      },
    },
    data: FulfillmentCreateDataSchema,
    mutation: true,
    correlationId: op.correlationId,
    signal: op.signal,
  });
  const { fulfillment, userErrors } = data.fulfillmentCreate;
  if (userErrors.length > 0)
    throw userErrorsToError(operation, userErrors, op.correlationId, fulfillmentOrderId);
  if (!fulfillment) {
    throw shopifyError(operation, {
      message: 'no fulfillment in the answer',
      vendorCode: 'INVALID_PAYLOAD',
      retryable: false,
      executed: 'unknown',
      correlationId: op.correlationId,
      externalId: fulfillmentOrderId,
    });
  }
  return { id: fulfillment.id };
}
