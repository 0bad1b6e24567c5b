import type { ExternalRef } from '@crossdock/canonical';
import type { Clock, IdempotencyStore, RateLimiter } from '@crossdock/idempotency';
import type { Connector, TrackingCapability, WebhooksCapability } from '../contract/capabilities.js';
import type { OperationOptions } from '../contract/operation.js';

/** A postal address in EasyPost's words. */
export interface LabelAddress {
  readonly name?: string;
  readonly company?: string;
  readonly street1: string;
  readonly street2?: string;
  readonly city: string;
  readonly state?: string;
  readonly zip: string;
  /** ISO 3166-1 alpha-2, e.g. `US`. */
  readonly country: string;
  readonly phone?: string;
  readonly email?: string;
}

/** A parcel: inches and ounces, as EasyPost measures. */
export interface LabelParcel {
  readonly length?: number;
  readonly width?: number;
  readonly height?: number;
  readonly weight: number;
  readonly predefinedPackage?: string;
}

/** What to buy a label for. Without `carrier`/`service`, the cheapest matching rate is bought. */
export interface LabelRequest {
  readonly shipment: { readonly from: LabelAddress; readonly to: LabelAddress; readonly parcel: LabelParcel };
  /** e.g. `Priority`, `Ground`. */
  readonly service?: string;
  /** e.g. `USPS`, `UPS` (compared case-insensitively). */
  readonly carrier?: string;
}

/** A bought label. */
export interface Label {
  readonly ref: ExternalRef;
  readonly shipmentId: string;
  readonly trackingNumber: string;
  readonly carrier: string;
  readonly service: string;
  /** Decimal string, e.g. `"7.50"`. */
  readonly rate: { readonly amount: string; readonly currency: string };
  readonly labelUrl: string;
  /** True when the label had already been bought for this idempotency key: nothing was bought now. */
  readonly existing: boolean;
}

/**
 * Buying shipping labels; the contract has no labels capability yet.
 *
 * @example
 * const label = await easypost.labels.buy({ shipment: { from, to, parcel } }, { correlationId, idempotencyKey: 'label:WH/OUT/00042' });
 */
export interface LabelsCapability {
  /**
   * Buys one label per `idempotencyKey` (required), however often it is called. A retry after a
   * create whose outcome is unknown never creates again: it finds the shipment or fails with
   * `vendorCode: 'LABEL_OUTCOME_UNKNOWN'` (`executed: 'unknown'`, retryable under the same key).
   */
  buy(request: LabelRequest, options: OperationOptions): Promise<Label>;
}

/** The EasyPost connector. */
export interface EasyPostConnector extends Connector {
  readonly system: 'easypost';
  readonly labels: LabelsCapability;
  readonly tracking: TrackingCapability;
  readonly webhooks: WebhooksCapability;
}

/** Options of `createEasyPostConnector`. */
export interface EasyPostConnectorOptions {
  readonly apiKey: string;
  /** Default `https://api.easypost.com/v2`. */
  readonly baseUrl?: string;
  /** The webhook secret; without it `webhooks.verify` rejects every delivery. */
  readonly webhookSecret?: string | readonly string[];
  readonly fetch?: typeof fetch;
  /**
   * Where label purchases are claimed by idempotency key, with each purchase's journal (the shipment
   * it created, or that its create went unanswered), so concurrent or retried buys with one key buy
   * one label. Default: a `MemoryStore` (this process only, forgotten on restart); pass a
   * `RedisStore` or `PostgresStore` when several instances buy labels or a retry may run after a restart.
   * @example new RedisStore({ redis })
   */
  readonly store?: IdempotencyStore;
  /**
   * Time for pacing, 429 waits and the lookup after an unanswered create. Default the system clock.
   * @example new ManualClock(Date.parse('2026-11-25T12:00:00Z')) // in tests, shared with the fake
   */
  readonly clock?: Clock;
  /**
   * Paces the Index (list) endpoints under EasyPost's published five requests a second. Default
   * `easypostIndexLimiter({ clock })`: one request every 250 ms, this process only; share one through
   * a `RedisTokenBucketStore` when several instances use the same API key.
   * @example easypostIndexLimiter({ store: new RedisTokenBucketStore({ redis }) })
   */
  readonly indexLimiter?: RateLimiter;
  /**
   * 429s waited out (their `Retry-After`, else a growing jittered backoff) and retried per request
   * before the 429 is thrown as a retryable `ConnectorError`. Default 3. @example 0
   */
  readonly maxRateLimitRetries?: number;
  /**
   * How a buy whose shipment create went unanswered looks for the shipment in EasyPost's listing,
   * which may lag, before refusing with `LABEL_OUTCOME_UNKNOWN`. Default `{ attempts: 4, delayMs: 1_000 }`
   * (looks now, then after 1 s, 2 s and 4 s). @example { attempts: 6, delayMs: 500 }
   */
  readonly lookup?: { readonly attempts?: number; readonly delayMs?: number };
}
