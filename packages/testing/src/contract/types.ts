import type { CheckId } from './check.js';

/**
 * Structural types of the connector contract suite. `@crossdock/testing` must not depend on
 * `@crossdock/connectors`, so these mirror only what the suite touches.
 *
 * @module
 */

/** What every call takes besides its input (a subset of the connectors' `OperationOptions`). */
export interface ContractCallOptions {
  readonly correlationId: string;
  readonly idempotencyKey?: string;
}

/** An external reference, `{ system, id }`. */
export interface ContractRef {
  readonly system: string;
  readonly id: string;
}

/** An inbound webhook: the raw body is what the signature covers. */
export interface ContractWebhook {
  readonly headers: Headers;
  readonly rawBody: string;
}

/** The release/cancel part of a fulfillment capability. */
export interface ContractFulfillment {
  release(
    request: never,
    options: ContractCallOptions,
  ): Promise<{ readonly ref: ContractRef; readonly existing: boolean; readonly handshake: string }>;
  cancel(ref: ContractRef, options: ContractCallOptions): Promise<{ readonly handshake: string }>;
  /** Reads a released request back, for the mapping round trip. */
  get?(ref: ContractRef, options: ContractCallOptions): Promise<unknown>;
}

/** A webhooks capability. */
export interface ContractWebhooks {
  verify(webhook: ContractWebhook, options?: { readonly now?: Date }): boolean;
  parse(webhook: ContractWebhook, options: ContractCallOptions): unknown;
}

/** Any connector: a `system` and capabilities, looked up by name at runtime (`orders.list`, …). */
export interface ContractConnector {
  readonly system: string;
}

/**
 * A call the suite makes by name: `operation` is `capability.method` (e.g. `inventory.levels`),
 * called as `connector[capability][method](...args, { correlationId })`.
 *
 * @example
 * const call: ContractCall = { operation: 'tracking.get', args: ['EZ1'] };
 */
export interface ContractCall {
  readonly operation: string;
  /** Arguments before the options. Default `[{}]` (an empty query). */
  readonly args?: readonly unknown[];
}

/** A call armed to receive a malformed vendor answer, and the field its error must name. */
export interface BadPayloadPlan extends ContractCall {
  readonly field: string;
}

/** Signed deliveries and what the scheme needs, for the webhook verification matrix. */
export interface WebhookFake {
  /** A delivery signed with `secret` (default: the secret the connector was configured with). */
  signedWebhook(secret?: string): ContractWebhook;
  /** The secret the connector verifies with. */
  readonly secret: string;
  /** A secret of the right form that is not the connector's. Default: derived from `secret`. */
  readonly wrongSecret?: string;
  /** Headers whose absence must fail verification (e.g. the signature header). */
  readonly requiredHeaders: readonly string[];
  /** For schemes with a timestamp: the `now` a fresh delivery verifies at and the tolerance. */
  readonly timestamp?: { readonly now: () => Date; readonly toleranceMs: number };
  /** A delivery whose body is malformed, and the field the parse error must name. */
  malformedWebhook?():
    | { readonly webhook: ContractWebhook; readonly field: string }
    | Promise<{ readonly webhook: ContractWebhook; readonly field: string }>;
}

/** Adds records the list capability sees, for the pagination check. */
export interface PaginationFake {
  /** The list call, e.g. `{ operation: 'orders.list', args: [{ pageSize: 3 }] }`; the suite adds `cursor`. */
  readonly list: ContractCall;
  /** Adds `n` records the list will show. */
  insert(n: number): Promise<void> | void;
  /** The identity of a listed item. Default `item.id`. */
  idOf?(item: unknown): string;
}

/** A clock both the connector (its limiter and its retry waits) and the fake count with; the suite moves it. */
export interface ContractClock {
  now(): number;
  /** Moves time forward and wakes whoever waits until then (`ManualClock` from `@crossdock/idempotency` fits). */
  advance(ms: number): Promise<void>;
}

/**
 * The published rate limit, observed through the fake, for the rate-limit checks. The fake enforces
 * the vendor's published limit on `clock` and counts what it refused, so "never over the limit" is
 * "the fake never had to refuse".
 *
 * @example
 * const rateLimit: RateLimitFake = {
 *   call: { operation: 'fulfillment.get', args: [{ system: 'shipbob', id: '1' }] },
 *   burst: 200, clock, refusals: () => fake.control.refusals, refuseNext: (ms) => fake.control.throttleNext(ms),
 *   requestTimes: () => fake.control.requests.map((r) => r.at),
 * };
 */
export interface RateLimitFake {
  /** A call that costs the vendor one request (or one query). */
  readonly call: ContractCall;
  /** How many calls to make at once: more than the published limit lets through without waiting. */
  readonly burst: number;
  readonly clock: ContractClock;
  /** Requests the fake refused (429, `THROTTLED`) because they were over its published limit, since `reset`. */
  refusals(): number;
  /**
   * The wait the `Retry-After` check arms. Default 7000. Lower it where the vendor cannot ask for that
   * long (Shopify's wait is bounded by one query's cost over the restore rate).
   */
  readonly retryAfterMs?: number;
  /** Arms the fake to refuse the next request as over the limit, telling the client to wait `retryAfterMs`. */
  refuseNext(retryAfterMs: number): void;
  /** When (on `clock`) the fake received each request since `reset`, in order. */
  requestTimes(): readonly number[];
}

/**
 * What the suite cannot know generically; every hook is optional and a check runs only when its
 * capability and hooks exist.
 *
 * @example
 * const fake: ContractFake = { sampleRequest: () => request(), ordersInFake: () => shipbob.control.orders().length };
 */
export interface ContractFake {
  /** A fresh canonical FulfillmentRequest to release (a new id each call). */
  sampleRequest?(): unknown;
  /** How many orders the fake holds. */
  ordersInFake?(): number;
  /** Resets the fake before each check. */
  reset?(): void;
  readonly webhooks?: WebhookFake;
  readonly pagination?: PaginationFake;
  /** Arms the next vendor answer of a call to be malformed. */
  badPayload?(): BadPayloadPlan | Promise<BadPayloadPlan>;
  /** Arms a vendor error that echoes the credential back (e.g. a 401 quoting the token). */
  leakyFailure?(): ContractCall | Promise<ContractCall>;
  /** How many HTTP requests the fake has seen. */
  requestsSeen?(): number;
  /** The published rate limit, for the burst and `Retry-After` checks. */
  readonly rateLimit?: RateLimitFake;
}

/**
 * What `runConnectorContract` checks.
 *
 * @example
 * runConnectorContract({ name: 'ShipBob', connector: shipbob, secrets: [TOKEN], fake });
 */
export interface ContractSubject {
  readonly name: string;
  readonly connector: ContractConnector;
  readonly fake: ContractFake;
  /** Credentials that must never appear in an error. */
  readonly secrets?: readonly string[];
  /** Checks known to fail for this connector: registered with `it.fails`, so a fix turns them red. */
  readonly knownFailures?: readonly CheckId[];
}
