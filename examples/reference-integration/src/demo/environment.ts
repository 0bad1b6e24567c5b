import { RateLimiter } from '@crossdock/idempotency';
import { createOdooClient, type OdooClient } from '@crossdock/odoo-client';
import {
  createEasyPostHandlers,
  createShipBobHandlers,
  createShopifyHandlers,
  type easypost,
  type ServedFakeOdoo,
  type ServedHandlers,
  SHIPBOB_DEFAULT_WEBHOOK_SECRET,
  serveFakeOdoo,
  serveHandlers,
  type shipbob,
  type shopify,
} from '@crossdock/testing';
import { type Config, ConfigSchema } from '../config/schema.ts';
import type { ConnectorOverrides } from '../runtime/connectors.ts';
import type { Logger } from '../runtime/runtime.ts';
import { memoryStores } from '../runtime/stores.ts';
import { createService, type Service, type ServiceOptions } from '../service.ts';

const ODOO_API_KEY = '<api-key>';
const SHIPBOB_TOKEN = 'shipbob-demo-token';
const EASYPOST_KEY = 'EZTK_demo_key';
const EASYPOST_WEBHOOK_SECRET = 'easypost-demo-webhook-secret';
const SHOP = 'crossdock-demo.myshopify.com';
const SHOPIFY_TOKEN = 'shpat_demo_token';
const SHOPIFY_SECRET = 'shpss_demo_secret';

/** The fake systems on loopback ports, and the configuration that points the service at them. */
export interface EmbeddedSystems {
  readonly odoo: ServedFakeOdoo;
  /** A client of the fake Odoo, for seeding and for checking the end state. */
  readonly odooClient: OdooClient;
  readonly shipbob: shipbob.ShipBobHandlers;
  readonly easypost: easypost.FakeEasyPost;
  readonly shopify: shopify.ShopifyHandlers;
  readonly config: Config;
  readonly overrides: ConnectorOverrides;
  close(): Promise<void>;
}

/** Options of {@link startEmbeddedSystems}. */
export interface EmbeddedOptions {
  /** The fake Odoo's major version. Default 19. */
  readonly odooVersion?: 18 | 19;
  /** The service's webhook port; 0 (the default) picks a free one. */
  readonly httpPort?: number;
  /** Extra settings over the embedded defaults (intervals, tolerance). */
  readonly config?: Partial<Config>;
  /**
   * Requests a minute the fake ShipBob allows, and the service's ShipBob budget. Default 150,
   * ShipBob's published limit; the soak bench lifts it to measure the service, not the limit.
   */
  readonly shipbobRequestsPerMinute?: number;
  /**
   * Index (list) requests a second the fake EasyPost allows, and the service's pace for them.
   * Default 5, EasyPost's published limit (the connector paces at 4); the soak bench lifts it.
   */
  readonly easypostIndexRequestsPerSecond?: number;
}

/**
 * Starts the fake Odoo, ShipBob, EasyPost and Shopify from `@crossdock/testing` on loopback ports
 * and answers the configuration that points the service at them, with in-memory stores: the
 * embedded default of `crossdock demo` and of the end-to-end tests.
 *
 * @example
 * const systems = await startEmbeddedSystems();
 * const service = await createService(systems.config, { overrides: systems.overrides });
 */
export async function startEmbeddedSystems(options: EmbeddedOptions = {}): Promise<EmbeddedSystems> {
  const version = options.odooVersion ?? 19;
  const odoo = await serveFakeOdoo({ version });
  const shipbobPerMinute = options.shipbobRequestsPerMinute ?? 150;
  const shipbobFake = createShipBobHandlers({ token: SHIPBOB_TOKEN, limitPerMinute: shipbobPerMinute });
  const easypostFake = createEasyPostHandlers({
    apiKey: EASYPOST_KEY,
    webhookSecret: EASYPOST_WEBHOOK_SECRET,
    ...(options.easypostIndexRequestsPerSecond === undefined
      ? {}
      : { indexRequestsPerSecond: options.easypostIndexRequestsPerSecond }),
  });
  const shopifyFake = createShopifyHandlers({
    shop: SHOP,
    accessToken: SHOPIFY_TOKEN,
    apiSecret: SHOPIFY_SECRET,
  });
  const served: ServedHandlers[] = await Promise.all([
    serveHandlers(shipbobFake, { origin: new URL(shipbobFake.baseUrl).origin }),
    serveHandlers(easypostFake.handlers, { origin: new URL(easypostFake.baseUrl).origin }),
    serveHandlers(shopifyFake, { origin: `https://${SHOP}` }),
  ]);
  const [shipbobServed, easypostServed, shopifyServed] = served as [
    ServedHandlers,
    ServedHandlers,
    ServedHandlers,
  ];
  const auth = version === 19 ? { apiKey: ODOO_API_KEY } : { password: 'admin' };
  const config = ConfigSchema.parse({
    odoo: { url: odoo.url, db: odoo.engine.database, login: 'admin', ...auth },
    shipbob: {
      baseUrl: shipbobServed.url,
      token: SHIPBOB_TOKEN,
      channelId: 1,
      webhookSecrets: SHIPBOB_DEFAULT_WEBHOOK_SECRET,
      returnsFulfillmentCenterId: 7,
      requestsPerMinute: shipbobPerMinute,
    },
    easypost: {
      baseUrl: `${easypostServed.url}/v2`,
      apiKey: EASYPOST_KEY,
      webhookSecret: EASYPOST_WEBHOOK_SECRET,
    },
    shopify: {
      shop: SHOP,
      accessToken: SHOPIFY_TOKEN,
      apiSecret: SHOPIFY_SECRET,
      baseUrl: shopifyServed.url,
    },
    http: { host: '127.0.0.1', port: options.httpPort ?? 0 },
    ...options.config,
  });
  const odooClient = createOdooClient({
    url: odoo.url,
    db: odoo.engine.database,
    auth: { login: 'admin', ...auth },
  });
  return {
    odoo,
    odooClient,
    shipbob: shipbobFake,
    easypost: easypostFake,
    shopify: shopifyFake,
    config,
    overrides:
      options.easypostIndexRequestsPerSecond === undefined
        ? {}
        : {
            easypostIndexLimiter: new RateLimiter({
              name: 'easypost:index',
              capacity: 1,
              refillPerSecond: options.easypostIndexRequestsPerSecond,
            }),
          },
    async close() {
      await Promise.all([odoo.close(), ...served.map((server) => server.close())]);
    },
  };
}

/** A logger that says nothing: the tests and the demo print their own lines. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * The service pointed at the embedded systems, on in-memory stores and a silent logger (each
 * overridable), not yet listening: call `start()` for the webhook endpoint and the pollers.
 *
 * @example
 * const service = await embeddedService(systems);
 * await pollReleases(service.runtime);
 */
export function embeddedService(systems: EmbeddedSystems, options: ServiceOptions = {}): Promise<Service> {
  return createService(systems.config, {
    overrides: systems.overrides,
    stores: memoryStores(systems.config),
    log: silentLogger,
    ...options,
  });
}
