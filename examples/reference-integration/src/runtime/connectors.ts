import { createEasyPostConnector, type EasyPostConnector } from '@crossdock/connectors/easypost';
import { createOdooConnector, type OdooConnector } from '@crossdock/connectors/odoo';
import {
  createShipBobConnector,
  type ShipBobConnector,
  shipbobRateLimiter,
} from '@crossdock/connectors/shipbob';
import { createShopifyConnector, type ShopifyConnector } from '@crossdock/connectors/shopify';
import { type IdempotencyStore, RateLimiter } from '@crossdock/idempotency';
import { createOdooClient, type OdooClient } from '@crossdock/odoo-client';
import type { Config } from '../config/schema.ts';

/** Every system the service talks to, built from the configuration. */
export interface Connectors {
  readonly odooClient: OdooClient;
  readonly odoo: OdooConnector;
  /** Warehouse connectors by routing target (`shipbob`). */
  readonly warehouses: { readonly shipbob: ShipBobConnector };
  readonly carrier?: EasyPostConnector;
  readonly channel?: ShopifyConnector;
}

/** Options for tests: how to reach a system differently. */
export interface ConnectorOverrides {
  /** Used by the Shopify connector, whose endpoint is derived from the shop's domain. */
  readonly shopifyFetch?: typeof fetch;
  /**
   * Paces EasyPost's Index endpoints instead of the connector's 4/s (EasyPost publishes 5/s): only
   * for a fake whose limit is lifted, as in the soak bench. Tracker creation lists first, so it is
   * bound by this pace.
   */
  readonly easypostIndexLimiter?: RateLimiter;
}

/**
 * A fetch that sends what the Shopify connector addresses to `https://<shop>` to `baseUrl` instead
 * (a fake shop, a recording proxy): the connector derives its endpoint from the shop's domain.
 */
export function fetchVia(baseUrl: string): typeof fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const target = `${baseUrl.replace(/\/$/, '')}${url.pathname}${url.search}`;
    return fetch(input instanceof Request ? new Request(target, input) : target, init);
  };
}

/**
 * The ShipBob limiter for a requests-per-minute budget, shaped as `shipbobRateLimiter` shapes 150
 * (half the budget as burst, refilled over the minute), so no 60-second window exceeds it.
 *
 * @example shipbobLimiter(150); // the connector's default: 75 burst, 1.25/s
 */
export function shipbobLimiter(perMinute: number): RateLimiter {
  if (perMinute === 150) return shipbobRateLimiter();
  return new RateLimiter({
    name: 'shipbob:api',
    capacity: Math.max(1, Math.floor(perMinute / 2)),
    refillPerSecond: perMinute / 120,
  });
}

/**
 * Builds the connectors. Writes Odoo cannot deduplicate itself (returns, delta adjustments) are
 * claimed in `store`, shared by every instance when it is PostgreSQL.
 */
export function createConnectors(
  config: Config,
  store: IdempotencyStore,
  overrides: ConnectorOverrides = {},
): Connectors {
  const { odoo } = config;
  const odooClient = createOdooClient({
    url: odoo.url,
    db: odoo.db,
    auth:
      odoo.apiKey === undefined
        ? { login: odoo.login, password: odoo.password ?? '' }
        : { apiKey: odoo.apiKey, login: odoo.login },
  });
  const shipbob = createShipBobConnector({
    token: config.shipbob.token,
    channelId: config.shipbob.channelId,
    webhookSecrets: config.shipbob.webhookSecrets,
    rateLimiter: shipbobLimiter(config.shipbob.requestsPerMinute),
    ...(config.shipbob.baseUrl === undefined ? {} : { baseUrl: config.shipbob.baseUrl }),
    ...(config.shipbob.returnsFulfillmentCenterId === undefined
      ? {}
      : { returnsFulfillmentCenterId: config.shipbob.returnsFulfillmentCenterId }),
  });
  const easypost = config.easypost;
  const shopify = config.shopify;
  return {
    odooClient,
    odoo: createOdooConnector({ client: odooClient, store }),
    warehouses: { shipbob },
    ...(easypost === undefined
      ? {}
      : {
          carrier: createEasyPostConnector({
            apiKey: easypost.apiKey,
            webhookSecret: easypost.webhookSecret,
            ...(easypost.baseUrl === undefined ? {} : { baseUrl: easypost.baseUrl }),
            ...(overrides.easypostIndexLimiter === undefined
              ? {}
              : { indexLimiter: overrides.easypostIndexLimiter }),
          }),
        }),
    ...(shopify === undefined
      ? {}
      : {
          channel: createShopifyConnector({
            shop: shopify.shop,
            accessToken: shopify.accessToken,
            apiSecret: shopify.apiSecret,
            ...(overrides.shopifyFetch === undefined
              ? shopify.baseUrl === undefined
                ? {}
                : { fetch: fetchVia(shopify.baseUrl) }
              : { fetch: overrides.shopifyFetch }),
          }),
        }),
  };
}
