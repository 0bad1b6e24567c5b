import { z } from 'zod';

const secret = z.string().min(1, { error: 'must not be empty' });
const list = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);
const port = z.coerce.number().int().min(0).max(65_535);
const ms = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** How to reach Odoo: a password (session/JSON-RPC) or an API key (JSON-2 on 19, JSON-RPC before). */
const OdooConfigSchema = z
  .object({
    url: z.url({ error: 'must be the Odoo base URL, like https://acme.odoo.com' }),
    db: z.string().min(1),
    login: z.string().min(1),
    password: secret.optional(),
    apiKey: secret.optional(),
  })
  .refine((odoo) => odoo.password !== undefined || odoo.apiKey !== undefined, {
    error: 'set ODOO_API_KEY (preferred) or ODOO_PASSWORD',
    path: ['apiKey'],
  });

const ShipBobConfigSchema = z.object({
  baseUrl: z.url().optional(),
  token: secret,
  channelId: z.coerce.number().int().positive(),
  webhookSecrets: list.pipe(z.array(secret).min(1)),
  /** Where ShipBob receives the returns Crossdock creates (ShipBob requires a fulfillment center). */
  returnsFulfillmentCenterId: z.coerce.number().int().positive().optional(),
  /**
   * Requests a minute the connector allows itself. Default 150, ShipBob's published limit; raise it
   * only where the account's limit is higher (the soak bench lifts it against the fake).
   */
  requestsPerMinute: z.coerce.number().int().positive().default(150),
});

const EasyPostConfigSchema = z.object({
  baseUrl: z.url().optional(),
  apiKey: secret,
  webhookSecret: secret,
});

const ShopifyConfigSchema = z.object({
  shop: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, { error: 'must be like acme.myshopify.com' }),
  accessToken: secret,
  apiSecret: secret,
  /** For tests and the embedded demo: where the shop's Admin API answers. */
  baseUrl: z.url().optional(),
});

/**
 * Which warehouse connector receives the pickings of each Odoo warehouse, by warehouse id or name
 * (`*` for the rest), or `odoo` to keep them in Odoo's own warehouse.
 */
const RoutingSchema = z
  .string()
  .transform((value, ctx) => {
    const routes: Record<string, string> = {};
    for (const pair of value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)) {
      const [warehouse, target] = pair.split('=').map((part) => part.trim());
      if (!warehouse || !target) {
        ctx.addIssue({
          code: 'custom',
          message: `"${pair}" must be WAREHOUSE=target, like 1=shipbob or *=shipbob`,
        });
        continue;
      }
      routes[warehouse] = target;
    }
    return routes;
  })
  .pipe(z.record(z.string(), z.enum(['shipbob', 'odoo'])));

/** The whole configuration, after defaults; secrets are only ever read from here, never printed. */
export const ConfigSchema = z
  .object({
    odoo: OdooConfigSchema,
    shipbob: ShipBobConfigSchema,
    easypost: EasyPostConfigSchema.optional(),
    shopify: ShopifyConfigSchema.optional(),
    routing: RoutingSchema.default({ '*': 'shipbob' }),
    store: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('memory') }),
        z.object({
          kind: z.literal('postgres'),
          url: z.url(),
          /** The PostgreSQL schema of every store's tables. Default `crossdock`. */
          schema: z
            .string()
            .regex(/^[a-z_][a-z0-9_]*$/)
            .default('crossdock'),
        }),
      ])
      .default({ kind: 'memory' }),
    http: z
      .object({ host: z.string().default('127.0.0.1'), port: port.default(8080) })
      .default({ host: '127.0.0.1', port: 8080 }),
    releaseIntervalMs: ms(30_000),
    shipmentPollIntervalMs: ms(300_000),
    snapshotIntervalMs: ms(3_600_000),
    /** The polling fallback for Shopify orders whose `orders/create` webhook was missed. */
    channelPollIntervalMs: ms(300_000),
    /** Whether the scheduled inventory pass applies variances above the tolerance (`reconcile --apply` does regardless). */
    reconcileApply: z
      .union([
        z.boolean(),
        z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1'),
      ])
      .default(false),
    /** Variances at or under this many units are reported, not adjusted. */
    reconcileTolerance: z.coerce.number().min(0).default(0),
    auditRetentionDays: z.coerce.number().int().min(1).default(30),
  })
  .strict();
export type Config = z.output<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;

/** Each environment variable and where it goes in the configuration. */
export const ENVIRONMENT: Readonly<Record<string, readonly string[]>> = {
  ODOO_URL: ['odoo', 'url'],
  ODOO_DB: ['odoo', 'db'],
  ODOO_LOGIN: ['odoo', 'login'],
  ODOO_PASSWORD: ['odoo', 'password'],
  ODOO_API_KEY: ['odoo', 'apiKey'],
  SHIPBOB_BASE_URL: ['shipbob', 'baseUrl'],
  SHIPBOB_TOKEN: ['shipbob', 'token'],
  SHIPBOB_CHANNEL_ID: ['shipbob', 'channelId'],
  SHIPBOB_WEBHOOK_SECRETS: ['shipbob', 'webhookSecrets'],
  SHIPBOB_RETURNS_FULFILLMENT_CENTER_ID: ['shipbob', 'returnsFulfillmentCenterId'],
  SHIPBOB_REQUESTS_PER_MINUTE: ['shipbob', 'requestsPerMinute'],
  EASYPOST_BASE_URL: ['easypost', 'baseUrl'],
  EASYPOST_API_KEY: ['easypost', 'apiKey'],
  EASYPOST_WEBHOOK_SECRET: ['easypost', 'webhookSecret'],
  SHOPIFY_SHOP: ['shopify', 'shop'],
  SHOPIFY_ACCESS_TOKEN: ['shopify', 'accessToken'],
  SHOPIFY_API_SECRET: ['shopify', 'apiSecret'],
  SHOPIFY_BASE_URL: ['shopify', 'baseUrl'],
  CROSSDOCK_ROUTING: ['routing'],
  CROSSDOCK_STORE: ['store', 'kind'],
  DATABASE_URL: ['store', 'url'],
  CROSSDOCK_DB_SCHEMA: ['store', 'schema'],
  CROSSDOCK_HTTP_HOST: ['http', 'host'],
  CROSSDOCK_HTTP_PORT: ['http', 'port'],
  CROSSDOCK_RELEASE_INTERVAL_MS: ['releaseIntervalMs'],
  CROSSDOCK_SHIPMENT_POLL_INTERVAL_MS: ['shipmentPollIntervalMs'],
  CROSSDOCK_SNAPSHOT_INTERVAL_MS: ['snapshotIntervalMs'],
  CROSSDOCK_CHANNEL_POLL_INTERVAL_MS: ['channelPollIntervalMs'],
  CROSSDOCK_RECONCILE_TOLERANCE: ['reconcileTolerance'],
  CROSSDOCK_RECONCILE_APPLY: ['reconcileApply'],
  CROSSDOCK_AUDIT_RETENTION_DAYS: ['auditRetentionDays'],
};

/** Paths whose values are credentials: never echoed, not even in a validation error. */
export const SECRET_PATHS = new Set([
  'odoo.password',
  'odoo.apiKey',
  'shipbob.token',
  'shipbob.webhookSecrets',
  'easypost.apiKey',
  'easypost.webhookSecret',
  'shopify.accessToken',
  'shopify.apiSecret',
  'store.url',
]);
