import { describe, expect } from 'vitest';
import { check } from './check.js';
import { expectConnectorError, expectNoSecrets, thrown } from './errors.js';
import { invoke } from './invoke.js';
import type { ContractSubject } from './types.js';

/**
 * Registers the error checks: a malformed vendor answer is a ConnectorError-shaped error naming
 * the field; no credential of `subject.secrets` appears in it, nor in a vendor error that echoes
 * the credential back.
 *
 * @example
 * payloadChecks(subject);
 */
export function payloadChecks(subject: ContractSubject): void {
  const { badPayload, leakyFailure } = subject.fake;
  const secrets = subject.secrets ?? [];
  const op = { correlationId: `contract-${subject.name}` };
  if (badPayload === undefined && (leakyFailure === undefined || secrets.length === 0)) return;
  describe('errors', () => {
    if (badPayload !== undefined) {
      check(
        subject,
        'errors.badPayload',
        'turns a malformed vendor payload into a ConnectorError naming the field',
        async () => {
          const plan = await badPayload();
          const error = await thrown(() => invoke(subject.connector, plan, op));
          expectConnectorError(error, { system: subject.connector.system, operation: plan.operation });
          expect(error.message).toContain(plan.field);
          expectNoSecrets(error, secrets);
        },
      );
    }

    if (leakyFailure !== undefined && secrets.length > 0) {
      check(
        subject,
        'errors.noSecrets',
        'never puts a credential in an error, even when the vendor echoes it',
        async () => {
          const call = await leakyFailure();
          const error = await thrown(() => invoke(subject.connector, call, op));
          expectConnectorError(error, { system: subject.connector.system, operation: call.operation });
          expectNoSecrets(error, secrets);
        },
      );
    }
  });
}
