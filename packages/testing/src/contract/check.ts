import { it } from 'vitest';
import type { ContractSubject } from './types.js';

/** The id of each contract check, as `ContractSubject.knownFailures` names it. */
export type CheckId =
  | 'release.idempotency'
  | 'release.cancel'
  | 'mapping.roundTrip'
  | 'pagination.concurrent'
  | 'webhooks.valid'
  | 'webhooks.tampered'
  | 'webhooks.wrongSecret'
  | 'webhooks.missingHeader'
  | 'webhooks.stale'
  | 'webhooks.malformed'
  | 'rateLimit.burst'
  | 'rateLimit.retryAfter'
  | 'errors.badPayload'
  | 'errors.noSecrets';

/**
 * Registers one check: `it`, or `it.fails` (marked as a known failure) when the subject lists
 * `id` in `knownFailures`, so a documented defect keeps the suite green until it is fixed.
 *
 * @example
 * check(subject, 'webhooks.valid', 'accepts a validly signed delivery', () => { … });
 */
export function check(
  subject: ContractSubject,
  id: CheckId,
  title: string,
  run: () => Promise<void> | void,
): void {
  if (subject.knownFailures?.includes(id)) it.fails(`${title} [known failure: ${id}]`, run);
  else it(title, run);
}
