import type { Clock } from '@crossdock/idempotency';
import type { GraphqlClient } from './client.js';

/** What every part of the Shopify connector shares. */
export interface ShopifyContext {
  readonly client: GraphqlClient;
  /** The time snapshots are taken at. */
  readonly clock: Pick<Clock, 'now'>;
  /** The shop domain, used as the `account` of external refs. */
  readonly shop: string;
  readonly apiVersion: string;
}

/** A reference to a Shopify object of this shop. */
export function shopifyRef(ctx: Pick<ShopifyContext, 'shop'>, id: string) {
  return { system: 'shopify', account: ctx.shop, id };
}

/** True when the API version wants `changeFromQuantity` and `@idempotent` on inventory writes (2026-04 on). */
export function needsChangeFrom(apiVersion: string): boolean {
  return apiVersion === 'unstable' || apiVersion >= '2026-04';
}

/** True when the API version has the `@idempotent` directive on inventory writes (2026-01 on, required from 2026-04). */
export function supportsIdempotent(apiVersion: string): boolean {
  return apiVersion === 'unstable' || apiVersion >= '2026-01';
}
