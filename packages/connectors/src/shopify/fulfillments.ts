import type { ShopifyContext } from './context.js';
import { shopifyError, userErrorsToError } from './errors.js';
import { FulfillmentCreateDataSchema } from './schemas.js';

const CREATE_MUTATION = `mutation FulfillmentCreate($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) {
    fulfillment { id status }
    userErrors { field message }
  }
}`;

/** The lines a fulfillment ships (all remaining ones when absent), and whether to notify the customer. */
interface FulfillmentBase {
  readonly company?: string;
  /** Fulfillment order line ids and quantities. */
  readonly lines?: readonly { readonly id: string; readonly quantity: number }[];
  readonly notifyCustomer?: boolean;
}

/** One tracking number (Shopify's `trackingInfo.number`), with its URL. */
export interface SingleTracking extends FulfillmentBase {
  readonly trackingNumber?: string;
  readonly url?: string;
  readonly trackingNumbers?: never;
  readonly urls?: never;
}

/** Several tracking numbers (e.g. one per parcel; Shopify's `trackingInfo.numbers`), with their URLs in the same order. */
export interface MultipleTracking extends FulfillmentBase {
  readonly trackingNumbers: readonly string[];
  readonly urls?: readonly string[];
  readonly trackingNumber?: never;
  readonly url?: never;
}

/** What {@link createFulfillment} ships: tracking (one number or several), and the lines. */
export type FulfillmentInput = SingleTracking | MultipleTracking;

/**
 * `FulfillmentTrackingInput` of the input: `number`/`url` for one number, `numbers`/`urls` for
 * several (the reference: never both forms, and URLs only with numbers).
 */
function trackingInfoOf(input: FulfillmentInput): Record<string, unknown> {
  const company = input.company === undefined ? {} : { company: input.company };
  if (input.trackingNumbers !== undefined) {
    return {
      ...(input.trackingNumbers.length === 0 ? {} : { numbers: [...input.trackingNumbers] }),
      ...(input.urls === undefined || input.urls.length === 0 ? {} : { urls: [...input.urls] }),
      ...company,
    };
  }
  return {
    ...(input.trackingNumber === undefined ? {} : { number: input.trackingNumber }),
    ...(input.url === undefined ? {} : { url: input.url }),
    ...company,
  };
}

/** Why the tracking of an input cannot be sent as the reference describes it, if it cannot. */
function trackingProblem(input: FulfillmentInput): string | undefined {
  const numbers = input.trackingNumbers?.length ?? (input.trackingNumber === undefined ? 0 : 1);
  const urls = input.urls?.length ?? (input.url === undefined ? 0 : 1);
  if (urls > 0 && numbers === 0)
    return 'tracking URLs need tracking numbers (trackingInfo.urls without numbers)';
  if (urls > numbers) return `${urls} tracking URLs for ${numbers} tracking numbers (trackingInfo.urls)`;
  return undefined;
}

/**
 * Ships a fulfillment order with `fulfillmentCreate`, with one tracking number (`trackingInfo.number`)
 * or several (`trackingInfo.numbers`, e.g. a shipment of several parcels); a `userErrors` answer
 * becomes a `ConnectorError` whose message names the field path.
 *
 * @example
 * const { id } = await createFulfillment(ctx, 'gid://shopify/FulfillmentOrder/1', { trackingNumber: '1Z…', company: 'UPS' }, op);
 * await createFulfillment(ctx, foId, { trackingNumbers: ['1Z…1', '1Z…2'], company: 'UPS' }, op);
 */
export async function createFulfillment(
  ctx: ShopifyContext,
  fulfillmentOrderId: string,
  input: FulfillmentInput,
  op: { readonly correlationId?: string | undefined; readonly signal?: AbortSignal | undefined },
): Promise<{ readonly id: string }> {
  const operation = 'fulfillments.create';
  const problem = trackingProblem(input);
  if (problem !== undefined) {
    throw shopifyError(operation, {
      message: problem,
      vendorCode: 'INVALID_INPUT',
      retryable: false,
      executed: 'no',
      correlationId: op.correlationId,
      externalId: fulfillmentOrderId,
    });
  }
  const trackingInfo = trackingInfoOf(input);
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
