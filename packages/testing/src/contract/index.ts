/**
 * The connector contract suite: vitest checks for the capabilities a connector declares, run
 * against its fake.
 *
 * @example
 * import { runConnectorContract } from '@crossdock/testing';
 * runConnectorContract({ name: 'ShipBob', connector, secrets: [TOKEN], fake: { sampleRequest, ordersInFake } });
 *
 * @module
 */
import { beforeEach, describe } from 'vitest';

export { type CheckId, check } from './check.js';

import { paginationChecks } from './pagination.js';
import { payloadChecks } from './payloads.js';
import { rateLimitChecks } from './rate-limit.js';
import { releaseChecks } from './release.js';
import type { ContractSubject } from './types.js';
import { webhookChecks } from './webhooks.js';

export { type ConnectorErrorShape, expectConnectorError, expectNoSecrets, thrown } from './errors.js';
export { invoke, methodOf } from './invoke.js';
export type {
  BadPayloadPlan,
  ContractCall,
  ContractCallOptions,
  ContractClock,
  ContractConnector,
  ContractFake,
  ContractFulfillment,
  ContractRef,
  ContractSubject,
  ContractWebhook,
  ContractWebhooks,
  PaginationFake,
  RateLimitFake,
  WebhookFake,
} from './types.js';

/**
 * Registers `describe`/`it` blocks for every contract check that applies: release idempotency and
 * cancel (fulfillment + `sampleRequest`), pagination under concurrent inserts (`pagination`),
 * the published rate limit under a burst and a refusal's `Retry-After` (`rateLimit`), the webhook
 * verification matrix (webhooks + `webhooks`), malformed payloads and credential
 * hygiene (`badPayload`, `leakyFailure`, `secrets`). Call it at the top level of a test file.
 *
 * @example
 * runConnectorContract({
 *   name: 'Shopify',
 *   connector: createShopifyConnector({ shop: shop.shop, accessToken, apiSecret }),
 *   secrets: [accessToken],
 *   fake: { pagination: { list: { operation: 'orders.list' }, insert: (n) => add(n) } },
 * });
 */
export function runConnectorContract(subject: ContractSubject): void {
  describe(`${subject.name} connector contract`, () => {
    const reset = subject.fake.reset;
    if (reset !== undefined) beforeEach(() => reset());
    releaseChecks(subject);
    paginationChecks(subject);
    webhookChecks(subject);
    payloadChecks(subject);
    // Last: they move the shared clock and spend the connector's allowance, which later checks
    // would otherwise wait for on a clock nobody advances.
    rateLimitChecks(subject);
  });
}
